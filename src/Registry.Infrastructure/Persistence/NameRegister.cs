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

    /// <summary>Most organisations compared by similarity for one name, per way of finding them.</summary>
    internal const int Candidates = 50;

    /// <summary>
    /// Registered names and live reservations at least <paramref name="threshold"/> similar (trigram similarity
    /// of the normalised names) to a name being reserved. Comparing the name with a million others would take
    /// seconds, so the organisations compared are the ones found through the words of the name: those having,
    /// for every word of one of its names, that word or a word within one letter of it (near-duplicates, a word
    /// more); and those whose name is the name itself or the name less one of its words. Live reservations are found
    /// the same way (their words have a GIN index over the unconsumed ones): through a trigram index, every lapsed
    /// and consumed reservation sharing trigrams with the name was read too (160 ms for a name of common words
    /// among 100,000), and comparing every live one costs 20 µs a name.
    /// </summary>
    public async Task<IReadOnlyList<NameMatch>> FindSimilarAsync(
        string normalizedAr, string normalizedLatin, double threshold, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await NameWords.PlanForTheWordsAsync(db.Database, cancellationToken);
        var wordsAr = NameWords.Of(normalizedAr);
        var wordsLatin = NameWords.Of(normalizedLatin);
        var variants = await NameWords.ExpandAsync(db.Database, [.. wordsAr, .. wordsLatin], completions: false, cancellationToken);
        var organizations = db.Organizations.AsNoTracking();
        var reservations = db.NameReservations.AsNoTracking().Where(r => r.ConsumedAt == null && r.ExpiresAt > now);
        var namesAr = LessOneWord(normalizedAr);
        var namesLatin = LessOneWord(normalizedLatin);
        var candidates = organizations.Where(o => namesAr.Contains(o.NormalizedNameAr)).OrderBy(o => o.RegistrationNumber).Select(o => o.Id).Take(Candidates)
            .Union(organizations.Where(o => namesLatin.Contains(o.NormalizedNameLatin)).OrderBy(o => o.RegistrationNumber).Select(o => o.Id).Take(Candidates))
            .Union(reservations.Where(r => namesAr.Contains(r.NormalizedAr) || namesLatin.Contains(r.NormalizedLatin)).Select(r => r.Id).Take(Candidates));
        foreach (var groups in new[] { variants[..wordsAr.Length], variants[wordsAr.Length..] }.Where(g => g.Length > 0 && g.All(v => v.Length > 0)))
        {
            var organizationsWithVariants = organizations;
            var reservationsWithVariants = reservations;
            foreach (var group in groups)
            {
                organizationsWithVariants = organizationsWithVariants.Where(o => EF.Property<string[]>(o, NameWords.Property).Any(w => group.Contains(w)));
                reservationsWithVariants = reservationsWithVariants.Where(r => EF.Property<string[]>(r, NameWords.Property).Any(w => group.Contains(w)));
            }

            candidates = candidates
                .Union(organizationsWithVariants.Select(o => o.Id).Take(Candidates))
                .Union(reservationsWithVariants.Select(r => r.Id).Take(Candidates));
        }

        var ids = await candidates.ToListAsync(cancellationToken);

        return await db.Database.SqlQuery<NameMatch>($"""
            SELECT name_ar, name_latin, registration_number, reserved, similarity FROM (
                SELECT name_ar, name_latin, registration_number, false AS reserved,
                       greatest(CASE WHEN {normalizedAr} <> '' THEN similarity(normalized_name_ar, {normalizedAr}) ELSE 0 END,
                                CASE WHEN {normalizedLatin} <> '' THEN similarity(normalized_name_latin, {normalizedLatin}) ELSE 0 END)::float8 AS similarity
                FROM registry.organizations
                WHERE id = ANY ({ids.ToArray()})
                UNION ALL
                SELECT name_ar, name_latin, NULL, true,
                       greatest(CASE WHEN {normalizedAr} <> '' THEN similarity(normalized_ar, {normalizedAr}) ELSE 0 END,
                                CASE WHEN {normalizedLatin} <> '' THEN similarity(normalized_latin, {normalizedLatin}) ELSE 0 END)::float8
                FROM registry.name_reservations
                WHERE id = ANY ({ids.ToArray()}) AND consumed_at IS NULL AND expires_at > {now}
            ) AS candidates
            WHERE similarity >= {threshold}
            ORDER BY similarity DESC, registration_number NULLS LAST
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>The name itself and, when it has two words or more, the name without each of them.</summary>
    private static string[] LessOneWord(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? [] : [normalized, .. words.Length < 2 ? [] : words.Select((_, i) => string.Join(' ', words.Where((_, j) => j != i)))];
    }
}
