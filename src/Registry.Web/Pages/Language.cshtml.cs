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
/// A GET that writes: the only thing another site could make a visitor's browser change through it is the
/// language of their own pages, which the switch gives back in one click; the switch stays a link for that.
/// </remarks>
public sealed class LanguageModel(UserManager<ApplicationUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? to, string? back)
    {
        var culture = Languages.For(to);
        Languages.Remember(HttpContext, culture);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            await users.SetLanguageAsync(user, Languages.CodeOf(culture));
        }

        return LocalRedirect(back is { Length: > 0 } && Url.IsLocalUrl(back) ? back : "/");
    }
}
