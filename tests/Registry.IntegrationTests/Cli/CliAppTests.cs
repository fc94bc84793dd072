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

    [Fact]
    public async Task A_connection_string_that_cannot_be_read_is_a_command_line_error_not_a_stack_trace()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await CliApp.RunAsync(["import", "organizations", "file.csv", "--connection", "Host=localhost;Port=notaport"], output, error, CancellationToken.None);

        Assert.Equal(64, exit);
        Assert.StartsWith("The connection string cannot be read: ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
