namespace Registry.Api.Security;

/// <summary>
/// Headers every response carries — API, pages, problem details, the stylesheet, the docs, 404s — set as the
/// response starts, so that whatever wrote it (an endpoint, the exception handler, the rate limiter, a status-code
/// page) cannot leave them out. Nothing may frame the registry, sniff a type, learn where a visitor came from or use
/// the browser's devices. The API's JSON also forbids any active content; pages get a policy with no inline script
/// or style at all (they have no script; their one stylesheet comes from this origin); the interactive docs and the
/// job dashboard, which need their own scripts, are only kept out of frames. HSTS goes out over HTTPS outside
/// Development (a developer's localhost is not pinned to HTTPS for a year).
/// </summary>
internal static class SecurityHeaders
{
    public const string ReferrerPolicy = "no-referrer";
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
    public const string CrossOriginOpenerPolicy = "same-origin";
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
    public const string FrameAncestors = "frame-ancestors 'none'";
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        var hsts = !environment.IsDevelopment();
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = CrossOriginOpenerPolicy;
                if (hsts && context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
                    headers.CacheControl = headers.CacheControl.Count == 0 ? "no-store" : headers.CacheControl;
                }
                else if (Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path))
                {
                    headers.ContentSecurityPolicy = Registry.Web.Hosting.WebSetup.ContentSecurityPolicy;
                }
                else if (headers.ContentSecurityPolicy.ToString() is var own && !own.Contains("frame-ancestors", StringComparison.Ordinal))
                {
                    headers.ContentSecurityPolicy = own.Length == 0 ? FrameAncestors : $"{own.TrimEnd().TrimEnd(';')}; {FrameAncestors}";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }
}
