using System.Globalization;
using Registry.Cli.Accounts;
using Registry.Cli.Audit;
using Registry.Cli.Benchmark;
using Registry.Cli.Common;
using Registry.Cli.Generation;
using Registry.Cli.Import;

namespace Registry.Cli;

/// <summary>The operator commands; arguments parsed by hand (a handful of options each).</summary>
internal static class CliApp
{
    public const string Usage = """
        usage: Registry.Cli <command> [--connection "<connection string>"] [options]    (--help, -h: this text)
          generate [--organizations 1000000] [--members-per-organization 20] [--seed 42] [--workers 2]
                   [--indexes auto|rebuild|staging] [--today yyyy-MM-dd] [--maintenance-work-mem 512MB]
          import organizations FILE.csv [--report rejected.csv]
          benchmark sweep [--today yyyy-MM-dd]
          audit verify [--organization REGISTRATION-NUMBER] [--checkpoint FILE [--digest SHA256]]
                   (exit 4: a chain is broken or differs from the checkpoint; 5: no such organisation; 6: not the published checkpoint)
          audit checkpoint --out FILE   (every chain's head, after a verification; prints the SHA-256 to publish)
          totp KEY     the authenticator code of a base32 key now (the Development demo staff's, say); no database
        The connection string can also come from ConnectionStrings__Registry.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = Arguments.Parse(args);
            if (parsed.Help)
            {
                await output.WriteLineAsync(Usage);
                return 0;
            }

            var connectionString = parsed.Option("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Registry");
            switch (parsed.Positional)
            {
                case ["generate"]:
                    var options = new GenerateOptions(
                        Organizations: parsed.Int("organizations", 1_000_000),
                        MembersPerOrganization: parsed.Double("members-per-organization", 20),
                        Seed: parsed.Int("seed", 42),
                        Today: parsed.Date("today"),
                        Workers: parsed.Int("workers", 2),
                        Indexes: Enum.TryParse<IndexMode>(parsed.Option("indexes") ?? "auto", ignoreCase: true, out var mode) ? mode : throw new UsageException("--indexes is auto, rebuild or staging."),
                        MaintenanceWorkMem: parsed.Option("maintenance-work-mem") ?? "512MB");
                    parsed.EnsureAllUsed();
                    await new GenerateCommand(Require(connectionString), output).RunAsync(options, cancellationToken);
                    return 0;
                case ["import", "organizations", var file]:
                    var report = parsed.Option("report");
                    parsed.EnsureAllUsed();
                    var import = await new ImportCommand(Require(connectionString), output).RunAsync(file, report, cancellationToken);
                    return import.RejectedRows > 0 ? 2 : 0;
                case ["benchmark", "sweep"]:
                    var today = parsed.Date("today") ?? Casablanca.Today(TimeProvider.System);
                    parsed.EnsureAllUsed();
                    var result = await new SweepBenchmarkCommand(Require(connectionString), output).RunAsync(today, cancellationToken);
                    return result.Second.RowsWritten == 0 && result.Second.FindingsChanged == 0 && result.Second.MessagesQueued == 0 ? 0 : 3;
                case ["audit", "verify"]:
                    var organization = parsed.Option("organization");
                    var checkpoint = parsed.Option("checkpoint");
                    var digest = parsed.Option("digest");
                    parsed.EnsureAllUsed();
                    return await new AuditVerifyCommand(Require(connectionString), output).RunAsync(organization, checkpoint, digest, cancellationToken);
                case ["audit", "checkpoint"]:
                    var checkpointFile = parsed.Option("out") ?? throw new UsageException("audit checkpoint needs --out FILE.");
                    parsed.EnsureAllUsed();
                    return await new AuditCheckpointCommand(Require(connectionString), output).RunAsync(checkpointFile, cancellationToken);
                case ["totp", var key]:
                    parsed.EnsureAllUsed();
                    try
                    {
                        await output.WriteLineAsync(Totp.Code(key, TimeProvider.System.GetUtcNow()));
                    }
                    catch (FormatException e)
                    {
                        throw new UsageException(e.Message);
                    }

                    return 0;
                default:
                    await error.WriteLineAsync(Usage);
                    return 64;
            }
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(Usage);
            return 64;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"failed: {e.Message}");
            return 1;
        }
    }

    private static string Require(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new UsageException("No connection string: pass --connection or set ConnectionStrings__Registry.");
        }

        try
        {
            // Read here, so that a malformed one ("Port=notaport") is a command-line error, not an unhandled exception.
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"The connection string cannot be read: {e.Message}");
        }

        return connectionString;
    }
}

/// <summary><c>--name value</c> options and positional words.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    /// <summary><c>--help</c> or <c>-h</c> anywhere: print the usage and do nothing else.</summary>
    public bool Help { get; private set; }

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                result.Help = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0)
                {
                    result._options[name[..equals]] = name[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    result._options[name] = args[++i];
                }
                else
                {
                    throw new UsageException($"The option --{name} needs a value.");
                }
            }
            else
            {
                result.Positional.Add(arg);
            }
        }

        return result;
    }

    public string? Option(string name)
    {
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public int Int(string name, int fallback) =>
        Option(name) is { } value ? int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : throw new UsageException($"--{name} takes a whole number, not '{value}'.") : fallback;

    public double Double(string name, double fallback) =>
        Option(name) is { } value ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n
            : throw new UsageException($"--{name} takes a number, not '{value}'.") : fallback;

    public DateOnly? Date(string name) =>
        Option(name) is { } value ? DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new UsageException($"--{name} takes a date yyyy-MM-dd, not '{value}'.") : null;

    public void EnsureAllUsed()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}.");
        }
    }
}

/// <summary>A command line the CLI cannot understand: the message and the usage are printed.</summary>
internal sealed class UsageException(string message) : Exception(message);
