using System.Reflection;

namespace Registry.ArchitectureTests;

/// <summary>Finds Mediator's handler interfaces by name, and the types that implement them.</summary>
internal static class MediatorHandlers
{
    /// <summary>
    /// The generic interfaces named <c>I…Handler</c> in the <c>Mediator</c> namespace of the Mediator assembly
    /// the application layer references (ICommandHandler&lt;&gt;, ICommandHandler&lt;,&gt;, IQueryHandler&lt;,&gt;, …).
    /// </summary>
    public static IReadOnlyList<Type> Interfaces { get; } = FindInterfaces();

    public static IReadOnlyList<Type> In(Assembly assembly) =>
        [.. assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(IsHandlerInterface))];

    /// <summary>Handlers that are public (visible outside their assembly) or not sealed.</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<Type> handlers) =>
    [
        .. handlers
            .Where(handler => handler.IsVisible || !handler.IsSealed)
            .Select(handler => $"{handler.FullName} is {(handler.IsVisible ? "public" : "internal")} {(handler.IsSealed ? "sealed" : "not sealed")}"),
    ];

    private static bool IsHandlerInterface(Type contract) =>
        contract.IsGenericType && Interfaces.Contains(contract.GetGenericTypeDefinition());

    private static List<Type> FindInterfaces()
    {
        var mediator = Layers.Application.GetReferencedAssemblies()
            .Where(reference => Layers.IsUnder(reference.Name, "Mediator"))
            .Select(Assembly.Load)
            .ToList();
        return
        [
            .. mediator.SelectMany(assembly => assembly.GetExportedTypes())
                .Where(type => type is { IsInterface: true, IsGenericTypeDefinition: true, Namespace: "Mediator" }
                    && type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)].EndsWith("Handler", StringComparison.Ordinal)),
        ];
    }
}
