namespace Registry.Cli.Import;

internal sealed record ImportResult(int Organizations, int Members, int Officers, int AlreadyPresent, int RejectedRows);

internal sealed class ImportCommand(string connectionString, TextWriter output)
{
    public Task<ImportResult> RunAsync(string file, string? reportPath, CancellationToken cancellationToken) => throw new NotImplementedException(connectionString + output);
}
