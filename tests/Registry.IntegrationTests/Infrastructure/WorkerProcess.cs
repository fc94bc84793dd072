using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>
/// The worker as production runs it (deploy/compose.yaml, service <c>worker</c>): the API's own program in a
/// process of its own, with <c>Hangfire__ServerEnabled=true</c>, on a test's database. It can be killed with
/// SIGKILL (no shutdown, no finally blocks, sockets closed by the kernel), as the OOM killer or a lost machine
/// would; disposing kills it too. Its stdout and stderr are kept for the test's diagnostics.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>The <c>application_name</c> of its PostgreSQL sessions, so a test can see them in <c>pg_stat_activity</c>.</summary>
    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What it wrote so far, stdout and stderr interleaved.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts <c>Registry.Api.dll</c> (beside the tests' own assembly: the test project references the API) on
    /// <paramref name="connectionString"/>, its sessions named <paramref name="name"/>, with more configuration in
    /// <paramref name="settings"/> (<c>Section:Key</c> → value, passed as environment variables), and waits until
    /// its Hangfire server has registered.
    /// </summary>
    public static async Task<WorkerProcess> StartAsync(string connectionString, string name, IReadOnlyDictionary<string, string> settings)
    {
        var directory = AppContext.BaseDirectory;
        var entry = Path.Combine(directory, "Registry.Api.dll");
        if (!File.Exists(entry) || !File.Exists(Path.Combine(directory, "Registry.Api.runtimeconfig.json")))
        {
            throw new InvalidOperationException($"Registry.Api.dll and its runtimeconfig.json are not in {directory}: build the solution first.");
        }

        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(entry);

        // Nothing inherited from the test host decides how it runs.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        var session = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name, MaxPoolSize = 20 };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings:Registry"] = session.ConnectionString,
            ["Hangfire:ServerEnabled"] = "true",
            ["Hangfire:SchedulePollingInterval"] = "00:00:01",
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Serilog:MinimumLevel:Override:Hangfire"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, name);
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("The worker process did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await worker.WaitUntilServingAsync(connectionString);
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            // On Linux Process.Kill sends SIGKILL: the process gets no chance to run anything.
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>Hangfire names a server after the machine and the process id: its row says the server is up.</summary>
    private async Task WaitUntilServingAsync(string connectionString)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var pattern = $"%:{_process.Id}:%";
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The worker process exited ({_process.ExitCode}) at start:{Environment.NewLine}{Output}");
            }

            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.server WHERE id LIKE $1", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = pattern });
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The worker's Hangfire server did not register within 60 s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(200);
        }
    }
}
