using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Validation;
using Registry.Application.Reference;
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
    /// <summary>The filters' shape, then whether each code is one the registry has: an unknown one is a mistake, not an empty list.</summary>
    public SearchOrganizationsValidator(ReferenceCodes reference)
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Common.Paging.Cursor.MaxLimit);
        RuleFor(x => x.RegionCode).Cascade(CascadeMode.Stop).KnownRegion(reference).OverridePropertyName("region");
        RuleFor(x => x.ProvinceCode).Cascade(CascadeMode.Stop).KnownProvince(reference).OverridePropertyName("province");
        RuleFor(x => x.SectorCode).Cascade(CascadeMode.Stop).Text(20).KnownSector(reference).OverridePropertyName("sector");
        RuleFor(x => x.LegalForm).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Name).Text(200);
        RuleFor(x => x.Q).Text(200);
        RuleFor(x => x.Cursor).Must((query, c) => c is null || (string.IsNullOrWhiteSpace(query.Q)
                ? RegistrationNumber.TryParse(Common.Paging.Cursor.Decode(c), out _)
                : RankedCursor.TryParse(c, out _)))
            .WithMessage("Ce curseur ne vient pas de cette liste.", "هذا المؤشر لا يعود إلى هذه القائمة.");
    }
}

/// <summary>
/// Which organisations a ranked search looked at: those with every word of the query (<see cref="AllWords"/>),
/// with a variant of every word (<see cref="Variants"/>), or with a variant of its most telling word
/// (<see cref="OneWord"/>). Each is tried only when the one before found nothing.
/// </summary>
internal enum SearchTier
{
    AllWords,
    Variants,
    OneWord,
}

/// <summary>
/// A position in the results of a search: the score and number of the last item, the tier the results came from, and
/// whether the item was one of the ranked candidates or of the tier's other organisations that follow them by number.
/// </summary>
internal static class RankedCursor
{
    public static string Of(double score, string registrationNumber, SearchTier tier, bool ranked) =>
        Common.Paging.Cursor.Encode(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{score:R}|{registrationNumber}|{(int)tier}|{(ranked ? 'r' : 'n')}"));

    public static bool TryParse(string cursor, out (double Score, string RegistrationNumber, SearchTier Tier, bool Ranked) position)
    {
        position = default;
        var parts = Common.Paging.Cursor.Decode(cursor)?.Split('|');
        if (parts is not { Length: 4 }
            || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var score)
            || !double.IsFinite(score) || !RegistrationNumber.TryParse(parts[1], out _)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var tier)
            || !Enum.IsDefined((SearchTier)tier)
            || parts[3] is not ("r" or "n"))
        {
            return false;
        }

        position = (score, parts[1], (SearchTier)tier, parts[3] == "r");
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

        if (NamePattern(query) is { } pattern)
        {
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
    /// Free-text search: a registration number finds its organisation; otherwise the query is normalised like
    /// names are (SPEC §4) and searched by its words, in tiers, each tried only when the one before found nothing:
    /// the organisations having every word; then those having, for every word, a known word within one letter of
    /// it or that it starts or is part of (typos, a word cut short); then those having such a variant of the
    /// longest word alone. At most 100 candidates, plus the organisations whose normalised name is the query, are
    /// ranked by trigram similarity to the query (the mean of word_similarity and similarity, so that the name that is
    /// the query comes before longer names holding its words), best first; the tier's other organisations follow by
    /// registration number, so that paging reaches every one; the cursor remembers the tier and the part. All of it is one
    /// statement, <c>registry.search_organizations</c>, which plans each of its queries for the words: a common word
    /// reads the table in order and stops at the first hundred, a rare one uses the GIN index.
    /// </summary>
    private static async Task<Page<OrganizationSummary>> RankedAsync(
        IRegistryReadDbContext db, IQueryable<Organization> organizations, SearchOrganizations query, CancellationToken cancellationToken)
    {
        var q = query.Q!.Trim();
        if (RegistrationNumber.TryParseTyped(q, out var number))
        {
            var exact = await organizations.Where(o => o.RegistrationNumber == number.Value).ProjectToSummary().ToListAsync(cancellationToken);
            return new Page<OrganizationSummary>(exact, null);
        }

        if (NameNormalizer.FormNamedBy(q) is { } form)
        {
            return await OfFormAsync(organizations.Where(o => o.LegalForm == form), query, cancellationToken);
        }

        var arabic = NameNormalizer.IsArabic(q);
        var normalized = arabic ? NameNormalizer.NormalizeArabic(q) : NameNormalizer.NormalizeLatin(q);
        var words = NameWords.Of(normalized);
        if (words.Length == 0)
        {
            return new Page<OrganizationSummary>([], null);
        }

        (double Score, string RegistrationNumber, SearchTier Tier, bool Ranked)? after =
            query.Cursor is not null && RankedCursor.TryParse(query.Cursor, out var position) ? position : null;
        var rows = await db.Database.SqlQuery<RankedRow>($"""
            SELECT * FROM registry.search_organizations(
                {normalized}, {arabic}, {words},
                {query.RegionCode}::text, {query.ProvinceCode}::text, {query.LegalForm?.ToString()}::text, {query.SectorCode}::text,
                {query.Status?.ToString()}::text, {NamePattern(query)}::text,
                {after?.Score}::float8, {after?.RegistrationNumber}::text, {(int?)after?.Tier}::integer, {after?.Ranked}::boolean,
                {query.Limit + 1})
            """).ToListAsync(cancellationToken);

        var last = rows.Count > query.Limit ? rows[query.Limit - 1] : null;
        var next = last is null ? null : RankedCursor.Of(last.Score, last.RegistrationNumber, (SearchTier)last.Tier, last.Ranked);
        return new Page<OrganizationSummary>([.. rows.Take(query.Limit).Select(r => r.ToSummary())], next);
    }

    /// <summary>
    /// A query that is only a legal form ("coopérative", "الجمعيات") names no organisation: it lists that form's
    /// organisations by registration number, with the other filters (its cursor is a ranked one, unranked).
    /// </summary>
    private static async Task<Page<OrganizationSummary>> OfFormAsync(
        IQueryable<Organization> organizations, SearchOrganizations query, CancellationToken cancellationToken)
    {
        if (query.Cursor is not null && RankedCursor.TryParse(query.Cursor, out var after))
        {
            organizations = organizations.Where(o => string.Compare(o.RegistrationNumber, after.RegistrationNumber) > 0);
        }

        var items = await organizations.OrderBy(o => o.RegistrationNumber).Take(query.Limit + 1).ProjectToSummary().ToListAsync(cancellationToken);
        var next = items.Count > query.Limit ? RankedCursor.Of(0, items[query.Limit - 1].RegistrationNumber, SearchTier.AllWords, ranked: false) : null;
        return new Page<OrganizationSummary>([.. items.Take(query.Limit)], next);
    }

    /// <summary>The ILIKE pattern of the <c>name</c> filter (part of either name), or null.</summary>
    private static string? NamePattern(SearchOrganizations query) =>
        string.IsNullOrWhiteSpace(query.Name) ? null : "%" + EscapeLike(query.Name.Trim()) + "%";

    /// <summary>A row of <c>registry.search_organizations</c>.</summary>
    private sealed record RankedRow(
        double Score, string RegistrationNumber, string LegalForm, string? NameAr, string? NameLatin,
        string SectorCode, string ProvinceCode, string RegionCode, string Status, int Tier, bool Ranked)
    {
        public OrganizationSummary ToSummary() => new(RegistrationNumber, Enum.Parse<LegalForm>(LegalForm), NameAr, NameLatin,
            SectorCode, ProvinceCode, RegionCode, Enum.Parse<OrganizationStatus>(Status));
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
