using System.Globalization;

namespace Registry.Benchmarks;

/// <summary>
/// The word-level design, tiered so that the common cases cost one or two cheap statements: every organisation
/// carries the set of words of its normalised names (text[], GIN); a word list (distinct words with their
/// frequency) has a prefix btree, a trigram index and a symmetric-delete table (every word of 5+ letters under
/// itself and under each of its one-letter deletions → typo variants by btree look-ups).
/// <list type="number">
/// <item>Tier A (one statement): organisations having every word of the query's search key (generic words
/// removed), as literal arrays so that the planner sees how common the words are (a common word alone is a
/// short sequential scan with LIMIT, a rare one a GIN look-up). Exact normalised-name equality always joins and
/// ranks first.</item>
/// <item>Tier B, only when A found nothing: one statement expands each word (typo variants within one edit,
/// known words it starts or is contained in), a second asks for organisations with a variant of every word.</item>
/// <item>Tier C, only when B found nothing: the rarest word's variants alone.</item>
/// </list>
/// At most <see cref="Cap"/> candidates are ranked, by the similarity of the search keys.
/// The similar-name check compares search keys (similarity ≥ 0.45, as today but without generic words): the
/// first names with the same key (btree, ordered by number) answer it when there are ten of them; otherwise the
/// candidates are the names with a close variant of every key word and the names whose key is the query's key
/// less one word; live reservations through a trigram index restricted to reservations neither consumed nor
/// lapsed (a recurring job marks the expired ones).
/// </summary>
internal sealed class Tiered : Variant
{
    public const int Cap = 100;
    public const int MaxExpansions = 20;

    /// <summary>Candidates of the similar-name check that have a close variant of every word of a key.</summary>
    public const int SimilarCap = 50;

    public override string Name => "tiered";

    public override string Description =>
        "word sets (text[] GIN) + word list with prefix btree and a symmetric-delete typo table; tier A exact/prefix words, " +
        $"tier B typo/infix variants only when A is empty, tier C any word; ≤{Cap} candidates ranked by key similarity; " +
        "one statement per tier. Similar check: candidates sharing a typo-variant of a rare word or with the same common-word key; similarity on the keys";

    public override IReadOnlyList<string> SetupSql =>
    [
        "ALTER TABLE registry.organizations ALTER COLUMN bench_words SET STATISTICS 1000",
        "ANALYZE registry.organizations (bench_words)",
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
            SELECT overlay(w.word PLACING '' FROM i FOR 1) FROM generate_series(1, length(w.word)) AS i WHERE length(w.word) >= 5
        ) AS d(variant)
        WHERE NOT EXISTS (SELECT 1 FROM bench.word_deletes)
        ON CONFLICT DO NOTHING
        """,
        "VACUUM (ANALYZE) bench.word_deletes",
        // Reservations: a recurring job marks the ones that expired unused, so the trigram index holds live ones only.
        "ALTER TABLE registry.name_reservations ADD COLUMN IF NOT EXISTS bench_lapsed boolean NOT NULL DEFAULT false",
        "UPDATE registry.name_reservations SET bench_lapsed = true WHERE consumed_at IS NULL AND expires_at <= now() AND NOT bench_lapsed",
        "CREATE INDEX IF NOT EXISTS bench_ix_res_live_key_ar_trgm ON registry.name_reservations USING gin (bench_key_ar gin_trgm_ops) WHERE consumed_at IS NULL AND NOT bench_lapsed",
        "CREATE INDEX IF NOT EXISTS bench_ix_res_live_key_latin_trgm ON registry.name_reservations USING gin (bench_key_latin gin_trgm_ops) WHERE consumed_at IS NULL AND NOT bench_lapsed",
        "CREATE INDEX IF NOT EXISTS bench_ix_org_key_ar_number ON registry.organizations (bench_key_ar, registration_number)",
        "CREATE INDEX IF NOT EXISTS bench_ix_org_key_latin_number ON registry.organizations (bench_key_latin, registration_number)",
        "ANALYZE registry.name_reservations",
    ];

    /// <summary>The word and its one-letter deletions (the query side of the symmetric-delete look-up).</summary>
    public static string[] Deletes(string word) =>
        word.Length < 5 ? [word] : [word, .. Enumerable.Range(0, word.Length).Select(i => word.Remove(i, 1)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// One round trip: for each query word, the known words within one edit (symmetric delete: the word table
    /// holds every word under itself and under each one-letter deletion), and optionally the known words it
    /// starts or is contained in (the most frequent first).
    /// </summary>
    public static readonly string ExpandSql = $"""
        SELECT q.i::int AS position, e.word, e.organizations, e.how
        FROM unnest($1::text[]) WITH ORDINALITY AS q(w, i)
        CROSS JOIN LATERAL (
            SELECT v.word, v.organizations, 'close' AS how
            FROM (SELECT DISTINCT d.word FROM bench.word_deletes d
                  WHERE d.variant = ANY (ARRAY(SELECT q.w UNION ALL SELECT overlay(q.w PLACING '' FROM g FOR 1)
                                               FROM generate_series(1, length(q.w)) AS g WHERE length(q.w) >= 5))) AS x
            JOIN bench.name_words v ON v.word = x.word
            UNION ALL
            (SELECT v.word, v.organizations, 'prefix' FROM bench.name_words v
              WHERE $2 AND v.word LIKE q.w || '%' AND v.word <> q.w ORDER BY v.organizations DESC LIMIT {MaxExpansions})
            UNION ALL
            (SELECT v.word, v.organizations, 'infix' FROM bench.name_words v
              WHERE $2 AND length(q.w) >= 3 AND v.word LIKE '%' || q.w || '%' AND v.word <> q.w ORDER BY v.organizations DESC LIMIT {MaxExpansions})
        ) AS e
        """;

    internal sealed record Group(string Word, string[] Close, long CloseOrganizations, string[] All, long AllOrganizations);

    public static async Task<List<Group>> ExpandAsync(Db db, string[] words, bool withFragments)
    {
        var rows = await db.QueryAsync(ExpandSql, words, withFragments);
        var groups = new List<Group>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var mine = rows.Where(r => (int)r[0]! == i + 1).Select(r => (Word: (string)r[1]!, Count: Convert.ToInt64(r[2], CultureInfo.InvariantCulture), How: (string)r[3]!)).ToList();
            var close = mine.Where(r => r.How == "close").DistinctBy(r => r.Word).ToList();
            var all = mine.DistinctBy(r => r.Word).ToList();
            groups.Add(new Group(words[i], [.. close.Select(r => r.Word)], close.Sum(r => r.Count), [.. all.Select(r => r.Word)], all.Sum(r => r.Count)));
        }

        return groups;
    }

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

        // Tier A: every word of the key, exactly (the arrays are literal, so the planner sees how common they are).
        var rows = await db.QueryAsync(Ranked(column, keyColumn, "o.bench_words @> $3"), normalized, key, words);
        if (rows.Count > 0)
        {
            return Hits(rows);
        }

        // Tier B: each word by a known variant (typo within one edit, or a word it starts or is part of).
        var groups = (await ExpandAsync(db, words, withFragments: true)).Where(g => g.All.Length > 0).ToList();
        if (groups.Count == 0)
        {
            return [];
        }

        var parameters = new List<object?> { normalized, key };
        parameters.AddRange(groups.Select(g => g.All));
        rows = await db.QueryAsync(Ranked(column, keyColumn, string.Join(" AND ", groups.Select((_, i) => $"o.bench_words && ${i + 3}"))), [.. parameters]);
        if (rows.Count == 0 && groups.Count > 1)
        {
            // Tier C: the rarest word alone.
            rows = await db.QueryAsync(Ranked(column, keyColumn, "o.bench_words && $3"), normalized, key, groups.MinBy(g => g.AllOrganizations)!.All);
        }

        return Hits(rows);
    }

    private const string CandidateColumns = "c.id, c.name_ar, c.name_latin, c.registration_number, c.bench_key_ar, c.bench_key_latin";

    public override async Task<List<Hit>> SimilarAsync(Db db, string normalizedAr, string normalizedLatin)
    {
        var keyAr = normalizedAr.Length == 0 ? "" : BenchSchema.SearchKey(normalizedAr);
        var keyLatin = normalizedLatin.Length == 0 ? "" : BenchSchema.SearchKey(normalizedLatin);
        var keys = new[] { keyAr, keyLatin }.Where(k => k.Length > 0).Select(k => k.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(6).ToArray()).ToList();
        var allWords = keys.SelectMany(k => k).Distinct(StringComparer.Ordinal).ToArray();
        await using var transaction = await db.Connection.BeginTransactionAsync();
        await db.ExecuteAsync("SELECT set_config('pg_trgm.similarity_threshold', $1, true)", SimilarityThreshold.ToString(CultureInfo.InvariantCulture));
        Dictionary<string, Group>? expanded = null;

        // Candidates: names with a close variant (≤ 1 edit) of every word of a key; names whose key is the key
        // itself or the key without one of its words (exact, btree).
        var parameters = new List<object?> { keyAr, keyLatin, DateTimeOffset.UtcNow, SimilarityThreshold, MaxWarnings };
        var groupsTask = (Func<Task<Dictionary<string, Group>>>)(async () => expanded ??= allWords.Length == 0 ? [] : (await ExpandAsync(db, allWords, withFragments: false)).ToDictionary(g => g.Word, StringComparer.Ordinal));
        var branches = new List<string>();
        var combos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Length >= 2)
            {
                for (var drop = 0; drop < key.Length; drop++)
                {
                    combos.Add(string.Join(' ', key.Where((_, i) => i != drop)));
                }
            }

            // Every word of the key by a close variant: near-duplicates and names with a word more.
            var groups = await groupsTask();
            var usable = key.Select(w => groups[w]).ToList();
            if (usable.Any(g => g.Close.Length == 0))
            {
                continue; // a word nobody uses: only the exact keys below can still be similar
            }

            var conditions = new List<string>();
            foreach (var g in usable)
            {
                parameters.Add(g.Close);
                conditions.Add($"c.bench_words && ${parameters.Count}");
            }

            branches.Add($"(SELECT {CandidateColumns} FROM registry.organizations c WHERE {string.Join(" AND ", conditions)} LIMIT {SimilarCap})");
        }

        // The same key (similarity 1: names that differ only in generic words), first by number: when there are
        // enough of them nothing else can come before them, and the check is answered by two btree look-ups.
        var sameKey = await db.QueryAsync($"""
            SELECT c.name_ar, c.name_latin, c.registration_number, false, 1.0::float8
            FROM registry.organizations c
            WHERE c.id IN ((SELECT c.id FROM registry.organizations c WHERE $1 <> '' AND c.bench_key_ar = $1 ORDER BY c.bench_key_ar, c.registration_number LIMIT {MaxWarnings})
                           UNION
                           (SELECT c.id FROM registry.organizations c WHERE $2 <> '' AND c.bench_key_latin = $2 ORDER BY c.bench_key_latin, c.registration_number LIMIT {MaxWarnings}))
            ORDER BY c.registration_number
            LIMIT {MaxWarnings}
            """, keyAr, keyLatin);
        if (sameKey.Count == MaxWarnings)
        {
            await transaction.CommitAsync();
            return [.. sameKey.Select(r => new Hit((string)r[2]!, 1.0))];
        }

        if (keyAr.Length > 0)
        {
            parameters.Add(keyAr);
            branches.Add($"(SELECT {CandidateColumns} FROM registry.organizations c WHERE c.bench_key_ar = ${parameters.Count} ORDER BY c.bench_key_ar, c.registration_number LIMIT {MaxWarnings})");
        }

        if (keyLatin.Length > 0)
        {
            parameters.Add(keyLatin);
            branches.Add($"(SELECT {CandidateColumns} FROM registry.organizations c WHERE c.bench_key_latin = ${parameters.Count} ORDER BY c.bench_key_latin, c.registration_number LIMIT {MaxWarnings})");
        }

        combos.Remove(keyAr);
        combos.Remove(keyLatin);
        if (combos.Count > 0)
        {
            parameters.Add(combos.ToArray());
            branches.Add($"(SELECT {CandidateColumns} FROM registry.organizations c WHERE c.bench_key_ar = ANY (${parameters.Count}) OR c.bench_key_latin = ANY (${parameters.Count}) LIMIT {SimilarCap})");
        }

        var sql = $"""
            SELECT name_ar, name_latin, registration_number, reserved, similarity FROM (
                SELECT o.name_ar, o.name_latin, o.registration_number, false AS reserved,
                       greatest(CASE WHEN $1 <> '' THEN similarity(o.bench_key_ar, $1) ELSE 0 END,
                                CASE WHEN $2 <> '' THEN similarity(o.bench_key_latin, $2) ELSE 0 END)::float8 AS similarity
                FROM ({string.Join("\n                      UNION ", branches)}) AS o
                UNION ALL
                SELECT name_ar, name_latin, NULL, true,
                       greatest(CASE WHEN $1 <> '' THEN similarity(bench_key_ar, $1) ELSE 0 END,
                                CASE WHEN $2 <> '' THEN similarity(bench_key_latin, $2) ELSE 0 END)::float8
                FROM registry.name_reservations
                WHERE consumed_at IS NULL AND NOT bench_lapsed AND expires_at > $3
                  AND (($1 <> '' AND bench_key_ar % $1) OR ($2 <> '' AND bench_key_latin % $2))
            ) AS candidates
            WHERE similarity >= $4
            ORDER BY similarity DESC, registration_number NULLS LAST
            LIMIT $5
            """;
        var rows = await db.QueryAsync(sql, [.. parameters]);
        await transaction.CommitAsync();
        return [.. rows.Select(r => new Hit((string?)r[2] ?? "reserved:" + (r[0] ?? r[1]), (double)r[4]!))];
    }
}
