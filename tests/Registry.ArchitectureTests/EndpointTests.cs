namespace Registry.ArchitectureTests;

/// <summary>Endpoints translate HTTP into Mediator messages; reading and writing data is the handlers' job.</summary>
public sealed class EndpointTests
{
    [Fact]
    public void Endpoints_never_touch_the_DbContext()
    {
        var endpointTypes = Layers.Api.GetTypes().Where(type => Layers.IsUnder(type.Namespace, "Registry.Api.Endpoints")).ToList();
        var endpointClasses = endpointTypes.Where(type => type.Name.EndsWith("Endpoints", StringComparison.Ordinal)).ToList();
        var privateStaticMethods = endpointClasses
            .SelectMany(type => type.GetMethods(TypeUsage.Declared))
            .Where(method => method is { IsPrivate: true, IsStatic: true })
            .ToList();

        Assert.True(endpointClasses.Count >= 3, $"only {endpointClasses.Count} endpoint classes were found");
        Assert.True(privateStaticMethods.Count >= 3, $"only {privateStaticMethods.Count} private static route handlers were found");
        Layers.AssertNone(DbContextAccess.Touches(endpointTypes), "Endpoints must send Mediator messages, not use the DbContext");
    }

    [Fact]
    public void Pages_never_touch_the_DbContext()
    {
        var webTypes = Layers.Web.GetTypes();
        var pageModels = webTypes.Where(type => typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(type)).ToList();

        Assert.True(pageModels.Count >= 5, $"only {pageModels.Count} page models were found");
        Assert.Contains(pageModels, type => type.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Mediator.ISender))));
        Layers.AssertNone(DbContextAccess.Touches(webTypes), "Pages must send Mediator messages, not use the DbContext");
    }
}
