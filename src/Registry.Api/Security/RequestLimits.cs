using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Registry.Api.Security;

/// <summary>
/// Every request body has a limit: <c>Registry:MaxRequestBodyBytes</c> (1 MB) unless its endpoint declares its own
/// (the document and declaration uploads: 10 MB and the multipart overhead). A declared body over the limit is
/// refused before anything reads it; a body without a length is cut off by Kestrel as it is read. Either way the
/// answer is 413: problem details for the API, the error page for a page.
/// An address (path and query) over <see cref="MaxTargetLength"/> characters is 414, the same two ways. Kestrel reads
/// request lines up to <see cref="MaxRequestLineBytes"/> so that this answer, not its own empty one, is what a long
/// query gets; only a longer line is still refused by Kestrel, without a body.
/// </summary>
internal static class RequestLimits
{
    /// <summary>The longest address (path and query string, as sent) the registry answers.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>The longest request line Kestrel reads (its default is 8 KiB, answered with an empty 414).</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    public static long MaxBodyBytes(IConfiguration configuration) => configuration.GetValue("Registry:MaxRequestBodyBytes", 1_048_576L);

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, long maxBodyBytes) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page of a request already judged: it reads no body.
            await next();
            return;
        }

        if (context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > MaxTargetLength })
        {
            if (Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                return;
            }

            throw new BadHttpRequestException("Request target too long.", StatusCodes.Status414UriTooLong);
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
