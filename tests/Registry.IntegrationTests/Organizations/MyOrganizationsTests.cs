using Registry.Application.Common.Security;
using Registry.Application.Organizations.Queries.ListMyOrganizations;
using Registry.Domain.Compliance;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Organizations;

/// <summary>"My organisations" (the owner's web page): the owner's own, with their open findings; nobody else's, ever.</summary>
public sealed class MyOrganizationsTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task An_owner_lists_only_their_own_organisations_with_their_open_findings()
    {
        var (owner, ownerEmail) = await api.NewApplicantWithEmailAsync();
        var (other, otherEmail) = await api.NewApplicantWithEmailAsync();
        var official05 = await api.NewStaffAsync("RegionalOfficial", "05");
        var official07 = await api.NewStaffAsync("RegionalOfficial", "07");
        var inBeniMellal = await official05.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "091")));
        var inMarrakech = await official07.ApproveAsync(await owner.SubmittedAsync(Samples.Association(province: "351")));
        var othersOwn = await official05.ApproveAsync(await other.SubmittedAsync(Samples.Cooperative(province: "091")));
        await FindingAsync(inBeniMellal, "GA_OVERDUE", "Escalated");
        await FindingAsync(inBeniMellal, "ACCOUNTS_OVERDUE", "Upcoming");
        await FindingAsync(inMarrakech, "MANDATE_EXPIRED", "Resolved");
        await FindingAsync(othersOwn, "GA_OVERDUE", "Overdue");

        var mine = await ListAsAsync(await api.UserIdAsync(ownerEmail), Roles.Applicant);

        Assert.Equal(new[] { inBeniMellal, inMarrakech }.Order(StringComparer.Ordinal), mine.Select(o => o.RegistrationNumber)); // by number
        var beniMellal = mine.Single(o => o.RegistrationNumber == inBeniMellal);
        Assert.Equal((2, FindingStage.Escalated, "05"), (beniMellal.OpenFindings, beniMellal.GravestStage, beniMellal.RegionCode));
        var marrakech = mine.Single(o => o.RegistrationNumber == inMarrakech);
        Assert.Equal((0, (FindingStage?)null, "07"), (marrakech.OpenFindings, marrakech.GravestStage, marrakech.RegionCode)); // resolved is not open

        var theirs = await ListAsAsync(await api.UserIdAsync(otherEmail), Roles.Applicant);
        var only = Assert.Single(theirs);
        Assert.Equal((othersOwn, 1, FindingStage.Overdue), (only.RegistrationNumber, only.OpenFindings, only.GravestStage));
    }

    [Fact]
    public async Task Staff_and_anonymous_callers_own_nothing_even_in_their_regions()
    {
        var owner = await api.NewApplicantAsync();
        var (official, officialEmail) = await api.NewStaffWithEmailAsync("RegionalOfficial", "05");
        await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(province: "091")));

        Assert.Empty(await ListAsAsync(await api.UserIdAsync(officialEmail), Roles.RegionalOfficial, "05"));
        Assert.Empty(await ListAsAsync(null, Roles.Applicant));
        // An applicant with no organisation: none of anybody else's.
        var (_, newcomer) = await api.NewApplicantWithEmailAsync();
        Assert.Empty(await ListAsAsync(await api.UserIdAsync(newcomer), Roles.Applicant));
    }

    private Task<IReadOnlyList<MyOrganizationItem>> ListAsAsync(Guid? userId, string role, params string[] regions) =>
        api.SendAsAsync(userId, role, sender => sender.Send(new ListMyOrganizations()), regions);

    private Task<int> FindingAsync(string number, string rule, string stage) => api.ScalarAsync<int>(
        $"""
        INSERT INTO registry.findings (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at, resolved_at)
        SELECT id, id, '{rule}', '{stage}', DATE '2025-12-31', now(), now(), CASE WHEN '{stage}' = 'Resolved' THEN now() END
        FROM registry.organizations WHERE registration_number = $1
        """,
        number);
}
