using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Organizations;

namespace Registry.Application.Organizations.Queries.GetOrganization;

/// <summary>The public profile of a registered organisation, by registration number.</summary>
public sealed record GetOrganization(string RegistrationNumber) : IQuery<OrganizationProfile>;

internal sealed class GetOrganizationHandler(IRegistryDbContext db) : IQueryHandler<GetOrganization, OrganizationProfile>
{
    public async ValueTask<OrganizationProfile> Handle(GetOrganization query, CancellationToken cancellationToken) =>
        !RegistrationNumber.TryParse(query.RegistrationNumber, out _)
            ? throw new NotFoundException("Organization", "(malformed registration number)")
            : await db.Organizations.AsNoTracking()
            .Where(o => o.RegistrationNumber == query.RegistrationNumber)
            .ProjectToProfile()
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Organization", query.RegistrationNumber);
}
