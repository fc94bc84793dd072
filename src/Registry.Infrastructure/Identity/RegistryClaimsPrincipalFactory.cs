using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Security;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// Puts the registry's facts into the token: the role (an account without a staff role is an applicant,
/// which is what Identity's own /register creates) and an official's regions.
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

        return identity;
    }
}
