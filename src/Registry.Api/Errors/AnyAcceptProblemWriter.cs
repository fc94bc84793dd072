using Microsoft.Net.Http.Headers;
using Registry.Web.Hosting;

namespace Registry.Api.Errors;

/// <summary>
/// Every API error is <c>application/problem+json</c> (SPEC §8), whatever the request's Accept header. ASP.NET Core's
/// writer declines when Accept does not allow JSON (<c>Accept: text/csv</c> on the statistics), and the error then
/// went out with its status and an empty body. A client that asked for CSV still needs to know what went wrong; an
/// error has no CSV form. So, when that writer would decline, this one asks it again as if the client accepted
/// problem details: same writer, same body (title, traceId, the errors map), whatever Accept said.
/// </summary>
/// <remarks>Pages are left alone: their errors are pages (see <see cref="WebSetup.UseRegistryWeb"/>).</remarks>
internal sealed class AnyAcceptProblemWriter : IProblemDetailsWriter
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue ProblemJson = new("application/problem+json");

    public bool CanWrite(ProblemDetailsContext context) =>
        !WebSetup.IsPage(context.HttpContext.Request.Path) && !AcceptsJson(context.HttpContext.Request);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var request = context.HttpContext.Request;
        var accept = request.Headers.Accept;
        request.Headers.Accept = ProblemJson.ToString();
        try
        {
            // The service again: with Accept now allowing it, ASP.NET Core's own writer takes it (this one declines).
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(context);
        }
        finally
        {
            request.Headers.Accept = accept;
        }
    }

    /// <summary>What ASP.NET Core's writer asks: no Accept at all, or one that JSON or problem+json satisfies (*/* does).</summary>
    private static bool AcceptsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(range => Json.IsSubsetOf(range) || ProblemJson.IsSubsetOf(range));
    }
}
