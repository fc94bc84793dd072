using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

/// <summary>
/// PostgreSQL crashes while applicants are drafting applications, and comes back: requests during the outage fail
/// fast with 503 problem details, readiness goes red then green, the same process serves again without a restart,
/// and nothing is half-applied — every accepted draft is whole in the database, every refused one is absent (or, if
/// its COMMIT was in flight at the crash, whole) and, retried with its Idempotency-Key, exists exactly once.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task A_crash_of_the_database_under_load_fails_fast_recovers_without_a_restart_and_loses_or_halves_nothing()
    {
        var cluster = await PostgresServer.StartFreshClusterAsync(durable: true);
        var database = "registry_outage";
        await using (var admin = new NpgsqlConnection(cluster.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = cluster.ConnectionStringFor(database);
        await TestDatabase.MigrateAsync(connectionString);
        await using var service = RegistryApiFactory.OnDatabase(connectionString);
        var applicant = await service.NewApplicantAsync();
        var anonymous = service.CreateClient();
        var reference = await applicant.DraftAsync(Samples.Cooperative(nameLatin: Samples.UniqueLatin("Référence")));
        var membersPerDraft = await service.ScalarAsync<long>("SELECT count(*) FROM registry.application_members WHERE registration_application_id = $1", Guid.Parse(reference));
        Assert.True(membersPerDraft > 0);

        var attempts = new ConcurrentBag<Attempt>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                attempts.Add(await DraftAsync(applicant, Guid.NewGuid().ToString("N")));
                await Task.Delay(20);
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        cluster.Crash();

        // The outage: readiness red (liveness still green: the process is fine), requests refused quickly.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        var watch = Stopwatch.StartNew();
        var during = await DraftAsync(applicant, Guid.NewGuid().ToString("N"));
        watch.Stop();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"a request during the outage took {watch.Elapsed}");
        Assert.Equal("application/problem+json", during.ContentType);
        Assert.True(during.RetryAfter, "503 without Retry-After");
        attempts.Add(during);

        cluster.Restart();
        var ready = Stopwatch.StartNew();
        while ((await anonymous.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(ready.Elapsed < TimeSpan.FromSeconds(60), "readiness did not come back within 60 s of the restart");
            await Task.Delay(250);
        }

        var recoveredAt = DateTime.UtcNow;
        var afterRestart = attempts.Count;
        while (attempts.Count < afterRestart + 8)
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = attempts.ToList();
        Assert.DoesNotContain(all, a => a.Status == HttpStatusCode.InternalServerError);
        Assert.All(all, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{a.Key}: {a.Status}"));
        var refused = all.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        var accepted = all.Where(a => a.Status == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(accepted, a => a.StartedAt > recoveredAt);
        Assert.DoesNotContain(all, a => a.StartedAt > recoveredAt && a.Status != HttpStatusCode.Created);

        // The test's own connections (not the service's) from before the crash are dead: start afresh for checking.
        NpgsqlConnection.ClearAllPools();

        foreach (var a in accepted)
        {
            Assert.Equal(membersPerDraft, await MembersOfAsync(service, a.Name));
        }

        // A refused command is absent — except one whose COMMIT reached the server just as it crashed: the client
        // cannot know, so it is whole or absent, never half, and at most one per client in flight (4 here).
        var committedThoughRefused = 0;
        foreach (var a in refused)
        {
            var members = await MembersOfAsync(service, a.Name);
            Assert.True(members == -1 || members == membersPerDraft, $"{a.Name}: {members} members, half-applied");
            committedThoughRefused += members == -1 ? 0 : 1;
        }

        Assert.True(committedThoughRefused <= 4, $"{committedThoughRefused} refused drafts are in the database");

        // Retried with its Idempotency-Key, every refused command is done exactly once (replayed if it had committed).
        foreach (var a in refused)
        {
            Assert.Equal(HttpStatusCode.Created, (await DraftAsync(applicant, a.Key, a.Name)).Status);
            Assert.Equal(HttpStatusCode.Created, (await DraftAsync(applicant, a.Key, a.Name)).Status);
            Assert.Equal(membersPerDraft, await MembersOfAsync(service, a.Name));
        }
    }

    private sealed record Attempt(string Key, string Name, HttpStatusCode Status, string? ContentType, bool RetryAfter, DateTime StartedAt);

    private static async Task<Attempt> DraftAsync(HttpClient applicant, string key, string? name = null)
    {
        name ??= "Coopérative Panne " + key;
        var startedAt = DateTime.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications")
        {
            Content = JsonContent.Create(Samples.Cooperative(nameLatin: name)),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await applicant.SendAsync(request);
        return new Attempt(key, name, response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null, startedAt);
    }

    /// <summary>The members stored with the draft of that name, or -1 when there is no such draft.</summary>
    private static async Task<long> MembersOfAsync(RegistryApiFactory service, string name) =>
        await service.ScalarAsync<long>(
            "SELECT coalesce((SELECT count(m.*) FROM registry.applications a LEFT JOIN registry.application_members m ON m.registration_application_id = a.id WHERE a.name_latin = $1 GROUP BY a.id), -1)",
            name);
}
