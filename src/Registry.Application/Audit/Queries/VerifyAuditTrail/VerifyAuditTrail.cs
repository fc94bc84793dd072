using Mediator;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Organizations;
using Registry.Application.Common.Validation;

namespace Registry.Application.Audit.Queries.VerifyAuditTrail;

/// <summary>
/// Administrators check that the audit trail has not been changed behind the application's back: every chain, or
/// one organisation's. Reads the database only (no readiness, no jobs), so it answers whenever PostgreSQL does.
/// </summary>
public sealed record VerifyAuditTrail(string? OrganizationNumber = null) : IQuery<AuditVerification>;

internal sealed class VerifyAuditTrailHandler(IAuditChainVerifier verifier, ICurrentUser currentUser, IAccessAudit audit)
    : IQueryHandler<VerifyAuditTrail, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAuditTrail query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Administrator))
        {
            await audit.RecordRefusalAsync("audit.verify", null, null, "Only administrators verify the audit trail.", cancellationToken);
            throw new ForbiddenException(Localized.Text(
                "Seuls les administrateurs vérifient le journal d'audit.", "وحدهم المسؤولون يتحققون من سجل التدقيق."));
        }

        if (query.OrganizationNumber is null)
        {
            return await verifier.VerifyAllAsync(cancellationToken);
        }

        if (!RegistrationNumber.TryParse(query.OrganizationNumber, out _))
        {
            throw new NotFoundException(ResourceKind.Organization, ResourceKind.MalformedRegistrationNumber);
        }

        return await verifier.VerifyOrganizationAsync(query.OrganizationNumber, cancellationToken)
            ?? throw new NotFoundException(ResourceKind.Organization, query.OrganizationNumber);
    }
}
