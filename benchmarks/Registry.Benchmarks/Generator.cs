using System.Globalization;
using Registry.Domain.Names;

namespace Registry.Benchmarks;

internal sealed record Province(string Code, string RegionCode, string NameAr, string NameFr);

internal sealed record Sector(string Code, string[] AppliesTo);

/// <summary>One synthetic organisation, ready for COPY.</summary>
internal sealed record OrganizationRow(
    Guid Id,
    string RegistrationNumber,
    string LegalForm,
    string? NameAr,
    string? NameLatin,
    string NormalizedAr,
    string NormalizedLatin,
    string SectorCode,
    string SeatAddress,
    string ProvinceCode,
    string RegionCode,
    DateOnly FoundingDate,
    DateTimeOffset RegisteredAt,
    int MemberCount,
    int WomenMemberCount,
    decimal? ShareValue,
    string? Ice,
    Guid OwnerId);

/// <summary>Samples an index from 0..n-1 with probability proportional to 1/(rank+1)^s.</summary>
internal sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double s)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, s);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}

/// <summary>
/// Deterministic (seeded) synthetic organisations: Arabic and/or Latin names made of a legal-form word, a name
/// word (Zipf), 0–2 activity words (Zipf), a place (long tail of 30,000 generated places) and sometimes a
/// number; the normalised names are unique, as the registry's same-name check makes them.
/// </summary>
internal sealed class Generator
{
    public const int PlaceCount = 30_000;

    private readonly Random _random;
    private readonly IReadOnlyList<Province> _provinces;
    private readonly IReadOnlyList<Sector> _sectors;
    private readonly Zipf _nameWords = new(NameData.NameWords.Length, 0.8);
    private readonly Zipf _activities = new(NameData.Activities.Length, 0.9);
    private readonly Zipf _places = new(PlaceCount, 0.7);
    private readonly (string Ar, string Latin)[] _placeNames;
    private readonly HashSet<string> _usedAr = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedLatin = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sequences = new(StringComparer.Ordinal);
    private readonly Guid[] _owners;

    public Generator(int seed, IReadOnlyList<Province> provinces, IReadOnlyList<Sector> sectors)
    {
        _random = new Random(seed);
        _provinces = provinces;
        _sectors = sectors;
        _placeNames = MakePlaces(new Random(seed + 1));
        _owners = [.. Enumerable.Range(0, 200_000).Select(_ => NewGuid())];
    }

    public IReadOnlyList<(string Ar, string Latin)> Places => _placeNames;

    private static (string Ar, string Latin)[] MakePlaces(Random random)
    {
        var places = new List<(string, string)>(PlaceCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var syllables = NameData.Syllables;
        var prefixWeights = NameData.PlacePrefixes.Select(p => p.Weight).ToArray();
        while (places.Count < PlaceCount)
        {
            var count = random.NextDouble() switch { < 0.55 => 2, < 0.95 => 3, _ => 4 };
            var ar = "";
            var latin = "";
            for (var i = 0; i < count; i++)
            {
                var (sa, sl) = syllables[random.Next(syllables.Length)];
                ar += sa;
                latin += sl;
            }

            if (random.NextDouble() < 0.15)
            {
                ar += "ت";
                latin += "t";
            }

            var prefix = NameData.PlacePrefixes[Pick(random, prefixWeights)];
            if (prefix.Ar.Length > 0)
            {
                ar = prefix.Ar + " " + ar;
                latin = prefix.Latin + " " + char.ToUpperInvariant(latin[0]) + latin[1..];
            }
            else
            {
                latin = char.ToUpperInvariant(latin[0]) + latin[1..];
            }

            if (seen.Add(ar))
            {
                places.Add((ar, latin));
            }
        }

        return [.. places];
    }

    private static int Pick(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A name in both scripts; either may be dropped by the caller.</summary>
    public (string Ar, string Latin) MakeName(int formIndex)
    {
        var form = NameData.Forms[formIndex];
        var ar = new List<string> { form.Ar };
        var latin = new List<string> { form.Latin };
        if (_random.NextDouble() < 0.85)
        {
            var (word, spellings) = NameData.NameWords[_nameWords.Next(_random)];
            ar.Add(word);
            latin.Add(spellings[_random.Next(spellings.Length)]);
        }

        var activityCount = _random.NextDouble() switch { < 0.30 => 0, < 0.85 => 1, _ => 2 };
        var activities = new List<(string Ar, string Latin)>();
        for (var i = 0; i < activityCount; i++)
        {
            var activity = NameData.Activities[_activities.Next(_random)];
            if (!activities.Contains(activity))
            {
                activities.Add(activity);
            }
        }

        var hasPlace = _random.NextDouble() < 0.75 || ar.Count == 1;
        var place = _placeNames[_places.Next(_random)];
        var placeFirst = _random.NextDouble() < 0.2;
        if (hasPlace && placeFirst)
        {
            ar.Add(place.Ar);
            latin.Add(place.Latin);
        }

        ar.AddRange(activities.Select(a => a.Ar));
        latin.AddRange(activities.Select(a => a.Latin));
        if (hasPlace && !placeFirst)
        {
            ar.Add(place.Ar);
            latin.Add(place.Latin);
        }

        if (_random.NextDouble() < 0.12)
        {
            var number = _random.Next(2, 30).ToString(CultureInfo.InvariantCulture);
            ar.Add(number);
            latin.Add(number);
        }

        return (string.Join(' ', ar), string.Join(' ', latin));
    }

    public OrganizationRow Next(int index)
    {
        var formIndex = Pick(_random, [.. NameData.Forms.Select(f => f.Weight)]);
        var form = NameData.Forms[formIndex].Form;
        var scripts = _random.NextDouble() switch { < 0.70 => 3, < 0.95 => 1, _ => 2 }; // 1 Arabic, 2 Latin, 3 both
        string? nameAr = null, nameLatin = null;
        string normalizedAr = "", normalizedLatin = "";
        for (var attempt = 0; ; attempt++)
        {
            var (ar, latin) = MakeName(formIndex);
            if (attempt >= 8)
            {
                // Still taken: a number makes it unique (as applicants do).
                var suffix = " " + (index % 997 + 30).ToString(CultureInfo.InvariantCulture) + " " + attempt.ToString(CultureInfo.InvariantCulture);
                ar += suffix;
                latin += suffix;
            }

            nameAr = (scripts & 1) != 0 ? ar : null;
            nameLatin = (scripts & 2) != 0 ? latin : null;
            normalizedAr = NameNormalizer.NormalizeArabic(nameAr);
            normalizedLatin = NameNormalizer.NormalizeLatin(nameLatin);
            if ((normalizedAr.Length == 0 || !_usedAr.Contains(normalizedAr)) && (normalizedLatin.Length == 0 || !_usedLatin.Contains(normalizedLatin)))
            {
                break;
            }
        }

        if (normalizedAr.Length > 0)
        {
            _usedAr.Add(normalizedAr);
        }

        if (normalizedLatin.Length > 0)
        {
            _usedLatin.Add(normalizedLatin);
        }

        var province = _provinces[_random.Next(_provinces.Count)];
        var applicable = _sectors.Where(s => s.AppliesTo.Contains(form == "MUTU" ? "MUTU" : form)).ToList();
        var sector = applicable.Count > 0 ? applicable[_random.Next(applicable.Count)] : _sectors[0];
        var registeredAt = new DateTimeOffset(2015, 1, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(_random.Next(0, 11 * 365 * 24 * 60 + 300 * 24 * 60));
        var year = registeredAt.Year;
        var key = form + "-" + province.RegionCode + "-" + year.ToString(CultureInfo.InvariantCulture);
        var sequence = _sequences.TryGetValue(key, out var s) ? s + 1 : 1;
        _sequences[key] = sequence;
        var number = string.Create(CultureInfo.InvariantCulture, $"{key}-{sequence:D6}");
        var members = _random.Next(7, 200);
        var seat = _random.NextDouble() < 0.5
            ? "دوار " + _placeNames[_places.Next(_random)].Ar + "، " + province.NameAr
            : "Douar " + _placeNames[_places.Next(_random)].Latin + ", " + province.NameFr;
        return new OrganizationRow(
            NewGuid(),
            number,
            form,
            nameAr,
            nameLatin,
            normalizedAr,
            normalizedLatin,
            sector.Code,
            seat,
            province.Code,
            province.RegionCode,
            DateOnly.FromDateTime(registeredAt.UtcDateTime.AddDays(-_random.Next(30, 400))),
            registeredAt,
            members,
            _random.Next(0, members + 1),
            form is "COOP" or "UNION" ? 100m : null,
            _random.NextDouble() < 0.4 ? _random.NextInt64(1_000_000_000_000_00, 9_999_999_999_999_99).ToString(CultureInfo.InvariantCulture)[..15] : null,
            _owners[_random.Next(_owners.Length)]);
    }
}
