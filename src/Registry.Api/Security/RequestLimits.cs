namespace Registry.Api.Security;

/// <summary>
/// Refuses a declared body over the limit before anything reads it (413). Kestrel enforces the same limit
/// on bodies without a Content-Length while they are read.
/// </summary>
internal static class RequestLimits
{
    public static long MaxBodyBytes(IConfiguration configuration) => configuration.GetValue("Registry:MaxRequestBodyBytes", 1_048_576L);

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, long maxBodyBytes) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > maxBodyBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        await next();
    });
}
