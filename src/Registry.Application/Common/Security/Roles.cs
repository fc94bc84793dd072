namespace Registry.Application.Common.Security;

public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string RegionalOfficial = nameof(RegionalOfficial);
    public const string MinistryAnalyst = nameof(MinistryAnalyst);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All = [Applicant, RegionalOfficial, MinistryAnalyst, Administrator];

    public static readonly IReadOnlyList<string> Staff = [RegionalOfficial, MinistryAnalyst, Administrator];
}

/// <summary>Claim types the registry adds to a signed-in user.</summary>
public static class RegistryClaims
{
    public const string Region = "registry:region";

    /// <summary>The language the user last chose on the pages ("ar" or "fr"), kept on their account as a user claim.</summary>
    public const string Language = "registry:language";
}
