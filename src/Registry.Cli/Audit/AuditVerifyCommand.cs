using System.Diagnostics;
using System.Globalization;
using Registry.Application.Common.Interfaces;
using Registry.Cli.Common;
using Registry.Infrastructure.Audit;

namespace Registry.Cli.Audit;

/// <summary>
/// <c>audit verify [--organization NUMBER]</c>: recomputes the audit trail's hash chains in PostgreSQL (the same
/// verifier as <c>GET /api/v1/admin/audit/verify</c>) and prints the first broken entry.
/// Exit codes: 0 every chain intact, 4 a chain is broken, 5 no organisation has that number.
/// </summary>
internal sealed class AuditVerifyCommand(string connectionString, TextWriter output)
{
    public const int Broken = 4;
    public const int NoSuchOrganization = 5;

    public async Task<int> RunAsync(string? organization, CancellationToken cancellationToken)
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
