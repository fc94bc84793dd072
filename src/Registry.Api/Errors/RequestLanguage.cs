using System.Globalization;
using Microsoft.Net.Http.Headers;
using Registry.Application.Common.Security;

namespace Registry.Api.Errors;

/// <summary>
/// The language of messages: Arabic or French, from Accept-Language; without that header, the language kept on the
/// signed-in user's account (the pages' switch); French by default (SPEC §8).
/// </summary>
internal static class RequestLanguage
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar");

    /// <summary>
    /// Sets the request's UI culture to its language, so that validation messages follow it. Only the UI culture:
    /// numbers and dates keep being formatted as they were.
    /// </summary>
    public static IApplicationBuilder UseRequestLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        CultureInfo.CurrentUICulture = Of(context) == "ar" ? Arabic : French;
        await next(context);
    });

    /// <summary>
    /// Once the user is known (after authentication), a request without Accept-Language takes their account's
    /// language. Pages are left alone: their language is their cookie's.
    /// </summary>
    public static IApplicationBuilder UseAccountLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!Registry.Web.Hosting.WebSetup.IsPage(context.Request.Path) && AccountLanguageOf(context) is { } language)
        {
            CultureInfo.CurrentUICulture = language == "ar" ? Arabic : French;
        }

        await next(context);
    });

    public static string Of(HttpContext context)
    {
        if (!StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var languages) || languages.Count == 0)
        {
            return AccountLanguageOf(context) ?? "fr";
        }

        // q=0 means "not acceptable" (RFC 9110 §12.4.2): such a language is never chosen.
        foreach (var language in languages.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("ar", StringComparison.OrdinalIgnoreCase))
            {
                return "ar";
            }

            if (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
            {
                return "fr";
            }
        }

        return "fr";
    }

    /// <summary>The signed-in user's account language (a claim of their token or cookie) when the request names no language.</summary>
    private static string? AccountLanguageOf(HttpContext context) =>
        context.Request.Headers.AcceptLanguage.Count == 0 && context.User.FindFirst(RegistryClaims.Language)?.Value is { } language
        && language is "ar" or "fr"
            ? language
            : null;
}
