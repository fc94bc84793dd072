using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Identity;

internal sealed class StaffAccounts(UserManager<ApplicationUser> users) : IStaffAccounts
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
                throw new ConflictException($"An account with the e-mail '{email}' already exists.");
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
}
