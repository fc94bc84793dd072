using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

/// <summary>
/// Search and statistics read from a PostgreSQL streaming replica (<c>ConnectionStrings:RegistryReadReplica</c>),
/// everything else from the primary: a real hot standby made with <c>pg_basebackup -R</c>. With the replica's
/// replay paused, an organisation registered on the primary has its public profile (primary) but is absent from
/// search and statistics (replica) until replay resumes.
/// </summary>
public sealed class ReadReplicaTests
{
    [Fact]
    public async Task Search_and_statistics_read_the_replica_while_writes_and_profiles_go_to_the_primary()
    {
        var primary = await PostgresServer.StartFreshClusterAsync();
        await using (var admin = new NpgsqlConnection(primary.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE registry", admin);
            await create.ExecuteNonQueryAsync();
        }

        var database = primary.ConnectionStringFor("registry");
        await TestDatabase.MigrateAsync(database);
        var replica = await primary.StartStreamingReplicaAsync();
        var replicaDatabase = replica.ConnectionStringFor("registry");
        Assert.True(await ScalarAsync<bool>(replicaDatabase, "SELECT pg_is_in_recovery()"));

        await using var api = RegistryApiFactory.OnDatabase(database, readReplica: replicaDatabase);
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var official = await api.Actors.ClientAsync(Actor.OfficialOfRegion);
        var analyst = await api.Actors.ClientAsync(Actor.Analyst);
        var anonymous = api.CreateClient();

        var firstName = Samples.UniqueLatin("Cooperative Replica");
        var first = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: firstName)));
        await replica.WaitForReplayOfAsync(primary);
        Assert.Contains(first, await SearchAsync(anonymous, firstName));
        Assert.Equal(1, await CountAsync(analyst));

        // Replay paused: the primary moves on, the replica stays where it was.
        await ExecuteAsync(replicaDatabase, "SELECT pg_wal_replay_pause()");
        var secondName = Samples.UniqueLatin("Cooperative Replica");
        var second = await official.ApproveAsync(await owner.SubmittedAsync(Samples.Cooperative(nameLatin: secondName)));

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/organizations/{second}")).StatusCode);
        Assert.Equal(2L, await ScalarAsync<long>(database, "SELECT count(*) FROM registry.organizations"));
        Assert.Equal(1L, await ScalarAsync<long>(replicaDatabase, "SELECT count(*) FROM registry.organizations"));
        Assert.DoesNotContain(second, await SearchAsync(anonymous, secondName));
        Assert.Equal(1, await CountAsync(analyst));

        await ExecuteAsync(replicaDatabase, "SELECT pg_wal_replay_resume()");
        await replica.WaitForReplayOfAsync(primary);
        Assert.Equal(second, (await SearchAsync(anonymous, secondName)).First());
        Assert.Equal(2, await CountAsync(analyst));
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string q)
    {
        var response = await client.GetAsync($"/api/v1/organizations?q={Uri.EscapeDataString(q)}");
        await WorkflowSteps.Expect(response, HttpStatusCode.OK);
        return [.. (await response.ReadJsonAsync())["items"]!.AsArray().Select(i => (string)i!["registrationNumber"]!)];
    }

    /// <summary>The organisations counted by the statistics (of every region and form).</summary>
    private static async Task<long> CountAsync(HttpClient analyst)
    {
        var response = await analyst.GetAsync("/api/v1/statistics/organizations");
        await WorkflowSteps.Expect(response, HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Sum(r => (long)r!["organizations"]!);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
