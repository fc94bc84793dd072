using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Registry.Domain.Legal;

/// <summary>
/// How applicants write the Moroccan nationality: the ISO codes, the nationality or the country's name in French, English
/// or Arabic ("Marocaine", "Maroc", "Moroccan", "Morocco", "مغربية", "المغرب", "المملكة المغربية"), in any case, with or
/// without accents, spaces, diacritics or tatweel, and with or without a code in parentheses ("Marocaine (MA)").
/// </summary>
public static class MoroccanNationality
{
    private static readonly FrozenSet<string> Spellings = new[]
    {
        "MA", "MAR",
        "Marocaine", "Marocain", "Maroc", "Royaume du Maroc",
        "Moroccan", "Morocco", "Kingdom of Morocco",
        "مغربية", "مغربي", "المغربية", "المغربي", "المغرب", "المملكة المغربية",
    }.Select(Key).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="nationality"/> names Morocco. A text with parts in parentheses or after a slash counts
    /// when every part does ("Marocaine (MA)"), so that "Française (MA)" is not taken for Moroccan.
    /// </summary>
    public static bool Is(string? nationality)
    {
        if (string.IsNullOrWhiteSpace(nationality))
        {
            return false;
        }

        var parts = nationality.Split(['(', ')', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(part => Spellings.Contains(Key(part)));
    }

    /// <summary>
    /// Letters only, lower case, without Latin accents or Arabic diacritics and tatweel, with the alef forms and taa marbuta
    /// written as the bare alef and haa ("Marocaine" → "marocaine", "مغربيّة" → "مغربيه", "Royaume du Maroc" → "royaumedumaroc").
    /// </summary>
    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (!char.IsLetter(c) || c == '\u0640')
            {
                continue; // spaces, punctuation, combining accents and harakat (non-spacing marks), tatweel
            }

            key.Append(c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ة' => 'ه',
                'ى' => 'ي',
                _ => char.ToLowerInvariant(c),
            });
        }

        return key.ToString();
    }
}
