using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// Exact and similar names over registered organisations and live reservations, on the normalised columns
/// (btree for equality, pg_trgm GIN for similarity).
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

    public async Task<IReadOnlyList<NameMatch>> FindSimilarAsync(
        string normalizedAr, string normalizedLatin, double threshold, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var thresholdText = threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('pg_trgm.similarity_threshold', {thresholdText}, true)", cancellationToken);
        return await db.Database.SqlQuery<NameMatch>($"""
            SELECT name_ar, name_latin, registration_number, reserved, similarity FROM (
                SELECT name_ar, name_latin, registration_number, false AS reserved,
                       greatest(CASE WHEN {normalizedAr} <> '' THEN similarity(normalized_name_ar, {normalizedAr}) ELSE 0 END,
                                CASE WHEN {normalizedLatin} <> '' THEN similarity(normalized_name_latin, {normalizedLatin}) ELSE 0 END)::float8 AS similarity
                FROM registry.organizations
                WHERE ({normalizedAr} <> '' AND normalized_name_ar % {normalizedAr}) OR ({normalizedLatin} <> '' AND normalized_name_latin % {normalizedLatin})
                UNION ALL
                SELECT name_ar, name_latin, NULL, true,
                       greatest(CASE WHEN {normalizedAr} <> '' THEN similarity(normalized_ar, {normalizedAr}) ELSE 0 END,
                                CASE WHEN {normalizedLatin} <> '' THEN similarity(normalized_latin, {normalizedLatin}) ELSE 0 END)::float8
                FROM registry.name_reservations
                WHERE consumed_at IS NULL AND expires_at > {now}
                  AND (({normalizedAr} <> '' AND normalized_ar % {normalizedAr}) OR ({normalizedLatin} <> '' AND normalized_latin % {normalizedLatin}))
            ) AS candidates
            WHERE similarity >= {threshold}
            ORDER BY similarity DESC, registration_number NULLS LAST
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }
}
