namespace Registry.Domain.Audit;

public enum AuditOutcome
{
    Succeeded,
    Refused,
}

/// <summary>One line of the audit trail: who did what to which application or organisation, when and why.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? ActorId { get; private set; }
    public string ActorRole { get; private set; } = "";
    public string Action { get; private set; } = "";
    public AuditOutcome Outcome { get; private set; }
    public Guid? ApplicationId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>What changed, as JSON (field names and codes, never personal data).</summary>
    public string? Changes { get; private set; }

    public static AuditEntry Record(DateTimeOffset occurredAt, Guid? actorId, string actorRole, string action,
        AuditOutcome outcome, Guid? applicationId, Guid? organizationId, string? reason, string? changes) => new()
    {
        OccurredAt = occurredAt,
        ActorId = actorId,
        ActorRole = actorRole,
        Action = action,
        Outcome = outcome,
        ApplicationId = applicationId,
        OrganizationId = organizationId,
        Reason = reason,
        Changes = changes,
    };
}
