using System.Globalization;
using Registry.Cli.Common;
using Registry.Infrastructure.Audit;

namespace Registry.Cli.Audit;

/// <summary>
/// <c>audit checkpoint --out FILE</c>: verifies the whole trail, then writes every chain's head to FILE (see
/// <see cref="AuditCheckpoint"/>) and prints the file's SHA-256, to be published where the database's owner cannot
/// write. <c>audit verify --checkpoint FILE --digest SHA256</c> later proves no chain was rewritten or removed since.
/// Exit codes: 0 written, 4 the trail is broken (nothing is written: a checkpoint must not vouch for it).
/// </summary>
internal sealed class AuditCheckpointCommand(string connectionString, TextWriter output)
{
    public async Task<int> RunAsync(string file, CancellationToken cancellationToken)
    {
        var verified = await new AuditVerifyCommand(connectionString, output).RunAsync(organization: null, checkpoint: null, digest: null, cancellationToken);
        if (verified != 0)
        {
            await output.WriteLineAsync("no checkpoint written: the trail must be intact first");
            return verified;
        }

        await using var dataSource = Database.Open(connectionString);
        var partial = file + ".partial";
        long chains;
        await using (var writer = AuditCheckpoint.CreateFile(partial))
        {
            chains = await new AuditCheckpoint(dataSource).WriteAsync(writer, cancellationToken);
        }

        File.Move(partial, file, overwrite: true);
        var digest = await AuditCheckpoint.DigestAsync(file, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"checkpoint of {chains:N0} chains written to {file}"));
        await output.WriteLineAsync($"SHA-256 {digest}  (publish it; verify later with: audit verify --checkpoint {file} --digest {digest})");
        return 0;
    }
}
