namespace Registry.Application.Common.Interfaces;

/// <summary>Staff accounts in ASP.NET Core Identity.</summary>
public interface IStaffAccounts
{
    /// <summary>Creates the account; a taken e-mail is a conflict, a weak password a validation failure.</summary>
    Task<Guid> CreateAsync(string email, string password, string role, IReadOnlyList<string> regionCodes, CancellationToken cancellationToken);
}
