using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Registry.Api.Security;

/// <summary>
/// Every request body has a limit: <c>Registry:MaxRequestBodyBytes</c> (1 MB) unless its endpoint declares its own
/// (the document and declaration uploads: 10 MB and the multipart overhead). A declared body over the limit is
/// refused before anything reads it; a body without a length is cut off by Kestrel as it is read. Either way the
/// answer is 413: problem details for the API, the error page for a page.
/// </summary>
internal static class RequestLimits
{
    public static long MaxBodyBytes(IConfiguration configuration) => configuration.GetValue("Registry:MaxRequestBodyBytes", 1_048_576L);

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, long maxBodyBytes) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page of a request already judged: it reads no body.
            await next();
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBodyBytes;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } writable ? writable : null;
        if (feature is not null)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is { } declared && declared > limit)
        {
            if (feature is not null && declared <= (2 * limit) + 1_048_576)
            {
                // Read and dropped, never kept: a server that closes the connection on a client still sending makes
                // its TCP stack reset it, and the client never reads the 413. Far larger bodies are cut off at once.
                feature.MaxRequestBodySize = declared;
                await DrainAsync(context.Request.Body, context.RequestAborted);
            }

            if (Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path))
            {
                // Left empty: re-executed as the error page, in the page's language.
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        await next();
    });

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await body.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client went away: there is nobody left to answer.
        }
    }
}
