using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Infrastructure.Identity;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Account;

/// <summary>
/// The second step of a log-in with two-factor authentication: the password was right, Identity's two-factor cookie
/// (five minutes) names the account, and this page takes the authenticator's code — or a recovery code, which works
/// once. A wrong code counts towards the lockout as a wrong password does. No "remember this browser": every log-in
/// of an official or administrator asks for the code.
/// </summary>
public sealed class LogInCodeModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty(Name = "code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToLogIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return BackToLogIn();
        }

        var code = string.Concat((Code ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (code.Length == 0)
        {
            ModelState.AddModelError("code", TwoFactorText.CodeRequired);
            return Page();
        }

        // Six digits are the authenticator's; anything else is tried as a recovery code (XXXXX-XXXXX, upper case).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code.ToUpperInvariant());
        if (result.Succeeded)
        {
            return await LogInModel.SignedInAsync(signIn, user, ReturnUrl);
        }

        ModelState.AddModelError("code", result.IsLockedOut ? UiText.LockedOut : TwoFactorText.CodeWrong);
        return Page();
    }

    /// <summary>No pending two-factor log-in (it expired, or none began): start again from the password.</summary>
    private RedirectToPageResult BackToLogIn() => RedirectToPage("/Account/LogIn", new { returnUrl = LogInModel.LocalOrNull(ReturnUrl) });
}
