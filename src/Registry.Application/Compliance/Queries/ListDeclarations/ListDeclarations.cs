using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Organizations;
using Registry.Domain.Compliance;

namespace Registry.Application.Compliance.Queries.ListDeclarations;

/// <summary>An organisation's declarations, newest first, for its owner and the officials of its region.</summary>
public sealed record ListDeclarations(string RegistrationNumber) : IQuery<IReadOnlyList<DeclarationView>>;

/// <summary>A declaration as filed, with what is known of its document (its bytes are downloaded apart).</summary>
public sealed record DeclarationView(
    Guid Id, DeclarationKind Kind, DateOnly EffectiveOn, int? FinancialYear, decimal? Turnover, DateTimeOffset DeclaredAt, DeclarationDocument? Document);

internal sealed class ListDeclarationsHandler(IRegistryDbContext db, OrganizationRefusals refusals, ICurrentUser currentUser)
    : IQueryHandler<ListDeclarations, IReadOnlyList<DeclarationView>>
{
    public async ValueTask<IReadOnlyList<DeclarationView>> Handle(ListDeclarations query, CancellationToken cancellationToken)
    {
        var organizationId = await refusals.ManagedIdAsync(query.RegistrationNumber, currentUser, "organization.declarations", cancellationToken);
        return await db.Declarations.AsNoTracking()
            .Where(d => d.OrganizationId == organizationId)
            .OrderByDescending(d => d.DeclaredAt).ThenByDescending(d => d.Id)
            .Select(d => new DeclarationView(d.Id, d.Kind, d.EffectiveOn, d.FinancialYear, d.Turnover, d.DeclaredAt, d.Document))
            .ToListAsync(cancellationToken);
    }
}
