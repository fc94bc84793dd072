using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Infrastructure.Identity;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Account;

/// <summary>
/// Enrolment in two-factor authentication (issue 7), where an official or administrator without it is sent after the
/// password and from their pages. Shows Identity's authenticator key (grouped by four, and as an <c>otpauth://</c>
/// address: no QR code, so no image library and no script), takes a code from the app, turns 2FA on, shows the ten
/// recovery codes once, and signs in again so the new cookie carries <see cref="RegistryClaims.SecondFactor"/>. The same
/// as Identity's <c>POST /api/v1/auth/manage/2fa</c>.
/// </summary>
[Authorize(AuthenticationSchemes = IndexModel.CookieScheme)]
public sealed class TwoFactorModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public const string Path = "/account/two-factor";

    /// <summary>The name apps show beside the code.</summary>
    public const string Issuer = "Registre ESS";

    [BindProperty(Name = "code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public bool AlreadyEnabled { get; private set; }

    public string Key { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The recovery codes, right after enabling: shown this once, never again (a new set comes from the API's resetRecoveryCodes).</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>The key in groups of four, as apps print it and people type it.</summary>
    public string GroupedKey => string.Join(' ', Key.Chunk(4).Select(group => new string(group)));

    /// <summary>The key-URI format authenticator apps read (Google's "Key Uri Format"): TOTP, 6 digits, 30 seconds, SHA-1.</summary>
    public string OtpAuthUri =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(Email)}?secret={Key}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    public string Next => LogInModel.LocalOrNull(ReturnUrl) ?? "/account";

    /// <summary>This page's address, returning to <paramref name="returnUrl"/> once enrolled.</summary>
    public static string PathFor(string? returnUrl) =>
        LogInModel.LocalOrNull(returnUrl) is { } local && local != "/account" ? $"{Path}?returnUrl={Uri.EscapeDataString(local)}" : Path;

    /// <summary>Sends a staff member who must have a second factor and signed in without one to this page; null for anyone else.</summary>
    public static IActionResult? RedirectIfMissing(PageModel page) =>
        SecondFactor.IsMissing(page.User)
            ? new LocalRedirectResult(PathFor(page.Request.Method == "GET" ? page.Request.Path + page.Request.QueryString : page.Request.Path))
            : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge(IndexModel.CookieScheme);
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge(IndexModel.CookieScheme);
        }

        await LoadAsync(user);
        if (AlreadyEnabled)
        {
            return Page();
        }

        var users = signIn.UserManager;
        var code = string.Concat((Code ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (code.Length == 0)
        {
            ModelState.AddModelError("code", TwoFactorText.CodeRequired);
            return Page();
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("code", TwoFactorText.CodeWrong);
            return Page();
        }

        // Enabling changes the security stamp: this browser's cookie is replaced below, other sessions of the account end.
        await Succeed(await users.SetTwoFactorEnabledAsync(user, true));
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        var users = signIn.UserManager;
        Email = await users.GetEmailAsync(user) ?? "";
        AlreadyEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (AlreadyEnabled)
        {
            return;
        }

        // The key stays the same until enrolment succeeds, so reloading the page does not break an app already set up.
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Only an account made before keys were made with accounts (RegistryUserManager) gets here. Making the key
            // changes the security stamp: this browser's cookie is renewed at once, or its next request would be refused.
            await Succeed(await users.ResetAuthenticatorKeyAsync(user));
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = key ?? throw new InvalidOperationException("Identity made no authenticator key.");
    }

    private static Task Succeed(IdentityResult result) => result.Succeeded
        ? Task.CompletedTask
        : throw new InvalidOperationException("Two-factor enrolment failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
}
