using Registry.Cli.Generation;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests.Cli;

/// <summary>The API on a database the CLI's <c>generate</c> filled with 300 organisations.</summary>
public sealed class GeneratedRegistryFactory : RegistryApiFactory
{
    public const int Organizations = 300;

    internal GenerateResult? Generated { get; private set; }

    public string GenerateOutput { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var output = new StringWriter();
        Generated = await new GenerateCommand(ConnectionString, output).RunAsync(
            new GenerateOptions(Organizations: Organizations, MembersPerOrganization: 20, Seed: 7), CancellationToken.None);
        GenerateOutput = output.ToString();
    }
}
