using System.Linq.Expressions;
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
            ? throw new NotFoundException(ResourceKind.Organization, ResourceKind.MalformedRegistrationNumber)
            : await ProfileByNumber.Query((DbContext)db, query.RegistrationNumber, cancellationToken)
        ?? throw new NotFoundException(ResourceKind.Organization, query.RegistrationNumber);
}

/// <summary>
/// The public profile is the hottest read (issue 5): its query is compiled once, so a lookup skips EF Core's
/// per-call expression-tree funcletizing and query-cache lookup. The projection is still Mapperly's
/// <see cref="OrganizationMapper.ProjectToProfile"/>, taken from the query it builds.
/// </summary>
internal static class ProfileByNumber
{
    private static readonly Expression<Func<Organization, OrganizationProfile>> Projection = SelectorOf(
        Enumerable.Empty<Organization>().AsQueryable().ProjectToProfile().Expression);

    public static readonly Func<DbContext, string, CancellationToken, Task<OrganizationProfile?>> Query =
        EF.CompileAsyncQuery((DbContext context, string registrationNumber, CancellationToken _) => context.Set<Organization>()
            .AsNoTracking()
            .Where(o => o.RegistrationNumber == registrationNumber)
            .Select(Projection)
            .SingleOrDefault());

    // ProjectToProfile is source.Select(o => new OrganizationProfile(...)): the lambda is the Select's quoted argument.
    private static Expression<Func<Organization, OrganizationProfile>> SelectorOf(Expression projected) =>
        projected is MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [_, UnaryExpression { Operand: Expression<Func<Organization, OrganizationProfile>> selector }] }
            ? selector
            : throw new InvalidOperationException("OrganizationMapper.ProjectToProfile is expected to be a single Select.");
}
