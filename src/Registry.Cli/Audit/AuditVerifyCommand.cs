using System.Diagnostics;
using System.Globalization;
using Registry.Application.Common.Interfaces;
using Registry.Cli.Common;
using Registry.Infrastructure.Audit;

namespace Registry.Cli.Audit;

/// <summary>
/// <c>audit verify [--organization NUMBER] [--checkpoint FILE [--digest SHA256]]</c>: recomputes the audit trail's
/// hash chains in PostgreSQL (the same verifier as <c>GET /api/v1/admin/audit/verify</c>) and prints the first broken
/// entry; with a checkpoint (see <see cref="AuditCheckpointCommand"/>), also compares every chain with it.
/// Exit codes: 0 every chain intact, 4 a chain is broken or differs from the checkpoint, 5 no organisation has that
/// number, 6 the checkpoint file is not the published one.
/// </summary>
internal sealed class AuditVerifyCommand(string connectionString, TextWriter output)
{
    public const int Broken = 4;
    public const int NoSuchOrganization = 5;
    public const int NotThePublishedCheckpoint = 6;

    public async Task<int> RunAsync(string? organization, string? checkpoint, string? digest, CancellationToken cancellationToken)
    {
        var chains = await VerifyChainsAsync(organization, cancellationToken);
        if (chains != 0 || checkpoint is null)
        {
            return chains;
        }

        var actual = await AuditCheckpoint.DigestAsync(checkpoint, cancellationToken);
        await output.WriteLineAsync($"checkpoint {checkpoint}: SHA-256 {actual}");
        if (digest is not null && !string.Equals(digest, actual, StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync($"NOT THE PUBLISHED CHECKPOINT: its SHA-256 should be {digest.ToLowerInvariant()}");
            return NotThePublishedCheckpoint;
        }

        await using var dataSource = Database.Open(connectionString);
        using var reader = new StreamReader(checkpoint, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        CheckpointComparison comparison;
        try
        {
            comparison = await new AuditCheckpoint(dataSource).CompareAsync(reader, cancellationToken);
        }
        catch (FormatException e)
        {
            await output.WriteLineAsync($"NOT A CHECKPOINT: {e.Message}");
            return NotThePublishedCheckpoint;
        }

        var invariant = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(invariant, $"checkpoint taken at {comparison.TakenAt}: {comparison.ChainsInCheckpoint:N0} chains compared"));
        if (comparison.First is not { } first)
        {
            await output.WriteLineAsync("ok: every chain still holds the entry the checkpoint recorded");
            return 0;
        }

        await output.WriteLineAsync(string.Create(invariant, $"DIFFERS FROM THE CHECKPOINT: {comparison.Differing:N0} chains; the first:"));
        await output.WriteLineAsync(string.Create(invariant,
            $"  chain {first.ChainId}, sequence {first.Sequence}: {(first.Stored is null ? "the entry is gone (the chain was cut or removed)" : "another hash (the chain was rewritten up to here)")}"));
        await output.WriteLineAsync($"  checkpoint {first.Expected}");
        await output.WriteLineAsync($"  stored     {first.Stored ?? "(none)"}");
        return Broken;
    }

    private async Task<int> VerifyChainsAsync(string? organization, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.Open(connectionString);
        var verifier = new AuditChainVerifier(dataSource);
        var clock = Stopwatch.StartNew();
        var result = organization is null
            ? await verifier.VerifyAllAsync(cancellationToken)
            : await verifier.VerifyOrganizationAsync(organization, cancellationToken);
        var elapsed = clock.Elapsed;
        if (result is null)
        {
            await output.WriteLineAsync($"no organisation has the registration number '{organization}'");
            return NoSuchOrganization;
        }

        var invariant = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(invariant,
            $"audit trail ({result.Scope}): {result.EntriesChecked:N0} entries in {result.ChainsChecked:N0} chains checked in {elapsed.TotalSeconds:0.00} s"));
        if (result.FirstBroken is not { } broken)
        {
            await output.WriteLineAsync("ok: every chain is intact");
            return 0;
        }

        await output.WriteLineAsync(string.Create(invariant, $"BROKEN: {result.BrokenEntries:N0} entries break their chain; the first:"));
        await output.WriteLineAsync(string.Create(invariant, $"  entry id {broken.Id}, chain {broken.ChainId}, sequence {broken.Sequence}: {Describe(broken.Problem)}"));
        await output.WriteLineAsync($"  expected {broken.Expected ?? "(none)"}");
        await output.WriteLineAsync($"  stored   {broken.Stored ?? "(none)"}");
        return Broken;
    }

    private static string Describe(AuditChainProblem problem) => problem switch
    {
        AuditChainProblem.Sequence => "sequence (an entry before it is missing or was renumbered)",
        AuditChainProblem.Link => "link (its previous hash is not the hash of the entry before it: an entry was removed, replaced or re-hashed)",
        AuditChainProblem.Content => "content (its fields no longer hash to its stored hash: it was changed in place)",
        AuditChainProblem.Head => "head (the chain's recorded head is further on: entries after this one were removed; values are place:hash)",
        _ => problem.ToString(),
    };
}
