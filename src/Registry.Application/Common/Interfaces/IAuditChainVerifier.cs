namespace Registry.Application.Common.Interfaces;

/// <summary>Why an entry breaks its chain.</summary>
public enum AuditChainProblem
{
    /// <summary>The entry's place is not the one after its predecessor's (an entry before it was removed, or renumbered).</summary>
    Sequence,

    /// <summary>The entry's stored previous hash is not its predecessor's hash (an entry before it was removed, replaced or re-hashed).</summary>
    Link,

    /// <summary>The entry's content no longer hashes to its stored hash (a field was changed in place).</summary>
    Content,

    /// <summary>The chain's last entry is not the chain's recorded head (entries after it were removed). Values are "place:hash".</summary>
    Head,
}

/// <summary>
/// The first entry, in id order, that breaks its chain: the chain, its place in it, and what was expected against
/// what is stored (hashes in lower-case hex; for <see cref="AuditChainProblem.Sequence"/>, the positions).
/// </summary>
public sealed record BrokenAuditEntry(long Id, Guid ChainId, long Sequence, AuditChainProblem Problem, string? Expected, string? Stored);

/// <summary>The outcome of a verification: how much was checked and, when something is broken, where it starts.</summary>
public sealed record AuditVerification(bool Ok, string Scope, long ChainsChecked, long EntriesChecked, long BrokenEntries, BrokenAuditEntry? FirstBroken);

/// <summary>
/// Recomputes the audit trail's hash chains in PostgreSQL (set-based) and compares them with what is stored.
/// </summary>
public interface IAuditChainVerifier
{
    /// <summary>Every chain of the audit trail.</summary>
    Task<AuditVerification> VerifyAllAsync(CancellationToken cancellationToken);

    /// <summary>The chain of the organisation with this registration number (with its application's entries), or null when there is no such organisation.</summary>
    Task<AuditVerification?> VerifyOrganizationAsync(string registrationNumber, CancellationToken cancellationToken);
}
