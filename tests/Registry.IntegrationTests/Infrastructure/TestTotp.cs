using System.Security.Cryptography;
using System.Text;
using Registry.Cli.Accounts;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>
/// The tests' authenticator app: each test account's key is derived from its e-mail (so a browser journey knows it
/// without the database), and codes are RFC 6238's (HMAC-SHA1, 30 s, 6 digits) — the CLI's <c>totp</c>, checked
/// against the RFC's own vector in <c>TwoFactorTests</c> and accepted by Identity in every staff sign-in.
/// </summary>
/// <remarks>
/// Identity accepts a code again within its window (±2 steps; tried in TwoFactorTests): one code can sign the same
/// account in several times, so the helpers need not wait for the next step.
/// </remarks>
public static class TestTotp
{
    /// <summary>A base32 key of 20 bytes (32 characters, as Identity makes them) for <paramref name="email"/>.</summary>
    public static string KeyFor(string email) => Totp.ToBase32(SHA256.HashData(Encoding.UTF8.GetBytes("registry-test:" + email.ToUpperInvariant()))[..20]);

    public static string Code(string key) => Totp.Code(key, DateTimeOffset.UtcNow);

    public static string Code(string key, DateTimeOffset at) => Totp.Code(key, at);

    /// <summary>A six-digit code that is not the key's at any step Identity would accept now.</summary>
    public static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }
}
