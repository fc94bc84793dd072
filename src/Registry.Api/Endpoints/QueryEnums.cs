using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.Metadata;
using Registry.Application.Common.Validation;

namespace Registry.Api.Endpoints;

/// <summary>
/// An enumeration in the query string (<c>status</c>, <c>legalForm</c>, <c>stage</c>…) is read by its name only, as in a
/// JSON body. The binding would take a number (<c>stage=1</c> silently meant whichever member has that value, and
/// <c>stage=99</c> one that has none), and its refusal of a name that is not one was a 400 keyed <c>request</c>. Both are
/// a 400 keyed by the parameter's name, listing the names, before the binding runs.
/// </summary>
internal static class QueryEnums
{
    private static readonly ConcurrentDictionary<RouteEndpoint, EnumParameter[]> ParametersOf = new();

    /// <summary>
    /// After authorization (a caller who may not call the endpoint learns nothing of its parameters), before the endpoint.
    /// The API's endpoints only: the pages bind their own forms and say what is wrong on the page.
    /// </summary>
    public static IApplicationBuilder UseQueryEnumsByName(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.QueryString.HasValue && !Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path) && context.GetEndpoint() is RouteEndpoint endpoint)
        {
            var failures = new List<ValidationFailure>();
            foreach (var parameter in ParametersOf.GetOrAdd(endpoint, Find))
            {
                // What the binding reads: every value of the key, joined with commas; empty is no value (null).
                var value = context.Request.Query[parameter.QueryName].ToString();
                if (value.Length > 0 && !parameter.Names.Contains(value, StringComparer.Ordinal))
                {
                    var names = string.Join(", ", parameter.Names);
                    failures.Add(new ValidationFailure(parameter.QueryName, Localized.Text(
                        $"Valeur inconnue : choisissez parmi {names}.", $"قيمة غير معروفة: اختر من بين {names}.")));
                }
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }
        }

        return next(context);
    });

    /// <summary>The endpoint's parameters of an enumeration type (nullable or not) that the query string binds.</summary>
    private static EnumParameter[] Find(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method)
        {
            return [];
        }

        return [.. method.GetParameters()
            .Select(p => (Parameter: p, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type.IsEnum && p.Parameter.Name is not null && FromQuery(p.Parameter, endpoint))
            .Select(p => new EnumParameter(
                p.Parameter.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? p.Parameter.Name!,
                Enum.GetNames(p.Type)))];
    }

    /// <summary>Bound from the query: said so, or a simple parameter said to come from nowhere else and not in the route.</summary>
    private static bool FromQuery(ParameterInfo parameter, RouteEndpoint endpoint)
    {
        var attributes = parameter.GetCustomAttributes().ToList();
        if (attributes.OfType<IFromQueryMetadata>().Any())
        {
            return true;
        }

        return !attributes.Any(a => a is IFromRouteMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromFormMetadata or IFromServiceMetadata)
            && endpoint.RoutePattern.GetParameter(parameter.Name!) is null;
    }

    private sealed record EnumParameter(string QueryName, string[] Names);
}
