using System.Text;
using Microsoft.Net.Http.Headers;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Validation;

namespace Registry.Api.Errors;

/// <summary>
/// A JSON body is read in the charset its Content-Type names. The binding's reader turns a charset that names no
/// encoding (<c>application/json; charset=garbage</c>) into an InvalidOperationException, which was a 500; such a body
/// is a 415 before any endpoint reads it, and a known one
/// quoted (<c>charset="utf-8"</c>, which the reader took for an unknown name) is read. The pages' forms are left alone: their reader falls back to UTF-8.
/// </summary>
internal static class RequestCharset
{
    public static IApplicationBuilder UseKnownRequestCharsets(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Parsed once: what HttpRequest.HasJsonContentType does (application/json or a +json type), with the charset kept.
        if (!Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path)
            && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            && IsJson(mediaType)
            && mediaType.Charset.HasValue)
        {
            var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
            if (!IsKnown(charset.Value ?? ""))
            {
                throw new UnsupportedContentException(Localized.Text(
                    "Le jeu de caractères du corps n'est pas reconnu : envoyez le JSON en UTF-8 (application/json; charset=utf-8).",
                    "ترميز محتوى الطلب غير معروف: أرسل JSON بترميز UTF-8 (application/json; charset=utf-8)."));
            }

            if (charset.Length != mediaType.Charset.Length)
            {
                // RFC 9110 allows the value quoted (charset="utf-8"); the reader would take the quotes for part of the name.
                mediaType.Charset = charset;
                context.Request.ContentType = mediaType.ToString();
            }
        }

        return next(context);
    });

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsKnown(string charset)
    {
        if (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            _ = Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
