using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

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
        // An endpoint may declare its own limit (document uploads); Kestrel is told too, for bodies without a length.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        await next();
    });
}
