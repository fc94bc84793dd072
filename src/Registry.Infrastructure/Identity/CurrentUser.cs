using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// The principal a scope acts for when there is no HTTP request: a background job or the demo seeder.
/// </summary>
public sealed class ActingPrincipal
{
    public ClaimsPrincipal? Principal { get; set; }

    public static ClaimsPrincipal For(Guid userId, string role, IEnumerable<string>? regions = null) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
            new Claim(ClaimTypes.Role, role),
            .. (regions ?? []).Select(r => new Claim(RegistryClaims.Region, r)),
        ],
        "acting"));
}

internal sealed class CurrentUser(IHttpContextAccessor httpContextAccessor, ActingPrincipal acting) : ICurrentUser
{
    private static readonly string[] RolePrecedence = [Roles.Administrator, Roles.RegionalOfficial, Roles.MinistryAnalyst, Roles.Applicant];

    private ClaimsPrincipal? Principal => acting.Principal ?? httpContextAccessor.HttpContext?.User;

    public Guid? UserId =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Role =>
        Principal?.Identity?.IsAuthenticated == true
            ? RolePrecedence.FirstOrDefault(r => Principal.IsInRole(r)) ?? "System"
            : "Anonymous";

    public IReadOnlyList<string> RegionCodes =>
        Principal?.FindAll(RegistryClaims.Region).Select(c => c.Value).ToArray() ?? [];

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
