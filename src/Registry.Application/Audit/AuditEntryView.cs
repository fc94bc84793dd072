using System.Text.Json;
using Registry.Domain.Audit;

namespace Registry.Application.Audit;

/// <summary>An entry of a history as the owner and officials see it.</summary>
public sealed record AuditEntryView(
    long Id,
    DateTimeOffset OccurredAt,
    Guid? ActorId,
    string ActorRole,
    string Action,
    AuditOutcome Outcome,
    string? Reason,
    JsonElement? Changes)
{
    public static AuditEntryView From(AuditEntry entry) => new(
        entry.Id, entry.OccurredAt, entry.ActorId, entry.ActorRole, entry.Action, entry.Outcome, entry.Reason,
        entry.Changes is null ? null : JsonDocument.Parse(entry.Changes).RootElement.Clone());
}
