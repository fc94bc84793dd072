using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Infrastructure.Identity;
using Registry.Web.Hosting;

namespace Registry.Web.Pages;

/// <summary>
/// The language switch: a plain link (no script), remembered in a cookie for a year, back to the page it came
/// from. A signed-in user's choice is also kept on their account, so the next log-in, on any browser, shows it.
/// </summary>
/// <remarks>
/// A GET that writes, so the account is only written when the browser says the click came from the registry's own
/// pages (<c>Sec-Fetch-Site: same-origin</c>, sent by every current browser and not settable by scripts): a link on
/// another site changes at most this browser's cookie, never the account.
/// </remarks>
public sealed class LanguageModel(UserManager<ApplicationUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? to, string? back)
    {
        var culture = Languages.For(to);
        Languages.Remember(HttpContext, culture);
        if (User.Identity?.IsAuthenticated == true && IsFromOwnPages() && await users.GetUserAsync(User) is { } user)
        {
            await users.SetLanguageAsync(user, Languages.CodeOf(culture));
        }

        return LocalRedirect(back is { Length: > 0 } && Url.IsLocalUrl(back) ? back : "/");
    }

    private bool IsFromOwnPages() =>
        string.Equals(Request.Headers["Sec-Fetch-Site"], "same-origin", StringComparison.OrdinalIgnoreCase);
}
