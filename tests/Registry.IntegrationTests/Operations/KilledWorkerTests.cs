using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Registry.Infrastructure.Jobs;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

/// <summary>
/// A Hangfire worker dies in the middle of the compliance sweep: its job stays fetched and never finishes. Another
/// server picks it up once the invisibility timeout has passed without a heartbeat, runs it to the end, once.
/// The dead worker is simulated by the state it leaves in Hangfire's queue (fetched at a time, no server alive to
/// finish it): no process is killed here, and the sweep's own transactions roll back with a dead connection.
/// </summary>
[Collection(HangfireServers.Name)]
public sealed class KilledWorkerTests
{
    [Fact]
    public async Task A_sweep_left_fetched_by_a_dead_worker_is_run_to_the_end_once_by_another_server()
    {
        await using var dead = new RegistryApiFactory();
        await dead.InitializeAsync();
        var owner = await dead.NewApplicantAsync();
        using var official = await dead.NewStaffAsync("RegionalOfficial", "06");
        await official.ApproveAsync(await owner.SubmittedAsync());

        // The worker that died: it had fetched the sweep (the queue row says so) and will never report back.
        var job = dead.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ComplianceSweepJob>(sweep => sweep.RunAsync(CancellationToken.None));
        var jobId = long.Parse(job, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await dead.ScalarAsync<int>(
            "WITH fetched AS (UPDATE hangfire.jobqueue SET fetchedat = now() WHERE jobid = $1::bigint RETURNING 1) SELECT count(*)::int FROM fetched",
            jobId));

        // A server starts (a restart, or another machine): once the timeout has passed with no heartbeat, it runs the job.
        await using var survivor = dead.AnotherInstance(hangfireServer: true, new Dictionary<string, string> { ["Hangfire:InvisibilityTimeout"] = "00:00:02" });
        _ = survivor.Server;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? state;
        while ((state = await dead.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = $1::bigint", jobId)) != "Succeeded")
        {
            Assert.True(DateTime.UtcNow < deadline, $"the sweep a dead worker left is still {state} after 90 s");
            await Task.Delay(500);
        }

        Assert.Equal(1L, await dead.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.state WHERE jobid = $1::bigint AND name = 'Succeeded'", jobId));
        // Hangfire takes the job off the queue just after recording its success.
        while (await dead.ScalarAsync<long>("SELECT count(*) FROM hangfire.jobqueue WHERE jobid = $1::bigint", jobId) != 0)
        {
            Assert.True(DateTime.UtcNow < deadline.AddSeconds(10), "the job that succeeded is still in the queue");
            await Task.Delay(200);
        }

        Assert.Equal(0L, await dead.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT subject_id, rule_code FROM registry.findings WHERE resolved_at IS NULL GROUP BY 1, 2 HAVING count(*) > 1) twice"));
    }
}

/// <summary>
/// Tests that start Hangfire servers run one at a time: Hangfire keeps its storage in a static too, so two servers
/// started side by side by different tests can see each other's database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HangfireServers
{
    public const string Name = "Hangfire servers";
}
