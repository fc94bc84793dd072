using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Validation;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Application.Organizations.Queries.SearchOrganizations;

/// <summary>The public list of registered organisations, ordered by registration number, keyset-paginated.</summary>
public sealed record SearchOrganizations(
    string? RegionCode,
    string? ProvinceCode,
    LegalForm? LegalForm,
    string? SectorCode,
    OrganizationStatus? Status,
    string? Name,
    string? Cursor,
    int Limit = Common.Paging.Cursor.DefaultLimit) : IQuery<Page<OrganizationSummary>>;

public sealed class SearchOrganizationsValidator : AbstractValidator<SearchOrganizations>
{
    public SearchOrganizationsValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Common.Paging.Cursor.MaxLimit);
        RuleFor(x => x.RegionCode).Matches("^[0-9]{2}$");
        RuleFor(x => x.ProvinceCode).Matches("^[0-9]{3}$");
        RuleFor(x => x.SectorCode).MaximumLength(20);
        RuleFor(x => x.LegalForm).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Name).Text(200);
        RuleFor(x => x.SectorCode).Text(20);
        RuleFor(x => x.Cursor).Must(c => c is null || RegistrationNumber.TryParse(Common.Paging.Cursor.Decode(c), out _))
            .WithMessage("The cursor is not one this list gave.");
    }
}

internal sealed class SearchOrganizationsHandler(IRegistryDbContext db) : IQueryHandler<SearchOrganizations, Page<OrganizationSummary>>
{
    public async ValueTask<Page<OrganizationSummary>> Handle(SearchOrganizations query, CancellationToken cancellationToken)
    {
        var organizations = db.Organizations.AsNoTracking();
        if (query.RegionCode is { } region)
        {
            organizations = organizations.Where(o => o.RegionCode == region);
        }

        if (query.ProvinceCode is { } province)
        {
            organizations = organizations.Where(o => o.ProvinceCode == province);
        }

        if (query.LegalForm is { } form)
        {
            organizations = organizations.Where(o => o.LegalForm == form);
        }

        if (query.SectorCode is { } sector)
        {
            organizations = organizations.Where(o => o.SectorCode == sector);
        }

        if (query.Status is { } status)
        {
            organizations = organizations.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = "%" + EscapeLike(query.Name.Trim()) + "%";
            organizations = organizations.Where(o => EF.Functions.ILike(o.NameAr!, pattern, "\\") || EF.Functions.ILike(o.NameLatin!, pattern, "\\"));
        }

        if (Common.Paging.Cursor.Decode(query.Cursor) is { } after)
        {
            organizations = organizations.Where(o => string.Compare(o.RegistrationNumber, after) > 0);
        }

        var items = await organizations
            .OrderBy(o => o.RegistrationNumber)
            .Take(query.Limit + 1)
            .ProjectToSummary()
            .ToListAsync(cancellationToken);

        var next = items.Count > query.Limit ? Common.Paging.Cursor.Encode(items[query.Limit - 1].RegistrationNumber) : null;
        return new Page<OrganizationSummary>([.. items.Take(query.Limit)], next);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
