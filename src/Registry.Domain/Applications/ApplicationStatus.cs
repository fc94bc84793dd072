namespace Registry.Domain.Applications;

/// <summary>Draft → Submitted → (ChangesRequested → Submitted)* → Approved | Rejected (SPEC §3).</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    ChangesRequested,
    Approved,
    Rejected,
}
