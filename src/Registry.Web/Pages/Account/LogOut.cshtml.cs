using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Infrastructure.Identity;

namespace Registry.Web.Pages.Account;

/// <summary>Log-out is a POST with the anti-forgery token (from the form in every page's header); a GET only goes home.</summary>
public sealed class LogOutModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
