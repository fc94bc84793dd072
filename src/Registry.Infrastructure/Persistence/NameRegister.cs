using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Organizations.Queries.SearchOrganizations;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// Exact and similar names over registered organisations and live reservations, on the normalised columns
/// (btree for equality; for similarity, the names found through their words, see <see cref="NameWords"/>, and through
/// their compact keys, the normalised names without spaces).
/// </summary>
internal sealed class NameRegister(RegistryDbContext db) : INameRegister
{
    public async Task LockAsync(IEnumerable<string> normalizedNames, CancellationToken cancellationToken)
    {
        // Shared: reservations do not wait for each other here, only for a bulk import that holds it exclusively.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({NameLocks.AllNames})", cancellationToken);
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
    /// seconds, so the names compared are the ones found by index lookups, in one statement
    /// (<c>registry.similar_names</c>): those whose compact key (the normalised name without its spaces) is that of the
    /// name itself or of the name less one or two of its words (<see cref="Shortened"/>: words merged or split, words
    /// more); and those having, for every word of one of its names, that word, a word within one letter of it, or a
    /// known word among its prefixes and its forms with or without the Arabic article (a longer word, the article left
    /// out, a word less). The similarity then decides which are reported.
    /// </summary>
    public async Task<IReadOnlyList<NameMatch>> FindSimilarAsync(
        string normalizedAr, string normalizedLatin, double threshold, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<NameMatch>($"""
            SELECT * FROM registry.similar_names(
                {normalizedAr}, {normalizedLatin}, {NameWords.Of(normalizedAr)}, {NameWords.Of(normalizedLatin)},
                {Shortened(normalizedAr)}, {Shortened(normalizedLatin)}, {threshold}, {now}, {limit})
            """).ToListAsync(cancellationToken);

    /// <summary>Most words of a name that is also looked up less any two of them (six words: fifteen names more).</summary>
    private const int MaxWordsLessTwo = 6;

    /// <summary>
    /// The name itself, the name less each one of its words (from two words) and, for a name of three to
    /// <see cref="MaxWordsLessTwo"/> words, less each two of them, the words kept in their order: at most 22 names for
    /// six words, each one btree probe per table.
    /// </summary>
    private static string[] Shortened(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var names = new List<string>();
        if (words.Length > 0)
        {
            names.Add(normalized);
        }

        if (words.Length >= 2)
        {
            names.AddRange(words.Select((_, i) => Without(words, i, i)));
        }

        if (words.Length is >= 3 and <= MaxWordsLessTwo)
        {
            for (var i = 0; i < words.Length; i++)
            {
                for (var j = i + 1; j < words.Length; j++)
                {
                    names.Add(Without(words, i, j));
                }
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static string Without(string[] words, int first, int second) =>
        string.Join(' ', words.Where((_, k) => k != first && k != second));
}

/// <summary>The advisory locks that keep a name from being given twice.</summary>
public static class NameLocks
{
    /// <summary>
    /// ASCII "NAMELOCK": every name reservation holds it shared for its transaction, before its per-name locks (the hash
    /// of "name:" and the normalised name); a bulk import of organisations holds it exclusively from its name check to its
    /// commit. One lock, whatever the number of names in the file: a lock per name took a slot of the server's shared
    /// lock table each, and a file of a few thousand cooperatives exhausted it.
    /// </summary>
    public const long AllNames = 0x4E41_4D45_4C4F_434B;
}
