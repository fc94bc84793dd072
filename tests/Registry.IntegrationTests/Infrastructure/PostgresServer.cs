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
    private readonly Cluster? _cluster;

    private PostgresServer(string adminConnectionString, Action<string>? control = null, Cluster? cluster = null)
    {
        AdminConnectionString = adminConnectionString;
        _control = control;
        _cluster = cluster;
    }

    /// <summary>Where a cluster the tests started lives.</summary>
    private sealed record Cluster(string Bin, string Root, string Data, int Port, bool AsRoot, bool Durable);

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

    /// <summary>
    /// A hot standby of this cluster, as production would run one: a base backup taken with <c>pg_basebackup -R</c>
    /// (which writes <c>primary_conninfo</c> and <c>standby.signal</c>), started on a port of its own, replaying the
    /// primary's WAL as it streams in; stopped at exit. Only for a cluster the tests started
    /// (<see cref="StartFreshClusterAsync"/>; its <c>wal_level</c> is PostgreSQL's default, <c>replica</c>).
    /// </summary>
    public async Task<PostgresServer> StartStreamingReplicaAsync()
    {
        var primary = _cluster ?? throw new InvalidOperationException("Only a cluster the tests started can be replicated.");
        var (root, data, port) = NewClusterFolder(primary.AsRoot);
        RunAs(primary.AsRoot, Path.Combine(primary.Bin, "pg_basebackup"),
            ["-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres",
             "-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync"]);
        return await LaunchAsync(primary with { Root = root, Data = data, Port = port }, "-c hot_standby=on");
    }

    /// <summary>Waits until this server (a replica) has replayed everything <paramref name="primary"/> had written when called.</summary>
    public async Task WaitForReplayOfAsync(PostgresServer primary, TimeSpan? timeout = null)
    {
        string target;
        await using (var connection = new NpgsqlConnection(primary.AdminConnectionString))
        {
            await connection.OpenAsync();
            // The insert position, not pg_current_wal_lsn() (the write position): with synchronous_commit off, as the
            // test clusters run, a commit's record can sit in WAL buffers behind the write position for up to
            // wal_writer_delay, and a wait up to the write position would return before the replica has it.
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()::text", connection);
            target = (string)(await command.ExecuteScalarAsync())!;
        }

        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        await using var replica = new NpgsqlConnection(AdminConnectionString);
        await replica.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)", replica);
            command.Parameters.Add(new NpgsqlParameter { Value = target });
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The replica did not replay up to {target} in time.");
            }

            await Task.Delay(50);
        }
    }

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
        var asRoot = Environment.UserName == "root";
        var (root, data, port) = NewClusterFolder(asRoot);
        RunAs(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
        return await LaunchAsync(new Cluster(bin, root, data, port, asRoot, durable), "");
    }

    private static (string Root, string Data, int Port) NewClusterFolder(bool asRoot)
    {
        var root = Path.Combine(Path.GetTempPath(), "registry-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        if (asRoot)
        {
            // initdb refuses root: the cluster belongs to the postgres user.
            Run("chown", ["postgres:postgres", root]);
        }

        return (root, Path.Combine(root, "data"), FreePort());
    }

    /// <summary>Starts the server of a cluster folder, stopped and deleted at exit.</summary>
    private static async Task<PostgresServer> LaunchAsync(Cluster cluster, string options)
    {
        var (bin, root, data, port, asRoot, durable) = cluster;
        var speed = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        void Start() => RunAs(asRoot, Path.Combine(bin, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "start", "-o",
            $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=400 {options}" + speed,
        ]);
        Start();
        StopWhenThisProcessEnds(asRoot, bin, data, root);
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
            },
            cluster);
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        return server;
    }

    /// <summary>
    /// <c>dotnet test</c> often ends the test host without running its exit handlers, which left every cluster of every
    /// run behind. A detached shell (not a child of this process, so not killed with its tree) waits for this process to
    /// end, then stops the cluster and deletes its folder.
    /// </summary>
    private static void StopWhenThisProcessEnds(bool asRoot, string bin, string data, string root)
    {
        var stop = $"{(asRoot ? "runuser -u postgres -- " : "")}'{Path.Combine(bin, "pg_ctl")}' -D '{data}' -m immediate -w stop";
        Run("sh", ["-c", $"( while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop}; rm -rf '{root}' ) </dev/null >/dev/null 2>&1 &"]);
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
