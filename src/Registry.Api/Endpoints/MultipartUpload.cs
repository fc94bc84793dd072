using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Registry.Application.Common.Exceptions;

namespace Registry.Api.Endpoints;

/// <summary>
/// Reads a multipart upload section by section, never holding more than the size limit of the file:
/// a larger file is refused as soon as the limit is passed, however long the body.
/// </summary>
internal static class MultipartUpload
{
    public sealed record Upload(IReadOnlyDictionary<string, string> Fields, string? FileName, byte[]? Content);

    public static async Task<Upload> ReadAsync(HttpRequest request, long maxFileBytes, CancellationToken cancellationToken, int maxFieldBytes = 1024)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new BadHttpRequestException("Send the document as multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? fileName = null;
        byte[]? content = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFileDisposition() && content is null)
                {
                    fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    content = await ReadLimitedAsync(section.Body, maxFileBytes, cancellationToken);
                }
                else if (disposition.IsFormDisposition() && fields.Count < 10)
                {
                    var value = await ReadLimitedAsync(section.Body, maxFieldBytes, cancellationToken);
                    fields[HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""] = System.Text.Encoding.UTF8.GetString(value);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Not a body cut off at the request's size limit (a BadHttpRequestException, an IOException too): that stays 413.
            throw new BadHttpRequestException("The multipart body is malformed.", StatusCodes.Status400BadRequest);
        }

        return new Upload(fields, fileName, content);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ContentTooLargeException($"The part is larger than {limit} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
