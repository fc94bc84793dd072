using System.Text;
using Npgsql;
using Registry.Domain.Names;

namespace Registry.Benchmarks;

/// <summary>A public search as a user types it; <see cref="Target"/> is the organisation it was made from, if any.</summary>
internal sealed record SearchQuery(string Kind, string Text, string? Target);

/// <summary>A name being reserved (raw names; the check receives them normalised) and the organisation it imitates.</summary>
internal sealed record SimilarInput(string Kind, string? NameAr, string? NameLatin, string? Target)
{
    public string NormalizedAr { get; } = NameNormalizer.NormalizeArabic(NameAr);
    public string NormalizedLatin { get; } = NameNormalizer.NormalizeLatin(NameLatin);
}

internal sealed record SampleOrganization(string RegistrationNumber, string? NameAr, string? NameLatin);

/// <summary>Builds the query mixes from a repeatable sample of the loaded organisations.</summary>
internal static class Workload
{
    private static readonly HashSet<string> Generic = new(NameData.GenericWords, StringComparer.Ordinal);

    // Letters that people confuse when typing Arabic names.
    private static readonly (char, char)[] ArabicConfusions =
    [
        ('س', 'ص'), ('ت', 'ط'), ('د', 'ض'), ('ز', 'ذ'), ('ه', 'ح'), ('ق', 'ك'), ('ث', 'س'), ('ظ', 'ض'), ('غ', 'ع'), ('ي', 'ى'),
    ];

    private const string ArabicLetters = "ابتثجحخدرزسشصطعغفقكلمنهوي";

    public static async Task<List<SampleOrganization>> SampleAsync(NpgsqlDataSource dataSource, long organizations, int wanted)
    {
        var percent = Math.Min(100.0, wanted * 100.0 / Math.Max(1, organizations));
        var sample = new List<SampleOrganization>();
        await using var command = dataSource.CreateCommand(
            $"SELECT registration_number, name_ar, name_latin FROM registry.organizations TABLESAMPLE BERNOULLI ({percent.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}) REPEATABLE (42) ORDER BY registration_number");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sample.Add(new SampleOrganization(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return sample;
    }

    public static List<SearchQuery> SearchQueries(IReadOnlyList<SampleOrganization> sample, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<SearchQuery>(count);
        (string Kind, double Weight)[] kinds =
        [
            ("exact-ar", 12), ("exact-latin", 12), ("fragment", 14), ("fragment-common", 6), ("prefix", 8),
            ("misspelt-latin", 14), ("misspelt-ar", 12), ("ar-variant", 14), ("translit-latin", 8),
        ];
        var total = kinds.Sum(k => k.Weight);
        var attempts = 0;
        while (queries.Count < count && attempts++ < count * 50)
        {
            var x = random.NextDouble() * total;
            var kind = kinds.First(k => (x -= k.Weight) < 0 || k == kinds[^1]).Kind;
            var o = sample[random.Next(sample.Count)];
            var query = Make(kind, o, random);
            if (query is not null && NameNormalizer.Normalize(query.Text).Length > 0)
            {
                queries.Add(query);
            }
        }

        return queries;
    }

    private static SearchQuery? Make(string kind, SampleOrganization o, Random random)
    {
        switch (kind)
        {
            case "exact-ar":
                return o.NameAr is null ? null : new(kind, o.NameAr, o.RegistrationNumber);
            case "exact-latin":
                return o.NameLatin is null ? null : new(kind, o.NameLatin, o.RegistrationNumber);
            case "fragment":
            {
                // The distinctive words of the name (no legal form, no generic words): what people remember.
                var name = random.NextDouble() < 0.5 ? o.NameAr : o.NameLatin;
                var words = DistinctiveWords(name);
                if (words.Count == 0)
                {
                    return null;
                }

                var take = words.Count == 1 ? 1 : random.Next(1, words.Count + 1);
                var start = random.Next(0, words.Count - take + 1);
                return new(kind, string.Join(' ', words.Skip(start).Take(take)), o.RegistrationNumber);
            }

            case "fragment-common":
            {
                var pick = random.Next(4);
                var text = pick switch
                {
                    0 => NameData.NameWords[random.Next(5)].Ar,
                    1 => NameData.NameWords[random.Next(5)].Latin[0],
                    2 => NameData.Activities[random.Next(5)].Ar,
                    _ => NameData.Activities[random.Next(5)].Latin,
                };
                return new(kind, text, null);
            }

            case "prefix":
            {
                var name = random.NextDouble() < 0.5 ? o.NameAr : o.NameLatin;
                var longest = DistinctiveWords(name).OrderByDescending(w => w.Length).FirstOrDefault();
                if (longest is null || longest.Length < 5)
                {
                    return null;
                }

                return new(kind, longest[..Math.Max(3, (int)Math.Round(longest.Length * 0.6))], o.RegistrationNumber);
            }

            case "misspelt-latin":
                return o.NameLatin is null ? null : new(kind, Misspell(o.NameLatin, random, arabic: false), o.RegistrationNumber);
            case "misspelt-ar":
                return o.NameAr is null ? null : new(kind, Misspell(o.NameAr, random, arabic: true), o.RegistrationNumber);
            case "ar-variant":
                return o.NameAr is null ? null : new(kind, ArabicVariant(o.NameAr, random), o.RegistrationNumber);
            case "translit-latin":
            {
                if (o.NameLatin is null)
                {
                    return null;
                }

                // Another usual spelling of the name word (Annour → Ennour), the rest as registered.
                foreach (var (_, spellings) in NameData.NameWords)
                {
                    var used = spellings.FirstOrDefault(s => o.NameLatin.Contains(" " + s + " ", StringComparison.Ordinal) || o.NameLatin.EndsWith(" " + s, StringComparison.Ordinal));
                    if (used is not null && spellings.Length > 1)
                    {
                        var other = spellings.Where(s => s != used).ElementAt(random.Next(spellings.Length - 1));
                        return new(kind, o.NameLatin.Replace(used, other, StringComparison.Ordinal), o.RegistrationNumber);
                    }
                }

                return null;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The words of a name that are neither legal-form nor generic words, as written.</summary>
    public static List<string> DistinctiveWords(string? name)
    {
        if (name is null)
        {
            return [];
        }

        return [.. name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => NameNormalizer.Normalize(w) is { Length: > 0 } n && !Generic.Contains(n)
                && !NameNormalizer.LegalFormWords.Contains(n) && !n.All(char.IsAsciiDigit))];
    }

    /// <summary>One or two typing errors in the distinctive words (substitution, omission, doubling, swap).</summary>
    public static string Misspell(string name, Random random, bool arabic)
    {
        var words = name.Split(' ');
        var candidates = Enumerable.Range(0, words.Length)
            .Where(i => words[i].Length >= 4 && DistinctiveWords(words[i]).Count > 0).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 3)];
        }

        if (candidates.Count == 0)
        {
            return name;
        }

        var edits = candidates.Count > 1 && random.NextDouble() < 0.35 ? 2 : 1;
        foreach (var index in candidates.OrderBy(_ => random.Next()).Take(edits))
        {
            words[index] = Edit(words[index], random, arabic);
        }

        return string.Join(' ', words);
    }

    private static string Edit(string word, Random random, bool arabic)
    {
        var chars = new StringBuilder(word);
        var position = random.Next(1, word.Length - 1);
        switch (random.Next(4))
        {
            case 0:
                var c = chars[position];
                if (arabic)
                {
                    var pair = ArabicConfusions.FirstOrDefault(p => p.Item1 == c || p.Item2 == c);
                    chars[position] = pair == default ? ArabicLetters[random.Next(ArabicLetters.Length)] : (pair.Item1 == c ? pair.Item2 : pair.Item1);
                }
                else
                {
                    chars[position] = c switch
                    {
                        'o' => 'u', 'u' => 'o', 'e' => 'i', 'i' => 'e', 'k' => 'q', 'c' => 'k', 'a' => 'e', 's' => 'z',
                        _ => "aeioulnrst"[random.Next(10)],
                    };
                }

                break;
            case 1:
                chars.Remove(position, 1);
                break;
            case 2:
                chars.Insert(position, chars[position]);
                break;
            default:
                (chars[position], chars[position - 1]) = (chars[position - 1], chars[position]);
                break;
        }

        return chars.ToString();
    }

    /// <summary>Spelling variants the normaliser is meant to absorb, or a dropped article.</summary>
    private static string ArabicVariant(string name, Random random) => random.Next(5) switch
    {
        0 => name.Replace('أ', 'ا').Replace('إ', 'ا').Replace('آ', 'ا'),
        1 => name.Replace('ة', 'ه').Replace('ى', 'ي'),
        2 => string.Concat(name.Select((c, i) => c is >= 'ا' and <= 'ي' && i % 3 == 0 ? c + "َ" : c.ToString())),
        3 => name.Replace(" و", " و ", StringComparison.Ordinal).Replace("ل", "ـل", StringComparison.Ordinal),
        _ => string.Join(' ', name.Split(' ').Select(w => w.StartsWith("ال", StringComparison.Ordinal) && w.Length > 4 && random.NextDouble() < 0.7 ? w[2..] : w)),
    };

    public static List<SimilarInput> SimilarInputs(IReadOnlyList<SampleOrganization> sample, Generator generator, int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new List<SimilarInput>(count);
        while (inputs.Count < count)
        {
            var o = sample[random.Next(sample.Count)];
            var x = random.NextDouble();
            if (x < 0.40)
            {
                // A brand-new name: the common case.
                var (ar, latin) = generator.MakeName(random.Next(2));
                inputs.Add(new SimilarInput("new-name", random.NextDouble() < 0.75 ? ar : null, latin, null));
            }
            else if (x < 0.65)
            {
                // Same name word and activity, another place.
                var place = generator.Places[random.Next(generator.Places.Count)];
                inputs.Add(new SimilarInput("other-place", ReplacePlace(o.NameAr, place.Ar), ReplacePlace(o.NameLatin, place.Latin), null));
            }
            else if (x < 0.90)
            {
                // A typo of a registered name: the check exists for this one.
                inputs.Add(new SimilarInput("near-duplicate", o.NameAr is null ? null : Misspell(o.NameAr, random, true),
                    o.NameLatin is null ? null : Misspell(o.NameLatin, random, false), o.RegistrationNumber));
            }
            else
            {
                inputs.Add(new SimilarInput("added-number", o.NameAr is null ? null : o.NameAr + " 31", o.NameLatin is null ? null : o.NameLatin + " 31", o.RegistrationNumber));
            }
        }

        return inputs;
    }

    private static string? ReplacePlace(string? name, string place)
    {
        if (name is null)
        {
            return null;
        }

        var words = name.Split(' ').ToList();
        var last = words.FindLastIndex(w => DistinctiveWords(w).Count > 0 && !w.All(char.IsAsciiDigit));
        if (last <= 1)
        {
            return name + " " + place;
        }

        words[last] = place;
        return string.Join(' ', words);
    }
}
