using System.Globalization;

namespace Registry.Benchmarks.Approvals;

internal sealed record Options(
    Uri Api,
    string Connection,
    string AdminEmail,
    string AdminPassword,
    int Applications,
    int Clients,
    int Seconds,
    int WarmupSeconds,
    int WarmupApprovals,
    bool IdempotencyKeys,
    bool PgStatements,
    int? ApiPid,
    int? PostmasterPid)
{
    public const string Usage = """
        usage: Registry.Benchmarks.Approvals --api URL --connection CS --admin-email E --admin-password P
                 [--applications 20000] [--clients 32] [--seconds 20] [--warmup-seconds 15] [--warmup-approvals 3000]
                 [--idempotency-keys] [--pg-statements]
          --applications    submitted, lawful applications to prepare (spread over the 12 regions)
          --clients         concurrent HTTP clients (each approval goes out with the token of its region's official)
          --seconds         measured period; stops earlier when the prepared applications run out
          --warmup-seconds, --warmup-approvals  the warm-up lasts at least this long and this many approvals, and
                            until the API's JIT has settled (with --api-pid; at most 300 s); not counted in the figures
          --idempotency-keys  send an Idempotency-Key with every approval (a careful client does)
          --pg-statements   print the top statements of pg_stat_statements for the measured period
          --api-pid, --postmaster-pid  processes whose CPU time is reported per approval
        """;

    public static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--idempotency-keys" or "--pg-statements")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                return null;
            }
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        if (!values.TryGetValue("--api", out var api) || !values.TryGetValue("--connection", out var connection)
            || !values.TryGetValue("--admin-email", out var email) || !values.TryGetValue("--admin-password", out var password))
        {
            return null;
        }

        return new Options(new Uri(api), connection, email, password,
            Int("--applications", 20_000), Int("--clients", 32), Int("--seconds", 20), Int("--warmup-seconds", 15), Int("--warmup-approvals", 3000),
            flags.Contains("--idempotency-keys"), flags.Contains("--pg-statements"),
            values.TryGetValue("--api-pid", out var apiPid) ? int.Parse(apiPid, CultureInfo.InvariantCulture) : null,
            values.TryGetValue("--postmaster-pid", out var pmPid) ? int.Parse(pmPid, CultureInfo.InvariantCulture) : null);
    }
}
