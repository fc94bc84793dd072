using System.Globalization;
using Registry.Benchmarks.Approvals;

// Approvals benchmark (issue 5): ≥ 1,000 approvals per second sustained across regions with p95 ≤ 50 ms,
// and the registration numbers still gap-free afterwards. See benchmarks/README.md.
//
//   dotnet run -c Release --project benchmarks/Registry.Benchmarks.Approvals -- \
//     --api http://127.0.0.1:5082 --connection "Host=...;Database=registry;Username=..." \
//     --admin-email admin@bench.local --admin-password '...' --applications 20000 --clients 32 --seconds 20
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

Console.WriteLine($"approvals benchmark: {options.Applications:N0} applications, {options.Clients} clients, warm-up ≥ {options.WarmupSeconds} s and ≥ {options.WarmupApprovals:N0} approvals, " +
    $"measured {options.Seconds} s, Idempotency-Key {(options.IdempotencyKeys ? "on" : "off")}, API {options.Api}");

using var api = new Api(options.Api, options.Clients);
await api.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

var runId = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
var preparation = await Preparation.RunAsync(api, options, runId);

if (options.PgStatements)
{
    await Verification.ResetStatementsAsync(options.Connection);
}

var drive = await Driver.RunAsync(api, options, preparation);
drive.Print();

var verification = await Verification.RunAsync(options, preparation, drive);
verification.Print();

if (options.PgStatements)
{
    await Verification.PrintTopStatementsAsync(options.Connection);
}

var met = drive.ApprovalsPerSecond >= 1000 && drive.P95Ms <= 50;
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT approvals/s={drive.ApprovalsPerSecond:F0} p50={drive.P50Ms:F1}ms p95={drive.P95Ms:F1}ms p99={drive.P99Ms:F1}ms errors={drive.Errors} " +
    $"gap-free={(verification.GapFree ? "yes" : "NO")} one-organisation-each={(verification.OneOrganizationEach ? "yes" : "NO")}"));
Console.WriteLine($"target (≥ 1,000/s and p95 ≤ 50 ms): {(met ? "met" : "missed")}; integrity: {(verification.Ok ? "ok" : "BROKEN")}");
return verification.Ok ? 0 : 1;
