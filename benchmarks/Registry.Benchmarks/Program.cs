using System.Globalization;
using System.Text;
using Npgsql;
using Registry.Benchmarks;

// dotnet run -c Release --project benchmarks/Registry.Benchmarks -- search --connection "<cs>" [options]
// See Usage below, and benchmarks/run-search-benchmark.sh, which starts a benchmark PostgreSQL cluster first.
Console.OutputEncoding = Encoding.UTF8;
const string Usage = """
    usage: Registry.Benchmarks search --connection "<connection string>" [options]
      --organizations N    organisations to load (default 1000000; reloaded when the table holds another count)
      --reservations N     name reservations to load, 1 in 50 live (default 100000)
      --clients N          concurrent clients (default 16)
      --seconds N          measured seconds per query kind and variant (default 20)
      --warmup N           seconds run before measuring (default 3)
      --variant LIST       comma-separated variants, or all (default current): as-migrated, current, key-trgm, words, tiered, product;
                           NAME:search or NAME:similar measures one query only
      --slow-quality N     quality inputs for as-migrated/current, which take seconds per query (default 32)
      --only search|similar   measure one of the two
      --queries N          distinct search queries / similar-name inputs generated (default 2000 / 1000)
      --quality N          inputs run once each for the quality figures (default 400; 0 = none)
      --no-explain         do not print EXPLAIN (ANALYZE, BUFFERS)
      --auto-prepare       let Npgsql prepare repeated statements (Max Auto Prepare=64; EF Core's default is off)
      --reload             reload the data even if the count matches
      --skip-build         do not build Registry.Api before its migrate step
      --seed N             data and workload seed (default 1)
    The database in the connection string is created when missing; the schema comes from `Registry.Api migrate`.
    """;

if (args.Length == 0 || args[0] != "search")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 0 : 2;
}

var options = new Dictionary<string, string?>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"Unexpected argument {args[i]}.\n{Usage}");
        return 2;
    }

    var flag = args[i] is "--reload" or "--skip-build" or "--no-explain" or "--auto-prepare";
    options[args[i][2..]] = flag ? null : (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value"));
}

int Int(string name, int fallback) => options.TryGetValue(name, out var v) && v is not null ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

if (!options.TryGetValue("connection", out var connectionString) || connectionString is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var organizations = Int("organizations", 1_000_000);
var reservations = Int("reservations", 100_000);
var clients = Int("clients", 16);
var seconds = Int("seconds", 20);
var warmup = Int("warmup", 3);
var seed = Int("seed", 1);
var queryCount = Int("queries", 2000);
var qualityCount = Int("quality", 400);
var explain = !options.ContainsKey("no-explain");
var only = options.GetValueOrDefault("only");
var variantNames = (options.GetValueOrDefault("variant") ?? "current").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
// A variant may be limited to one of the two queries: "as-migrated:similar".
var variants = (variantNames is ["all"] ? Variant.All.Select(v => v.Name).ToArray() : variantNames).Select(spec =>
{
    var parts = spec.Split(':');
    var variant = Variant.All.FirstOrDefault(v => v.Name == parts[0])
        ?? throw new ArgumentException($"Unknown variant {parts[0]}; known: {string.Join(", ", Variant.All.Select(v => v.Name))}");
    return (Variant: variant, Only: parts.Length > 1 ? parts[1] : only);
}).ToList();
var slowQuality = Int("slow-quality", 32);

var root = FindRepositoryRoot();
await Setup.EnsureDatabaseAsync(connectionString, root, options.ContainsKey("skip-build"));
Product.Use(connectionString);
var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(clients * 2 + 4, 40), CommandTimeout = 600, MaxAutoPrepare = options.ContainsKey("auto-prepare") ? 64 : 0 }.ConnectionString);
await using var dataSource = builder.Build();
await Setup.LoadAsync(dataSource, organizations, reservations, seed, options.ContainsKey("reload"));

await using (var info = dataSource.CreateCommand("""
    SELECT version(), (SELECT count(*) FROM registry.organizations), pg_size_pretty(pg_total_relation_size('registry.organizations')),
           current_setting('shared_buffers'), current_setting('work_mem'), current_setting('jit'), current_setting('max_parallel_workers_per_gather')
    """))
await using (var reader = await info.ExecuteReaderAsync())
{
    await reader.ReadAsync();
    Console.WriteLine($"""

        {reader.GetString(0)}
        organisations {reader.GetInt64(1):N0} ({reader.GetString(2)} with indexes); shared_buffers {reader.GetString(3)}, work_mem {reader.GetString(4)}, jit {reader.GetString(5)}, max_parallel_workers_per_gather {reader.GetString(6)}
        {Environment.ProcessorCount} cores shared by the load generator (this process) and PostgreSQL; {clients} clients, {seconds} s measured after {warmup} s warm-up.
        """);
}

var sample = await Workload.SampleAsync(dataSource, organizations, 3000);
var searchQueries = Workload.SearchQueries(sample, queryCount, seed);
var similarInputs = Workload.SimilarInputs(sample, new Generator(seed + 99, [], []), Math.Max(1, queryCount / 2), seed);
Console.WriteLine($"Workload: {searchQueries.Count} search queries ({string.Join(", ", searchQueries.GroupBy(q => q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})");
Console.WriteLine($"          {similarInputs.Count} names checked for similar names ({string.Join(", ", similarInputs.GroupBy(q => q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})");
Console.WriteLine("Examples: " + string.Join(" | ", searchQueries.GroupBy(q => q.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: «{g.First().Text}»")));

var summary = new List<string>();
var searchResults = new Dictionary<string, Dictionary<SearchQuery, List<Hit>>>(StringComparer.Ordinal);
var similarResults = new Dictionary<string, Dictionary<SimilarInput, List<Hit>>>(StringComparer.Ordinal);
foreach (var (variant, variantOnly) in variants)
{
    // Today's SQL takes seconds per query: its quality pass runs on fewer inputs.
    var qualityFor = variant is Current ? Math.Min(qualityCount, slowQuality) : qualityCount;
    Console.WriteLine();
    Console.WriteLine(new string('=', 100));
    Console.WriteLine($"Variant {variant.Name}: {variant.Description}");
    Console.WriteLine(new string('=', 100));
    await Variant.ApplySetupAsync(dataSource, variant);

    if (variantOnly is null or "search")
    {
        var quality = searchQueries.Take(qualityFor).ToList();
        Dictionary<SearchQuery, List<Hit>> results = [];
        if (quality.Count > 0)
        {
            results = await Runner.RunAllAsync(dataSource, quality, (db, q) => variant.SearchAsync(db, q.Text), clients);
            PrintSearchQuality(results, searchResults.GetValueOrDefault("current"));
            searchResults[variant.Name] = results;
        }

        var (total, byKind) = await Runner.MeasureAsync(dataSource, searchQueries, q => q.Kind, (db, q) => variant.SearchAsync(db, q.Text),
            clients, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), seed);
        Console.WriteLine($"\nSearch latency ({clients} clients, errors {total.Errors}, load generator {total.ClientCpuShare:P0} of the machine's CPU, machine busy {total.MachineBusyShare:P0}):");
        Console.WriteLine(Latencies.Header);
        Console.WriteLine(total.Row());
        byKind.ForEach(k => Console.WriteLine(k.Row()));
        summary.Add($"{variant.Name,-12} search   {total.Row()[23..]}");

        if (explain)
        {
            foreach (var kind in new[] { "exact-ar", "misspelt-latin", "fragment-common" })
            {
                if (searchQueries.FirstOrDefault(q => q.Kind == kind) is { } q)
                {
                    Console.WriteLine($"\n--- EXPLAIN search, {kind}: «{q.Text}»");
                    await using var connection = await dataSource.OpenConnectionAsync();
                    await variant.SearchAsync(new Db(connection, Console.Out), q.Text);
                }
            }
        }
    }

    if (variantOnly is null or "similar")
    {
        var quality = similarInputs.Take(qualityFor / 2).ToList();
        if (quality.Count > 0)
        {
            var results = await Runner.RunAllAsync(dataSource, quality, (db, i) => variant.SimilarAsync(db, i.NormalizedAr, i.NormalizedLatin), clients);
            PrintSimilarQuality(results, similarResults.GetValueOrDefault("current"), "current");
            PrintSimilarQuality(results, similarResults.GetValueOrDefault("key-trgm"), "key-trgm", overlapOnly: true);
            similarResults[variant.Name] = results;
        }

        var (total, byKind) = await Runner.MeasureAsync(dataSource, similarInputs, i => i.Kind, (db, i) => variant.SimilarAsync(db, i.NormalizedAr, i.NormalizedLatin),
            clients, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), seed + 1);
        Console.WriteLine($"\nSimilar-name check latency ({clients} clients, errors {total.Errors}, load generator {total.ClientCpuShare:P0} of the machine's CPU, machine busy {total.MachineBusyShare:P0}):");
        Console.WriteLine(Latencies.Header);
        Console.WriteLine(total.Row());
        byKind.ForEach(k => Console.WriteLine(k.Row()));
        summary.Add($"{variant.Name,-12} similar  {total.Row()[23..]}");

        if (explain && similarInputs.FirstOrDefault(i => i.Kind == "near-duplicate") is { } input)
        {
            Console.WriteLine($"\n--- EXPLAIN similar-name check, near-duplicate: «{input.NameAr}» / «{input.NameLatin}»");
            await using var connection = await dataSource.OpenConnectionAsync();
            await variant.SimilarAsync(new Db(connection, Console.Out), input.NormalizedAr, input.NormalizedLatin);
        }
    }
}

Console.WriteLine();
Console.WriteLine($"Summary ({clients} clients, {seconds} s each; targets: search p95 ≤ 25 ms, similar p95 ≤ 30 ms):");
Console.WriteLine($"{"variant",-12} {"query",-8} {Latencies.Header[23..]}");
summary.ForEach(Console.WriteLine);
if (variants.Any(v => v.Variant is Product))
{
    Console.WriteLine($"product: EF Core compiled {Product.Compilations} LINQ queries in the whole run (each shape once when the cache works)");
}

return 0;

static void PrintSearchQuality(Dictionary<SearchQuery, List<Hit>> results, Dictionary<SearchQuery, List<Hit>>? reference)
{
    Console.WriteLine($"\nSearch quality on {results.Count} queries (target = the organisation the query was made from):");
    Console.WriteLine($"{"kind",-18} {"n",4} {"empty",7} {"top-1",7} {"in page",8} {"rows",6}{(reference is null ? "" : $" {"same top-1 as current",22} {"current's top-1 in page",24}")}");
    foreach (var group in results.GroupBy(r => r.Key.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        var n = group.Count();
        var targeted = group.Where(r => r.Key.Target is not null).ToList();
        var empty = group.Count(r => r.Value.Count == 0) / (double)n;
        var top1 = targeted.Count == 0 ? double.NaN : targeted.Count(r => r.Value.Count > 0 && r.Value[0].RegistrationNumber == r.Key.Target) / (double)targeted.Count;
        var inPage = targeted.Count == 0 ? double.NaN : targeted.Count(r => r.Value.Take(Variant.PageSize).Any(h => h.RegistrationNumber == r.Key.Target)) / (double)targeted.Count;
        var rows = group.Average(r => r.Value.Count);
        var line = string.Create(CultureInfo.InvariantCulture, $"{group.Key,-18} {n,4} {empty,7:P0} {top1,7:P0} {inPage,8:P0} {rows,6:F1}");
        if (reference is not null)
        {
            var compared = group.Where(r => reference.TryGetValue(r.Key, out var c) && c.Count > 0).ToList();
            var sameTop = compared.Count == 0 ? double.NaN : compared.Count(r => r.Value.Count > 0 && r.Value[0].RegistrationNumber == reference[r.Key][0].RegistrationNumber) / (double)compared.Count;
            var refTopIn = compared.Count == 0 ? double.NaN : compared.Count(r => r.Value.Take(Variant.PageSize).Any(h => h.RegistrationNumber == reference[r.Key][0].RegistrationNumber)) / (double)compared.Count;
            line += string.Create(CultureInfo.InvariantCulture, $" {sameTop,22:P0} {refTopIn,24:P0}");
        }

        Console.WriteLine(line);
    }
}

static void PrintSimilarQuality(Dictionary<SimilarInput, List<Hit>> results, Dictionary<SimilarInput, List<Hit>>? reference, string referenceName, bool overlapOnly = false)
{
    if (overlapOnly)
    {
        if (reference is not null)
        {
            var pairs = results.Where(r => reference.TryGetValue(r.Key, out var c) && c.Count > 0).ToList();
            var overlap = pairs.Count == 0 ? double.NaN : pairs.Average(r => r.Value.Select(h => h.RegistrationNumber).Intersect(reference[r.Key].Select(h => h.RegistrationNumber)).Count() / (double)reference[r.Key].Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Overlap with {referenceName}'s warnings (same similarity semantics on the keys): {overlap:P0} of its names, over {pairs.Count} checks where it warned"));
        }

        return;
    }

    Console.WriteLine($"\nSimilar-name quality on {results.Count} names (target = the registered name it imitates):");
    Console.WriteLine($"{"kind",-18} {"n",4} {"none",7} {"target 1st",11} {"target in",10} {"rows",6}{(reference is null ? "" : $" {"overlap with " + referenceName,21}")}");
    foreach (var group in results.GroupBy(r => r.Key.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        var n = group.Count();
        var targeted = group.Where(r => r.Key.Target is not null).ToList();
        var none = group.Count(r => r.Value.Count == 0) / (double)n;
        var first = targeted.Count == 0 ? double.NaN : targeted.Count(r => r.Value.Count > 0 && r.Value[0].RegistrationNumber == r.Key.Target) / (double)targeted.Count;
        var found = targeted.Count == 0 ? double.NaN : targeted.Count(r => r.Value.Any(h => h.RegistrationNumber == r.Key.Target)) / (double)targeted.Count;
        var line = string.Create(CultureInfo.InvariantCulture, $"{group.Key,-18} {n,4} {none,7:P0} {first,11:P0} {found,10:P0} {group.Average(r => r.Value.Count),6:F1}");
        if (reference is not null)
        {
            var pairs = group.Where(r => reference.TryGetValue(r.Key, out var c) && c.Count > 0).ToList();
            var overlap = pairs.Count == 0 ? double.NaN : pairs.Average(r => r.Value.Select(h => h.RegistrationNumber).Intersect(reference[r.Key].Select(h => h.RegistrationNumber)).Count() / (double)reference[r.Key].Count);
            line += string.Create(CultureInfo.InvariantCulture, $" {overlap,21:P0}");
        }

        Console.WriteLine(line);
    }

    // The names whose target was not reported at all, so that a lost one can be looked at.
    foreach (var (input, hits) in results.Where(r => r.Key.Target is not null && r.Value.All(h => h.RegistrationNumber != r.Key.Target)).Take(10))
    {
        Console.WriteLine($"  target not reported: {input.Kind} «{input.NameAr}» / «{input.NameLatin}» → {input.Target}; reported {string.Join(", ", hits.Select(h => h.RegistrationNumber))}");
    }
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
        {
            return directory.FullName;
        }
    }

    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (Registry.sln not found).");
}
