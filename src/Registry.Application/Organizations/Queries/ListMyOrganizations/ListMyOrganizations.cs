using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Compliance;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Application.Organizations.Queries.ListMyOrganizations;

/// <summary>The registered organisations the signed-in applicant owns, by registration number (an owner has a handful, not pages of them).</summary>
public sealed record ListMyOrganizations : IQuery<IReadOnlyList<MyOrganizationItem>>
{
    public const int MaxItems = 100;
}

/// <summary>A line of "my organisations": its status and how many of its findings are open, the gravest stage first.</summary>
public sealed record MyOrganizationItem(
    string RegistrationNumber,
    LegalForm LegalForm,
    string? NameAr,
    string? NameLatin,
    string RegionCode,
    OrganizationStatus Status,
    DateTimeOffset RegisteredAt,
    int OpenFindings,
    FindingStage? GravestStage);

internal sealed class ListMyOrganizationsHandler(IRegistryDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListMyOrganizations, IReadOnlyList<MyOrganizationItem>>
{
    public async ValueTask<IReadOnlyList<MyOrganizationItem>> Handle(ListMyOrganizations query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Applicant) || currentUser.UserId is not { } owner)
        {
            return [];
        }

        // The owner is in the SQL: no other applicant's organisation is ever read.
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.OwnerId == owner)
            .OrderBy(o => o.RegistrationNumber)
            .Take(ListMyOrganizations.MaxItems)
            .Select(o => new
            {
                o.RegistrationNumber, o.LegalForm, o.NameAr, o.NameLatin, o.RegionCode, o.Status, o.RegisteredAt,
                Open = db.Findings.Where(f => f.OrganizationId == o.Id && f.Stage != FindingStage.Resolved).Select(f => f.Stage).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MyOrganizationItem(r.RegistrationNumber, r.LegalForm, r.NameAr, r.NameLatin, r.RegionCode, r.Status, r.RegisteredAt,
            r.Open.Count, r.Open.Count == 0 ? null : r.Open.Max()))];
    }
}
