using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Statistics;
using D = Registry.Application.Common.Interfaces.StatisticsDimension;

// dotnet run -c Release --project benchmarks/Registry.Benchmarks.Statistics -- --connection "<cs>" [options]
Console.OutputEncoding = Encoding.UTF8;
const string Usage = """
    usage: Registry.Benchmarks.Statistics --connection "<connection string>" [options]
      --clients LIST     concurrent client counts, each a separate round (default 1,4)
      --iterations N     queries per client per shape and round (default 40)
      --warmup N         unmeasured queries per client per shape first (default 3)
      --only TEXT        only the shapes whose name contains TEXT
      --no-explain       do not print EXPLAIN (ANALYZE, BUFFERS) of each shape
      --no-verify        do not check the rollup against a direct GROUP BY over the organisations first
      --baseline N       also time the old direct GROUP BY (by region) N times, one client (default 5; 0 = skip)
    The database must hold the data (Registry.Cli generate) and the migrations, including StatisticsRollup.
    """;

var options = new Dictionary<string, string?>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    var flag = args[i] is "--no-explain" or "--no-verify";
    options[args[i][2..]] = flag ? null : (i + 1 < args.Length ? args[++i] : null);
}

if (options.GetValueOrDefault("connection") is not { } connectionString)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

int Int(string name, int fallback) => options.GetValueOrDefault(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var clientCounts = (options.GetValueOrDefault("clients") ?? "1,4").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
var iterations = Int("iterations", 40);
var warmup = Int("warmup", 3);
var baselineRuns = Int("baseline", 5);
var only = options.GetValueOrDefault("only");

await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
{
    MaxPoolSize = Math.Max(clientCounts.Max() + 4, 20),
    CommandTimeout = 600,
}.ConnectionString);
var reader = new StatisticsReader(dataSource);

var shapes = Shapes.All().Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
Console.WriteLine($"statistics benchmark: {shapes.Count} shapes, clients {string.Join(", ", clientCounts)}, {iterations} queries per client per shape (+{warmup} warm-up)");
Console.WriteLine($"organisations {await Scalar<long>("SELECT count(*) FROM registry.organizations"):N0}, members {await Scalar<long>("SELECT coalesce(sum(member_count), 0) FROM registry.organizations"):N0}, " +
                  $"with an overdue finding {await Scalar<long>("SELECT count(*) FROM registry.statistics_overdue WHERE overdue_findings > 0"):N0}, " +
                  $"rollup cells {await Scalar<long>("SELECT count(*) FROM registry.statistics_cells"):N0}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average before: {LoadAverage()}");

if (!options.ContainsKey("no-verify"))
{
    var started = Stopwatch.GetTimestamp();
    // The finest yearly and monthly grains against the organisations and findings themselves, cell by cell.
    var mismatches = await Scalar<long>("""
        WITH direct AS (
            SELECT extract(year FROM o.registered_at AT TIME ZONE 'Africa/Casablanca')::smallint AS y, o.region_code, o.province_code, o.legal_form,
                   o.sector_code, o.status,
                   EXISTS (SELECT 1 FROM registry.findings f WHERE f.organization_id = o.id AND f.stage IN ('Overdue', 'Escalated')) AS od,
                   count(*) AS n, sum(o.member_count) AS m, sum(o.women_member_count) AS w
            FROM registry.organizations o GROUP BY 1, 2, 3, 4, 5, 6, 7),
        cells AS (
            SELECT registration_year AS y, region_code, province_code, legal_form, sector_code, status, has_overdue_finding AS od,
                   organizations AS n, members AS m, women_members AS w
            FROM registry.statistics_cells WHERE grain = 3 AND organizations <> 0),
        direct_months AS (
            SELECT date_trunc('month', o.registered_at AT TIME ZONE 'Africa/Casablanca')::date AS mo, o.province_code, o.sector_code, o.legal_form, o.status, count(*) AS n
            FROM registry.organizations o GROUP BY 1, 2, 3, 4, 5),
        month_cells AS (
            SELECT registration_month AS mo, province_code, sector_code, legal_form, status, organizations AS n
            FROM registry.statistics_cells WHERE grain = 7 AND organizations <> 0)
        SELECT (SELECT count(*) FROM ((SELECT * FROM direct EXCEPT ALL SELECT * FROM cells) UNION ALL (SELECT * FROM cells EXCEPT ALL SELECT * FROM direct)) a)
             + (SELECT count(*) FROM ((SELECT * FROM direct_months EXCEPT ALL SELECT * FROM month_cells) UNION ALL (SELECT * FROM month_cells EXCEPT ALL SELECT * FROM direct_months)) b)
        """);
    Console.WriteLine($"verify: rollup against a direct GROUP BY over organisations and findings: {(mismatches == 0 ? "identical" : $"{mismatches} cells differ")} " +
                      $"({Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s)");
    if (mismatches != 0)
    {
        return 1;
    }
}

if (baselineRuns > 0)
{
    var times = new List<double>();
    for (var i = 0; i < baselineRuns; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await Scalar<long>("""
            SELECT count(*) FROM (
                SELECT o.region_code, count(*), sum(o.member_count), sum(o.women_member_count),
                       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM registry.findings f WHERE f.organization_id = o.id AND f.stage IN ('Overdue', 'Escalated')))
                FROM registry.organizations o GROUP BY 1) x
            """);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"baseline: the former direct GROUP BY over the organisations (by region, with the compliance rate), 1 client: " +
                      $"median {Percentile(times, 0.5):F0} ms, max {times[^1]:F0} ms over {baselineRuns} runs");
}

if (!options.ContainsKey("no-explain"))
{
    Console.WriteLine();
    Console.WriteLine("## plans (EXPLAIN (ANALYZE, BUFFERS), warm)");
    foreach (var shape in shapes)
    {
        await shape.RunAsync(reader); // warm
        await using var command = shape.Command(reader);
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + command.CommandText;
        var plan = new StringBuilder();
        await using (var rows = await command.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
            {
                plan.AppendLine("    " + rows.GetString(0));
            }
        }

        Console.WriteLine($"### {shape.Name}");
        Console.Write(plan);
    }
}

Console.WriteLine();
Console.WriteLine("## latency per shape (ms), each client running the shape back to back");
var header = "| shape | grain | rows | " + string.Join(" | ", clientCounts.Select(c => $"{c} client{(c == 1 ? "" : "s")} p50 / p95 / p99")) + " |";
Console.WriteLine(header);
Console.WriteLine("|---|---:|---:|" + string.Concat(clientCounts.Select(_ => "---|")));
var worst = new Dictionary<int, (double P95, string Shape)>();
foreach (var shape in shapes)
{
    var rowCount = await shape.RunAsync(reader);
    var cells = new List<string>();
    foreach (var clients in clientCounts)
    {
        var latencies = await MeasureAsync(shape, reader, clients, warmup, iterations);
        var (p50, p95, p99) = (Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99));
        cells.Add($"{p50:F1} / {p95:F1} / {p99:F1}");
        if (!worst.TryGetValue(clients, out var w) || p95 > w.P95)
        {
            worst[clients] = (p95, shape.Name);
        }
    }

    Console.WriteLine($"| {shape.Name} | {shape.Grain} | {rowCount} | {string.Join(" | ", cells)} |");
}

Console.WriteLine();
foreach (var (clients, (p95, name)) in worst.OrderBy(w => w.Key))
{
    Console.WriteLine($"worst p95 at {clients} client(s): {p95:F1} ms ({name}) — target ≤ 50 ms: {(p95 <= 50 ? "met" : $"missed by {p95 - 50:F1} ms")}");
}

Console.WriteLine($"load average after: {LoadAverage()}");
return 0;

async Task<T> Scalar<T>(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync())!;
}

static async Task<List<double>> MeasureAsync(Shape shape, StatisticsReader reader, int clients, int warmup, int iterations)
{
    var all = new List<double>();
    var gate = new object();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < warmup; i++)
        {
            await shape.RunAsync(reader);
        }

        var mine = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await shape.RunAsync(reader);
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        lock (gate)
        {
            all.AddRange(mine);
        }
    })));
    all.Sort();
    return all;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

/// <summary>One query shape: organisations grouped and filtered, or registrations per month over a range.</summary>
internal sealed record Shape(string Name, D[] GroupBy, StatisticsFilter Filter, DateOnly? From = null, DateOnly? To = null)
{
    public string Grain => ((int)StatisticsReader.GrainFor(GroupBy, Filter, From is not null)).ToString(CultureInfo.InvariantCulture);

    public NpgsqlCommand Command(StatisticsReader reader) => From is { } from
        ? reader.RegistrationsCommand(from, To!.Value, GroupBy, Filter)
        : reader.OrganizationsCommand(GroupBy, Filter);

    /// <summary>Runs the query as the API does (the rows read into the read models); returns the row count.</summary>
    public async Task<int> RunAsync(StatisticsReader reader) => From is { } from
        ? (await reader.RegistrationsPerMonthAsync(from, To!.Value, GroupBy, Filter, CancellationToken.None)).Count
        : (await reader.OrganizationsAsync(GroupBy, Filter, CancellationToken.None)).Count;
}

internal static class Shapes
{
    private static readonly StatisticsFilter None = new(null, null, null, null, null, null);

    private static string Label(D d) => d switch { D.LegalForm => "legalForm", _ => d.ToString().ToLowerInvariant() };

    public static IEnumerable<Shape> All()
    {
        var dims = Enum.GetValues<D>();
        yield return new Shape("national total", [], None);
        foreach (var d in dims)
        {
            yield return new Shape($"by {Label(d)}", [d], None);
        }

        for (var i = 0; i < dims.Length; i++)
        {
            for (var j = i + 1; j < dims.Length; j++)
            {
                yield return new Shape($"by {Label(dims[i])}, {Label(dims[j])}", [dims[i], dims[j]], None);
            }
        }

        yield return new Shape("region=06: by legalForm, sector", [D.LegalForm, D.Sector], None with { Region = "06" });
        yield return new Shape("province=111: by status, year", [D.Status, D.Year], None with { Province = "111" });
        yield return new Shape("sector=AGRI: by region", [D.Region], None with { Sector = "AGRI" });
        yield return new Shape("legalForm=COOP, status=Active, year=2020: by province", [D.Province], None with { LegalForm = "COOP", Status = "Active", Year = 2020 });
        yield return new Shape("region=09, year=2024: by province, sector", [D.Province, D.Sector], None with { Region = "09", Year = 2024 });
        yield return new Shape("status=Suspended: by province, sector", [D.Province, D.Sector], None with { Status = "Suspended" });
        yield return new Shape("every filter: total", [], new StatisticsFilter("06", "111", "ASSO", "SPORT", "Active", 2019));

        var (y1From, y1To) = (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var (y5From, y5To) = (new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31));
        var (allFrom, allTo) = (new DateOnly(2005, 1, 1), new DateOnly(2026, 12, 31));
        yield return new Shape("per month, 1 year", [], None, y1From, y1To);
        yield return new Shape("per month, 1 year: by region", [D.Region], None, y1From, y1To);
        yield return new Shape("per month, 1 year: by legalForm, status", [D.LegalForm, D.Status], None, y1From, y1To);
        yield return new Shape("per month, 1 year: by province, sector", [D.Province, D.Sector], None, y1From, y1To);
        yield return new Shape("per month, 5 years", [], None, y5From, y5To);
        yield return new Shape("per month, 5 years: by region", [D.Region], None, y5From, y5To);
        yield return new Shape("per month, 5 years: by sector", [D.Sector], None, y5From, y5To);
        yield return new Shape("per month, 5 years, region=06, legalForm=COOP: by province", [D.Province], None with { Region = "06", LegalForm = "COOP" }, y5From, y5To);
        yield return new Shape("per month, all 22 years", [], None, allFrom, allTo);
        yield return new Shape("per month, all 22 years: by region", [D.Region], None, allFrom, allTo);
        yield return new Shape("per month, all 22 years: by province", [D.Province], None, allFrom, allTo);
        yield return new Shape("per month, 2024-03-15..2025-02-10 (partial months): by region", [D.Region], None, new DateOnly(2024, 3, 15), new DateOnly(2025, 2, 10));
        yield return new Shape("per month, 2025-06-03..2025-06-20 (inside one month): by sector", [D.Sector], None, new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 20));
    }
}
