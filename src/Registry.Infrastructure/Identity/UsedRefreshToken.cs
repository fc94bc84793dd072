namespace Registry.Infrastructure.Identity;

/// <summary>
/// A refresh token that has been exchanged once. Refresh tokens are single-use: presenting one again means it was
/// copied, and every session of its account is ended (see <see cref="Sessions"/>). Kept until the token would have
/// expired anyway, then purged.
/// </summary>
public sealed class UsedRefreshToken
{
    /// <summary>SHA-256 of the token as presented; the token itself is never stored.</summary>
    public required byte[] TokenHash { get; init; }

    public required Guid UserId { get; init; }

    public required DateTimeOffset UsedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
