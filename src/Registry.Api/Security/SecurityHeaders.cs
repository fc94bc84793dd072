namespace Registry.Api.Security;

/// <summary>
/// Headers every response carries; the API's JSON also forbids any active content, and pages get a policy with
/// no inline script or style at all (they have no script; their one stylesheet comes from this origin).
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                headers.CacheControl = headers.CacheControl.Count == 0 ? "no-store" : headers.CacheControl;
            }
            else if (Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path))
            {
                headers.ContentSecurityPolicy = Registry.Web.Hosting.WebSetup.ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        });
        await next();
    });
}
