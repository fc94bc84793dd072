using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;
using Registry.Web.Hosting;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Account;

/// <summary>
/// Log-in with Identity's application cookie (HttpOnly, SameSite, Secure over HTTPS); failures lock the account out
/// as the API's do. The account's language, when it has one, becomes this browser's. An account with two-factor
/// authentication goes on to the code step (<c>/account/log-in/code</c>, carried by Identity's short two-factor cookie);
/// an official or administrator without it is signed in but sent to enrol (<c>/account/two-factor</c>) first.
/// </summary>
public sealed class LogInModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            ModelState.AddModelError("email", UiText.EmailRequired);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("password", UiText.PasswordRequired);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email!, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LogInCode", new { returnUrl = LocalOrNull(ReturnUrl) });
        }

        if (result.Succeeded && await signIn.UserManager.FindByNameAsync(Email!) is { } user)
        {
            return await SignedInAsync(signIn, user, ReturnUrl);
        }

        ModelState.AddModelError("email", result.IsLockedOut ? UiText.LockedOut : UiText.LoginFailed);
        return Page();
    }

    /// <summary>
    /// After a successful sign-in (password, or password and code): the account's language becomes this browser's, and a
    /// staff member who must have a second factor and has none is sent to set it up.
    /// </summary>
    internal static async Task<IActionResult> SignedInAsync(SignInManager<ApplicationUser> signIn, ApplicationUser user, string? returnUrl)
    {
        var users = signIn.UserManager;
        if (await users.GetLanguageAsync(user) is { } language)
        {
            Languages.Remember(signIn.Context, Languages.For(language));
        }

        var next = LocalOrNull(returnUrl) ?? "/account";
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            foreach (var role in Roles.RequiringTwoFactor)
            {
                if (await users.IsInRoleAsync(user, role))
                {
                    return new LocalRedirectResult(TwoFactorModel.PathFor(next));
                }
            }
        }

        return new LocalRedirectResult(next);
    }

    /// <summary>A return address only when it is one of this site's (never an open redirect).</summary>
    internal static string? LocalOrNull(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : null;
}
