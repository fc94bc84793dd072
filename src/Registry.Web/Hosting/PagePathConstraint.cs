using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Registry.Web.Hosting;

/// <summary>Matches only paths that are pages (not the API, its documents, health checks or the job dashboard).</summary>
internal sealed class PagePathConstraint : IRouteConstraint
{
    public const string Name = "pagepath";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && WebSetup.IsPage(new PathString("/" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
}
