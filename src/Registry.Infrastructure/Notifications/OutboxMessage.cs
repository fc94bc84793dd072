namespace Registry.Infrastructure.Notifications;

/// <summary>
/// An e-mail to send about a finding's stage, written by the compliance sweep in the same transaction as the
/// stage change. Unique per finding, stage and due date: at most one message for each, however often the
/// sweep runs.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public long FindingId { get; set; }

    /// <summary>Upcoming (reminder), Overdue or Escalated (notice).</summary>
    public string Stage { get; set; } = "";

    public DateOnly DueOn { get; set; }
    public string RuleCode { get; set; } = "";

    /// <summary>The organisation's registration number, or null for a reservation.</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>The organisation's or reservation's name, as registered.</summary>
    public string? SubjectName { get; set; }

    public string Recipient { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The type of the last delivery error (never its text, which can quote addresses).</summary>
    public string? LastError { get; set; }
}
