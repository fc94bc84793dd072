namespace Registry.Domain.Compliance;

/// <summary>Upcoming (30 days before the due date) → Overdue (past it) → Escalated (over 90 days, or a striking-off ground); Resolved once complied.</summary>
public enum FindingStage
{
    Upcoming,
    Overdue,
    Escalated,
    Resolved,
}

/// <summary>What the registry proposes to the official for an escalated finding; the decision is always theirs.</summary>
public enum ProposedAction
{
    Reminder,
    Suspension,
    StrikeOffReferral,
}

/// <summary>
/// One finding per organisation (or reservation) and rule, kept by the compliance sweep's set-based SQL:
/// opened when broken, moved through its stages, resolved when complied with, never duplicated.
/// </summary>
public sealed class Finding
{
    private Finding() { }

    public long Id { get; private set; }

    /// <summary>The organisation, or for RESERVATION_EXPIRED the name reservation, the finding is about.</summary>
    public Guid SubjectId { get; private set; }

    public Guid? OrganizationId { get; private set; }
    public string RuleCode { get; private set; } = "";
    public FindingStage Stage { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset StageChangedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public ProposedAction? ProposedAction { get; private set; }
}
