using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Web.Hosting;

/// <summary>The server-rendered pages, hosted by the API process: pages under <c>/</c>, the API stays under <c>/api/v1</c>.</summary>
public static class WebSetup
{
    /// <summary>The pages' Content-Security-Policy: no script at all, styles and images from this origin only, forms post here only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddRegistryWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new NotFoundPageFilter());
        });
        // MVC binds at most 1,024 rows to a list and throws past that (a 500), while the members' and the declarations'
        // forms take up to the API's 5,000 members. A list has no more rows than its form has values, so with the limit
        // at the largest form's value count the binder never throws: a longer form is refused by its own value limit.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.MaxModelBindingCollectionSize =
            Math.Max(Pages.Apply.MembersModel.MaxFormValues, Math.Max(Pages.Apply.ManagementModel.MaxFormValues, Pages.Account.Organisations.DeclareModel.MaxFormValues)));
        // Arabic written as itself, not as character references (which would also triple its weight); the five
        // characters that matter in HTML are still encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "registry.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__rvt";
        });
        return services;
    }

    /// <summary>
    /// The pages' language: Arabic by default, French when the culture cookie says so. Only for pages: the API
    /// keeps the invariant culture and takes its messages' language from Accept-Language (SPEC §8).
    /// </summary>
    /// <remarks>
    /// An empty error response on a page address (an unknown address, a refused anti-forgery token) is re-executed
    /// as the error page, in the page's language, keeping its status; API responses are left to the API's own
    /// problem details. Not a catch-all route: one that matches every method would take the API's 405 and 415.
    /// </remarks>
    public static IApplicationBuilder UseRegistryWeb(this IApplicationBuilder app)
    {
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.Use((context, next) =>
        {
            if (!IsPage(context.Request.Path) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            return next(context);
        });
        return app.UseWhen(context => IsPage(context.Request.Path), pages => pages
            .UseRequestLocalization(options =>
            {
                options.DefaultRequestCulture = new RequestCulture(Languages.Arabic);
                options.SupportedCultures = options.SupportedUICultures = [Languages.Arabic, Languages.French];
                options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = Languages.CookieName }];
            }));
    }

    public static IEndpointRouteBuilder MapRegistryWeb(this IEndpointRouteBuilder app)
    {
        app.MapGet(Stylesheet.Path, Stylesheet.Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Everything that is not the API, its documents, health checks or the job dashboard is a page.</summary>
    public static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/docs") && !path.StartsWithSegments("/openapi")
        && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/ops");
}

/// <summary>The two languages of the pages.</summary>
public static class Languages
{
    public const string CookieName = "registry.lang";

    public static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar-MA");
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-MA");

    public static CultureInfo For(string? code) => code == "fr" ? French : Arabic;

    /// <summary>The two-letter code of a page culture: "ar" or "fr".</summary>
    public static string CodeOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? "fr" : "ar";

    /// <summary>Remembers the pages' language in this browser, for a year.</summary>
    public static void Remember(HttpContext context, CultureInfo culture) =>
        context.Response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
}
