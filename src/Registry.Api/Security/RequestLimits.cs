using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Registry.Api.Security;

/// <summary>
/// Every request body has a limit: <c>Registry:MaxRequestBodyBytes</c> (1 MB) unless its endpoint declares its own
/// (the document and declaration uploads, API and pages: 10 MB and the multipart overhead). A declared body over the
/// limit is refused before anything reads it; a body without a length (chunked) is refused by the first read that passes
/// the limit. Either way the body is first read to its end and dropped, up to <see cref="DrainableBytes"/>, so that the
/// client, still sending, reads the answer instead of a reset connection: 413, problem details for the API, the error
/// page for a page (in its language: the empty 413 is re-executed as the page, see UseRegistryWeb). A page's form sent
/// without a length is read first by the anti-forgery check, which answers a refused read with its own 400 (the error
/// page too); browsers send a form's length.
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

    /// <summary>
    /// The most a page reads and drops of a body over its limit: a person who picked a 40 MB scan for a 10 MB field gets
    /// the page saying so rather than a reset connection. An API client is a program: it gets twice its limit and 1 MB.
    /// </summary>
    public const long MaxPageDrainedBytes = 64L * 1024 * 1024;

    public static long MaxBodyBytes(IConfiguration configuration) => configuration.GetValue("Registry:MaxRequestBodyBytes", 1_048_576L);

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app, long maxBodyBytes) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            // The error page of a request already judged: it reads no body.
            await next();
            return;
        }

        var page = Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path);
        if (context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > MaxTargetLength })
        {
            if (page)
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
            if (feature is not null && declared <= DrainableBytes(limit, page))
            {
                // Read and dropped, never kept: a server that closes the connection on a client still sending makes
                // its TCP stack reset it, and the client never reads the 413. Far larger bodies are cut off at once.
                feature.MaxRequestBodySize = declared;
                await DrainAsync(context.Request.Body, context.RequestAborted);
                // Nothing of the body is left to read: what runs next (the error page) sees none.
                context.Request.ContentLength = 0;
            }

            if (page)
            {
                // Left empty: re-executed as the error page, in the page's language.
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Request.ContentLength is null && feature is not null
            && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true })
        {
            // A body sent without a length (chunked) is counted here instead of by Kestrel, so that when it passes the
            // limit the rest of it can be read and dropped before the 413, as for a declared one: Kestrel's own cut
            // closes the connection on a client still sending, and the client sees a reset, not the answer.
            feature.MaxRequestBodySize = DrainableBytes(limit, page);
            context.Request.Body = new CappedBody(context.Request.Body, limit, context.RequestAborted);
        }

        await next();
    });

    /// <summary>How much of a body over its limit is read and dropped to answer it; far larger bodies are cut off.</summary>
    private static long DrainableBytes(long limit, bool page) => page ? Math.Max(MaxPageDrainedBytes, limit) : (2 * limit) + 1_048_576;

    /// <summary>
    /// A request body that refuses to be read past <c>limit</c> bytes: the first read that would pass it drains what is
    /// left (Kestrel still cuts off a body past <see cref="DrainableBytes"/>) and throws the 413 Kestrel would have.
    /// </summary>
    private sealed class CappedBody(Stream inner, long limit, CancellationToken aborted) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var count = await inner.ReadAsync(buffer, cancellationToken);
            _read += count;
            if (_read > limit)
            {
                await DrainAsync(inner, aborted);
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        // Kestrel refuses synchronous reads; so does this body.
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous reads of a request body are not allowed.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

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
