using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Compliance;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Compliance;

/// <summary>The sweep as a whole: idempotent, resumable, never twice at once; and the officials' side of findings.</summary>
public sealed class SweepTests(ComplianceApiFactory api) : IClassFixture<ComplianceApiFactory>, IAsyncLifetime
{
    private static readonly DateOnly Later = new(2029, 6, 1);
    private readonly List<string> _numbers = [];

    public async Task InitializeAsync()
    {
        if (await api.ScalarAsync<long>("SELECT count(*) FROM registry.organizations") > 0)
        {
            _numbers.AddRange(await Numbers());
            return;
        }

        _numbers.Add((await api.RegisterAsync(new DateOnly(2025, 3, 1))).Number);
        _numbers.Add((await api.RegisterAsync(new DateOnly(2025, 4, 1), Samples.Association())).Number);
        _numbers.Add((await api.RegisterAsync(new DateOnly(2025, 5, 1), Samples.Mutual())).Number);
        _numbers.Add((await api.RegisterAsync(new DateOnly(2025, 6, 1), Samples.Cooperative(province: "001"), "09")).Number);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_second_sweep_changes_nothing_and_queues_nothing()
    {
        await Reset();
        api.Clock.Set(Later);
        var first = await api.SweepAsync();
        Assert.True(first.Rules.Sum(r => r.FindingsChanged) > 0);

        var second = await api.SweepAsync();
        Assert.All(second.Rules, r => Assert.Equal((0, 0), (r.FindingsChanged, r.MessagesQueued)));
    }

    [Fact]
    public async Task A_sweep_stopped_half_way_and_run_again_ends_as_one_clean_run()
    {
        await Reset();
        api.Clock.Set(Later);
        await api.SweepAsync();
        var clean = await Snapshot();

        await Reset();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // The first four rules commit, then the worker dies.
            var sweep = (ComplianceSweep)scope.ServiceProvider.GetRequiredService<IComplianceSweep>();
            await sweep.RunRulesAsync(ComplianceSql.Rules.Keys.Take(4), DateOnly.FromDateTime(Later.ToDateTime(TimeOnly.MinValue)), api.Clock.GetUtcNow(), null, CancellationToken.None);
        }

        Assert.NotEqual(clean, await Snapshot());
        await api.SweepAsync();
        Assert.Equal(clean, await Snapshot());
    }

    [Fact]
    public async Task A_sweep_does_not_run_while_another_holds_the_sweep_lock()
    {
        await Reset();
        api.Clock.Set(Later);
        await using (var other = await api.OpenConnectionAsync())
        {
            await using var hold = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({ComplianceSweep.SweepLockKey})", other);
            await hold.ExecuteNonQueryAsync();
            var blocked = await api.SweepAsync();
            Assert.False(blocked.Ran);
            Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.findings"));

            // The nightly job does not call that a success: it fails, and Hangfire runs it again after its back-off.
            await using var scope = api.Services.CreateAsyncScope();
            var job = ActivatorUtilities.CreateInstance<Registry.Infrastructure.Jobs.ComplianceSweepJob>(scope.ServiceProvider);
            await Assert.ThrowsAsync<Registry.Infrastructure.Jobs.SweepLockHeldException>(() => job.RunAsync(CancellationToken.None));
            Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.findings"));
            await using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({ComplianceSweep.SweepLockKey})", other);
            await release.ExecuteNonQueryAsync();
        }

        Assert.True((await api.SweepAsync()).Ran);
    }

    [Fact]
    public async Task Sweeps_started_together_end_as_one_clean_run()
    {
        await Reset();
        api.Clock.Set(Later);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => api.SweepAsync())));
        Assert.Contains(results, r => r.Ran);

        // Whatever ran, the findings are those of one clean run.
        var state = await Snapshot();
        await Reset();
        await api.SweepAsync();
        Assert.Equal(await Snapshot(), state);
    }

    [Fact]
    public async Task Officials_see_the_escalated_findings_of_their_regions_with_a_proposed_action()
    {
        await Reset();
        api.Clock.Set(Later);
        await api.SweepAsync();
        var casablanca = await api.NewStaffAsync("RegionalOfficial", "06");
        var souss = await api.NewStaffAsync("RegionalOfficial", "09");

        var escalated = (await (await casablanca.GetAsync("/api/v1/compliance/findings?stage=Escalated&limit=200")).ReadJsonAsync())["items"]!.AsArray();
        Assert.NotEmpty(escalated);
        Assert.All(escalated, f => Assert.Contains("-06-", (string)f!["registrationNumber"]!, StringComparison.Ordinal));
        Assert.All(escalated, f => Assert.NotNull((string?)f!["proposedAction"]));
        Assert.Contains(escalated, f => (string)f!["ruleCode"]! == "INACTIVE" && (string)f["proposedAction"]! == "StrikeOffReferral");

        var soussFindings = (await (await souss.GetAsync("/api/v1/compliance/findings?limit=200")).ReadJsonAsync())["items"]!.AsArray();
        Assert.NotEmpty(soussFindings);
        Assert.All(soussFindings, f => Assert.Contains("-09-", (string)f!["registrationNumber"]!, StringComparison.Ordinal));

        var owner = await api.Actors.ClientAsync(Actor.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/v1/compliance/findings")).StatusCode);
    }

    [Fact]
    public async Task An_owner_sees_the_findings_of_their_own_organisations_and_no_one_elses()
    {
        var (number, email) = await api.RegisterAsync(new DateOnly(2025, 3, 1));
        api.Clock.Set(Later);
        await api.SweepAsync();
        var owner = await api.OwnerOnAsync(Later, email);
        var stranger = await api.NewApplicantAsync();

        var own = (await (await owner.GetAsync("/api/v1/compliance/findings?limit=200")).ReadJsonAsync())["items"]!.AsArray();
        var others = (await (await stranger.GetAsync("/api/v1/compliance/findings?limit=200")).ReadJsonAsync())["items"]!.AsArray();

        Assert.NotEmpty(own);
        Assert.All(own, f => Assert.Equal(number, (string)f!["registrationNumber"]!));
        Assert.Empty(others);
    }

    [Fact]
    public async Task Suspension_reinstatement_and_striking_off_are_an_official_decision_with_a_reason()
    {
        var number = (await api.RegisterAsync(new DateOnly(2025, 3, 1))).Number;
        api.Clock.Set(Later);
        var official = await api.NewStaffAsync("RegionalOfficial", "06");
        var other = await api.NewStaffAsync("RegionalOfficial", "09");

        Assert.Equal(HttpStatusCode.BadRequest, (await official.PostAsJsonAsync($"/api/v1/organizations/{number}/suspend", new { reason = "" })).StatusCode);
        // The organisation is public, so an official of another region is refused (403), not told it does not exist.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/organizations/{number}/suspend", new { reason = "Hors région" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/v1/organizations/COOP-09-2020-999999/suspend", new { reason = "N'existe pas" })).StatusCode);
        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/organizations/{number}/suspend", new { reason = "Assemblée générale non tenue depuis trois ans." }), HttpStatusCode.OK);
        Assert.Equal("Suspended", (string)(await (await api.CreateClient().GetAsync($"/api/v1/organizations/{number}")).ReadJsonAsync())["status"]!);
        // Suspending a suspended organisation conflicts with its state (SPEC §8: 409), it breaks no rule of the law (422).
        using var again = await official.PostAsJsonAsync($"/api/v1/organizations/{number}/suspend", new { reason = "Encore" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("ORGANIZATION_STATE", (string)(await again.ReadJsonAsync())["code"]!);
        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/organizations/{number}/reinstate", new { reason = "Régularisation constatée." }), HttpStatusCode.OK);
        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/organizations/{number}/strike-off", new { reason = "Inactivité de plus de deux ans (art. 13)." }), HttpStatusCode.OK);

        var history = (await (await official.GetAsync($"/api/v1/organizations/{number}/history")).ReadJsonAsync()).AsArray();
        var decisions = history.Where(e => (string)e!["action"]! == "organization.status-changed").ToList();
        Assert.Equal(3, decisions.Count);
        Assert.Equal("Inactivité de plus de deux ans (art. 13).", (string)decisions[^1]!["reason"]!);
        Assert.Contains(history, e => (string)e!["outcome"]! == "Refused");
    }

    [Fact]
    public async Task An_official_records_a_dissolution_with_its_reason_and_it_is_final()
    {
        var number = (await api.RegisterAsync(new DateOnly(2025, 3, 1))).Number;
        api.Clock.Set(Later);
        var official = await api.NewStaffAsync("RegionalOfficial", "06");

        Assert.Equal(HttpStatusCode.BadRequest, (await official.PostAsJsonAsync($"/api/v1/organizations/{number}/dissolve", new { reason = " " })).StatusCode);
        await WorkflowSteps.Expect(await official.PostAsJsonAsync($"/api/v1/organizations/{number}/dissolve",
            new { reason = "Dissolution votée par l'assemblée générale extraordinaire du 2029-05-20." }), HttpStatusCode.OK);

        Assert.Equal("Dissolved", (string)(await (await api.CreateClient().GetAsync($"/api/v1/organizations/{number}")).ReadJsonAsync())["status"]!);
        foreach (var decision in new[] { "reinstate", "suspend", "strike-off", "dissolve" })
        {
            Assert.Equal(HttpStatusCode.Conflict, (await official.PostAsJsonAsync($"/api/v1/organizations/{number}/{decision}", new { reason = "Encore" })).StatusCode);
        }

        var history = (await (await official.GetAsync($"/api/v1/organizations/{number}/history")).ReadJsonAsync()).AsArray();
        Assert.Equal("Dissolution votée par l'assemblée générale extraordinaire du 2029-05-20.",
            (string)history.Last(e => (string)e!["action"]! == "organization.status-changed")!["reason"]!);
    }

    private async Task<List<string>> Numbers()
    {
        var text = await api.ScalarAsync<string>("SELECT string_agg(registration_number, ',' ORDER BY registration_number) FROM registry.organizations");
        return [.. text!.Split(',')];
    }

    private async Task Reset()
    {
        await using var connection = await api.OpenConnectionAsync();
        await using var command = new Npgsql.NpgsqlCommand("DELETE FROM registry.outbox_messages; DELETE FROM registry.findings;", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> Snapshot() => await api.ScalarAsync<string>("""
        SELECT coalesce(string_agg(concat_ws(':', f.subject_id, f.rule_code, f.stage, f.due_on, f.proposed_action), '|' ORDER BY f.subject_id, f.rule_code), '')
            || '#' || (SELECT count(*) FROM registry.outbox_messages)
        FROM registry.findings f
        """) ?? "";
}
