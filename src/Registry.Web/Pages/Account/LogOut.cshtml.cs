using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Pages.Account;

/// <summary>
/// Log-out is a POST with the anti-forgery token (from the form in every page's header); a GET only goes home. It ends
/// every session of the account.
/// </summary>
public sealed class LogOutModel(SignInManager<ApplicationUser> signIn, Sessions sessions) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // The cookie is removed here and, with a new security stamp, refused everywhere: a copy of it, or a token the
        // same account holds elsewhere, stops working too (a registry used from shared computers in public offices).
        if (signIn.UserManager.GetUserId(User) is { } id && Guid.TryParse(id, out var userId))
        {
            await sessions.EndAllAsync(userId, CancellationToken.None);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
