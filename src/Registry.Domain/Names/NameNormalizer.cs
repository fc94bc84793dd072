using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Registry.Domain.Reference;

namespace Registry.Domain.Names;

/// <summary>
/// Turns an organisation name (Arabic or Latin script) into the comparison key used to detect names that are
/// the same or nearly the same: two names that differ only in spelling conventions (diacritics, hamza seats,
/// taa marbuta, case, accents, punctuation, spacing, digits) or in the legal-form word ("Coopérative",
/// "جمعية"…) must give the same key, because the legal form is recorded separately and must not make unrelated
/// names look alike or identical names look different.
/// </summary>
/// <remarks>
/// <para>
/// The key is deterministic and culture-invariant: it only uses Unicode data (NFKD, general categories, invariant
/// simple lower-casing) and the fixed tables below, never the current culture, so that the same name always gives
/// the same key on every server and the key can be stored, indexed and mirrored in SQL.
/// </para>
/// <para>
/// One pipeline serves both scripts: each character rule only touches the code points of its own script and the
/// two word lists have no word in common, so <see cref="NormalizeArabic"/> and <see cref="NormalizeLatin"/> give
/// the same result for any input. That is deliberate: an Arabic name with a Latin word in it (or the reverse) gets
/// the Arabic rules on its Arabic letters and the Latin rules on its Latin letters whichever entry point the caller
/// picked, and <see cref="Normalize"/> stays idempotent even when dropping a legal-form word changes which script
/// is in the majority.
/// </para>
/// <para>Steps, in order (what a SQL mirror has to reproduce):</para>
/// <list type="number">
/// <item>null, empty or white space → "".</item>
/// <item>Unicode NFKD: splits accented Latin letters into letter + mark, Arabic hamza/madda letters into their seat
/// + mark (أ → ا + U+0654, ؤ → و + U+0654, ئ → ي + U+0654, إ → ا + U+0655, آ → ا + U+0653), Arabic presentation
/// forms and ligatures (ﻻ, ﺔ…) into base letters, full-width and other compatibility forms into plain ones.
/// This needs ICU: in globalization-invariant mode the normaliser throws rather than return wrong keys.</item>
/// <item>Removed without leaving a space: every combining mark (categories Mn, Mc, Me: Latin accents, Arabic
/// tashkeel U+064B–U+065F, superscript alef U+0670), the Quranic annotation signs U+06D6–U+06ED, tatweel U+0640,
/// standalone hamza U+0621 and high hamza U+0674, and the invisible characters: every format character (category
/// Cf: ZWJ, ZWNJ, zero-width space, LRM, RLM, ALM, bidi embeddings and isolates, word joiner, soft hyphen, BOM) and
/// the code points Unicode reserves as default-ignorable (U+2065, U+FFF0–U+FFF8, plane 14).</item>
/// <item>Invariant lower case.</item>
/// <item>Letter unification: آ أ إ ٱ ٲ ٳ ٵ → ا; ؤ → و; ئ ى ی → ي; ة ۀ ە → ه; ک ڪ ڭ گ → ك; ڤ → ف; œ → oe, æ → ae, ß → ss, ø → o,
/// đ ð → d, ł → l, ı → i, ħ → h, ŧ → t, þ → th.</item>
/// <item>Every decimal digit (Arabic-Indic ٠-٩, Eastern ۰-۹ and any other Unicode Nd digit) → ASCII 0-9.</item>
/// <item>Every other character that is not a letter (punctuation such as ، ؛ ؟ ۔ ' ’ - . « », symbols, controls,
/// and every space: no-break U+00A0, narrow no-break U+202F, thin, figure, ideographic…), the spacing modifier
/// letters U+02B0–U+02FF (ʼ ʿ ʾ, used as apostrophes in transliterations) and the Hangul fillers U+115F, U+1160,
/// U+3164, U+FFA0 (letters drawn as a blank) → a space.</item>
/// <item>Split on spaces; a lone Arabic conjunction "و" is glued to the next word ("الامل و التنميه" →
/// "الامل والتنميه"), because typing it detached is a frequent spelling variant.</item>
/// <item>Drop the words of <see cref="LegalFormWords"/> (whole words, compared after the steps above, so every
/// spelling of a listed word is matched); if that would leave nothing, keep them all instead, so that a name is
/// never empty because of the list ("Coopérative" → "cooperative").</item>
/// <item>Join the words with one space (which also trims).</item>
/// </list>
/// <para>
/// Words are what a reader sees: a visible gap (any space, whatever its width or whether it breaks), punctuation or a
/// symbol separates two words, and an invisible character never does, nor is it part of a word, so that a name never
/// gains or loses a word, or a letter, by one. ZWJ and ZWNJ are joining hints inside a word ("ال\u200Dأمل" is
/// "الامل"; Unicode's word boundaries, UAX #29, never break at them); next to a space they vanish and the space
/// separates. Between two words with no space, a ZWJ or ZWNJ leaves them one word, as the same words typed with
/// nothing between them would be ("الأمل\u200Dالجديد" → "الاملالجديد": a ZWJ draws the letters joined), and a
/// missing space is the similar-name check's business (its compact key has no spaces), not the key's.
/// </para>
/// <para>
/// The Arabic definite article stays attached ("الأمل" → "الامل"): removing it would merge names that people
/// tell apart and would make the key harder to mirror. Particles of Arabic origin in Latin names ("al", "el",
/// "ait", "ben", "ould"…) are words of the name and are kept. An elided French article written without an
/// apostrophe ("letoile") is a different word from "l'étoile" → "etoile": near misses like that are left to the
/// similarity search on the key.
/// </para>
/// </remarks>
public static class NameNormalizer
{
    /// <summary>
    /// The registry's legal forms and the words that designate each, Latin (normalised spelling) and Arabic stems, bare
    /// and in the singular and the plural. (This, <see cref="LatinGlueWords"/> and <see cref="ArabicClitics"/> come first:
    /// static fields are initialised in order, and the lists below are built from them.)
    /// </summary>
    private static readonly (LegalForm Form, string[] Latin, string[] ArabicStems)[] FormWords =
    [
        (LegalForm.COOP, ["cooperative", "cooperatives", "coop"], ["تعاونيه", "تعاونيات"]),
        (LegalForm.ASSO, ["association", "associations", "asso", "assoc"], ["جمعيه", "جمعيات"]),
        (LegalForm.MUTU, ["mutuelle", "mutuelles", "mutualite", "mutualiste", "mutualistes"], ["تعاضديه", "تعاضديات"]),
        (LegalForm.UNION, ["union", "unions"], ["اتحاد", "اتحادات"]),
    ];

    /// <summary>The French function words among <see cref="LatinLegalFormWords"/>: they glue a name, they are not a form.</summary>
    private static readonly string[] LatinGlueWords = ["de", "du", "des", "d", "la", "le", "les", "l", "au", "aux", "et", "pour"];

    /// <summary>What attaches to an Arabic word in names: nothing, the article ال, the conjunction و, the preposition ل and their combinations.</summary>
    private static readonly string[] ArabicClitics = ["", "ال", "و", "وال", "ل", "لل", "ول", "ولل"];

    /// <summary>Latin legal-form words and French function words (normalised spelling).</summary>
    /// <remarks>
    /// The legal forms (and their usual abbreviations) say what kind of body the name belongs to, not which one;
    /// the articles, "et" and "pour" only glue the name together ("Association des Parents d'Élèves" vs
    /// "Association Parents Élèves"). Keeping either would make two unrelated names share most of their key.
    /// "Société" is dropped too, though it is none of the registry's forms.
    /// </remarks>
    public static IReadOnlyList<string> LatinLegalFormWords { get; } =
        [.. FormWords.SelectMany(f => f.Latin), "societe", "societes", "ste", .. LatinGlueWords];

    /// <summary>Arabic legal-form words (normalised spelling: ة → ه, أ/إ → ا), each with its clitic forms.</summary>
    /// <remarks>
    /// The stems are the legal forms of the registry in the singular and the plural (تعاونية, جمعية, تعاضدية,
    /// اتحاد) plus شركة, the counterpart of "société". Each stem is listed bare and with the clitics that
    /// attach to it in names (<see cref="ArabicClitics"/>), as in "اتحاد التعاونيات والجمعيات", because in Arabic those
    /// are part of the word and the bare list alone would not match them.
    /// </remarks>
    public static IReadOnlyList<string> ArabicLegalFormWords { get; } =
        BuildArabicWords([.. FormWords.SelectMany(f => f.ArabicStems), "شركه"], ArabicClitics);

    /// <summary>Every word dropped from a name: <see cref="LatinLegalFormWords"/> then <see cref="ArabicLegalFormWords"/>.</summary>
    public static IReadOnlyList<string> LegalFormWords { get; } = [.. LatinLegalFormWords, .. ArabicLegalFormWords];

    private static readonly FrozenSet<string> DroppedWords = LegalFormWords.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The legal form each legal-form word designates (Latin, and Arabic with its clitics); "société" and شركة none.</summary>
    private static readonly FrozenDictionary<string, LegalForm> FormOfWord = FormWords
        .SelectMany(f => f.Latin.Concat(BuildArabicWords(f.ArabicStems, ArabicClitics)).Select(word => (Word: word, f.Form)))
        .ToFrozenDictionary(w => w.Word, w => w.Form, StringComparer.Ordinal);

    private const string ArabicWaw = "و";

    /// <summary>
    /// Whether the runtime can decompose Unicode (it cannot in globalization-invariant mode, where
    /// <see cref="string.Normalize(NormalizationForm)"/> silently returns its input): without it accents would stay
    /// and stored keys would silently disagree with the ones computed elsewhere, so normalising fails instead.
    /// </summary>
    private static readonly bool CanDecompose = "\u00E9".Normalize(NormalizationForm.FormKD) == "e\u0301";

    /// <summary>Normalises a name written in Arabic script (Latin letters in it are lower-cased and kept).</summary>
    /// <remarks>Same pipeline as <see cref="NormalizeLatin"/>; see the class remarks for why.</remarks>
    public static string NormalizeArabic(string? name) => NormalizeCore(name);

    /// <summary>Normalises a name written in Latin script (Arabic letters in it get the Arabic rules).</summary>
    /// <remarks>Same pipeline as <see cref="NormalizeArabic"/>; see the class remarks for why.</remarks>
    public static string NormalizeLatin(string? name) => NormalizeCore(name);

    /// <summary>Normalises a name of either script, choosing by <see cref="IsArabic"/>.</summary>
    public static string Normalize(string? name) => IsArabic(name) ? NormalizeArabic(name) : NormalizeLatin(name);

    /// <summary>
    /// Whether most letters of <paramref name="text"/> are Arabic-script letters (strictly more than the letters
    /// of every other script together); false for null, empty or letter-less text.
    /// </summary>
    public static bool IsArabic(string? text) => CountLetters(text) is var (arabic, other) && arabic > other;

    /// <summary>
    /// Whether a name is nothing but legal-form and glue words ("Coopérative", "التعاونية", "Union des coopératives",
    /// "جمعية تعاونية", "Association des associations"): every one of its words is one that <see cref="Normalize"/> drops
    /// (<see cref="LegalFormWords"/>, with the Arabic article and clitics), so its key would be the fallback of those
    /// words themselves. It names no organisation in particular, so it cannot be reserved or registered. False for
    /// blank names and for any name with a word of its own ("Coopérative 2025", "جمعية الأمل").
    /// </summary>
    public static bool IsOnlyLegalFormWords(string? name) => Words(name) is { Count: > 0 } words && words.TrueForAll(DroppedWords.Contains);

    /// <summary>
    /// The legal form a text made only of legal-form and glue words designates ("coopérative", "الجمعيات", "Union des
    /// coopératives" — a union of cooperatives is a UNION), as a search for the form itself; null when it names an
    /// organisation of its own, no form, or two forms other than a union of one of them ("Association coopérative").
    /// </summary>
    public static LegalForm? FormNamedBy(string? text)
    {
        if (!IsOnlyLegalFormWords(text))
        {
            return null;
        }

        var forms = Words(text).Where(FormOfWord.ContainsKey).Select(w => FormOfWord[w]).ToHashSet();
        return forms.Contains(LegalForm.UNION) ? LegalForm.UNION : forms.Count == 1 ? forms.Single() : null;
    }

    /// <summary>
    /// How many letters of <paramref name="text"/> are Arabic-script letters and how many are of other scripts (a
    /// name's field can be told from the other's: an Arabic name in the Latin field would escape the comparison with
    /// Arabic names).
    /// </summary>
    public static (int Arabic, int Other) CountLetters(string? text)
    {
        int arabic = 0, other = 0;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            if (IsArabicScript(rune.Value))
            {
                arabic++;
            }
            else
            {
                other++;
            }
        }

        return (arabic, other);
    }

    private static string NormalizeCore(string? name)
    {
        var glued = Words(name);
        var kept = glued.Where(word => !DroppedWords.Contains(word)).ToList();
        return string.Join(' ', kept.Count > 0 ? kept : glued);
    }

    /// <summary>The words of a name after every step but the dropping of legal-form words.</summary>
    private static List<string> Words(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        if (!CanDecompose)
        {
            throw new InvalidOperationException(
                "Name normalisation needs Unicode normalisation (ICU); it is unavailable in globalization-invariant mode.");
        }

        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            AppendNormalized(builder, rune);
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return GlueLoneWaw(words);
    }

    private static void AppendNormalized(StringBuilder builder, Rune rune)
    {
        var value = rune.Value;
        if (IsRemoved(value, Rune.GetUnicodeCategory(rune)))
        {
            return;
        }

        if (IsBlankFiller(value))
        {
            builder.Append(' ');
            return;
        }

        var lower = Rune.ToLowerInvariant(rune);
        if (MapLetter(lower.Value) is { } mapped)
        {
            builder.Append(mapped);
            return;
        }

        var category = Rune.GetUnicodeCategory(lower);
        if (category == UnicodeCategory.DecimalDigitNumber)
        {
            builder.Append((char)('0' + (int)Rune.GetNumericValue(lower)));
        }
        else if (Rune.IsLetter(lower) && lower.Value is not (>= 0x02B0 and <= 0x02FF))
        {
            builder.Append(lower.ToString());
        }
        else
        {
            builder.Append(' ');
        }
    }

    /// <summary>
    /// Characters that vanish without splitting the word they are in (marks, invisible characters): a reader sees no
    /// letter and no gap there, so they neither make a word nor separate two.
    /// </summary>
    /// <remarks>
    /// The invisible ones are Unicode's default-ignorable code points (drawn as nothing by a renderer that does not
    /// support them) but the Hangul fillers (<see cref="IsBlankFiller"/>): the format characters (Cf: ZWJ, ZWNJ, ZWSP,
    /// LRM, RLM, ALM, bidi embeddings and isolates, word joiner, BOM, soft hyphen, tags), the variation selectors and
    /// the combining grapheme joiner (marks, Mn), and the code points reserved as default-ignorable (U+2065,
    /// U+FFF0–U+FFF8, plane 14), which a newer Unicode may assign and which were read as spaces.
    /// </remarks>
    private static bool IsRemoved(int value, UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
        || value == 0x2065 || value is >= 0xFFF0 and <= 0xFFF8 || value is >= 0xE0000 and <= 0xE0FFF // reserved default-ignorable
        || value is >= 0x064B and <= 0x065F // tashkeel
        || value == 0x0670 // superscript alef
        || value is >= 0x06D6 and <= 0x06ED // Quranic annotation signs
        || value == 0x0640 // tatweel
        || value == 0x0621 // standalone hamza
        || value == 0x0674; // high hamza (left by NFKD of ٵ ٶ ٷ ٸ)

    /// <summary>
    /// The Hangul fillers (U+115F, U+1160, U+3164, U+FFA0; NFKD turns the last two into U+1160): letters to Unicode,
    /// but drawn as a blank the width of a letter (as Windows and HarfBuzz do), so a reader sees a space, not a letter.
    /// Kept as letters, "Al Amal" with one added at its end was another name than "Al Amal".
    /// </summary>
    private static bool IsBlankFiller(int value) => value is 0x115F or 0x1160 or 0x3164 or 0xFFA0;

    private static string? MapLetter(int value) => value switch
    {
        // آ أ إ ؤ ئ ۀ are already split by NFKD; listed so the table alone says what happens to them.
        0x0622 or 0x0623 or 0x0625 or 0x0671 or 0x0672 or 0x0673 or 0x0675 => "ا", // آ أ إ ٱ ٲ ٳ ٵ
        0x0624 => "و", // ؤ
        0x0626 or 0x0649 or 0x06CC => "ي", // ئ ى ی
        0x0629 or 0x06C0 or 0x06D5 => "ه", // ة ۀ ە
        0x06A9 or 0x06AA or 0x06AD or 0x06AF => "ك", // ک ڪ ڭ گ
        0x06A4 => "ف", // ڤ
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ł' => "l",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        'þ' => "th",
        _ => null,
    };

    private static bool IsArabicScript(int value) =>
        value is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x0870 and <= 0x08FF)
            or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    private static List<string> GlueLoneWaw(string[] words)
    {
        var glued = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == ArabicWaw && i + 1 < words.Length)
            {
                glued.Add(ArabicWaw + words[++i]);
            }
            else
            {
                glued.Add(words[i]);
            }
        }

        return glued;
    }

    private static string[] BuildArabicWords(string[] stems, string[] prefixes) =>
        [.. prefixes.SelectMany(prefix => stems.Select(stem => prefix + stem))];
}
