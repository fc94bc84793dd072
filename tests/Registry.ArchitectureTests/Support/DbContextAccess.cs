using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Infrastructure.Persistence;

namespace Registry.ArchitectureTests;

/// <summary>Finds code that reaches the database context directly instead of going through a Mediator message.</summary>
internal static class DbContextAccess
{
    public static bool IsDbContext(Type type) =>
        typeof(RegistryDbContext).IsAssignableFrom(type)
        || typeof(IRegistryDbContext).IsAssignableFrom(type)
        || typeof(DbContext).IsAssignableFrom(type);

    /// <summary>Every field, property, parameter, return type, local variable or body reference that is a DbContext.</summary>
    public static IReadOnlyList<string> Touches(IEnumerable<Type> types) =>
    [
        .. types.SelectMany(TypeUsage.Of)
            .SelectMany(use => TypeUsage.Constituents(use.Used).Where(IsDbContext).Select(used => $"{use.Site} uses {used.FullName}"))
            .Distinct(StringComparer.Ordinal),
    ];
}
