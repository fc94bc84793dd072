using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// Whether a token or cookie still stands for its account. Identity's bearer tokens and cookies are self-contained:
/// without a check they keep working until they expire (an hour, fourteen days) after a log-out, a password change,
/// a change of an official's regions or a copied refresh token. Every signed-in request is therefore compared with
/// the account's current security stamp, and ending sessions is changing the stamp.
/// </summary>
public sealed class Sessions(NpgsqlDataSource dataSource, IOptions<IdentityOptions> identityOptions, TimeProvider clock)
{
    private const string StampSql = "SELECT security_stamp FROM identity.users WHERE id = @id";

    private const string EndAllSql =
        "UPDATE identity.users SET security_stamp = @security_stamp, concurrency_stamp = @concurrency_stamp WHERE id = @id";

    private const string ClaimRefreshSql = """
        INSERT INTO identity.used_refresh_tokens (token_hash, user_id, used_at, expires_at)
        VALUES (@hash, @user_id, @used_at, @expires_at)
        ON CONFLICT (token_hash) DO NOTHING
        """;

    /// <summary>
    /// True when the principal's security stamp is its account's current one: one primary-key read per signed-in
    /// request, on purpose not cached, so a revoked token stops at once on every instance.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        await using var command = dataSource.CreateCommand(StampSql);
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = userId });
        var current = await command.ExecuteScalarAsync(cancellationToken) as string;
        return current is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(stamp));
    }

    /// <summary>
    /// Records a refresh token as used. False when it had been used before: the caller refuses it and ends every
    /// session of the account, since one of the two presenters holds a copy.
    /// </summary>
    public async Task<bool> TryUseRefreshTokenAsync(string refreshToken, Guid userId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimRefreshSql);
        command.Parameters.Add(new NpgsqlParameter("hash", NpgsqlDbType.Bytea) { Value = SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)) });
        command.Parameters.Add(new NpgsqlParameter("user_id", NpgsqlDbType.Uuid) { Value = userId });
        command.Parameters.Add(new NpgsqlParameter("used_at", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter("expires_at", NpgsqlDbType.TimestampTz) { Value = expiresAt });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Ends every session of the account: its tokens, refresh tokens and cookies, on every device. One statement
    /// rather than <c>UserManager.UpdateSecurityStampAsync</c>, whose optimistic concurrency fails when two requests
    /// end the same account's sessions at once (a replayed refresh token sent twice); the concurrency stamp changes
    /// too, so a save of the user loaded before this one fails instead of putting the old security stamp back.
    /// </summary>
    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(EndAllSql);
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Uuid) { Value = userId });
        command.Parameters.Add(new NpgsqlParameter("security_stamp", NpgsqlDbType.Text) { Value = NewStamp() });
        command.Parameters.Add(new NpgsqlParameter("concurrency_stamp", NpgsqlDbType.Text) { Value = Guid.NewGuid().ToString() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Any unguessable text serves: Identity only compares stamps.</summary>
    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
