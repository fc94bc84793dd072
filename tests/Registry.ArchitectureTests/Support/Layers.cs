using System.Reflection;

namespace Registry.ArchitectureTests;

/// <summary>The production assemblies, each found through a type known to live in it.</summary>
internal static class Layers
{
    public static Assembly Domain => typeof(Registry.Domain.Organizations.Organization).Assembly;

    public static Assembly Application => typeof(Registry.Application.DependencyInjection).Assembly;

    public static Assembly Infrastructure => typeof(Registry.Infrastructure.DependencyInjection).Assembly;

    public static Assembly Api => typeof(Program).Assembly;

    public static Assembly Web => typeof(Registry.Web.Hosting.WebSetup).Assembly;

    /// <summary>Whether <paramref name="name"/> is <paramref name="prefix"/> itself or one of its dotted children.</summary>
    public static bool IsUnder(string? name, string prefix) =>
        name is not null && (name.Equals(prefix, StringComparison.Ordinal) || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    /// <summary>Fails with every violation listed, one per line, instead of a truncated collection dump.</summary>
    public static void AssertNone(IReadOnlyCollection<string> violations, string rule)
    {
        if (violations.Count > 0)
        {
            Assert.Fail($"{rule} — {violations.Count} violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations.Order(StringComparer.Ordinal))}");
        }
    }
}
