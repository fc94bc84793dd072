using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Users;
using Registry.Infrastructure.Persistence;
using Registry.Application.Common.Validation;

namespace Registry.Infrastructure.Identity;

internal sealed class StaffAccounts(UserManager<ApplicationUser> users, RegistryDbContext db) : IStaffAccounts
{
    public async Task<Guid> CreateAsync(string email, string password, string role, IReadOnlyList<string> regionCodes, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            RegionCodes = [.. regionCodes],
        };

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                throw new ConflictException(Localized.Text(
                    $"Un compte avec l'adresse électronique « {email} » existe déjà.", $"يوجد من قبل حساب بالبريد الإلكتروني «{email}»."));
            }

            throw new ValidationException(created.Errors.Select(e =>
                new ValidationFailure(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "Email", e.Description)));
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException("Could not add role: " + string.Join("; ", added.Errors.Select(e => e.Code)));
        }

        return user.Id;
    }

    public async Task<StaffUserItem?> FindAsync(Guid userId, CancellationToken cancellationToken)
    {
        var row = await StaffRows().Where(r => r.Id == userId).OrderBy(r => r.Role).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Item(row.Id, row.Email, row.Role, row.RegionCodes);
    }

    public async Task<IReadOnlyList<(StaffUserItem Item, StaffListPosition Position)>> ListAsync(StaffListPosition? after, int limit, CancellationToken cancellationToken)
    {
        var rows = StaffRows();
        if (after is { } position)
        {
            rows = rows.Where(r => string.Compare(r.NormalizedEmail, position.NormalizedEmail) > 0
                || (r.NormalizedEmail == position.NormalizedEmail && string.Compare(r.Role, position.Role) > 0));
        }

        var page = await rows.OrderBy(r => r.NormalizedEmail).ThenBy(r => r.Role).Take(limit).ToListAsync(cancellationToken);
        return [.. page.Select(r => (Item(r.Id, r.Email, r.Role, r.RegionCodes), new StaffListPosition(r.NormalizedEmail, r.Role)))];
    }

    public async Task<StaffUserItem?> ResetTwoFactorAsync(Guid userId, CancellationToken cancellationToken)
    {
        var staff = await FindAsync(userId, cancellationToken);
        var user = staff is null ? null : await users.FindByIdAsync(userId.ToString());
        if (staff is null || user is null)
        {
            return null;
        }

        // Off first, then a new key (which renews the security stamp) and an empty set of recovery codes: enrolling
        // again, by the API or the page, starts from a key nobody holds and hands out new codes.
        Succeed(await users.SetTwoFactorEnabledAsync(user, false), "turn two-factor authentication off");
        Succeed(await users.ResetAuthenticatorKeyAsync(user), "replace the authenticator key");
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return staff;
    }

    private static void Succeed(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private static StaffUserItem Item(Guid id, string email, string role, string[] regions) =>
        new(id, email, role, role == Roles.RegionalOfficial ? [.. regions.Order(StringComparer.Ordinal)] : []);

    // An object initializer, not a constructor: EF Core translates filters and ordering on its members.
    private sealed class StaffRow
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public string NormalizedEmail { get; init; } = "";
        public string Role { get; init; } = "";
        public string[] RegionCodes { get; init; } = [];
    }

    /// <summary>Accounts with a staff role, one row per staff role held.</summary>
    private IQueryable<StaffRow> StaffRows()
    {
        string[] staff = [.. Roles.Staff];
        return from user in db.Users.AsNoTracking()
                   join userRole in db.UserRoles on user.Id equals userRole.UserId
                   join role in db.Roles on userRole.RoleId equals role.Id
                   where staff.Contains(role.Name!)
                   select new StaffRow { Id = user.Id, Email = user.Email!, NormalizedEmail = user.NormalizedEmail!, Role = role.Name!, RegionCodes = user.RegionCodes };
    }

    public async Task<StaffUserItem?> SetRegionsAsync(Guid userId, IReadOnlyList<string> regionCodes, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !await users.IsInRoleAsync(user, Roles.RegionalOfficial))
        {
            return null;
        }

        user.RegionCodes = [.. regionCodes];
        // A new security stamp (saved with the regions): cookies and tokens that still carry the old regions are
        // refused when next validated, instead of acting on a region the official no longer holds.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException("Could not update the official's regions: " + string.Join("; ", updated.Errors.Select(e => e.Code)));
        }

        return new StaffUserItem(user.Id, user.Email!, Roles.RegionalOfficial, [.. user.RegionCodes]);
    }
}
