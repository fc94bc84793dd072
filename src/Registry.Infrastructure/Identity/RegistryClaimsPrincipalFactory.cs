using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Security;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// Puts the registry's facts into the token: the role (an account without a staff role is an applicant,
/// which is what Identity's own /register creates), an official's regions, and whether the account signs in with a
/// second factor (<see cref="RegistryClaims.SecondFactor"/>).
/// </summary>
internal sealed class RegistryClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!identity.HasClaim(c => c.Type == identity.RoleClaimType))
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, Roles.Applicant));
        }

        foreach (var region in user.RegionCodes)
        {
            identity.AddClaim(new Claim(RegistryClaims.Region, region));
        }

        // Only with an authenticator key: that is what makes SignInManager ask for the code (a flag without any usable
        // provider would let a password alone through, and must not look like a second factor).
        if (user.TwoFactorEnabled && await UserManager.GetAuthenticatorKeyAsync(user) is { Length: > 0 })
        {
            identity.AddClaim(new Claim(RegistryClaims.SecondFactor, "totp"));
        }

        return identity;
    }
}
