using System.Globalization;
using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>
/// A text of law that rules cite, named in French and in Arabic, and cited article by article in each language:
/// <c>Laws.Cooperatives.Article(14)</c> is "Loi 112-12, art. 14" / "القانون رقم 112.12، المادة 14".
/// </summary>
/// <param name="Fr">The text's name as French citations write it ("Loi 112-12").</param>
/// <param name="Ar">The text's name as Arabic citations write it, numbers with dots ("القانون رقم 112.12").</param>
/// <param name="Chapters">
/// Whether its articles are called فصول (a dahir's, as the dahirs of 1958 and 1963 number them) rather than مواد (a law's or
/// a decree's); French says "art." for both.
/// </param>
public sealed record LegalSource(string Fr, string Ar, bool Chapters = false)
{
    /// <summary>The whole text, for a rule that comes from it rather than from one of its articles.</summary>
    public LocalizedText Whole => new(Fr, Ar);

    /// <summary>One article: "Loi 112-12, art. 14" / "القانون رقم 112.12، المادة 14" (a dahir's: "الفصل 11").</summary>
    public LocalizedText Article(int number) => Articles(number);

    /// <summary>
    /// Several articles: "Décret 2-15-617, arts. 3 et 4" / "المرسوم رقم 2.15.617، المادتان 3 و4", and beyond two
    /// "arts. 47, 50, 51 et 65" / "المواد 47 و50 و51 و65".
    /// </summary>
    public LocalizedText Articles(params int[] numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Length == 0)
        {
            throw new ArgumentException("An article citation names at least one article.", nameof(numbers));
        }

        var digits = numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray();
        var fr = digits.Length == 1
            ? $"art. {digits[0]}"
            : $"arts. {string.Join(", ", digits[..^1])} et {digits[^1]}";
        var noun = (digits.Length, Chapters) switch
        {
            (1, true) => "الفصل",
            (2, true) => "الفصلان",
            (_, true) => "الفصول",
            (1, false) => "المادة",
            (2, false) => "المادتان",
            _ => "المواد",
        };
        return new($"{Fr}, {fr}", $"{Ar}، {noun} {string.Join(" و", digits)}");
    }
}
