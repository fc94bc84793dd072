using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Infrastructure.Identity;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Account;

/// <summary>An applicant's account, as Identity's /register makes it (no staff role: an applicant), then signed in with the cookie.</summary>
public sealed class SignUpModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "confirm")]
    public string? Confirm { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect("/account") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            ModelState.AddModelError("email", UiText.EmailRequired);
        }
        else if (Email.Length > 256 || !new EmailAddressAttribute().IsValid(Email))
        {
            ModelState.AddModelError("email", UiText.EmailInvalid);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("password", UiText.PasswordRequired);
        }
        else if (Password != Confirm)
        {
            ModelState.AddModelError("confirm", UiText.PasswordsDiffer);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new ApplicationUser { UserName = Email, Email = Email };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            // Identity's describer words them in the page's language; a duplicate e-mail is also a duplicate user name: said once.
            foreach (var error in created.Errors.DistinctBy(e => e.Description))
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
            }

            return Page();
        }

        // The language the account was made in is its language until the user switches.
        await users.SetLanguageAsync(user, Ui.Lang);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/account");
    }
}
