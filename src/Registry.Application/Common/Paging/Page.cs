using System.Buffers.Text;
using System.Text;

namespace Registry.Application.Common.Paging;

/// <summary>One page of a keyset-paginated list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode(string value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value));

    /// <summary>Decodes a cursor; a malformed one is the caller's mistake and returns null.</summary>
    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 512)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
