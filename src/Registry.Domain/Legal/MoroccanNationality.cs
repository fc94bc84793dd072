using System.Collections.Frozen;

namespace Registry.Domain.Legal;

/// <summary>How applicants write the Moroccan nationality: ISO codes, French, English or Arabic (with or without the article, ة or ه), any case.</summary>
public static class MoroccanNationality
{
    private static readonly FrozenSet<string> Spellings = new[] { "MA", "MAR", "Marocaine", "Marocain", "Moroccan", "مغربية", "مغربيه", "مغربي", "المغربية", "المغربيه", "المغربي" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool Is(string? nationality) => nationality is not null && Spellings.Contains(nationality.Trim());
}
