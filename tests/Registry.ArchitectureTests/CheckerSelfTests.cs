using Registry.Infrastructure.Persistence;

namespace Registry.ArchitectureTests;

/// <summary>
/// Each checker is run against code known to break its rule: a checker that cannot fail proves nothing.
/// </summary>
public sealed class CheckerSelfTests
{
    [Fact]
    public void Dependency_checker_reports_infrastructure_depending_on_ef_core_and_hangfire()
    {
        var report = LayerDependencies.Check(Layers.Infrastructure, ["Microsoft.EntityFrameworkCore", "Hangfire"]);

        Assert.Contains("Microsoft.EntityFrameworkCore", report.ForbiddenReferences);
        Assert.Contains(report.ForbiddenReferences, name => name.StartsWith("Hangfire", StringComparison.Ordinal));
        Assert.Contains(report.ForbiddenTypeUses, use => use.StartsWith($"{typeof(RegistryDbContext).FullName}.{nameof(RegistryDbContext.Organizations)} (property) uses Microsoft.EntityFrameworkCore.DbSet", StringComparison.Ordinal));
        Assert.Contains(report.Violations, violation => violation.Contains("Hangfire", StringComparison.Ordinal));
    }

    [Fact]
    public void Dependency_checker_sees_a_dependency_used_only_inside_a_method_body()
    {
        string[] forbidden = ["Microsoft.EntityFrameworkCore"];

        var leaky = LayerDependencies.CheckTypes([typeof(FakeBodyOnlyEfUser)], forbidden);
        var clean = LayerDependencies.CheckTypes([typeof(FakeCleanEndpoint)], forbidden);

        Assert.NotEmpty(leaky.ForbiddenTypeUses);
        Assert.Empty(clean.ForbiddenTypeUses);
    }

    [Theory]
    [InlineData("Registry.Api", true)]
    [InlineData("Mediator.Abstractions", true)]
    [InlineData("Microsoft.EntityFrameworkCore.Relational", true)]
    [InlineData("Registry.ApiClient", false)]
    [InlineData("MediatorLike", false)]
    [InlineData("System.Runtime", false)]
    public void Forbidden_names_match_themselves_and_their_dotted_children(string assemblyName, bool forbidden) =>
        Assert.Equal(forbidden, LayerDependencies.IsForbidden(assemblyName, ["Registry.Api", "Mediator", "Microsoft.EntityFrameworkCore"]));

    [Fact]
    public void Handler_checker_reports_public_or_unsealed_handlers()
    {
        var handlers = MediatorHandlers.In(typeof(CheckerSelfTests).Assembly);

        Assert.Contains(typeof(FakePublicUnsealedHandler), handlers);
        Assert.Contains(typeof(FakeTidyHandler), handlers);
        Assert.Contains(typeof(FakeVoidCommandHandler), handlers);
        var violations = MediatorHandlers.Violations(handlers);
        Assert.Contains(violations, v => v.StartsWith(typeof(FakePublicUnsealedHandler).FullName!, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(typeof(FakeVoidCommandHandler).FullName!, StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.StartsWith(typeof(FakeTidyHandler).FullName!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(FakeEndpointTakingContextParameter))]
    [InlineData(typeof(FakeEndpointTakingConcreteContext))]
    [InlineData(typeof(FakeEndpointWithContextConstructor))]
    [InlineData(typeof(FakeEndpointWithContextField))]
    [InlineData(typeof(FakeEndpointResolvingContext))]
    [InlineData(typeof(FakeEndpointWithContextLambda))]
    public void DbContext_checker_reports_each_way_of_reaching_the_context(Type endpoint) =>
        Assert.NotEmpty(DbContextAccess.Touches(WithNestedTypes(endpoint)));

    [Fact]
    public void DbContext_checker_accepts_an_endpoint_that_only_sends_messages() =>
        Assert.Empty(DbContextAccess.Touches(WithNestedTypes(typeof(FakeCleanEndpoint))));

    [Fact]
    public void Setter_checker_reports_public_set_and_class_init_but_not_record_init()
    {
        var violations = Encapsulation.PublicSetters([typeof(FakeEntityWithSetter), typeof(FakeEntityWithInit), typeof(FakeValueRecord), typeof(FakeEntityWithPrivateSetter)]);

        Assert.Contains(violations, v => v.StartsWith(typeof(FakeEntityWithSetter).FullName!, StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith(typeof(FakeEntityWithInit).FullName!, StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.StartsWith(typeof(FakeValueRecord).FullName!, StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.StartsWith(typeof(FakeEntityWithPrivateSetter).FullName!, StringComparison.Ordinal));
    }

    /// <summary>The way the endpoint test sees a type: with its compiler-generated closures and state machines.</summary>
    private static Type[] WithNestedTypes(Type type) =>
        [.. typeof(CheckerSelfTests).Assembly.GetTypes().Where(candidate => candidate == type || IsNestedIn(candidate, type))];

    private static bool IsNestedIn(Type candidate, Type outer) =>
        candidate.DeclaringType is { } declaring && (declaring == outer || IsNestedIn(declaring, outer));
}
