using System.Globalization;

namespace Registry.Benchmarks;

/// <summary>
/// The word-level design made cheap enough for 16 clients on 2 cores: one statement per tier, the word-list
/// look-ups inside it (InitPlans feeding the GIN array index), typo tolerance by a symmetric-delete table
/// (every known word and each of its one-letter deletions → the word; btree look-ups instead of trigram
/// scans), and a ranking that costs one trigram comparison per candidate.
/// <list type="number">
/// <item>Tier A: organisations whose word set has, for every distinctive query word, that word or a known word
/// it is the start of (as-you-type). Exact normalised-name equality is always added and ranks first.</item>
/// <item>Tier B, only when A found nothing: the same with typo variants (symmetric delete, edit distance ~1)
/// and known words that contain the query word.</item>
/// <item>Tier C, only when B found nothing: any one of the distinctive words (B's variants).</item>
/// </list>
/// At most <see cref="Cap"/> candidates are ranked (by the similarity of the search keys).
/// </summary>
internal sealed class Tiered : Variant
{
    public const int Cap = 100;
    public const int MaxExpansions = 20;

    /// <summary>A word in more organisations than this is "common" for the similar-name check.</summary>
    public const int CommonWord = 3000;

    public override string Name => "tiered";

    public override string Description =>
        "word sets (text[] GIN) + word list with prefix btree and a symmetric-delete typo table; tier A exact/prefix words, " +
        $"tier B typo/infix variants only when A is empty, tier C any word; ≤{Cap} candidates ranked by key similarity; " +
        "one statement per tier. Similar check: candidates sharing a typo-variant of a rare word or with the same common-word key; similarity on the keys";

    public override IReadOnlyList<string> SetupSql =>
    [
        "CREATE INDEX IF NOT EXISTS bench_ix_org_words ON registry.organizations USING gin (bench_words) WITH (fastupdate = off)",
        "CREATE INDEX IF NOT EXISTS bench_ix_org_key_ar ON registry.organizations (bench_key_ar)",
        "CREATE INDEX IF NOT EXISTS bench_ix_org_key_latin ON registry.organizations (bench_key_latin)",
        "CREATE INDEX IF NOT EXISTS bench_ix_name_words_prefix ON bench.name_words (word text_pattern_ops) INCLUDE (organizations)",
        "CREATE TABLE IF NOT EXISTS bench.word_deletes (variant text NOT NULL, word text NOT NULL, PRIMARY KEY (variant, word))",
        """
        INSERT INTO bench.word_deletes (variant, word)
        SELECT DISTINCT d.variant, w.word
        FROM bench.name_words w
        CROSS JOIN LATERAL (
            SELECT w.word
            UNION ALL
            SELECT overlay(w.word PLACING '' FROM i FOR 1) FROM generate_series(1, length(w.word)) AS i WHERE length(w.word) >= 4
        ) AS d(variant)
        WHERE NOT EXISTS (SELECT 1 FROM bench.word_deletes)
        ON CONFLICT DO NOTHING
        """,
        "CREATE INDEX IF NOT EXISTS bench_ix_res_key_ar_trgm ON registry.name_reservations USING gin (bench_key_ar gin_trgm_ops) WHERE consumed_at IS NULL",
        "CREATE INDEX IF NOT EXISTS bench_ix_res_key_latin_trgm ON registry.name_reservations USING gin (bench_key_latin gin_trgm_ops) WHERE consumed_at IS NULL",
        "VACUUM (ANALYZE) bench.word_deletes",
    ];

    /// <summary>The word and its one-letter deletions (the query side of the symmetric-delete look-up).</summary>
    public static string[] Deletes(string word) =>
        word.Length < 4 ? [word] : [word, .. Enumerable.Range(0, word.Length).Select(i => word.Remove(i, 1)).Distinct(StringComparer.Ordinal)];

    /// <summary>Tier A: the word, or known words it starts.</summary>
    private static string PrefixGroup(int word, int pattern) =>
        $"o.bench_words && ARRAY(SELECT ${word} UNION ALL (SELECT v.word FROM bench.name_words v WHERE v.word LIKE ${pattern} AND v.word <> ${word} ORDER BY v.organizations DESC LIMIT {MaxExpansions}))";

    /// <summary>Tier B: typo variants (symmetric delete), known words containing it, known words it starts.</summary>
    private static string FuzzyGroup(int deletes, int word, int pattern, int infix) => $"""
        o.bench_words && ARRAY(
                SELECT d.word FROM bench.word_deletes d WHERE d.variant = ANY (${deletes})
                UNION
                (SELECT v.word FROM bench.name_words v WHERE length(${word}) >= 3 AND v.word LIKE ${infix} ORDER BY v.organizations DESC LIMIT {MaxExpansions})
                UNION
                (SELECT v.word FROM bench.name_words v WHERE v.word LIKE ${pattern} ORDER BY v.organizations DESC LIMIT {MaxExpansions}))
        """;

    private static string Ranked(string column, string keyColumn, string filter) => $"""
        SELECT similarity(c.{keyColumn}, $2) AS score, c.registration_number, c.legal_form, c.name_ar, c.name_latin, c.sector_code, c.province_code, c.region_code, c.status,
               c.{column} = $1 AS exact
        FROM (
            (SELECT o.{column}, o.{keyColumn}, o.registration_number, o.legal_form, o.name_ar, o.name_latin, o.sector_code, o.province_code, o.region_code, o.status
             FROM registry.organizations o WHERE {filter} LIMIT {Cap})
            UNION
            SELECT o.{column}, o.{keyColumn}, o.registration_number, o.legal_form, o.name_ar, o.name_latin, o.sector_code, o.province_code, o.region_code, o.status
            FROM registry.organizations o WHERE o.{column} = $1
        ) c
        ORDER BY exact DESC, score DESC, c.registration_number
        LIMIT {PageSize + 1}
        """;

    public override async Task<List<Hit>> SearchAsync(Db db, string q)
    {
        var (arabic, normalized) = Normalize(q);
        var column = arabic ? "normalized_name_ar" : "normalized_name_latin";
        var keyColumn = arabic ? "bench_key_ar" : "bench_key_latin";
        var key = BenchSchema.SearchKey(normalized);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(6).ToArray();

        // Tier A: $1 name, $2 key, then per word: word, prefix pattern.
        var parameters = new List<object?> { normalized, key };
        var groups = new List<string>();
        foreach (var word in words)
        {
            parameters.Add(word);
            parameters.Add(word + "%");
            groups.Add(PrefixGroup(parameters.Count - 1, parameters.Count));
        }

        var rows = await db.QueryAsync(Ranked(column, keyColumn, string.Join(" AND ", groups)), [.. parameters]);
        if (rows.Count == 0)
        {
            // Tier B: per word: deletes, word, prefix pattern, infix pattern.
            parameters = [normalized, key];
            groups = [];
            foreach (var word in words)
            {
                parameters.Add(Deletes(word));
                parameters.Add(word);
                parameters.Add(word + "%");
                parameters.Add("%" + word + "%");
                groups.Add(FuzzyGroup(parameters.Count - 3, parameters.Count - 2, parameters.Count - 1, parameters.Count));
            }

            rows = await db.QueryAsync(Ranked(column, keyColumn, string.Join(" AND ", groups)), [.. parameters]);
            if (rows.Count == 0 && groups.Count > 1)
            {
                // Tier C: any one of the words.
                rows = await db.QueryAsync(Ranked(column, keyColumn, "(" + string.Join(" OR ", groups) + ")"), [.. parameters]);
            }
        }

        return Hits(rows);
    }

    private static readonly string SimilarSql = $"""
        SELECT name_ar, name_latin, registration_number, reserved, similarity FROM (
            SELECT o.name_ar, o.name_latin, o.registration_number, false AS reserved,
                   greatest(CASE WHEN $1 <> '' THEN similarity(o.bench_key_ar, $1) ELSE 0 END,
                            CASE WHEN $2 <> '' THEN similarity(o.bench_key_latin, $2) ELSE 0 END)::float8 AS similarity
            FROM registry.organizations o
            WHERE o.id IN (
                (SELECT c.id FROM registry.organizations c
                 WHERE c.bench_words && ARRAY(
                     SELECT d.word FROM bench.word_deletes d JOIN bench.name_words v ON v.word = d.word
                     WHERE d.variant = ANY ($6) AND v.organizations <= {CommonWord})
                 LIMIT 300)
                UNION
                SELECT c.id FROM registry.organizations c
                WHERE ($7 <> '' AND c.bench_key_ar = $7) OR ($8 <> '' AND c.bench_key_latin = $8))
            UNION ALL
            SELECT name_ar, name_latin, NULL, true,
                   greatest(CASE WHEN $1 <> '' THEN similarity(bench_key_ar, $1) ELSE 0 END,
                            CASE WHEN $2 <> '' THEN similarity(bench_key_latin, $2) ELSE 0 END)::float8
            FROM registry.name_reservations
            WHERE consumed_at IS NULL AND expires_at > $3
              AND (($1 <> '' AND bench_key_ar % $1) OR ($2 <> '' AND bench_key_latin % $2))
        ) AS candidates
        WHERE similarity >= $4
        ORDER BY similarity DESC, registration_number NULLS LAST
        LIMIT $5
        """;

    /// <summary>The key without its rare words: what a similar name sharing only common words would have to be.</summary>
    private const string CommonPartSql = $"""
        SELECT coalesce(string_agg(t.w, ' ' ORDER BY t.i), '')
        FROM unnest(string_to_array($1, ' ')) WITH ORDINALITY AS t(w, i)
        JOIN bench.name_words v ON v.word = t.w
        WHERE v.organizations > {CommonWordText}
        """;

    private const string CommonWordText = "3000";

    public override async Task<List<Hit>> SimilarAsync(Db db, string normalizedAr, string normalizedLatin)
    {
        var keyAr = normalizedAr.Length == 0 ? "" : BenchSchema.SearchKey(normalizedAr);
        var keyLatin = normalizedLatin.Length == 0 ? "" : BenchSchema.SearchKey(normalizedLatin);
        var deletes = (keyAr + " " + keyLatin).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(Deletes).Distinct(StringComparer.Ordinal).ToArray();
        await using var transaction = await db.Connection.BeginTransactionAsync();
        await db.ExecuteAsync("SELECT set_config('pg_trgm.similarity_threshold', $1, true)", SimilarityThreshold.ToString(CultureInfo.InvariantCulture));
        var sql = SimilarSql
            .Replace("$7 <> '' AND c.bench_key_ar = $7", $"$1 <> '' AND c.bench_key_ar = ({CommonPartSql.Replace("$1", "$1", StringComparison.Ordinal)})", StringComparison.Ordinal)
            .Replace("$8 <> '' AND c.bench_key_latin = $8", $"$2 <> '' AND c.bench_key_latin = ({CommonPartSql.Replace("$1", "$2", StringComparison.Ordinal)})", StringComparison.Ordinal);
        var rows = await db.QueryAsync(sql, keyAr, keyLatin, DateTimeOffset.UtcNow, SimilarityThreshold, MaxWarnings, deletes);
        await transaction.CommitAsync();
        return [.. rows.Select(r => new Hit((string?)r[2] ?? "reserved:" + (r[0] ?? r[1]), (double)r[4]!))];
    }
}
