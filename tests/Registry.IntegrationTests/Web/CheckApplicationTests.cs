using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Applications.Queries.CheckApplication;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Security;
using Registry.Domain.Common;
using Registry.Domain.Legal;
using Registry.Infrastructure.Identity;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Web;

/// <summary>
/// CheckApplication, which the web's step pages use to show each broken rule beside its answers: the same rules as a
/// refused submission, without submitting, for the owner only.
/// </summary>
public sealed class CheckApplicationTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task It_reports_the_same_rules_as_a_refused_submission_and_leaves_the_draft_a_draft()
    {
        using var owner = await api.NewApplicantAsync();
        var body = JsonSerializer(Samples.Cooperative(province: "281"));
        body["members"]!.AsArray().RemoveAt(0);
        var id = await owner.DraftAsync(body);

        var rules = await CheckAsync(id, await OwnerOfAsync(id));

        using var submit = await owner.PostAsync($"/api/v1/applications/{id}/submit", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        var refused = (await submit.Content.ReadFromJsonAsync<JsonObject>())!["rules"]!.AsArray().Select(r => (string)r!["code"]!).ToList();
        Assert.Equal(refused, rules.Select(r => r.Code).ToList());
        Assert.Contains(LegalRuleCodes.CoopMinMembers, refused);
        Assert.Contains(LegalRuleCodes.RequiredDocuments, refused);
        Assert.Equal("Draft", (string)(await owner.GetFromJsonAsync<JsonObject>($"/api/v1/applications/{id}"))!["status"]!);
    }

    [Fact]
    public async Task A_lawful_application_breaks_nothing_and_a_submitted_one_is_not_checked()
    {
        using var owner = await api.NewApplicantAsync();
        var id = await owner.DraftAsync(Samples.Cooperative(province: "281"));
        await owner.CompleteAsync(id);
        var ownerId = await OwnerOfAsync(id);

        Assert.Empty(await CheckAsync(id, ownerId));
        await owner.SubmitAsync(id);
        Assert.Empty(await CheckAsync(id, ownerId));
    }

    [Fact]
    public async Task Another_applicants_application_is_not_found()
    {
        using var owner = await api.NewApplicantAsync();
        var id = await owner.DraftAsync(Samples.Cooperative(province: "281"));

        await Assert.ThrowsAsync<NotFoundException>(() => CheckAsync(id, Guid.NewGuid()));
    }

    private async Task<Guid> OwnerOfAsync(string id) =>
        await api.ScalarAsync<Guid>("SELECT owner_id FROM registry.applications WHERE id = $1", Guid.Parse(id));

    private async Task<IReadOnlyList<BrokenRule>> CheckAsync(string id, Guid userId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingPrincipal>().Principal = ActingPrincipal.For(userId, Roles.Applicant);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CheckApplication(Guid.Parse(id)));
    }

    private static JsonObject JsonSerializer(object body) => System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
}
