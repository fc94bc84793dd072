using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Organizations;

namespace Registry.Application.Compliance.Queries.GetOrganizationCompliance;

/// <summary>An organisation's findings, for its owner and the officials of its region.</summary>
public sealed record GetOrganizationCompliance(string RegistrationNumber) : IQuery<IReadOnlyList<FindingView>>;

internal sealed class GetOrganizationComplianceHandler(IRegistryDbContext db, OrganizationRefusals refusals, ICurrentUser currentUser)
    : IQueryHandler<GetOrganizationCompliance, IReadOnlyList<FindingView>>
{
    public async ValueTask<IReadOnlyList<FindingView>> Handle(GetOrganizationCompliance query, CancellationToken cancellationToken)
    {
        var organizationId = await refusals.ManagedIdAsync(query.RegistrationNumber, currentUser, "organization.compliance", cancellationToken);
        var findings = await db.Findings.AsNoTracking().Where(f => f.OrganizationId == organizationId).OrderBy(f => f.RuleCode).ToListAsync(cancellationToken);
        return [.. findings.Select(f => FindingView.Of(f, query.RegistrationNumber))];
    }
}
