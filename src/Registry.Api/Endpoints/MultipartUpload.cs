using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Validation;

namespace Registry.Api.Endpoints;

/// <summary>
/// Reads a multipart upload section by section, never holding more than the size limit of the file:
/// a larger file is refused as soon as the limit is passed, however long the body. One file per request.
/// </summary>
internal static class MultipartUpload
{
    public sealed record Upload(IReadOnlyDictionary<string, string> Fields, string? FileName, byte[]? Content);

    /// <param name="filePart">The name of the file's part, as the endpoint documents it (used in messages only).</param>
    public static async Task<Upload> ReadAsync(
        HttpRequest request, long maxFileBytes, CancellationToken cancellationToken, int maxFieldBytes = 1024, string filePart = "file")
    {
        // No Content-Type, or multipart/form-data without a usable boundary, is a malformed multipart request (400);
        // another media type is one this endpoint does not take (415).
        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        if (contentType is not null && !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedContentException(SendMultipart(filePart));
        }

        if (contentType is null || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new MalformedRequestException(SendMultipart(filePart));
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

                if (disposition.IsFileDisposition())
                {
                    if (content is not null)
                    {
                        // Keeping the first and dropping the others would store something the sender did not mean.
                        throw new ValidationException([new ValidationFailure(filePart, Localized.Text(
                            "Un seul fichier par requête : envoyez chaque document dans une requête à part.",
                            "ملف واحد في كل طلب: أرسل كل وثيقة في طلب مستقل."))]);
                    }

                    fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    content = await ReadLimitedAsync(section.Body, maxFileBytes, file: true, cancellationToken);
                }
                else if (disposition.IsFormDisposition() && fields.Count < 10)
                {
                    var value = await ReadLimitedAsync(section.Body, maxFieldBytes, file: false, cancellationToken);
                    fields[HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""] = System.Text.Encoding.UTF8.GetString(value);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Not a body cut off at the request's size limit (a BadHttpRequestException, an IOException too): that stays 413.
            throw new MalformedRequestException(SendMultipart(filePart));
        }

        return new Upload(fields, fileName, content);
    }

    private static string SendMultipart(string filePart) => Localized.Text(
        $"Envoyez une requête multipart/form-data bien formée (avec sa limite, « boundary »), le fichier dans une partie « {filePart} ».",
        $"أرسل طلبا بصيغة multipart/form-data سليمة (مع حدّه «boundary»)، والملف في جزء «{filePart}».");

    private static async Task<byte[]> ReadLimitedAsync(Stream source, long limit, bool file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                var (fr, ar) = Size(limit);
                throw new ContentTooLargeException(file
                    ? Localized.Text($"Le fichier dépasse {fr}, la taille maximale.", $"يتجاوز الملف {ar}، وهو الحجم الأقصى.")
                    : Localized.Text($"Un champ du formulaire dépasse {fr}, la taille maximale.", $"يتجاوز أحد حقول الاستمارة {ar}، وهو الحجم الأقصى."));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A limit as people say it: "10 Mo", "1 Ko".</summary>
    private static (string Fr, string Ar) Size(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => ($"{bytes / (1024 * 1024)} Mo", $"{bytes / (1024 * 1024)} ميغابايت"),
        _ when bytes % 1024 == 0 => ($"{bytes / 1024} Ko", $"{bytes / 1024} كيلوبايت"),
        _ => ($"{bytes} octets", $"{bytes} بايت"),
    };
}
