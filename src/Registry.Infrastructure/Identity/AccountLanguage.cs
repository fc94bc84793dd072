using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Registry.Application.Common.Security;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// The language remembered on an account: one Identity user claim (<see cref="RegistryClaims.Language"/>), so any
/// browser the user logs in on shows the pages in it, without a column of its own.
/// </summary>
public static class AccountLanguage
{
    public static readonly IReadOnlyList<string> Supported = ["ar", "fr"];

    /// <summary>The account's language, or null when the user never chose one (or it is not one the registry speaks).</summary>
    public static async Task<string?> GetLanguageAsync(this UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var value = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == RegistryClaims.Language)?.Value;
        return value is not null && Supported.Contains(value) ? value : null;
    }

    /// <summary>Keeps <paramref name="language"/> on the account, replacing the one it had; nothing is written when it is the same.</summary>
    public static async Task SetLanguageAsync(this UserManager<ApplicationUser> users, ApplicationUser user, string language)
    {
        if (!Supported.Contains(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "The registry speaks Arabic (ar) and French (fr).");
        }

        var current = (await users.GetClaimsAsync(user)).Where(c => c.Type == RegistryClaims.Language).ToList();
        if (current is [{ } only] && only.Value == language)
        {
            return;
        }

        var result = current is [{ } existing]
            ? await users.ReplaceClaimAsync(user, existing, new Claim(RegistryClaims.Language, language))
            : await ReplaceAllAsync(users, user, current, language);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The account's language was not saved: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    private static async Task<IdentityResult> ReplaceAllAsync(UserManager<ApplicationUser> users, ApplicationUser user, List<Claim> current, string language)
    {
        if (current.Count > 0)
        {
            var removed = await users.RemoveClaimsAsync(user, current);
            if (!removed.Succeeded)
            {
                return removed;
            }
        }

        return await users.AddClaimAsync(user, new Claim(RegistryClaims.Language, language));
    }
}
