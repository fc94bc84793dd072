using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Registry.Domain.Names;

namespace Registry.Benchmarks;

/// <summary>One result row: what the list shows, with the score it was ranked by.</summary>
internal sealed record Hit(string RegistrationNumber, double Score);

/// <summary>
/// A design of the name search and of the similar-name check: the schema objects it needs (idempotent DDL,
/// run before it is measured) and the statements it runs for one search or one check.
/// </summary>
internal abstract class Variant
{
    public const int PageSize = 50; // Cursor.DefaultLimit; the list asks for one more row to know whether there is a next page.
    public const double SimilarityThreshold = 0.45; // NameRegisterOptions.SimilarityThreshold
    public const int MaxWarnings = 10; // NameRegisterOptions.MaxWarnings

    public abstract string Name { get; }

    public abstract string Description { get; }

    public virtual IReadOnlyList<string> SetupSql => [];

    public abstract Task<List<Hit>> SearchAsync(Db db, string q);

    public abstract Task<List<Hit>> SimilarAsync(Db db, string normalizedAr, string normalizedLatin);

    /// <summary>The columns OrganizationSummary reads, plus the score: every variant returns the same row shape.</summary>
    protected const string SummaryColumns =
        "registration_number, legal_form, name_ar, name_latin, sector_code, province_code, region_code, status";

    protected static List<Hit> Hits(List<object?[]> rows, int scoreColumn = 0, int numberColumn = 1) =>
        [.. rows.Select(r => new Hit((string)r[numberColumn]!, Convert.ToDouble(r[scoreColumn], CultureInfo.InvariantCulture)))];

    /// <summary>What the handler does before querying: the script decides the column, the key is normalised.</summary>
    protected static (bool Arabic, string Normalized) Normalize(string q)
    {
        var arabic = NameNormalizer.IsArabic(q);
        return (arabic, arabic ? NameNormalizer.NormalizeArabic(q) : NameNormalizer.NormalizeLatin(q));
    }

    public static IReadOnlyList<Variant> All { get; } =
    [
        new AsMigrated(),
        new Current(),
        new KeyTrigram(),
        new Words(),
        new Tiered(),
        new Product(),
    ];

    public static async Task ApplySetupAsync(NpgsqlDataSource dataSource, Variant variant)
    {
        await BenchSchema.EnsureAsync(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync();
        await Setup.ExecAsync(connection, "SET maintenance_work_mem = '1GB'");
        var changed = false;
        foreach (var statement in variant.SetupSql)
        {
            var stopwatch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
            if (stopwatch.Elapsed.TotalSeconds > 1)
            {
                Console.WriteLine($"  setup {stopwatch.Elapsed.TotalSeconds,6:F1} s  {statement.Split('\n')[0].Trim()}");
                changed = true;
            }
        }

        if (changed)
        {
            await Setup.ExecAsync(connection, "ANALYZE registry.organizations");
            await Setup.ExecAsync(connection, "ANALYZE registry.name_reservations");
        }
    }
}

/// <summary>
/// Schema objects shared by the new designs (schema <c>bench</c>, columns prefixed <c>bench_</c>), made in one
/// table rewrite after loading.
/// </summary>
internal static class BenchSchema
{
    public static string GenericWordsLiteral { get; } =
        "'{" + string.Join(',', NameData.GenericWords.Select(w => "\"" + w + "\"")) + "}'::text[]";

    public static readonly HashSet<string> GenericWords = new(NameData.GenericWords, StringComparer.Ordinal);

    /// <summary>The search key: the normalised name without generic words (all of it when nothing else is left).</summary>
    public static string SearchKey(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !GenericWords.Contains(w)).ToArray();
        return string.Join(' ', kept.Length > 0 ? kept : words);
    }

    public static async Task EnsureAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'registry' AND table_name = 'organizations' AND column_name = 'bench_words'", connection))
        {
            if ((long)(await check.ExecuteScalarAsync())! > 0)
            {
                return;
            }
        }

        Console.WriteLine("Adding the search keys and word arrays (one table rewrite) and the word list ...");
        var stopwatch = Stopwatch.StartNew();
        await Setup.ExecAsync(connection, "SET maintenance_work_mem = '1GB'");
        await Setup.ExecAsync(connection, "CREATE SCHEMA IF NOT EXISTS bench");
        await Setup.ExecAsync(connection, $"""
            CREATE OR REPLACE FUNCTION bench.search_key(normalized text) RETURNS text
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT coalesce(nullif(array_to_string(array(
                  SELECT w FROM unnest(string_to_array(normalized, ' ')) WITH ORDINALITY AS t(w, i)
                  WHERE w <> ALL ({GenericWordsLiteral}) ORDER BY i), ' '), ''), normalized)
            $$
            """);
        await Setup.ExecAsync(connection, """
            CREATE OR REPLACE FUNCTION bench.search_words(normalized_ar text, normalized_latin text) RETURNS text[]
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT array(SELECT DISTINCT w FROM unnest(string_to_array(normalized_ar || ' ' || normalized_latin, ' ')) AS t(w) WHERE w <> '' ORDER BY w)
            $$
            """);
        await Setup.ExecAsync(connection, """
            ALTER TABLE registry.organizations
              ADD COLUMN IF NOT EXISTS bench_key_ar text GENERATED ALWAYS AS (bench.search_key(normalized_name_ar)) STORED,
              ADD COLUMN IF NOT EXISTS bench_key_latin text GENERATED ALWAYS AS (bench.search_key(normalized_name_latin)) STORED,
              ADD COLUMN IF NOT EXISTS bench_words text[] GENERATED ALWAYS AS (bench.search_words(normalized_name_ar, normalized_name_latin)) STORED
            """);
        await Setup.ExecAsync(connection, """
            ALTER TABLE registry.name_reservations
              ADD COLUMN IF NOT EXISTS bench_key_ar text GENERATED ALWAYS AS (bench.search_key(normalized_ar)) STORED,
              ADD COLUMN IF NOT EXISTS bench_key_latin text GENERATED ALWAYS AS (bench.search_key(normalized_latin)) STORED
            """);
        await Setup.ExecAsync(connection, """
            CREATE TABLE IF NOT EXISTS bench.name_words (word text PRIMARY KEY, organizations int NOT NULL)
            """);
        await Setup.ExecAsync(connection, """
            INSERT INTO bench.name_words (word, organizations)
            SELECT w, count(*) FROM registry.organizations o, unnest(o.bench_words) AS w GROUP BY w
            ON CONFLICT (word) DO UPDATE SET organizations = excluded.organizations
            """);
        await Setup.ExecAsync(connection, "CREATE INDEX IF NOT EXISTS bench_ix_name_words_trgm ON bench.name_words USING gin (word gin_trgm_ops)");
        await Setup.ExecAsync(connection, "VACUUM (ANALYZE) bench.name_words");
        await Setup.ExecAsync(connection, "VACUUM (ANALYZE) registry.organizations");
        await Setup.ExecAsync(connection, "VACUUM (ANALYZE) registry.name_reservations");
        await using (var words = new NpgsqlCommand("SELECT count(*) FROM bench.name_words", connection))
        {
            Console.WriteLine($"  done in {stopwatch.Elapsed.TotalSeconds:F1} s; {(long)(await words.ExecuteScalarAsync())!:N0} distinct words");
        }
    }
}

/// <summary>The SQL of today's code, on the schema exactly as the migrations create it (no trigram index).</summary>
internal sealed class AsMigrated : Current
{
    public override string Name => "as-migrated";

    public override string Description =>
        "today's SQL on the schema the migrations actually create: the pg_trgm GIN indexes declared in " +
        "OrganizationConfiguration/NameReservationConfiguration are missing from the migration (their names collide " +
        "with the btree indexes' under the snake-case convention), so only btree indexes exist";

    public override IReadOnlyList<string> SetupSql =>
    [
        "DROP INDEX IF EXISTS registry.ix_organizations_normalized_name_ar_trgm",
        "DROP INDEX IF EXISTS registry.ix_organizations_normalized_name_latin_trgm",
        "DROP INDEX IF EXISTS registry.ix_name_reservations_normalized_ar_trgm",
        "DROP INDEX IF EXISTS registry.ix_name_reservations_normalized_latin_trgm",
    ];
}

/// <summary>Today's SQL (SearchOrganizations' EF query, NameRegister.FindSimilarAsync) with the intended GIN indexes.</summary>
internal class Current : Variant
{
    public override string Name => "current";

    public override string Description =>
        "today's SQL with the pg_trgm GIN indexes the model declares (gin_trgm_ops on normalized_name_ar/_latin, normalized_ar/_latin)";

    public override IReadOnlyList<string> SetupSql =>
    [
        "CREATE INDEX IF NOT EXISTS ix_organizations_normalized_name_ar_trgm ON registry.organizations USING gin (normalized_name_ar gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS ix_organizations_normalized_name_latin_trgm ON registry.organizations USING gin (normalized_name_latin gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS ix_name_reservations_normalized_ar_trgm ON registry.name_reservations USING gin (normalized_ar gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS ix_name_reservations_normalized_latin_trgm ON registry.name_reservations USING gin (normalized_latin gin_trgm_ops)",
    ];

    /// <summary>As EF Core 10 / Npgsql 10.0.3 generate it for RankedAsync (captured with ToQueryString()).</summary>
    public static string SearchSql(string column) => $"""
        SELECT GREATEST(word_similarity($1, o.{column}), word_similarity(o.{column}, $1)) AS "Score", o.registration_number AS "RegistrationNumber", o.legal_form AS "LegalForm", o.name_ar AS "NameAr", o.name_latin AS "NameLatin", o.sector_code AS "SectorCode", o.province_code AS "ProvinceCode", o.region_code AS "RegionCode", o.status AS "Status"
        FROM registry.organizations AS o
        WHERE o.{column} LIKE $2 OR ($1 <% o.{column}) OR (o.{column} <% $1)
        ORDER BY GREATEST(word_similarity($1, o.{column}), word_similarity(o.{column}, $1)) DESC, o.registration_number
        LIMIT $3
        """;

    /// <summary>NameRegister.FindSimilarAsync's statement (EF makes one parameter per interpolation; here each value is one parameter).</summary>
    public const string SimilarSql = """
        SELECT name_ar, name_latin, registration_number, reserved, similarity FROM (
            SELECT name_ar, name_latin, registration_number, false AS reserved,
                   greatest(CASE WHEN $1 <> '' THEN similarity(normalized_name_ar, $1) ELSE 0 END,
                            CASE WHEN $2 <> '' THEN similarity(normalized_name_latin, $2) ELSE 0 END)::float8 AS similarity
            FROM registry.organizations
            WHERE ($1 <> '' AND normalized_name_ar % $1) OR ($2 <> '' AND normalized_name_latin % $2)
            UNION ALL
            SELECT name_ar, name_latin, NULL, true,
                   greatest(CASE WHEN $1 <> '' THEN similarity(normalized_ar, $1) ELSE 0 END,
                            CASE WHEN $2 <> '' THEN similarity(normalized_latin, $2) ELSE 0 END)::float8
            FROM registry.name_reservations
            WHERE consumed_at IS NULL AND expires_at > $3
              AND (($1 <> '' AND normalized_ar % $1) OR ($2 <> '' AND normalized_latin % $2))
        ) AS candidates
        WHERE similarity >= $4
        ORDER BY similarity DESC, registration_number NULLS LAST
        LIMIT $5
        """;

    public override async Task<List<Hit>> SearchAsync(Db db, string q)
    {
        var (arabic, normalized) = Normalize(q);
        var column = arabic ? "normalized_name_ar" : "normalized_name_latin";
        var rows = await db.QueryAsync(SearchSql(column), normalized, "%" + normalized + "%", PageSize + 1);
        return Hits(rows);
    }

    public override async Task<List<Hit>> SimilarAsync(Db db, string normalizedAr, string normalizedLatin) =>
        await RunSimilarAsync(db, SimilarSql, normalizedAr, normalizedLatin);

    /// <summary>FindSimilarAsync's shape: the threshold is set for the transaction, then the statement runs.</summary>
    protected static async Task<List<Hit>> RunSimilarAsync(Db db, string sql, string ar, string latin)
    {
        await using var transaction = await db.Connection.BeginTransactionAsync();
        await db.ExecuteAsync("SELECT set_config('pg_trgm.similarity_threshold', $1, true)", SimilarityThreshold.ToString(CultureInfo.InvariantCulture));
        var rows = await db.QueryAsync(sql, ar, latin, DateTimeOffset.UtcNow, SimilarityThreshold, MaxWarnings);
        await transaction.CommitAsync();
        return [.. rows.Select(r => new Hit((string?)r[2] ?? "reserved:" + (r[0] ?? r[1]), (double)r[4]!))];
    }
}

/// <summary>
/// The design ENVIRONMENT.md sketches: a search key per script without generic words, with its own trigram
/// index; exact substring first, fuzzy (word similarity) only when the substring finds nothing; the candidates
/// (at most <see cref="Cap"/>) re-ranked with today's score on the full normalised name.
/// </summary>
internal sealed class KeyTrigram : Variant
{
    public const int Cap = 300;

    public override string Name => "key-trgm";

    public override string Description =>
        "search key per script without generic words + GIN gin_trgm_ops on it; substring on the key first (plus exact " +
        $"normalised-name equality), word-similarity fallback only when empty; candidates capped at {Cap} and re-ranked on " +
        "the full name. Similar check: similarity on the keys, same threshold";

    public override IReadOnlyList<string> SetupSql =>
    [
        "CREATE INDEX IF NOT EXISTS bench_ix_org_key_ar_trgm ON registry.organizations USING gin (bench_key_ar gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS bench_ix_org_key_latin_trgm ON registry.organizations USING gin (bench_key_latin gin_trgm_ops)",
        // Only generic words typed: the substring search runs on the full normalised name.
        "CREATE INDEX IF NOT EXISTS ix_organizations_normalized_name_ar_trgm ON registry.organizations USING gin (normalized_name_ar gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS ix_organizations_normalized_name_latin_trgm ON registry.organizations USING gin (normalized_name_latin gin_trgm_ops)",
        "CREATE INDEX IF NOT EXISTS bench_ix_res_key_ar_trgm ON registry.name_reservations USING gin (bench_key_ar gin_trgm_ops) WHERE consumed_at IS NULL",
        "CREATE INDEX IF NOT EXISTS bench_ix_res_key_latin_trgm ON registry.name_reservations USING gin (bench_key_latin gin_trgm_ops) WHERE consumed_at IS NULL",
    ];

    private static string Ranked(string column, string filter) => $"""
        SELECT GREATEST(word_similarity($1, c.{column}), word_similarity(c.{column}, $1)) AS score, c.{SummaryColumns.Replace(", ", ", c.", StringComparison.Ordinal)}
        FROM (
            (SELECT o.{column}, o.{SummaryColumns.Replace(", ", ", o.", StringComparison.Ordinal)} FROM registry.organizations o WHERE {filter} LIMIT {Cap})
            UNION
            SELECT o.{column}, o.{SummaryColumns.Replace(", ", ", o.", StringComparison.Ordinal)} FROM registry.organizations o WHERE o.{column} = $1
        ) c
        ORDER BY score DESC, c.registration_number
        LIMIT {PageSize + 1}
        """;

    public override async Task<List<Hit>> SearchAsync(Db db, string q)
    {
        var (arabic, normalized) = Normalize(q);
        var column = arabic ? "normalized_name_ar" : "normalized_name_latin";
        var keyColumn = arabic ? "bench_key_ar" : "bench_key_latin";
        var words = normalized.Split(' ');
        var onlyGeneric = words.All(BenchSchema.GenericWords.Contains);
        var key = BenchSchema.SearchKey(normalized);
        var substring = onlyGeneric ? $"o.{column} LIKE $2" : $"o.{keyColumn} LIKE $2";
        var rows = await db.QueryAsync(Ranked(column, substring), normalized, "%" + key + "%");
        if (rows.Count == 0)
        {
            rows = await db.QueryAsync(Ranked(column, $"$2 <% o.{keyColumn}"), normalized, key);
        }

        return Hits(rows);
    }

    private const string SimilarSql = """
        SELECT name_ar, name_latin, registration_number, reserved, similarity FROM (
            SELECT name_ar, name_latin, registration_number, false AS reserved,
                   greatest(CASE WHEN $1 <> '' THEN similarity(bench_key_ar, $1) ELSE 0 END,
                            CASE WHEN $2 <> '' THEN similarity(bench_key_latin, $2) ELSE 0 END)::float8 AS similarity
            FROM registry.organizations
            WHERE ($1 <> '' AND bench_key_ar % $1) OR ($2 <> '' AND bench_key_latin % $2)
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

    public override async Task<List<Hit>> SimilarAsync(Db db, string normalizedAr, string normalizedLatin) =>
        await CurrentSimilar(db, SimilarSql, normalizedAr.Length == 0 ? "" : BenchSchema.SearchKey(normalizedAr),
            normalizedLatin.Length == 0 ? "" : BenchSchema.SearchKey(normalizedLatin));

    private static Task<List<Hit>> CurrentSimilar(Db db, string sql, string ar, string latin) => SimilarRunner.RunAsync(db, sql, ar, latin);
}

internal static class SimilarRunner
{
    public static async Task<List<Hit>> RunAsync(Db db, string sql, string ar, string latin)
    {
        await using var transaction = await db.Connection.BeginTransactionAsync();
        await db.ExecuteAsync("SELECT set_config('pg_trgm.similarity_threshold', $1, true)", Variant.SimilarityThreshold.ToString(CultureInfo.InvariantCulture));
        var rows = await db.QueryAsync(sql, ar, latin, DateTimeOffset.UtcNow, Variant.SimilarityThreshold, Variant.MaxWarnings);
        await transaction.CommitAsync();
        return [.. rows.Select(r => new Hit((string?)r[2] ?? "reserved:" + (r[0] ?? r[1]), (double)r[4]!))];
    }
}
