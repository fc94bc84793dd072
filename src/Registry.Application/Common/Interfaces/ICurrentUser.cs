namespace Registry.Application.Common.Interfaces;

/// <summary>Who is calling: their id, role and, for officials, the regions they act on.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>The role recorded in the audit trail ("Anonymous" when signed out).</summary>
    string Role { get; }

    IReadOnlyList<string> RegionCodes { get; }

    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static Guid RequireUserId(this ICurrentUser user) =>
        user.UserId ?? throw new UnauthorizedAccessException("A signed-in user is required.");
}
