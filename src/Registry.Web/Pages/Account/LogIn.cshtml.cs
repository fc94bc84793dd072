using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Infrastructure.Identity;
using Registry.Web.Hosting;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Account;

/// <summary>
/// Log-in with Identity's application cookie (HttpOnly, SameSite, Secure over HTTPS); failures lock the account out
/// as the API's do. The account's language, when it has one, becomes this browser's.
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
        if (result.Succeeded)
        {
            if (await signIn.UserManager.FindByNameAsync(Email!) is { } user && await signIn.UserManager.GetLanguageAsync(user) is { } language)
            {
                Languages.Remember(HttpContext, Languages.For(language));
            }

            return LocalRedirect(ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account");
        }

        ModelState.AddModelError("email", result.IsLockedOut ? UiText.LockedOut : UiText.LoginFailed);
        return Page();
    }
}
