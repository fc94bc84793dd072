using Microsoft.AspNetCore.Identity;

namespace Registry.Infrastructure.Identity;

/// <summary>An account: an applicant, or staff with a role; a regional official also holds region codes.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string[] RegionCodes { get; set; } = [];
}
