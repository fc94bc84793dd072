using Registry.Domain.Applications;

namespace Registry.Domain.Legal;

/// <summary>Which declared officers make up an organisation's governing body, as the rules count them.</summary>
/// <remarks>
/// The statutory auditor (commissaire aux comptes, law 112-12 art. 72) controls the accounts and is not one of the
/// governing body: the board, the bureau or the mutual's administrators never count them. Administrators
/// ("administrateurs") are the members of a board of directors, whatever the form.
/// </remarks>
internal static class Governance
{
    private static readonly HashSet<OfficerRole> BoardRoles =
    [
        OfficerRole.President, OfficerRole.VicePresident, OfficerRole.Secretary, OfficerRole.Treasurer, OfficerRole.BoardMember,
        OfficerRole.Administrator,
    ];

    /// <summary>A member of a cooperative's board of directors.</summary>
    public static bool IsBoardMember(Officer officer) => BoardRoles.Contains(officer.Role);

    /// <summary>One of the governing body: every officer but the auditor.</summary>
    public static bool Governs(Officer officer) => officer.Role != OfficerRole.Auditor;
}
