namespace Registry.ArchitectureTests;

/// <summary>Domain → Application → Infrastructure → Web → Api: each layer knows only the layers beneath it.</summary>
public sealed class LayerDependencyTests
{
    private static readonly string[] DomainForbidden =
    [
        "Registry.Application", "Registry.Infrastructure", "Registry.Web", "Registry.Api", "Registry.Migrations",
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions.Identity",
        "Hangfire", "Npgsql", "Mediator", "FluentValidation",
    ];

    private static readonly string[] ApplicationForbidden = ["Registry.Infrastructure", "Registry.Web", "Registry.Api", "Registry.Migrations", "Hangfire"];

    private static readonly string[] InfrastructureForbidden = ["Registry.Web", "Registry.Api", "Registry.Migrations"];

    /// <summary>Pages send the use cases' messages: no database, no job server, no API host.</summary>
    private static readonly string[] WebForbidden = ["Registry.Api", "Registry.Migrations", "Microsoft.EntityFrameworkCore", "Npgsql", "Hangfire"];

    [Fact]
    public void Domain_depends_on_no_other_layer_nor_framework()
    {
        var report = LayerDependencies.Check(Layers.Domain, DomainForbidden);

        AssertExaminedSomething(report);
        Layers.AssertNone(report.Violations, "Registry.Domain must depend on no other layer and no framework");
    }

    [Fact]
    public void Application_does_not_depend_on_infrastructure_or_api()
    {
        var report = LayerDependencies.Check(Layers.Application, ApplicationForbidden);

        AssertExaminedSomething(report);
        Assert.Contains("Registry.Domain", report.ReferencedAssemblies);
        Layers.AssertNone(report.Violations, "Registry.Application must not depend on Infrastructure, Api, Migrations or Hangfire");
    }

    [Fact]
    public void Infrastructure_does_not_depend_on_api()
    {
        var report = LayerDependencies.Check(Layers.Infrastructure, InfrastructureForbidden);

        AssertExaminedSomething(report);
        Assert.Contains("Registry.Application", report.ReferencedAssemblies);
        Layers.AssertNone(report.Violations, "Registry.Infrastructure must not depend on Api or Migrations");
    }

    [Fact]
    public void Web_does_not_depend_on_the_api_host_nor_the_database()
    {
        var report = LayerDependencies.Check(Layers.Web, WebForbidden);

        AssertExaminedSomething(report);
        Assert.Contains("Registry.Application", report.ReferencedAssemblies);
        Layers.AssertNone(report.Violations, "Registry.Web must not depend on Api, Migrations, EF Core, Npgsql or Hangfire");
    }

    private static void AssertExaminedSomething(DependencyReport report)
    {
        Assert.NotEmpty(report.ReferencedAssemblies);
        Assert.True(report.TypesExamined >= 10, $"only {report.TypesExamined} types were examined");
        Assert.True(report.TypeUsesExamined >= report.TypesExamined, $"only {report.TypeUsesExamined} type uses were examined");
    }
}
