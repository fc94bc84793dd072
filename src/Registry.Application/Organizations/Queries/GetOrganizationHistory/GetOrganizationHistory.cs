using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Audit;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Organizations;

namespace Registry.Application.Organizations.Queries.GetOrganizationHistory;

/// <summary>The audit trail of an organisation, from its application's draft to its latest status decision.</summary>
public sealed record GetOrganizationHistory(string RegistrationNumber) : IQuery<IReadOnlyList<AuditEntryView>>;

internal sealed class GetOrganizationHistoryHandler(IRegistryDbContext db, OrganizationRefusals refusals, ICurrentUser currentUser)
    : IQueryHandler<GetOrganizationHistory, IReadOnlyList<AuditEntryView>>
{
    public async ValueTask<IReadOnlyList<AuditEntryView>> Handle(GetOrganizationHistory query, CancellationToken cancellationToken)
    {
        if (!RegistrationNumber.TryParse(query.RegistrationNumber, out _))
        {
            throw new NotFoundException(ResourceKind.Organization, ResourceKind.MalformedRegistrationNumber);
        }

        var organization = await db.Organizations.ManagedBy(currentUser)
            .Where(o => o.RegistrationNumber == query.RegistrationNumber)
            .Select(o => new { o.Id, o.ApplicationId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw await refusals.NotFoundAsync(query.RegistrationNumber, "organization.history", cancellationToken);

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.OrganizationId == organization.Id || e.ApplicationId == organization.ApplicationId)
            .VisibleTo(currentUser)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(AuditEntryView.From)];
    }
}
