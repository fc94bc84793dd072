using System.Reflection;

namespace Registry.ArchitectureTests;

/// <summary>What a dependency check looked at and what it found.</summary>
internal sealed record DependencyReport(
    IReadOnlyList<string> ReferencedAssemblies,
    int TypesExamined,
    int TypeUsesExamined,
    IReadOnlyList<string> ForbiddenReferences,
    IReadOnlyList<string> ForbiddenTypeUses)
{
    public IReadOnlyList<string> Violations => [.. ForbiddenReferences.Select(name => $"assembly reference: {name}"), .. ForbiddenTypeUses];
}

/// <summary>
/// Checks an assembly against assemblies it must not depend on, twice: its metadata references (what the
/// compiler recorded) and every type used by every one of its types (which names the offending member).
/// A forbidden name matches itself and its dotted children: "Mediator" forbids "Mediator.Abstractions".
/// </summary>
internal static class LayerDependencies
{
    public static DependencyReport Check(Assembly assembly, IReadOnlyCollection<string> forbidden)
    {
        var referenced = assembly.GetReferencedAssemblies().Select(reference => reference.Name ?? "").ToList();
        var typeReport = CheckTypes(assembly.GetTypes(), forbidden);
        return typeReport with
        {
            ReferencedAssemblies = referenced,
            ForbiddenReferences = [.. referenced.Where(name => IsForbidden(name, forbidden))],
        };
    }

    public static DependencyReport CheckTypes(IReadOnlyCollection<Type> types, IReadOnlyCollection<string> forbidden)
    {
        var usesExamined = 0;
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var use in types.SelectMany(TypeUsage.Of))
        {
            usesExamined++;
            foreach (var used in TypeUsage.Constituents(use.Used))
            {
                var assemblyName = used.Assembly.GetName().Name;
                if (IsForbidden(assemblyName, forbidden))
                {
                    violations.Add($"{use.Site} uses {used.FullName ?? used.Name} from {assemblyName}");
                }
            }
        }

        return new DependencyReport([], types.Count, usesExamined, [], [.. violations]);
    }

    public static bool IsForbidden(string? assemblyName, IEnumerable<string> forbidden) =>
        forbidden.Any(prefix => Layers.IsUnder(assemblyName, prefix));
}
