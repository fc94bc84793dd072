using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Registry.Cli;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Audit;

/// <summary>The two ways an operator verifies the audit trail, and what a test reads of a chain.</summary>
internal static class AuditChecks
{
    public sealed record ChainEntry(long Id, Guid ChainId, long Sequence, string Action, byte[]? PreviousHash, byte[] EntryHash);

    /// <summary>GET /api/v1/admin/audit/verify as the administrator; asserts 200.</summary>
    public static async Task<JsonNode> VerifyByEndpointAsync(this RegistryApiFactory api, string? organization = null)
    {
        var admin = await api.Actors.ClientAsync(Actor.Administrator);
        var response = await admin.GetAsync("/api/v1/admin/audit/verify" + (organization is null ? "" : $"?organization={organization}"));
        await WorkflowSteps.Expect(response, HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>`Registry.Cli audit verify` against the test's database: its exit code and what it printed.</summary>
    public static Task<(int ExitCode, string Output)> VerifyByCliAsync(this RegistryApiFactory api, string? organization = null) =>
        organization is null ? api.CliAsync("audit", "verify") : api.CliAsync("audit", "verify", "--organization", organization);

    /// <summary>A `Registry.Cli` command against the test's database: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> CliAsync(this RegistryApiFactory api, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--connection", api.ConnectionString], output, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    /// <summary>The entries of a chain in chain order, read straight from the table.</summary>
    public static async Task<IReadOnlyList<ChainEntry>> ChainAsync(this RegistryApiFactory api, Guid chainId)
    {
        await using var connection = await api.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, chain_id, chain_seq, action, previous_hash, entry_hash FROM registry.audit_entries WHERE chain_id = $1 ORDER BY chain_seq", connection)
        {
            Parameters = { new() { Value = chainId } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<ChainEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new ChainEntry(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : (byte[])reader[4], (byte[])reader[5]));
        }

        return entries;
    }

    /// <summary>Positions 1..n, each entry's previous hash its predecessor's hash, the first with none.</summary>
    public static void AssertLinked(IReadOnlyList<ChainEntry> chain)
    {
        Assert.NotEmpty(chain);
        for (var i = 0; i < chain.Count; i++)
        {
            Assert.Equal(i + 1, chain[i].Sequence);
            Assert.Equal(32, chain[i].EntryHash.Length);
            if (i == 0)
            {
                Assert.Null(chain[i].PreviousHash);
            }
            else
            {
                Assert.Equal(chain[i - 1].EntryHash, chain[i].PreviousHash);
            }
        }
    }

    /// <summary>Runs SQL as the table's owner would to get past the append-only trigger: disabling it for one statement.</summary>
    public static async Task TamperAsOwnerAsync(this RegistryApiFactory api, string sql, params object[] parameters)
    {
        await using var connection = await api.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var disable = new NpgsqlCommand("ALTER TABLE registry.audit_entries DISABLE TRIGGER audit_entries_append_only", connection, transaction))
        {
            await disable.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }

            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await using (var enable = new NpgsqlCommand("ALTER TABLE registry.audit_entries ENABLE TRIGGER audit_entries_append_only", connection, transaction))
        {
            await enable.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
