using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

/// <summary>
/// Two API instances and two Hangfire servers on one PostgreSQL, as behind a load balancer: an Idempotency-Key
/// holds across instances (replayed there, refused with another body), and a recurring job is enqueued once per
/// occurrence of its schedule and performed once, though both servers schedule and both work. (A token issued by
/// one instance and accepted by the other: AccountTests.Another_API_instance_accepts_the_tokens_of_the_first.)
/// </summary>
[Collection(HangfireServers.Name)]
public sealed class ScaleOutTests
{
    [Fact]
    public async Task An_Idempotency_Key_holds_across_instances()
    {
        await using var first = new RegistryApiFactory();
        await first.InitializeAsync();
        await using var second = first.AnotherInstance();
        await second.InitializeAsync();
        var onFirst = await first.NewApplicantAsync();
        using var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization;
        var key = Guid.NewGuid().ToString();
        var name = Samples.UniqueLatin("Idempotente Partout");

        var created = await PostWithKey(onFirst, key, Samples.Cooperative(nameLatin: name));
        var replayed = await PostWithKey(onSecond, key, Samples.Cooperative(nameLatin: name));
        var altered = await PostWithKey(onSecond, key, Samples.Cooperative(nameLatin: name + " bis"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal((string)(await created.ReadJsonAsync())["id"]!, (string)(await replayed.ReadJsonAsync())["id"]!);
        Assert.Equal(HttpStatusCode.Conflict, altered.StatusCode);
        Assert.Equal(1L, await first.ScalarAsync<long>("SELECT count(*) FROM registry.applications WHERE name_latin LIKE $1", name + "%"));

        // Both instances at once, one key: one application.
        var racedKey = Guid.NewGuid().ToString();
        var racedName = Samples.UniqueLatin("Idempotente Concurrente");
        var raced = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            PostWithKey(i % 2 == 0 ? onFirst : onSecond, racedKey, Samples.Cooperative(nameLatin: racedName))));
        Assert.All(raced, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(raced.Select(async r => (string)(await r.ReadJsonAsync())["id"]!));
        Assert.Single(ids.Distinct());
        Assert.Equal(1L, await first.ScalarAsync<long>("SELECT count(*) FROM registry.applications WHERE name_latin = $1", racedName));
    }

    [Fact]
    public async Task Each_occurrence_of_a_recurring_job_runs_once_with_two_Hangfire_servers()
    {
        await using var first = new RegistryApiFactory { HangfireServerEnabled = true };
        await first.InitializeAsync();
        await using var second = first.AnotherInstance();
        await second.InitializeAsync();
        _ = first.Server;
        _ = second.Server;
        // Both servers announce themselves as they start; with the whole suite running in parallel on 2 cores that took
        // more than 30 s once (a CI run of session 19), so the wait is generous: the assertions are what follows.
        await WaitUntilAsync(async () => await first.ScalarAsync<long>("SELECT count(*) FROM hangfire.server") == 2, TimeSpan.FromSeconds(120));

        // Both instances registered the application's recurring jobs under the same ids: each exists once.
        Assert.Equal(5L, await first.ScalarAsync<long>("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs'"));

        var jobs = first.Services.GetRequiredService<IRecurringJobManager>();
        var started = DateTimeOffset.UtcNow;
        jobs.AddOrUpdate(RecurringProbe.Id, () => RecurringProbe.Run(null!), "*/5 * * * * *");
        await Task.Delay(TimeSpan.FromSeconds(16));
        jobs.RemoveIfExists(RecurringProbe.Id);
        var elapsed = DateTimeOffset.UtcNow - started;

        var created = await first.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.jobparameter WHERE name = 'RecurringJobId' AND value = $1", $"\"{RecurringProbe.Id}\"");
        var occurrences = (long)(elapsed.TotalSeconds / 5) + 1;
        Assert.InRange(created, 2, occurrences);
        await WaitUntilAsync(() => Task.FromResult(RecurringProbe.Runs.Count >= created), TimeSpan.FromSeconds(120));
        Assert.Equal(created, RecurringProbe.Runs.Count);
        Assert.Equal(created, RecurringProbe.Runs.Select(r => r.JobId).Distinct().Count());
    }

    private static Task<HttpResponseMessage> PostWithKey(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(200);
        }
    }
}

/// <summary>A recurring job that records each run (both Hangfire servers are in the test process).</summary>
public static class RecurringProbe
{
    public const string Id = "scale-out-probe";

    public static readonly ConcurrentQueue<(DateTimeOffset At, string JobId)> Runs = new();

    public static void Run(PerformContext context) => Runs.Enqueue((DateTimeOffset.UtcNow, context.BackgroundJob.Id));
}
