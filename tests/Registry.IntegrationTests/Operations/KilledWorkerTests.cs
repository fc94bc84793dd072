using System.Globalization;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Compliance;
using Registry.Infrastructure.Compliance;
using Registry.Infrastructure.Jobs;
using Registry.Infrastructure.Notifications;
using Registry.IntegrationTests.Compliance;
using Registry.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.IntegrationTests.Operations;

/// <summary>
/// A real worker process (the API's program with its Hangfire server, as deploy/compose.yaml runs it) is killed
/// with SIGKILL in the middle of a job; another worker process is started on the same database. The job is
/// finished by the new one, once, and its work is what one clean run would have done.
/// </summary>
[Collection(HangfireServers.Name)]
public sealed class KilledWorkerTests(ITestOutputHelper output)
{
    /// <summary>Hangfire's <c>Cron.Never()</c>: the recurring jobs stay out of the way; the tests enqueue what they need.</summary>
    private const string Never = "0 0 31 2 *";

    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["Registry:Compliance:Cron"] = Never,
        ["Registry:Notifications:Cron"] = Never,
        ["Registry:OpenData:Cron"] = Never,
    };

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_the_sweep_leaves_whole_rules_and_the_restarted_worker_finishes_it_once()
    {
        await using var api = new ComplianceApiFactory { Settings = Quiet };
        await api.InitializeAsync();
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        // Registered long enough ago that today's sweep finds something under nearly every rule, including rules
        // after the one that will be blocked (the mutual's annual return, the association's board).
        await api.RegisterAsync(new DateOnly(2024, 3, 1));
        await api.RegisterAsync(new DateOnly(2024, 4, 1), Samples.Association());
        await api.RegisterAsync(new DateOnly(2024, 5, 1), Samples.Mutual());
        await api.RegisterAsync(new DateOnly(2024, 6, 1), Samples.Cooperative(province: "001"), "09");

        // The sweep commits rule by rule, in this order. BOARD_REQUIRED is the first rule to read declarations: with
        // that table locked, the sweep stops there, every earlier rule committed, every later one not yet run.
        var rules = ComplianceSql.Rules.Keys.ToList();
        var blocked = rules.IndexOf(ComplianceRules.BoardRequired);
        string[] done = [.. rules.Take(blocked)], notYet = [.. rules.Skip(blocked)];

        WorkerProcess? first = null, second = null;
        try
        {
            string jobId;
            await using (var blocker = await api.OpenConnectionAsync())
            {
                await using var hold = await blocker.BeginTransactionAsync();
                await ExecuteAsync(blocker, "LOCK TABLE registry.declarations IN ACCESS EXCLUSIVE MODE");

                first = await WorkerProcess.StartAsync(api.ConnectionString, "killed-worker", Worker(smtp));
                // As production's schedule does: the recurring job enqueues the sweep.
                jobId = api.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(ComplianceSweepJob.RecurringId)
                    ?? throw new InvalidOperationException("The recurring sweep is not registered.");

                await WaitUntilAsync(api, 60, "the sweep waiting on the declarations lock, earlier rules committed", first, async () =>
                    await api.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = $1::bigint", long.Parse(jobId, CultureInfo.InvariantCulture)) == "Processing"
                    && await api.ScalarAsync<long>(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'killed-worker' AND wait_event_type = 'Lock' AND query LIKE '%registry.declarations%'") == 1);
                Assert.True(await FindingsUnderAsync(api, done) > 0, "the rules before the lock committed their findings");
                Assert.Equal(0L, await FindingsUnderAsync(api, notYet));

                await first.KillAsync();
                // Hangfire does not know: the job is still Processing, its DisableConcurrentExecution lock still held.
                Assert.Equal("Processing", await JobStateAsync(api, jobId));
                output.WriteLine($"Hangfire locks left by the killed worker: {await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.lock")}");

                // The killed worker's sessions end as PostgreSQL sees their sockets closed — the one still waiting on the
                // lock too, while the lock is held (the sweep's connection checks its client every 5 s): its rule's
                // transaction rolls back and the sweep's advisory lock is released.
                await WaitUntilAsync(api, 30, "the killed worker's sessions to end, the one waiting on the lock included", first, async () =>
                    await api.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'killed-worker'") == 0);
                await hold.RollbackAsync();
            }

            Assert.Equal(0L, await FindingsUnderAsync(api, notYet));

            // A restart: the job is fetched again once the invisibility timeout has passed without a heartbeat.
            second = await WorkerProcess.StartAsync(api.ConnectionString, "restarted-worker", Worker(smtp, restarted: true));
            await WaitUntilAsync(api, 90, "the sweep to succeed on the restarted worker", second, async () => await JobStateAsync(api, jobId) == "Succeeded");

            var id = long.Parse(jobId, CultureInfo.InvariantCulture);
            Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.state WHERE jobid = $1::bigint AND name = 'Succeeded'", id));
            Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.state WHERE jobid = $1::bigint AND name = 'Failed'", id));
            Assert.Equal(2L, await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.state WHERE jobid = $1::bigint AND name = 'Processing'", id));
            Assert.True(await FindingsUnderAsync(api, notYet) > 0, "the rules after the lock were run by the restarted worker");
            Assert.Equal(0L, await api.ScalarAsync<long>(
                "SELECT count(*) FROM (SELECT 1 FROM registry.outbox_messages GROUP BY finding_id, stage HAVING count(*) > 1) twice"));
            await second.KillAsync();
            var afterKill = await SnapshotAsync(api);

            // What one clean sweep makes of the same data on the same day.
            await using (var reset = await api.OpenConnectionAsync())
            {
                await ExecuteAsync(reset, "DELETE FROM registry.outbox_messages; DELETE FROM registry.findings;");
            }

            await using (var scope = api.Services.CreateAsyncScope())
            {
                var sweep = scope.ServiceProvider.GetRequiredService<IComplianceSweep>();
                Assert.True((await sweep.RunAsync(LegalCalendar.Today(TimeProvider.System), TimeProvider.System.GetUtcNow(), null, CancellationToken.None)).Ran);
            }

            Assert.Equal(await SnapshotAsync(api), afterKill);
        }
        finally
        {
            await ReportAsync(first, second);
        }
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_e_mail_delivery_leaves_each_message_sent_exactly_once_after_the_restart()
    {
        const int count = 20;
        const int acceptedBeforeKill = 7;
        await using var api = new RegistryApiFactory { Settings = Quiet };
        await api.InitializeAsync();
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        for (var i = 0; i < count; i++)
        {
            await api.ScalarAsync<long>("""
                INSERT INTO registry.outbox_messages
                    (finding_id, stage, due_on, rule_code, registration_number, subject_name, recipient, created_at, attempts, next_attempt_at)
                VALUES ($1, 'Overdue', DATE '2026-12-31', $2, $3, 'Coopérative Tighanimine', $4, now(), 0, now() - interval '1 second')
                RETURNING id
                """, 7000L + i, ComplianceRules.GaOverdue, $"COOP-06-2026-{7000 + i:D6}", $"gerant-{i}@example.ma");
        }

        // The relay accepts seven messages, then hangs on the eighth: its data received, no 250 sent.
        var held = smtp.HoldAfter(acceptedBeforeKill);
        WorkerProcess? first = null, second = null;
        try
        {
            first = await WorkerProcess.StartAsync(api.ConnectionString, "killed-worker", Worker(smtp));
            var jobId = api.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DeliverNotificationsJob>(job => job.RunAsync(CancellationToken.None));
            await held.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(acceptedBeforeKill, smtp.Messages.Count);

            await first.KillAsync();
            smtp.ReleaseHeld(); // refused: the relay never accepted the message in flight
            await WaitUntilAsync(api, 30, "the killed worker's sessions to end", first, async () =>
                await api.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'killed-worker'") == 0);
            var markedByTheKilledWorker = await api.ScalarAsync<long>("SELECT count(*) FROM registry.outbox_messages WHERE sent_at IS NOT NULL");

            second = await WorkerProcess.StartAsync(api.ConnectionString, "restarted-worker", Worker(smtp, restarted: true));
            await WaitUntilAsync(api, 90, "the delivery to succeed on the restarted worker", second, async () =>
                await JobStateAsync(api, jobId) == "Succeeded"
                && await api.ScalarAsync<long>("SELECT count(*) FROM registry.outbox_messages WHERE sent_at IS NULL") == 0);

            var received = smtp.Messages;
            var twice = received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{received.Count} messages received for {count} rows; sent twice: {string.Join(", ", twice)}");
            Assert.Equal(count, received.Count);
            Assert.Equal(count, received.Select(m => m.Headers[NotificationMessageFactory.FindingHeader]).Distinct().Count());
            Assert.Equal(
                Enumerable.Range(0, count).Select(i => $"gerant-{i}@example.ma").Order(StringComparer.Ordinal),
                received.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
            Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM registry.outbox_messages WHERE sent_at IS NULL OR attempts > 0"));
            Assert.Equal(1L, await api.ScalarAsync<long>(
                "SELECT count(*) FROM hangfire.state WHERE jobid = $1::bigint AND name = 'Succeeded'", long.Parse(jobId, CultureInfo.InvariantCulture)));
            // What the killed worker had sent was recorded as it went: the restart sent only the rest.
            Assert.Equal(acceptedBeforeKill, markedByTheKilledWorker);
        }
        finally
        {
            await ReportAsync(first, second);
        }
    }

    /// <summary>The worker's settings: the test's relay, patient enough to hang until killed; the restarted one takes a dead worker's job over after 2 s.</summary>
    private static Dictionary<string, string> Worker(TestSmtpServer smtp, bool restarted = false)
    {
        var settings = new Dictionary<string, string>(Quiet)
        {
            ["Registry:Smtp:Host"] = "127.0.0.1",
            ["Registry:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Registry:Smtp:TimeoutSeconds"] = "120",
        };
        if (restarted)
        {
            settings["Hangfire:InvisibilityTimeout"] = "00:00:02";
        }

        return settings;
    }

    private static async Task<long> FindingsUnderAsync(RegistryApiFactory api, string[] rules) =>
        await api.ScalarAsync<long>("SELECT count(*) FROM registry.findings WHERE rule_code = ANY($1)", (object)rules);

    private static async Task<string?> JobStateAsync(RegistryApiFactory api, string jobId) =>
        await api.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = $1::bigint", long.Parse(jobId, CultureInfo.InvariantCulture));

    /// <summary>Every finding and every queued message, by subject and rule (ids and times aside).</summary>
    private static async Task<string> SnapshotAsync(RegistryApiFactory api) =>
        await api.ScalarAsync<string>("""
            SELECT coalesce((SELECT string_agg(concat_ws(':', f.subject_id, f.rule_code, f.stage, f.due_on, f.proposed_action), E'\n' ORDER BY f.subject_id, f.rule_code)
                             FROM registry.findings f), '')
                || E'\n#\n'
                || coalesce((SELECT string_agg(concat_ws(':', f.subject_id, f.rule_code, m.stage, m.due_on, m.recipient), E'\n' ORDER BY f.subject_id, f.rule_code, m.stage, m.due_on)
                             FROM registry.outbox_messages m JOIN registry.findings f ON f.id = m.finding_id), '')
            """) ?? "";

    private static async Task WaitUntilAsync(RegistryApiFactory api, int seconds, string what, WorkerProcess worker, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var activity = await api.ScalarAsync<string>(
                    "SELECT string_agg(concat_ws(' | ', application_name, state, wait_event_type, left(query, 80)), E'\n') FROM pg_stat_activity WHERE datname = current_database()");
                Assert.Fail($"Waited {seconds} s for {what}.{Environment.NewLine}Sessions:{Environment.NewLine}{activity}{Environment.NewLine}Worker {worker.Name}:{Environment.NewLine}{worker.Output}");
            }

            await Task.Delay(200);
        }
    }

    private async Task ReportAsync(params WorkerProcess?[] workers)
    {
        foreach (var worker in workers.OfType<WorkerProcess>())
        {
            await worker.DisposeAsync();
            output.WriteLine($"--- worker {worker.Name} ---{Environment.NewLine}{worker.Output}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
