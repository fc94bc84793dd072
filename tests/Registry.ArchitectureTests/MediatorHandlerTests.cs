namespace Registry.ArchitectureTests;

/// <summary>Handlers are reached only through Mediator, never called or subclassed directly.</summary>
public sealed class MediatorHandlerTests
{
    [Fact]
    public void Mediator_handlers_are_internal_sealed()
    {
        var interfaceNames = MediatorHandlers.Interfaces.Select(contract => contract.Name).ToList();
        Assert.Contains("ICommandHandler`1", interfaceNames);
        Assert.Contains("ICommandHandler`2", interfaceNames);
        Assert.Contains("IQueryHandler`2", interfaceNames);

        var handlers = MediatorHandlers.In(Layers.Application);

        Assert.True(handlers.Count >= 5, $"only {handlers.Count} handlers were found: {string.Join(", ", handlers.Select(h => h.Name))}");
        Layers.AssertNone(MediatorHandlers.Violations(handlers), "Mediator handlers in Registry.Application must be internal sealed");
    }
}
