using System.Text.RegularExpressions;

namespace Registry.Domain.Legal;

/// <summary>The national identity card number (law 04-20): one or two upper-case Latin letters, then one to six digits.</summary>
public static partial class CinFormat
{
    /// <summary>Whether <paramref name="cin"/> is well formed; lower case, spaces, and a trailing newline are not.</summary>
    public static bool IsValid(string? cin) => cin is not null && Pattern().IsMatch(cin);

    // \A and \z: '$' would accept a trailing "\n"; [0-9] rather than \d, which accepts any Unicode digit.
    [GeneratedRegex(@"\A[A-Z]{1,2}[0-9]{1,6}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
