using System.Globalization;
using Registry.Cli;

namespace Registry.IntegrationTests.Cli;

public sealed class CliAppTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("import", "--help")]
    [InlineData("import", "organizations", "-h")]
    [InlineData("import", "organizations", "file.csv", "--help")]
    public async Task Help_prints_the_usage_and_exits_0(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await CliApp.RunAsync(args, output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("usage:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("import organizations FILE.csv", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", error.ToString());
    }
}
