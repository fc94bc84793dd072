using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Applications;
using Registry.Domain.Reference;

namespace Registry.Application.Applications.Queries.ListMyApplications;

/// <summary>The signed-in applicant's own applications, most recently changed first (an applicant has a handful, not pages of them).</summary>
public sealed record ListMyApplications : IQuery<IReadOnlyList<MyApplicationItem>>
{
    public const int MaxItems = 100;
}

/// <summary>A line of "my applications": where it stands, and the registration number once approved.</summary>
public sealed record MyApplicationItem(
    Guid Id,
    ApplicationStatus Status,
    LegalForm LegalForm,
    string? NameAr,
    string? NameLatin,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    string? RegistrationNumber);

internal sealed class ListMyApplicationsHandler(IRegistryDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListMyApplications, IReadOnlyList<MyApplicationItem>>
{
    public async ValueTask<IReadOnlyList<MyApplicationItem>> Handle(ListMyApplications query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Applicant))
        {
            return [];
        }

        return await db.Applications.AsNoTracking().OwnedBy(currentUser)
            .OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Take(ListMyApplications.MaxItems)
            .Select(a => new MyApplicationItem(a.Id, a.Status, a.LegalForm, a.NameAr, a.NameLatin, a.UpdatedAt, a.SubmittedAt,
                db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.RegistrationNumber).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}
