using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Npgsql;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Operations;

/// <summary>
/// The backup procedure of the README, run as an operator would (deploy/backup/backup.sh, then restore.sh into a
/// fresh cluster): every row of every table comes back identical, documents still match their SHA-256, and the
/// restored service answers with the same data and accepts the tokens it issued before (its keys are in the backup).
/// </summary>
public sealed class BackupRestoreTests(RegistryApiFactory api) : IClassFixture<RegistryApiFactory>
{
    private static readonly byte[] Minutes = "%PDF-1.7\n% proces-verbal sauvegarde\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_backup_restored_into_a_fresh_cluster_has_every_row_document_and_audit_entry_and_serves_them()
    {
        var number = await api.Actors.OrganizationAsync();
        var owner = await api.Actors.ClientAsync(Actor.Owner);
        var filed = await owner.DeclareAsync(number, new { kind = "GeneralAssembly", effectiveOn = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd") }, Minutes, "pv.pdf");
        await WorkflowSteps.Expect(filed, HttpStatusCode.Created);
        var declarationId = (string)(await filed.ReadJsonAsync())["id"]!;

        var folder = Directory.CreateTempSubdirectory("registry-backup-");
        var file = Path.Combine(folder.FullName, "registry.dump");
        await RunAsync("backup.sh", Uri(api.ConnectionString), file);
        Assert.True(File.Exists(file + ".sha256"));
        Assert.False(File.Exists(file + ".partial"));

        var fresh = await PostgresServer.StartFreshClusterAsync();
        var restored = await CreateDatabaseAsync(fresh, "registry_restored");
        await RunAsync("restore.sh", file, Uri(restored));

        var before = await FingerprintAsync(api.ConnectionString);
        var after = await FingerprintAsync(restored);
        Assert.Contains("registry.organizations", before.Keys);
        Assert.Contains("registry.audit_entries", before.Keys);
        Assert.Contains("registry.document_contents", before.Keys);
        Assert.True(before["registry.audit_entries"].Rows > 0 && before["registry.document_contents"].Rows > 0);
        Assert.Equal(before, after);
        Assert.Equal(0, await ScalarAsync<long>(restored,
            "SELECT count(*) FROM registry.documents d JOIN registry.document_contents c ON c.document_id = d.id WHERE encode(sha256(c.content), 'hex') <> d.sha256"));
        // Every audit chain intact in the restored database, as `Registry.Cli audit verify` checks it (the chains are restored, not re-made).
        using (var verifyOutput = new StringWriter())
        {
            var verified = await Registry.Cli.CliApp.RunAsync(["audit", "verify", "--connection", restored], verifyOutput, verifyOutput, CancellationToken.None);
            Assert.True(verified == 0, verifyOutput.ToString());
        }

        // The restored service: the public profile, and the owner's token (keys restored) fetching the minutes.
        await using var service = RegistryApiFactory.OnDatabase(restored);
        var anonymous = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/organizations/{number}")).StatusCode);
        var ownerThere = service.CreateClient();
        ownerThere.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization;
        var minutes = await ownerThere.GetAsync($"/api/v1/organizations/{number}/declarations/{declarationId}/document");
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);
        Assert.Equal(Minutes, await minutes.Content.ReadAsByteArrayAsync());
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_anything_is_restored()
    {
        await api.Actors.OrganizationAsync();
        var folder = Directory.CreateTempSubdirectory("registry-backup-");
        var file = Path.Combine(folder.FullName, "registry.dump");
        await RunAsync("backup.sh", Uri(api.ConnectionString), file);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(file, bytes);

        var server = await PostgresServer.InstanceAsync();
        var target = await CreateDatabaseAsync(server, "registry_damaged_" + Guid.NewGuid().ToString("N")[..8]);
        var (exitCode, output) = await TryRunAsync("restore.sh", file, Uri(target));

        Assert.Equal(1, exitCode);
        Assert.Contains("does not match its SHA-256", output, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>(target, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'registry'"));
        folder.Delete(recursive: true);
    }

    private sealed record TableFingerprint(long Rows, string Md5);

    /// <summary>Every table of the registry's and Identity's schemas: its row count and the MD5 of all its rows in a stable order.</summary>
    private static async Task<Dictionary<string, TableFingerprint>> FingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('registry', 'identity') AND table_type = 'BASE TABLE' ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprints = new Dictionary<string, TableFingerprint>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {table} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            fingerprints[table] = new TableFingerprint(reader.GetInt64(0), reader.GetString(1));
        }

        return fingerprints;
    }

    private static async Task<string> CreateDatabaseAsync(PostgresServer server, string name)
    {
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return server.ConnectionStringFor(name);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The connection string as the URI the scripts take (trust authentication here: no password).</summary>
    private static string Uri(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
    }

    private static async Task RunAsync(string script, params string[] args)
    {
        var (exitCode, output) = await TryRunAsync(script, args);
        Assert.True(exitCode == 0, $"{script} failed ({exitCode}):\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(string script, params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot(), "deploy", "backup", script));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PG_BIN"] = PostgresServer.BinDirectory;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository (Registry.sln) was not found above " + AppContext.BaseDirectory);
    }
}
