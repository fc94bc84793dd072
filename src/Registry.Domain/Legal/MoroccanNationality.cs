using System.Collections.Frozen;

namespace Registry.Domain.Legal;

/// <summary>How applicants write the Moroccan nationality: ISO codes, French or Arabic, any case.</summary>
public static class MoroccanNationality
{
    private static readonly FrozenSet<string> Spellings = new[] { "MA", "MAR", "Marocaine", "Marocain", "مغربية", "مغربي" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool Is(string? nationality) => nationality is not null && Spellings.Contains(nationality.Trim());
}
