using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;

namespace Registry.Application.Applications;

/// <summary>
/// Who sees which application, expressed in the query itself: an applicant sees their own; an official
/// sees submitted applications whose seat is in one of their regions; nobody else sees any.
/// </summary>
public static class ApplicationAccess
{
    public static IQueryable<RegistrationApplication> VisibleTo(this IQueryable<RegistrationApplication> query, ICurrentUser user)
    {
        if (user.IsInRole(Roles.RegionalOfficial))
        {
            return query.InRegionsOf(user);
        }

        return user.IsInRole(Roles.Applicant) ? query.OwnedBy(user) : query.Where(_ => false);
    }

    public static IQueryable<RegistrationApplication> OwnedBy(this IQueryable<RegistrationApplication> query, ICurrentUser user)
    {
        var userId = user.UserId;
        return query.Where(a => a.OwnerId == userId);
    }

    public static IQueryable<RegistrationApplication> InRegionsOf(this IQueryable<RegistrationApplication> query, ICurrentUser user)
    {
        var regions = user.RegionCodes.ToArray();
        return query.Where(a => a.Status != ApplicationStatus.Draft && regions.Contains(a.RegionCode));
    }
}

/// <summary>Builds the 404 of a scoped lookup and audits it when the application exists outside the caller's scope.</summary>
public sealed class ApplicationRefusals(IRegistryDbContext db, IAccessAudit audit)
{
    public async Task<NotFoundException> NotFoundAsync(Guid applicationId, string action, CancellationToken cancellationToken)
    {
        if (await db.Applications.AnyAsync(a => a.Id == applicationId, cancellationToken))
        {
            await audit.RecordRefusalAsync(action, applicationId, null, "Application outside the caller's scope.", cancellationToken);
        }

        return new NotFoundException(ResourceKind.Application, applicationId);
    }
}
