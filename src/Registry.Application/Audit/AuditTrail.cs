using System.Text.Json;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Audit;
using Registry.Domain.Common;
using Registry.Domain.Organizations;

namespace Registry.Application.Audit;

/// <summary>Turns the domain events of tracked aggregates into audit entries of the current actor.</summary>
public sealed class AuditTrail(IRegistryDbContext db, ICurrentUser currentUser)
{
    public void RecordDomainEvents()
    {
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>()
            .Select(e => e.Entity)
            .Where(a => a.DomainEvents.Count > 0)
            .ToList();

        foreach (var aggregate in aggregates)
        {
            foreach (var domainEvent in aggregate.DomainEvents)
            {
                db.AuditEntries.Add(ToEntry(domainEvent));
            }

            aggregate.ClearDomainEvents();
        }
    }

    /// <summary>Records a change that is not an aggregate's event (a document attached); saved with the change.</summary>
    public void Record(string action, Guid? applicationId, Guid? organizationId, object? changes, DateTimeOffset at) =>
        db.AuditEntries.Add(AuditEntry.Record(at, currentUser.UserId, currentUser.Role, action, AuditOutcome.Succeeded, applicationId, organizationId,
            null, changes is null ? null : JsonSerializer.Serialize(changes, JsonSerializerOptions.Web)));

    private AuditEntry ToEntry(IDomainEvent domainEvent)
    {
        AuditEntry Entry(string action, Guid? applicationId, Guid? organizationId, string? reason = null, object? changes = null) =>
            AuditEntry.Record(domainEvent.OccurredAt, currentUser.UserId, currentUser.Role, action, AuditOutcome.Succeeded,
                applicationId, organizationId, reason, changes is null ? null : JsonSerializer.Serialize(changes, JsonSerializerOptions.Web));

        return domainEvent switch
        {
            ApplicationDrafted e => Entry("application.drafted", e.ApplicationId, null, changes: new { status = nameof(ApplicationStatus.Draft) }),
            ApplicationEdited e => Entry("application.edited", e.ApplicationId, null, changes: new { fields = e.ChangedFields }),
            ApplicationSubmitted e => Entry(e.Resubmission ? "application.resubmitted" : "application.submitted", e.ApplicationId, null,
                changes: new { status = nameof(ApplicationStatus.Submitted) }),
            ApplicationChangesRequested e => Entry("application.changes-requested", e.ApplicationId, null, e.Comments,
                new { status = nameof(ApplicationStatus.ChangesRequested) }),
            ApplicationRejected e => Entry("application.rejected", e.ApplicationId, null, e.Reason, new { status = nameof(ApplicationStatus.Rejected) }),
            ApplicationApproved e => Entry("application.approved", e.ApplicationId, e.OrganizationId, e.Reason,
                new { status = nameof(ApplicationStatus.Approved), registrationNumber = e.RegistrationNumber }),
            OrganizationRegistered e => Entry("organization.registered", e.ApplicationId, e.OrganizationId,
                changes: new { status = nameof(OrganizationStatus.Active), registrationNumber = e.RegistrationNumber }),
            OrganizationStatusChanged e => Entry("organization.status-changed", null, e.OrganizationId, e.Reason,
                new { from = e.From.ToString(), to = e.To.ToString() }),
            OrganizationDeclarationFiled e => Entry("organization.declaration-filed", null, e.OrganizationId,
                changes: new { kind = e.Kind.ToString(), effectiveOn = e.EffectiveOn, financialYear = e.FinancialYear, documentSha256 = e.DocumentSha256 }),
            _ => throw new InvalidOperationException($"No audit mapping for {domainEvent.GetType().Name}."),
        };
    }
}
