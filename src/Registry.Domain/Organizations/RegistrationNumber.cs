using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Registry.Domain.Reference;

namespace Registry.Domain.Organizations;

/// <summary>
/// <c>{FORM}-{RR}-{YYYY}-{NNNNNN}</c>: legal form, region, year of approval and a sequence per form,
/// region and year that starts at 1, has no gaps and never repeats (SPEC §3).
/// </summary>
public sealed partial record RegistrationNumber
{
    public const int MaxSequence = 999_999;

    private RegistrationNumber(LegalForm legalForm, string regionCode, int year, int sequence)
    {
        LegalForm = legalForm;
        RegionCode = regionCode;
        Year = year;
        Sequence = sequence;
    }

    public LegalForm LegalForm { get; }
    public string RegionCode { get; }
    public int Year { get; }
    public int Sequence { get; }

    public string Value => string.Create(CultureInfo.InvariantCulture, $"{LegalForm}-{RegionCode}-{Year:D4}-{Sequence:D6}");

    public static RegistrationNumber Create(LegalForm legalForm, string regionCode, int year, int sequence)
    {
        if (!RegionPattern().IsMatch(regionCode))
        {
            throw new ArgumentOutOfRangeException(nameof(regionCode), regionCode, "A region code is two digits.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        return new RegistrationNumber(legalForm, regionCode, year, sequence);
    }

    public static bool TryParse(string? value, [NotNullWhen(true)] out RegistrationNumber? number)
    {
        number = null;
        var match = value is null ? null : NumberPattern().Match(value);
        if (match is null || !match.Success || !Enum.TryParse<LegalForm>(match.Groups["form"].Value, out var form))
        {
            return false;
        }

        var sequence = int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (sequence < 1 || year < 1900)
        {
            return false;
        }

        number = new RegistrationNumber(form, match.Groups["region"].Value, year, sequence);
        return true;
    }

    /// <summary>
    /// A registration number as a person types it: in any case, with any decimal digits (Arabic-Indic ٠٦ is 06), with
    /// spaces around it, its parts apart by spaces, dashes of any kind, slashes, dots or underscores (<c>COOP 06 2026
    /// 000123</c>, <c>COOP – 06 – 2026 – 000123</c>, <c>COOP/06/2026/000123</c>), or run together
    /// (<c>COOP062026000123</c>). <see cref="TryParse"/> reads only the canonical spelling, as stored.
    /// </summary>
    public static bool TryParseTyped(string? typed, [NotNullWhen(true)] out RegistrationNumber? number)
    {
        var canonical = new System.Text.StringBuilder();
        var apart = false;
        foreach (var rune in (typed ?? "").EnumerateRunes())
        {
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (System.Text.Rune.IsWhiteSpace(rune) || category == UnicodeCategory.DashPunctuation
                || rune.Value is '/' or '.' or '_' or '\u2212')
            {
                apart = canonical.Length > 0;
                continue;
            }

            if (apart)
            {
                canonical.Append('-');
                apart = false;
            }

            if (category == UnicodeCategory.DecimalDigitNumber)
            {
                canonical.Append((char)('0' + (int)System.Text.Rune.GetNumericValue(rune)));
            }
            else
            {
                canonical.Append(System.Text.Rune.ToUpperInvariant(rune));
            }
        }

        var text = canonical.ToString();
        if (RunTogetherPattern().Match(text) is { Success: true } parts)
        {
            text = $"{parts.Groups["form"].Value}-{parts.Groups["region"].Value}-{parts.Groups["year"].Value}-{parts.Groups["seq"].Value}";
        }

        return TryParse(text, out number);
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"\A[0-9]{2}\z")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"\A(?<form>COOP|UNION|ASSO|MUTU)-(?<region>[0-9]{2})-(?<year>[0-9]{4})-(?<seq>[0-9]{6})\z")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\A(?<form>COOP|UNION|ASSO|MUTU)-?(?<region>[0-9]{2})(?<year>[0-9]{4})(?<seq>[0-9]{6})\z")]
    private static partial Regex RunTogetherPattern();
}
