using System.Reflection;
using System.Runtime.CompilerServices;

namespace Registry.ArchitectureTests;

/// <summary>Finds public properties that code outside the domain could assign.</summary>
internal static class Encapsulation
{
    public const BindingFlags PublicProperties = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>
    /// A public <c>set</c> is always a violation. A public <c>init</c> is one too on a class (an entity or an
    /// aggregate), but not on a record: a record is an immutable value (details, events) whose positional
    /// properties are init-only by construction, and <c>with</c> copies it instead of changing it.
    /// Properties inherited from another assembly (Exception.HelpLink, …) are not the domain's to change.
    /// </summary>
    public static IReadOnlyList<string> PublicSetters(IEnumerable<Type> types) =>
    [
        .. from type in types
           from property in type.GetProperties(PublicProperties)
           where property.DeclaringType?.Assembly == type.Assembly
           let setter = property.GetSetMethod(nonPublic: false)
           where setter is not null && !(IsInitOnly(setter) && IsRecord(type))
           select $"{type.FullName}.{property.Name} has a public {(IsInitOnly(setter) ? "init" : "set")} accessor",
    ];

    public static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    /// <summary>The compiler gives every record class a <c>&lt;Clone&gt;$</c> method; no other class has one.</summary>
    public static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;
}
