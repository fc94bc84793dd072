using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests run on: the server named by REGISTRY_TEST_POSTGRES (a connection string to a
/// database whose user may create databases), or a throwaway cluster started with the machine's binaries.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "REGISTRY_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly Action<string>? _control;

    private PostgresServer(string adminConnectionString, Action<string>? control = null)
    {
        AdminConnectionString = adminConnectionString;
        _control = control;
    }

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>The folder of the machine's PostgreSQL programs (pg_dump, pg_restore, ...).</summary>
    public static string BinDirectory => FindBinaries();

    /// <summary>
    /// Another throwaway cluster of its own, as a fresh machine would have (a restore target, say); stopped at exit.
    /// <paramref name="durable"/> keeps PostgreSQL's crash safety (fsync, synchronous commit), which the shared
    /// cluster turns off for speed: a test that crashes the server needs what was committed to survive it.
    /// </summary>
    public static Task<PostgresServer> StartFreshClusterAsync(bool durable = false) => StartClusterAsync(durable);

    /// <summary>Crashes the server (pg_ctl stop -m immediate: no shutdown checkpoint, clients cut off), as a power cut would.</summary>
    public void Crash() => (_control ?? throw new InvalidOperationException("Only a cluster the tests started can be stopped."))("crash");

    /// <summary>Starts the server again after <see cref="Crash"/>, on the same port; it recovers from its WAL.</summary>
    public void Restart() => (_control ?? throw new InvalidOperationException("Only a cluster the tests started can be started."))("start");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, MaxPoolSize = 100 }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            return new PostgresServer(external);
        }

        return await StartClusterAsync(durable: false);
    }

    private static async Task<PostgresServer> StartClusterAsync(bool durable)
    {
        var bin = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "registry-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses root: the cluster belongs to the postgres user.
            Run("chown", ["postgres:postgres", root]);
        }

        RunAs(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
        var speed = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        void Start() => RunAs(asRoot, Path.Combine(bin, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "start", "-o",
            $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=400" + speed,
        ]);
        Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAs(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
                Directory.Delete(root, recursive: true);
            }
            catch (InvalidOperationException)
            {
                // Best effort: the folder is under the temp directory.
            }
        };

        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres",
            command =>
            {
                if (command == "start")
                {
                    Start();
                }
                else
                {
                    RunAs(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
                }
            });
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        return server;
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException(
                $"PostgreSQL binaries were not found under /usr/lib/postgresql. Install them (apt-get install postgresql) or set {EnvironmentVariable}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string file, IReadOnlyList<string> args)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", file, .. args]);
        }
        else
        {
            Run(file, args);
        }
    }

    private static void Run(string file, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(60_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({(process.HasExited ? process.ExitCode : -1)}): {stderr.Result}");
        }
    }
}
