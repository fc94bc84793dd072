using System.Security.Claims;

namespace Registry.Application.Common.Security;

public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string RegionalOfficial = nameof(RegionalOfficial);
    public const string MinistryAnalyst = nameof(MinistryAnalyst);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All = [Applicant, RegionalOfficial, MinistryAnalyst, Administrator];

    public static readonly IReadOnlyList<string> Staff = [RegionalOfficial, MinistryAnalyst, Administrator];

    /// <summary>
    /// The roles that act on applications, organisations and accounts: they must sign in with a second factor (issue 7).
    /// A ministry analyst reads aggregate statistics only and is not asked for one.
    /// </summary>
    public static readonly IReadOnlyList<string> RequiringTwoFactor = [RegionalOfficial, Administrator];
}

/// <summary>Claim types the registry adds to a signed-in user.</summary>
public static class RegistryClaims
{
    public const string Region = "registry:region";

    /// <summary>The language the user last chose on the pages ("ar" or "fr"), kept on their account as a user claim.</summary>
    public const string Language = "registry:language";

    /// <summary>
    /// Present when the account has two-factor authentication (an authenticator app) turned on. Identity asks for the
    /// code at every sign-in of such an account, so a token or cookie carrying this claim came from a two-factor sign-in
    /// (or a refresh of one: refreshes rebuild the claims, and turning 2FA on or off changes the security stamp, which
    /// ends older refresh tokens and cookies).
    /// </summary>
    public const string SecondFactor = "registry:second-factor";
}

/// <summary>The rule of issue 7 that the API's policies and the staff pages both apply.</summary>
public static class SecondFactor
{
    /// <summary>
    /// Whether <paramref name="user"/> holds a role that needs a second factor (<see cref="Roles.RequiringTwoFactor"/>)
    /// and signed in without one.
    /// </summary>
    public static bool IsMissing(ClaimsPrincipal user) =>
        Roles.RequiringTwoFactor.Any(user.IsInRole) && !user.HasClaim(c => c.Type == RegistryClaims.SecondFactor);
}
