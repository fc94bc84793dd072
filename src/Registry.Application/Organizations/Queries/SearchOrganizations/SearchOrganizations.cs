using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Validation;
using Registry.Domain.Names;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Application.Organizations.Queries.SearchOrganizations;

/// <summary>
/// The public list of registered organisations, ordered by registration number, keyset-paginated. Read from the
/// read replica when one is configured: a registration appears there a moment after it is committed.
/// </summary>
public sealed record SearchOrganizations(
    string? RegionCode,
    string? ProvinceCode,
    LegalForm? LegalForm,
    string? SectorCode,
    OrganizationStatus? Status,
    string? Name,
    string? Cursor,
    int Limit = Common.Paging.Cursor.DefaultLimit,
    string? Q = null) : IQuery<Page<OrganizationSummary>>;

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
        RuleFor(x => x.Q).Text(200);
        RuleFor(x => x.Cursor).Must((query, c) => c is null || (string.IsNullOrWhiteSpace(query.Q)
                ? RegistrationNumber.TryParse(Common.Paging.Cursor.Decode(c), out _)
                : RankedCursor.TryParse(c, out _)))
            .WithMessage("Ce curseur ne vient pas de cette liste.", "هذا المؤشر لا يعود إلى هذه القائمة.");
    }
}

/// <summary>A position in ranked results: the score and number of the last item, and whether the results were the loose ones.</summary>
internal static class RankedCursor
{
    public static string Of(double score, string registrationNumber, bool loose) =>
        Common.Paging.Cursor.Encode(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{score:R}|{registrationNumber}{(loose ? "|loose" : "")}"));

    public static bool TryParse(string cursor, out (double Score, string RegistrationNumber, bool Loose) position)
    {
        position = default;
        var parts = Common.Paging.Cursor.Decode(cursor)?.Split('|');
        if (parts is not ({ Length: 2 } or [_, _, "loose"])
            || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score)
            || !double.IsFinite(score) || !RegistrationNumber.TryParse(parts[1], out _))
        {
            return false;
        }

        position = (score, parts[1], parts.Length == 3);
        return true;
    }
}

internal sealed class SearchOrganizationsHandler(IRegistryReadDbContext db) : IQueryHandler<SearchOrganizations, Page<OrganizationSummary>>
{
    public async ValueTask<Page<OrganizationSummary>> Handle(SearchOrganizations query, CancellationToken cancellationToken)
    {
        var organizations = db.Organizations;
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

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            return await RankedAsync(db, organizations, query, cancellationToken);
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

    /// <summary>
    /// How alike the query must be to a run of words of a name when the usual strictness (pg_trgm's default
    /// 0.6) found nothing: a one-letter typo in a short word ("amel" for "amal", "barka" for "baraka") scores
    /// 0.4–0.6 against a long name.
    /// </summary>
    internal const double LooseWordSimilarity = 0.4;

    /// <summary>
    /// Free-text search: a registration number finds its organisation; otherwise the query is normalised like
    /// names are (SPEC §4) and matched on the script's normalised column by substring or trigram word
    /// similarity (typo-tolerant), best match first. When nothing matches, the search is run once more with a
    /// looser word similarity, so that a typo in a short word still finds the name; the cursor remembers which.
    /// </summary>
    private static async Task<Page<OrganizationSummary>> RankedAsync(
        IRegistryReadDbContext db, IQueryable<Organization> organizations, SearchOrganizations query, CancellationToken cancellationToken)
    {
        var loose = query.Cursor is not null && RankedCursor.TryParse(query.Cursor, out var position) && position.Loose;
        if (!loose)
        {
            var page = await RankedPageAsync(organizations, query, loose: false, cancellationToken);
            if (page.Items.Count > 0 || query.Cursor is not null)
            {
                return page;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var threshold = LooseWordSimilarity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('pg_trgm.word_similarity_threshold', {threshold}, true)", cancellationToken);
        var loosePage = await RankedPageAsync(organizations, query, loose: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return loosePage;
    }

    private static async Task<Page<OrganizationSummary>> RankedPageAsync(
        IQueryable<Organization> organizations, SearchOrganizations query, bool loose, CancellationToken cancellationToken)
    {
        var q = query.Q!.Trim();
        if (RegistrationNumber.TryParse(q.ToUpperInvariant(), out var number))
        {
            var exact = await organizations.Where(o => o.RegistrationNumber == number.Value).ProjectToSummary().ToListAsync(cancellationToken);
            return new Page<OrganizationSummary>(exact, null);
        }

        var arabic = NameNormalizer.IsArabic(q);
        var normalized = arabic ? NameNormalizer.NormalizeArabic(q) : NameNormalizer.NormalizeLatin(q);
        if (normalized.Length == 0)
        {
            return new Page<OrganizationSummary>([], null);
        }

        // Every branch can use the pg_trgm GIN index: substring (LIKE), the query as a fragment of the name (<%),
        // and whole-name similarity (%) for a misspelt query longer than the name.
        var scored = arabic
            ? organizations
                .Where(o => o.NormalizedNameAr.Contains(normalized)
                    || EF.Functions.TrigramsAreWordSimilar(normalized, o.NormalizedNameAr) || EF.Functions.TrigramsAreSimilar(o.NormalizedNameAr, normalized))
                .Select(o => new { Organization = o, Score = Math.Max(EF.Functions.TrigramsWordSimilarity(normalized, o.NormalizedNameAr), EF.Functions.TrigramsSimilarity(o.NormalizedNameAr, normalized)) })
            : organizations
                .Where(o => o.NormalizedNameLatin.Contains(normalized)
                    || EF.Functions.TrigramsAreWordSimilar(normalized, o.NormalizedNameLatin) || EF.Functions.TrigramsAreSimilar(o.NormalizedNameLatin, normalized))
                .Select(o => new { Organization = o, Score = Math.Max(EF.Functions.TrigramsWordSimilarity(normalized, o.NormalizedNameLatin), EF.Functions.TrigramsSimilarity(o.NormalizedNameLatin, normalized)) });

        if (query.Cursor is not null && RankedCursor.TryParse(query.Cursor, out var after))
        {
            scored = scored.Where(x => x.Score < after.Score
                || (x.Score == after.Score && string.Compare(x.Organization.RegistrationNumber, after.RegistrationNumber) > 0));
        }

        var items = await scored
            .OrderByDescending(x => x.Score).ThenBy(x => x.Organization.RegistrationNumber)
            .Take(query.Limit + 1)
            .Select(x => new
            {
                x.Score,
                Summary = new OrganizationSummary(x.Organization.RegistrationNumber, x.Organization.LegalForm, x.Organization.NameAr,
                    x.Organization.NameLatin, x.Organization.SectorCode, x.Organization.ProvinceCode, x.Organization.RegionCode, x.Organization.Status),
            })
            .ToListAsync(cancellationToken);

        var next = items.Count > query.Limit ? RankedCursor.Of(items[query.Limit - 1].Score, items[query.Limit - 1].Summary.RegistrationNumber, loose) : null;
        return new Page<OrganizationSummary>([.. items.Take(query.Limit).Select(i => i.Summary)], next);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
