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

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>The folder of the machine's PostgreSQL programs (pg_dump, pg_restore, ...).</summary>
    public static string BinDirectory => FindBinaries();

    /// <summary>Another throwaway cluster of its own, as a fresh machine would have (a restore target, say); stopped at exit.</summary>
    public static Task<PostgresServer> StartFreshClusterAsync() => StartClusterAsync();

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, MaxPoolSize = 100 }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } external)
        {
            return new PostgresServer(external);
        }

        return await StartClusterAsync();
    }

    private static async Task<PostgresServer> StartClusterAsync()
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
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "start", "-o",
            $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
        ]);
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

        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
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
