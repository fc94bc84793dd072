using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Organizations;

namespace Registry.Application.Organizations;

/// <summary>Who may see an organisation's non-public side: its owner, and officials of its seat's region.</summary>
public static class OrganizationAccess
{
    public static IQueryable<Organization> ManagedBy(this IQueryable<Organization> query, ICurrentUser user)
    {
        if (user.IsInRole(Roles.RegionalOfficial))
        {
            var regions = user.RegionCodes.ToArray();
            return query.Where(o => regions.Contains(o.RegionCode));
        }

        var userId = user.UserId;
        return user.IsInRole(Roles.Applicant) ? query.Where(o => o.OwnerId == userId) : query.Where(_ => false);
    }
}

public sealed class OrganizationRefusals(IRegistryDbContext db, IAccessAudit audit)
{
    /// <summary>
    /// The id of the organisation with this number if the caller may see its non-public side; otherwise the
    /// refusal is audited and the caller gets a not-found, the same as for a number that does not exist.
    /// </summary>
    public async Task<Guid> ManagedIdAsync(string registrationNumber, ICurrentUser user, string action, CancellationToken cancellationToken) =>
        await db.Organizations.ManagedBy(user)
            .Where(o => o.RegistrationNumber == registrationNumber).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken)
        ?? throw await NotFoundAsync(registrationNumber, action, cancellationToken);

    /// <summary>
    /// The refusal of an official's decision on an organisation outside their regions. A registered organisation is
    /// public (its profile is open to everyone), so its existence is no secret: the refusal is 403 and audited
    /// (SPEC §1: 404 for reads, 403 for writes on what they can see); a number that does not exist stays 404.
    /// </summary>
    public async Task<Exception> DecisionRefusedAsync(string registrationNumber, string action, CancellationToken cancellationToken)
    {
        if (await IdOfAsync(registrationNumber, cancellationToken) is not { } id)
        {
            return new NotFoundException(ResourceKind.Organization, registrationNumber);
        }

        await audit.RecordRefusalAsync(action, null, id, "Organisation outside the caller's regions.", cancellationToken);
        return new ForbiddenException(Common.Validation.Localized.Text(
            $"L'organisation {registrationNumber} n'a pas son siège dans une de vos régions : la décision revient aux agents de sa région.",
            $"ليس مقر المنظمة {registrationNumber} في إحدى جهاتكم: يعود القرار إلى موظفي جهتها."));
    }

    public async Task<NotFoundException> NotFoundAsync(string registrationNumber, string action, CancellationToken cancellationToken)
    {
        if (await IdOfAsync(registrationNumber, cancellationToken) is { } id)
        {
            await audit.RecordRefusalAsync(action, null, id, "Organisation outside the caller's scope.", cancellationToken);
        }

        return new NotFoundException(ResourceKind.Organization, registrationNumber);
    }

    /// <summary>The id of the organisation with this number, whoever asks (for auditing a refusal), or null.</summary>
    private async Task<Guid?> IdOfAsync(string registrationNumber, CancellationToken cancellationToken) =>
        await db.Organizations.Where(o => o.RegistrationNumber == registrationNumber).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
}
