using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Hosting;

namespace Registry.Web.Pages;

/// <summary>
/// The language switch: a plain link (no script), remembered in a cookie for a year, back to the page it came
/// from. Choosing a language changes nothing on the server, so a GET link is safe.
/// </summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet(string? to, string? back)
    {
        var culture = Languages.For(to);
        Response.Cookies.Append(
            Languages.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                Path = "/",
            });
        return LocalRedirect(back is { Length: > 0 } && Url.IsLocalUrl(back) ? back : "/");
    }
}
