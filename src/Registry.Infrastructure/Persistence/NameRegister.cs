using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Organizations.Queries.SearchOrganizations;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// Exact and similar names over registered organisations and live reservations, on the normalised columns
/// (btree for equality; for similarity, the names found through their words, see <see cref="NameWords"/>).
/// </summary>
internal sealed class NameRegister(RegistryDbContext db) : INameRegister
{
    public async Task LockAsync(IEnumerable<string> normalizedNames, CancellationToken cancellationToken)
    {
        // Sorted, so two transactions locking the same pair cannot deadlock.
        foreach (var name in normalizedNames.Where(n => n.Length > 0).Distinct().Order(StringComparer.Ordinal))
        {
            var key = "name:" + name;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        }
    }

    public async Task<NameMatch?> FindSameAsync(string normalizedAr, string normalizedLatin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var matches = await db.Database.SqlQuery<NameMatch>($"""
            SELECT name_ar, name_latin, registration_number, false AS reserved, 1.0::float8 AS similarity
            FROM registry.organizations
            WHERE ({normalizedAr} <> '' AND normalized_name_ar = {normalizedAr}) OR ({normalizedLatin} <> '' AND normalized_name_latin = {normalizedLatin})
            UNION ALL
            SELECT name_ar, name_latin, NULL, true, 1.0::float8
            FROM registry.name_reservations
            WHERE consumed_at IS NULL AND expires_at > {now}
              AND (({normalizedAr} <> '' AND normalized_ar = {normalizedAr}) OR ({normalizedLatin} <> '' AND normalized_latin = {normalizedLatin}))
            LIMIT 1
            """).ToListAsync(cancellationToken);
        return matches.SingleOrDefault();
    }

    /// <summary>
    /// Registered names and live reservations at least <paramref name="threshold"/> similar (trigram similarity
    /// of the normalised names) to a name being reserved. Comparing the name with a million others would take
    /// seconds, so the names compared are the ones found through the words of the name, in one statement
    /// (<c>registry.similar_names</c>): those having, for every word of one of its names, that word or a word within
    /// one letter of it (near-duplicates, a word more); and those whose name is the name itself or the name less one
    /// of its words. At most 50 of each kind are compared.
    /// </summary>
    public async Task<IReadOnlyList<NameMatch>> FindSimilarAsync(
        string normalizedAr, string normalizedLatin, double threshold, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<NameMatch>($"""
            SELECT * FROM registry.similar_names(
                {normalizedAr}, {normalizedLatin}, {NameWords.Of(normalizedAr)}, {NameWords.Of(normalizedLatin)},
                {LessOneWord(normalizedAr)}, {LessOneWord(normalizedLatin)}, {threshold}, {now}, {limit})
            """).ToListAsync(cancellationToken);

    /// <summary>The name itself and, when it has two words or more, the name without each of them.</summary>
    private static string[] LessOneWord(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? [] : [normalized, .. words.Length < 2 ? [] : words.Select((_, i) => string.Join(' ', words.Where((_, j) => j != i)))];
    }
}
