using System.Globalization;

namespace Registry.Benchmarks;

/// <summary>
/// Word-level search: every organisation carries the set of words of its normalised names (text[], GIN
/// array_ops) and a small table holds the distinct words with their frequency (pg_trgm GIN). A search
/// (1) expands each query word against the word table — the word itself, words containing it (fragments,
/// prefixes) and trigram-similar words (typos, transliterations) — then (2) asks for the organisations that
/// have a variant of every distinctive (non-generic) query word (AND of <c>&amp;&amp;</c>: GIN intersects the posting
/// lists, rare words drive the scan), plus exact name equality; at most <see cref="Cap"/> candidates are
/// re-ranked with today's score on the full normalised name. (3) When nothing matches every word, the rarest
/// word alone is used.
/// </summary>
internal sealed class Words : Variant
{
    public const int Cap = 200;
    public const int MaxInfix = 20;
    public const int MaxFuzzy = 8;

    public override string Name => "words";

    public override string Description =>
        "word sets (text[] + GIN) and a word table (pg_trgm GIN): query words expanded to known words (exact, infix, " +
        $"trigram-similar), AND over distinctive words, ≤{Cap} candidates re-ranked on the full name. Similar check: " +
        "candidates sharing a variant of a rare distinctive word, or whose key is made of the query's common words; similarity on the keys";

    public override IReadOnlyList<string> SetupSql =>
    [
        "CREATE INDEX IF NOT EXISTS bench_ix_org_words ON registry.organizations USING gin (bench_words) WITH (fastupdate = off)",
        "CREATE INDEX IF NOT EXISTS bench_ix_org_key_ar ON registry.organizations (bench_key_ar)",
        "CREATE INDEX IF NOT EXISTS bench_ix_org_key_latin ON registry.organizations (bench_key_latin)",
        "CREATE INDEX IF NOT EXISTS bench_ix_res_key_ar_trgm ON registry.name_reservations USING gin (bench_key_ar gin_trgm_ops) WHERE consumed_at IS NULL",
        "CREATE INDEX IF NOT EXISTS bench_ix_res_key_latin_trgm ON registry.name_reservations USING gin (bench_key_latin gin_trgm_ops) WHERE consumed_at IS NULL",
    ];

    /// <summary>One round trip: the known variants of every query word.</summary>
    public static readonly string ExpandSql = $"""
        SELECT q.i::int AS position, e.word, e.organizations, e.how, e.sim
        FROM unnest($1::text[]) WITH ORDINALITY AS q(w, i)
        CROSS JOIN LATERAL (
            (SELECT v.word, v.organizations, 'exact' AS how, 1::real AS sim FROM bench.name_words v WHERE v.word = q.w)
            UNION ALL
            (SELECT v.word, v.organizations, 'infix', similarity(v.word, q.w) FROM bench.name_words v
              WHERE length(q.w) >= 3 AND v.word LIKE '%' || q.w || '%' AND v.word <> q.w
              ORDER BY v.organizations DESC LIMIT {MaxInfix})
            UNION ALL
            (SELECT v.word, v.organizations, 'fuzzy', similarity(v.word, q.w) FROM bench.name_words v
              WHERE length(q.w) >= 3 AND v.word % q.w AND v.word <> q.w
              ORDER BY v.word <-> q.w, v.organizations DESC LIMIT {MaxFuzzy})
        ) e
        """;

    internal sealed record Group(string Word, bool Generic, string[] Variants, long Organizations, string[] Close, long CloseOrganizations);

    /// <summary>Query word → its variants (close ones: exact or similarity ≥ <paramref name="closeSimilarity"/>).</summary>
    public static async Task<List<Group>> ExpandAsync(Db db, string[] words, double closeSimilarity = 0.5)
    {
        var rows = await db.QueryAsync(ExpandSql, (object)words);
        var groups = new List<Group>();
        for (var i = 0; i < words.Length; i++)
        {
            var mine = rows.Where(r => (int)r[0]! == i + 1).ToList();
            var variants = mine.Select(r => (string)r[1]!).Distinct(StringComparer.Ordinal).ToArray();
            var closeRows = mine.Where(r => (string)r[3]! == "exact" || Convert.ToDouble(r[4], CultureInfo.InvariantCulture) >= closeSimilarity).ToList();
            var close = closeRows.Select(r => (string)r[1]!).Distinct(StringComparer.Ordinal).ToArray();
            groups.Add(new Group(words[i], BenchSchema.GenericWords.Contains(words[i]), variants,
                mine.Sum(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture)), close,
                closeRows.Sum(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture))));
        }

        return groups;
    }

    private static string Ranked(string column, string filter) => $"""
        SELECT GREATEST(word_similarity($1, c.{column}), word_similarity(c.{column}, $1)) AS score, c.registration_number, c.legal_form, c.name_ar, c.name_latin, c.sector_code, c.province_code, c.region_code, c.status
        FROM (
            (SELECT o.{column}, o.registration_number, o.legal_form, o.name_ar, o.name_latin, o.sector_code, o.province_code, o.region_code, o.status
             FROM registry.organizations o WHERE {filter} LIMIT {Cap})
            UNION
            SELECT o.{column}, o.registration_number, o.legal_form, o.name_ar, o.name_latin, o.sector_code, o.province_code, o.region_code, o.status
            FROM registry.organizations o WHERE o.{column} = $1
        ) c
        ORDER BY score DESC, c.registration_number
        LIMIT {PageSize + 1}
        """;

    public override async Task<List<Hit>> SearchAsync(Db db, string q)
    {
        var (arabic, normalized) = Normalize(q);
        var column = arabic ? "normalized_name_ar" : "normalized_name_latin";
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        var groups = await ExpandAsync(db, words);
        var usable = groups.Where(g => g.Variants.Length > 0).ToList();
        var required = usable.Where(g => !g.Generic).ToList();
        if (required.Count == 0)
        {
            required = usable;
        }

        if (required.Count == 0)
        {
            // No word of the query is known: only an exact name could match.
            return Hits(await db.QueryAsync(Ranked(column, "false"), normalized));
        }

        var filter = string.Join(" AND ", required.Select((_, i) => $"o.bench_words && ${i + 2}"));
        var parameters = new List<object?> { normalized };
        parameters.AddRange(required.Select(g => g.Variants));
        var rows = await db.QueryAsync(Ranked(column, filter), [.. parameters]);
        if (rows.Count <= 1 && required.Count > 1)
        {
            // Nothing (or only the exact name) has every word: fall back to the rarest word alone.
            var rarest = required.OrderBy(g => g.Organizations).First();
            rows = await db.QueryAsync(Ranked(column, "o.bench_words && $2"), normalized, rarest.Variants);
        }

        return Hits(rows);
    }

    /// <summary>Words with more organisations than this are "common": sharing one of them alone does not make a candidate.</summary>
    public const int CommonWord = 3000;

    public override async Task<List<Hit>> SimilarAsync(Db db, string normalizedAr, string normalizedLatin)
    {
        var keyAr = normalizedAr.Length == 0 ? "" : BenchSchema.SearchKey(normalizedAr);
        var keyLatin = normalizedLatin.Length == 0 ? "" : BenchSchema.SearchKey(normalizedLatin);
        var words = (keyAr + " " + keyLatin).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        var groups = words.Length == 0 ? [] : await ExpandAsync(db, words);

        // Candidates: organisations with a close variant of a rare word; organisations whose whole key is
        // made of the common words (or close variants of them), since only those can be similar through common words.
        var rareVariants = groups.Where(g => !g.Generic && g.CloseOrganizations <= CommonWord).SelectMany(g => g.Close).Distinct(StringComparer.Ordinal).ToArray();
        var commonKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in new[] { keyAr, keyLatin }.Where(k => k.Length > 0))
        {
            var keyWords = key.Split(' ');
            var common = keyWords.Where(w => groups.FirstOrDefault(g => g.Word == w) is { } g && g.CloseOrganizations > CommonWord).ToArray();
            if (common.Length > 0)
            {
                commonKeys.Add(string.Join(' ', common));
                foreach (var word in common)
                {
                    foreach (var variant in groups.First(g => g.Word == word).Close)
                    {
                        commonKeys.Add(variant);
                    }
                }
            }
        }

        var sql = $"""
            SELECT name_ar, name_latin, registration_number, reserved, similarity FROM (
                SELECT o.name_ar, o.name_latin, o.registration_number, false AS reserved,
                       greatest(CASE WHEN $1 <> '' THEN similarity(o.bench_key_ar, $1) ELSE 0 END,
                                CASE WHEN $2 <> '' THEN similarity(o.bench_key_latin, $2) ELSE 0 END)::float8 AS similarity
                FROM registry.organizations o
                WHERE o.id IN (
                    (SELECT id FROM registry.organizations WHERE bench_words && $6 LIMIT 2000)
                    UNION
                    SELECT id FROM registry.organizations WHERE bench_key_ar = ANY ($7) OR bench_key_latin = ANY ($7))
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
        await using var transaction = await db.Connection.BeginTransactionAsync();
        await db.ExecuteAsync("SELECT set_config('pg_trgm.similarity_threshold', $1, true)", SimilarityThreshold.ToString(CultureInfo.InvariantCulture));
        var rows = await db.QueryAsync(sql, keyAr, keyLatin, DateTimeOffset.UtcNow, SimilarityThreshold, MaxWarnings, rareVariants, commonKeys.ToArray());
        await transaction.CommitAsync();
        return [.. rows.Select(r => new Hit((string?)r[2] ?? "reserved:" + (r[0] ?? r[1]), (double)r[4]!))];
    }
}
