using System.Reflection;

namespace Registry.ArchitectureTests;

/// <summary>One type used by another: where (<see cref="Site"/>) and which (<see cref="Used"/>).</summary>
internal sealed record TypeUse(string Site, Type Used);

/// <summary>
/// Every type a type uses: base type, interfaces, attributes, generic constraints, fields, properties, events,
/// constructor and method signatures (public or not, static or not), local variables, and the members its
/// method bodies refer to.
/// </summary>
internal static class TypeUsage
{
    public const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    public static IEnumerable<TypeUse> Of(Type type)
    {
        var name = type.FullName ?? type.Name;
        if (type.BaseType is { } baseType)
        {
            yield return new TypeUse($"{name} (base type)", baseType);
        }

        foreach (var contract in type.GetInterfaces())
        {
            yield return new TypeUse($"{name} (interface)", contract);
        }

        foreach (var use in AttributesOf(name, type.CustomAttributes))
        {
            yield return use;
        }

        if (type.IsGenericTypeDefinition)
        {
            foreach (var use in ConstraintsOf(name, type.GetGenericArguments()))
            {
                yield return use;
            }
        }

        foreach (var field in type.GetFields(Declared))
        {
            yield return new TypeUse($"{name}.{field.Name} (field)", field.FieldType);
            foreach (var use in AttributesOf($"{name}.{field.Name}", field.CustomAttributes))
            {
                yield return use;
            }
        }

        foreach (var property in type.GetProperties(Declared))
        {
            yield return new TypeUse($"{name}.{property.Name} (property)", property.PropertyType);
            foreach (var use in AttributesOf($"{name}.{property.Name}", property.CustomAttributes))
            {
                yield return use;
            }
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            if (@event.EventHandlerType is { } handlerType)
            {
                yield return new TypeUse($"{name}.{@event.Name} (event)", handlerType);
            }
        }

        foreach (var constructor in type.GetConstructors(Declared))
        {
            foreach (var use in OfMethod($"{name}.{constructor.Name}", constructor))
            {
                yield return use;
            }
        }

        foreach (var method in type.GetMethods(Declared))
        {
            var site = $"{name}.{method.Name}";
            yield return new TypeUse($"{site} (return type)", method.ReturnType);
            foreach (var use in AttributesOf(site, method.ReturnParameter.CustomAttributes))
            {
                yield return use;
            }

            if (method.IsGenericMethodDefinition)
            {
                foreach (var use in ConstraintsOf(site, method.GetGenericArguments()))
                {
                    yield return use;
                }
            }

            foreach (var use in OfMethod(site, method))
            {
                yield return use;
            }
        }
    }

    /// <summary>A type and everything it is built from: element types, generic definitions and arguments.</summary>
    public static IEnumerable<Type> Constituents(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var inner in Constituents(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsFunctionPointer)
        {
            foreach (var part in type.GetFunctionPointerParameterTypes().Append(type.GetFunctionPointerReturnType()))
            {
                foreach (var inner in Constituents(part))
                {
                    yield return inner;
                }
            }

            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var inner in Constituents(argument))
                {
                    yield return inner;
                }
            }

            yield break;
        }

        yield return type;
    }

    private static IEnumerable<TypeUse> OfMethod(string site, MethodBase method)
    {
        foreach (var attribute in AttributesOf(site, method.CustomAttributes))
        {
            yield return attribute;
        }

        foreach (var parameter in method.GetParameters())
        {
            yield return new TypeUse($"{site}({parameter.Name}) (parameter)", parameter.ParameterType);
            foreach (var use in AttributesOf($"{site}({parameter.Name})", parameter.CustomAttributes))
            {
                yield return use;
            }
        }

        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return new TypeUse($"{site} (local variable)", local.LocalType);
        }

        foreach (var member in IlReader.ReferencedMembers(method))
        {
            foreach (var used in TypesOf(member))
            {
                yield return new TypeUse($"{site} (body refers to {member.DeclaringType?.Name}.{member.Name})", used);
            }
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo member)
    {
        switch (member)
        {
            case Type type:
                yield return type;
                yield break;
            case FieldInfo field:
                yield return field.FieldType;
                break;
            case MethodBase method:
                if (method is MethodInfo methodInfo)
                {
                    yield return methodInfo.ReturnType;
                }

                foreach (var parameter in method.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                if (method.IsGenericMethod)
                {
                    foreach (var argument in method.GetGenericArguments())
                    {
                        yield return argument;
                    }
                }

                break;
        }

        if (member.DeclaringType is { } declaringType)
        {
            yield return declaringType;
        }
    }

    private static IEnumerable<TypeUse> AttributesOf(string site, IEnumerable<CustomAttributeData> attributes) =>
        attributes.Select(attribute => new TypeUse($"{site} [{attribute.AttributeType.Name}]", attribute.AttributeType));

    private static IEnumerable<TypeUse> ConstraintsOf(string site, Type[] genericParameters) =>
        genericParameters.SelectMany(parameter => parameter.GetGenericParameterConstraints()
            .Select(constraint => new TypeUse($"{site}<{parameter.Name}> (constraint)", constraint)));
}
