namespace Registry.Cli;

/// <summary>An explicit entry point: a top-level <c>Program</c> would clash with the API's in the integration tests.</summary>
internal static class EntryPoint
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}
