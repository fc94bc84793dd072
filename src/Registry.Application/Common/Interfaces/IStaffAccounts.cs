using Registry.Application.Users;

namespace Registry.Application.Common.Interfaces;

/// <summary>Staff accounts in ASP.NET Core Identity.</summary>
public interface IStaffAccounts
{
    /// <summary>Creates the account; a taken e-mail is a conflict, a weak password a validation failure.</summary>
    Task<Guid> CreateAsync(string email, string password, string role, IReadOnlyList<string> regionCodes, CancellationToken cancellationToken);

    /// <summary>
    /// Accounts holding a staff role, ordered by e-mail then role, those after <paramref name="after"/> (a keyset
    /// position), at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<(StaffUserItem Item, StaffListPosition Position)>> ListAsync(StaffListPosition? after, int limit, CancellationToken cancellationToken);

    /// <summary>The staff account with this id, or null (unknown, or an applicant's).</summary>
    Task<StaffUserItem?> FindAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a regional official's regions and renews their security stamp, so sessions carrying the old
    /// regions are refused from their next request on; null when the id is not a regional official's.
    /// </summary>
    Task<StaffUserItem?> SetRegionsAsync(Guid userId, IReadOnlyList<string> regionCodes, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a staff member's two-factor authentication off with a new authenticator key and no recovery codes (the
    /// old app and codes are worthless), which renews the security stamp and so ends every session of the account;
    /// null when the id is not a staff account's.
    /// </summary>
    Task<StaffUserItem?> ResetTwoFactorAsync(Guid userId, CancellationToken cancellationToken);
}
