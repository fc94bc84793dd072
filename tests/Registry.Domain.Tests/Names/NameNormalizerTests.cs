using System.Globalization;
using Registry.Domain.Names;

namespace Registry.Domain.Tests.Names;

public sealed class NameNormalizerTests
{
    // ---- Arabic: spelling variants collide ----

    [Theory]
    [InlineData("تعاونية الأمل", "تعاونيه الامل")]
    [InlineData("تعاونية الأمل", "تَعاوُنِيَّة الأَمَل")]
    [InlineData("تعاونية الأمل", "تعاونيــــة الامل")]
    [InlineData("تعاونية الأمل", "جمعية الأمل")]
    [InlineData("تعاونية الأمل", "جمعيه الامل")]
    [InlineData("تعاونية الأمل", "تعاضدية الأمل")]
    [InlineData("تعاونية الأمل", "اتحاد الأمل")]
    [InlineData("تعاونية الأمل", "التعاونية الأمل")]
    [InlineData("تعاونية الأمل", "  تعاونية   الأمل.  ")]
    [InlineData("تعاونية الأمل", "تعاونية «الأمل»")]
    [InlineData("تعاونية الأمل", "تعاونية - الأمل -")]
    [InlineData("تعاونية الأمل", "ٱلأمل")]
    [InlineData("تعاونية الأمل", "الإمل")]
    [InlineData("تعاونية الأمل", "الآمل")]
    [InlineData("تعاونية الأمل", "\u200Fتعاونية\u200C الأمل\u200F")]
    [InlineData("تعاونية الأمل", "تعاونية الأمل\u06DA")]
    [InlineData("تعاونية الأمل", "تعاونية الأمل\u0670")]
    [InlineData("تعاونية الأمل", "\uFE8D\uFEF7\uFEE3\uFEDE")] // presentation forms of الأمل
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("إحسان", "احسان")]
    [InlineData("أحمد", "احمد")]
    [InlineData("آمنة", "امنه")]
    [InlineData("مؤسسة", "موسسه")]
    [InlineData("جزائر", "جزاير")]
    [InlineData("سماء", "سما")]
    [InlineData("علی", "علي")]
    [InlineData("کتاب", "كتاب")]
    [InlineData("ڭلميم", "كلميم")]
    [InlineData("أگادير", "اكادير")]
    [InlineData("ڤيلا", "فيلا")]
    [InlineData("٢٠٢٦", "2026")]
    [InlineData("۲۰۲۶", "2026")]
    [InlineData("جمعية الأمل، للتنمية؛ والثقافة؟", "الامل للتنميه والثقافه")]
    [InlineData("جمعية الأمل و التنمية", "جمعية الأمل والتنمية")]
    [InlineData("اتحاد التعاونيات والجمعيات الفلاحية", "الفلاحيه")]
    [InlineData("تعاونية النسيج للجمعيات", "النسيج")]
    public void Arabic_spelling_variants_collide(string first, string second)
    {
        Assert.Equal(NameNormalizer.NormalizeArabic(first), NameNormalizer.NormalizeArabic(second));
        Assert.Equal(NameNormalizer.Normalize(first), NameNormalizer.Normalize(second));
    }

    [Theory]
    [InlineData("تعاونية الأمل", "الامل")]
    [InlineData("تَعاوُنِيَّة الأَمَل", "الامل")]
    [InlineData("جمعية النور", "النور")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("إحسان", "احسان")]
    [InlineData("مؤسسة", "موسسه")]
    [InlineData("ئ", "ي")]
    [InlineData("٢٠٢٦", "2026")]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("جمعية الأمل، للتنمية؛ والثقافة؟", "الامل للتنميه والثقافه")]
    [InlineData("جمعية الأمل و التنمية", "الامل والتنميه")]
    [InlineData("«جمعية» الأمل - فرع ٣", "الامل فرع 3")]
    [InlineData("اتحاد التعاونيات والجمعيات الفلاحية", "الفلاحيه")]
    [InlineData("تعاونية Argan الأمل", "argan الامل")]
    [InlineData("جمعية AL-Amal Élite", "al amal elite")]
    [InlineData("\uFE8D\uFEDF\uFEE8\uFEEE\uFEAD", "النور")] // presentation forms
    [InlineData("تعاونية \uFEFB", "لا")] // lam-alef ligature
    [InlineData("الأمل و", "الامل و")] // nothing to glue the trailing و to
    public void NormalizeArabic_produces_the_documented_key(string name, string expected)
    {
        Assert.Equal(expected, NameNormalizer.NormalizeArabic(name));
    }

    // ---- Latin: spelling variants collide ----

    [Theory]
    [InlineData("Coopérative Al-Amal", "cooperative al amal")]
    [InlineData("Coopérative Al-Amal", "COOPERATIVE AL AMAL.")]
    [InlineData("Coopérative Al-Amal", "Coopérative  Al Amal")]
    [InlineData("Coopérative Al-Amal", "  coopérative\tal\u00A0amal  ")]
    [InlineData("Coopérative Al-Amal", "Coopérative « Al Amal »")]
    [InlineData("Coopérative Al-Amal", "Coop. Al Amal")]
    [InlineData("Coopérative Al-Amal", "Association Al Amal")]
    [InlineData("Coopérative Al-Amal", "Union des Coopératives Al Amal")]
    [InlineData("Coopérative Al-Amal", "Al Amal")]
    [InlineData("Coopérative Al-Amal", "ＣＯＯＰＥＲＡＴＩＶＥ ＡＬ ＡＭＡＬ")] // full-width
    [InlineData("Association Ennour", "association ennour")]
    [InlineData("Association Ennour", "ASSOCIATION ENNOUR !")]
    [InlineData("Mutuelle Générale", "mutuelle generale")]
    [InlineData("Mutuelle Générale", "MUTUELLE GÉNÉRALE")]
    [InlineData("Mutuelle Générale", "Mutualité générale")]
    [InlineData("Mutuelle des Enseignants", "Société mutualiste des enseignants")]
    [InlineData("Mutuelle des Enseignants", "Sociétés mutualistes des enseignants")]
    [InlineData("Association Al Amal", "Assoc. Al Amal")]
    [InlineData("L'Étoile du Sud", "L’Étoile du Sud")]
    [InlineData("L'Étoile du Sud", "l etoile du sud")]
    [InlineData("L'Étoile du Sud", "Étoile du Sud")]
    [InlineData("L'Étoile du Sud", "Etoile-Sud")]
    [InlineData("Association des Parents d'Élèves", "association parents eleves")]
    [InlineData("Coopérative Aït Ben Haddou", "cooperative ait ben haddou")]
    [InlineData("Œuvre Sociale", "oeuvre sociale")]
    [InlineData("Straße", "strasse")]
    [InlineData("Coopérative Sa\u02BCid", "cooperative sa'id")]
    [InlineData("Coopérative ２０２６", "cooperative 2026")]
    [InlineData("Coopérative ٢٠٢٦", "cooperative 2026")]
    public void Latin_spelling_variants_collide(string first, string second)
    {
        Assert.Equal(NameNormalizer.NormalizeLatin(first), NameNormalizer.NormalizeLatin(second));
        Assert.Equal(NameNormalizer.Normalize(first), NameNormalizer.Normalize(second));
    }

    [Theory]
    [InlineData("Coopérative Al-Amal", "al amal")]
    [InlineData("COOPERATIVE AL AMAL.", "al amal")]
    [InlineData("Association Ennour", "ennour")]
    [InlineData("Mutuelle Générale", "generale")]
    [InlineData("L'Étoile du Sud", "etoile sud")]
    [InlineData("letoile du sud", "letoile sud")]
    [InlineData("Union des Coopératives Agricoles de Souss", "agricoles souss")]
    [InlineData("Association pour le Développement et la Culture", "developpement culture")]
    [InlineData("Coopérative Aït Ben Haddou", "ait ben haddou")]
    [InlineData("Association El Fath Oulad Teima", "el fath oulad teima")]
    [InlineData("Société Coopérative Argane & Co", "argane co")]
    [InlineData("Œuvres Æsthétiques Straße Øst Đak Łódź Þór", "oeuvres aesthetiques strasse ost dak lodz thor")]
    [InlineData("İLİ", "ili")]
    [InlineData("Coopérative Al Amal جمعية الأمل", "al amal الامل")]
    public void NormalizeLatin_produces_the_documented_key(string name, string expected)
    {
        Assert.Equal(expected, NameNormalizer.NormalizeLatin(name));
    }

    // ---- Invisible characters and spaces: a name never gains or loses a word by an invisible character ----

    /// <summary>Characters a reader cannot see: format characters (Cf), default-ignorable marks and reserved code points.</summary>
    public static TheoryData<string> InvisibleCharacters { get; } =
    [
        "\u200D", // zero-width joiner
        "\u200C", // zero-width non-joiner
        "\u200B", // zero-width space
        "\u200E", "\u200F", "\u061C", // LRM, RLM, ALM
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", // bidi embeddings and overrides
        "\u2066", "\u2067", "\u2068", "\u2069", // bidi isolates
        "\uFEFF", // BOM, zero-width no-break space
        "\u00AD", // soft hyphen
        "\u2060", // word joiner
        "\u180E", // Mongolian vowel separator
        "\u034F", // combining grapheme joiner
        "\uFE0F", // variation selector 16
        "\U000E0041", // tag letter A
        "\u2065", "\uFFF0", "\U000E0080", // reserved default-ignorable code points (were read as spaces)
    ];

    /// <summary>Characters a reader sees as a gap: every Unicode space, line breaks, and the Hangul fillers drawn as a blank.</summary>
    public static TheoryData<string> Spaces { get; } =
    [
        " ", "\t", "\u00A0", "\u202F", "\u2007", "\u2009", "\u200A", "\u2002", "\u2003", "\u205F", "\u3000", "\u1680",
        "\u2028", "\u2029", "\u0085",
        "\u3164", "\uFFA0", "\u115F", "\u1160", // Hangul fillers (letters to Unicode; were kept in the key as letters)
    ];

    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public void An_invisible_character_inside_a_word_vanishes_and_the_word_stays_one(string invisible)
    {
        Assert.Equal("الامل", NameNormalizer.Normalize("الأ" + invisible + "مل"));
        Assert.Equal("الامل الجديد", NameNormalizer.Normalize("جمعية ال" + invisible + "أمل الجديد"));
        Assert.Equal("الامل الجديد", NameNormalizer.Normalize(invisible + "جمعية الأمل الجديد" + invisible));
        Assert.Equal("al amal", NameNormalizer.Normalize("Coopérative Al Am" + invisible + "al"));
        Assert.Equal("al amal", NameNormalizer.Normalize(invisible + "Coopérative Al Amal" + invisible));
    }

    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public void An_invisible_character_beside_a_space_leaves_the_two_words_apart(string invisible)
    {
        Assert.Equal("الامل الجديد", NameNormalizer.Normalize("جمعية الأمل" + invisible + " الجديد"));
        Assert.Equal("الامل الجديد", NameNormalizer.Normalize("جمعية الأمل " + invisible + "الجديد"));
        Assert.Equal("الامل والتنميه", NameNormalizer.Normalize("جمعية الأمل و" + invisible + " التنمية")); // the lone و is still glued
        Assert.Equal("al amal", NameNormalizer.Normalize("Coopérative Al" + invisible + " Amal"));
        Assert.Equal("al amal", NameNormalizer.Normalize("Coopérative Al " + invisible + "Amal"));
    }

    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public void An_invisible_character_between_two_words_without_a_space_does_not_split_them(string invisible)
    {
        // No gap is seen there (a ZWJ even draws the letters joined): the words are as if typed with nothing between
        // them, and a missing space is the similar-name check's compact key's business.
        Assert.Equal(NameNormalizer.Normalize("جمعية الأملالجديد"), NameNormalizer.Normalize("جمعية الأمل" + invisible + "الجديد"));
        Assert.Equal(NameNormalizer.Normalize("Coopérative AlAmal"), NameNormalizer.Normalize("Coopérative Al" + invisible + "Amal"));
    }

    [Theory]
    [MemberData(nameof(Spaces))]
    public void Every_space_separates_words_like_a_space(string space)
    {
        Assert.Equal("الامل الجديد", NameNormalizer.Normalize("جمعية" + space + "الأمل" + space + "الجديد" + space));
        Assert.Equal("الامل", NameNormalizer.Normalize("الأمل" + space));
        Assert.Equal("al amal", NameNormalizer.Normalize("Coopérative" + space + "Al" + space + "Amal" + space));
        Assert.Equal("al amal", NameNormalizer.Normalize(space + "Al Amal"));
    }

    [Theory]
    [InlineData("تعاونية الأمل", "تعاونية\u00A0الأمل\u200F")]
    [InlineData("تعاونية الأمل", "تعاونية\u202F\u200Dالأمل")]
    [InlineData("تعاونية الأمل", "\uFEFFتعاونية الأ\u200Cمل\u00AD")]
    [InlineData("تعاونية الأمل", "تعاونية الأمل\u3164")] // a Hangul filler looks like a trailing blank
    [InlineData("Coopérative Al-Amal", "Coopérative\u00A0Al\u200B-Amal")]
    [InlineData("Coopérative Al-Amal", "Coop\u00ADérative Al\u2009Amal\u2060")]
    [InlineData("Coopérative Al-Amal", "Coopérative Al Amal\uFFA0")]
    public void Names_that_differ_only_by_invisible_characters_or_the_kind_of_space_collide(string first, string second)
    {
        Assert.Equal(NameNormalizer.Normalize(first), NameNormalizer.Normalize(second));
    }

    // ---- Different names stay different ----

    [Theory]
    [InlineData("تعاونية الأمل", "تعاونية النور")]
    [InlineData("جمعية الأمل", "جمعية الآمال")]
    [InlineData("جمعية الأمل", "جمعية أمل")] // the article is kept
    [InlineData("تعاونية الأمل ١", "تعاونية الأمل ٢")]
    [InlineData("Coopérative Al Amal", "Coopérative Al Amane")]
    [InlineData("Coopérative Al Amal", "Coopérative Amal")] // "al" is a word of the name
    [InlineData("Association Ennour", "Association En Nour")]
    [InlineData("Association 2025", "Association 2026")]
    [InlineData("L'Étoile du Sud", "letoile du sud")] // elision without apostrophe: left to the similarity search
    [InlineData("Coopérative", "Association")] // both fall back to the legal-form word itself
    public void Different_names_do_not_collide(string first, string second)
    {
        Assert.NotEqual(NameNormalizer.Normalize(first), NameNormalizer.Normalize(second));
    }

    // ---- A name that is only a legal form's designation names no organisation ----

    [Theory]
    [InlineData("Coopérative", true)]
    [InlineData("UNION DES COOPÉRATIVES", true)]
    [InlineData("Association de la", true)]
    [InlineData("تعاونية", true)]
    [InlineData("جمعيّة", true)]
    [InlineData("اتحاد التعاونيات", true)]
    // Every word is one the normaliser drops, with the Arabic article or clitics: the key would be those words themselves.
    [InlineData("التعاونية", true)]
    [InlineData("الجمعية", true)]
    [InlineData("الاتحاد", true)]
    [InlineData("التعاضدية", true)]
    [InlineData("للتعاونيات", true)]
    [InlineData("جمعية تعاونية", true)]
    [InlineData("جمعية الاتحاد", true)]
    [InlineData("تعاونية و جمعية", true)] // the lone و is glued: والجمعية is a clitic form too
    [InlineData("Association des associations", true)]
    [InlineData("Coopérative Coopérative", true)]
    [InlineData("Cooperative Association", true)]
    [InlineData("Association L'Union", true)]
    [InlineData("La Coopérative", true)]
    [InlineData("Société Mutuelle", true)]
    [InlineData("Association L'Union 2025", false)] // a word of its own
    [InlineData("جمعية الاتحاد الرياضي", false)]
    [InlineData("Coopérative Al Amal", false)]
    [InlineData("تعاونية الأمل", false)]
    [InlineData("Coopérative 2025", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsOnlyLegalFormWords_tells_a_name_made_only_of_the_legal_form(string? name, bool expected)
    {
        Assert.Equal(expected, NameNormalizer.IsOnlyLegalFormWords(name));
    }

    // ---- Legal-form words never empty a name ----

    [Theory]
    [InlineData("Coopérative", "cooperative")]
    [InlineData("COOPÉRATIVE.", "cooperative")]
    [InlineData("Association de la", "association de la")]
    [InlineData("Union des Coopératives", "union des cooperatives")]
    [InlineData("جمعية", "جمعيه")]
    [InlineData("تعاونية و جمعية", "تعاونيه وجمعيه")]
    [InlineData("الاتحاد", "الاتحاد")]
    public void A_name_made_only_of_legal_form_words_keeps_them(string name, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Normalize(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n\u00A0")]
    public void Null_empty_and_white_space_give_the_empty_string(string? name)
    {
        Assert.Equal("", NameNormalizer.Normalize(name));
        Assert.Equal("", NameNormalizer.NormalizeArabic(name));
        Assert.Equal("", NameNormalizer.NormalizeLatin(name));
    }

    [Theory]
    [InlineData("...", "")]
    [InlineData("- « » ؟ ،", "")]
    [InlineData("\u064E\u0640", "")]
    public void A_name_without_letters_or_digits_gives_the_empty_string(string name, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Normalize(name));
    }

    // ---- Idempotence and determinism ----

    public static TheoryData<string> AllExamples { get; } =
    [
        "تعاونية الأمل", "تعاونيه الامل", "تَعاوُنِيَّة الأَمَل", "تعاونيــــة الامل", "جمعية الأمل", "تعاونية النور",
        "مستشفى", "مستشفي", "مدرسة", "مدرسه", "إحسان", "احسان", "مؤسسة", "موسسه", "٢٠٢٦", "۲۰۲۶", "سماء", "ڭلميم",
        "جمعية الأمل، للتنمية؛ والثقافة؟", "جمعية الأمل و التنمية", "اتحاد التعاونيات والجمعيات الفلاحية",
        "«جمعية» الأمل - فرع ٣", "تعاونية Argan الأمل", "جمعية AL-Amal Élite", "\uFE8D\uFEDF\uFEE8\uFEEE\uFEAD",
        "الأمل و", "و و و", "تعاونية و جمعية", "جمعية", "الاتحاد", "تعاونية la x", "جمعية de la X",
        "Coopérative Al-Amal", "cooperative al amal", "COOPERATIVE AL AMAL.", "Coopérative  Al Amal",
        "Coopérative Al Amane", "Association Ennour", "association ennour", "Mutuelle Générale", "mutuelle generale",
        "L'Étoile du Sud", "letoile du sud", "Union des Coopératives Agricoles de Souss",
        "Œuvres Æsthétiques Straße Øst Đak Łódź Þór", "İLİ", "Coopérative", "Association de la",
        "Union des Coopératives", "Coopérative Al Amal جمعية الأمل", "ＣＯＯＰＥＲＡＴＩＶＥ ＡＬ ＡＭＡＬ", "Coopérative Sa\u02BCid",
        "...", "ﷺ", "جمعية الأمل\u200Dالجديد", "الأمل\u3164", "Al\u200CAmal\u2065", "Al\u00A0Amal\u202F",
    ];

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Normalize_is_idempotent(string name)
    {
        var once = NameNormalizer.Normalize(name);

        Assert.Equal(once, NameNormalizer.Normalize(once));
        Assert.Equal(once, NameNormalizer.NormalizeArabic(once));
        Assert.Equal(once, NameNormalizer.NormalizeLatin(once));
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Both_entry_points_give_the_same_key_so_mixed_names_do_not_depend_on_the_field(string name)
    {
        Assert.Equal(NameNormalizer.NormalizeArabic(name), NameNormalizer.NormalizeLatin(name));
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void The_key_does_not_depend_on_the_current_culture(string name)
    {
        var expected = NameNormalizer.Normalize(name);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "tr-TR", "ar-MA", "fr-MA", "az-Latn-AZ" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(expected, NameNormalizer.Normalize(name));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void The_key_has_single_spaces_and_no_upper_case_or_punctuation(string name)
    {
        var key = NameNormalizer.Normalize(name);

        Assert.Equal(key.Trim(), key);
        Assert.DoesNotContain("  ", key, StringComparison.Ordinal);
        Assert.All(key, c => Assert.True(c == ' ' || char.IsLetterOrDigit(c), $"U+{(int)c:X4} in \"{key}\""));
        Assert.Equal(key.ToLowerInvariant(), key);
    }

    // ---- Script routing ----

    [Theory]
    [InlineData("تعاونية الأمل", true)]
    [InlineData("تعاونية Argan الأمل", true)]
    [InlineData("٢٠٢٦ جمعية", true)]
    [InlineData("\uFE8D\uFEDF\uFEE8\uFEEE\uFEAD", true)]
    [InlineData("Coopérative Al-Amal", false)]
    [InlineData("Association جمعية", false)]
    [InlineData("ab جج", false)] // a tie is not a majority
    [InlineData("٢٠٢٦", false)] // digits are not letters
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsArabic_is_true_when_most_letters_are_arabic(string? text, bool expected)
    {
        Assert.Equal(expected, NameNormalizer.IsArabic(text));
    }

    [Theory]
    [InlineData("تعاونية الأمل")]
    [InlineData("جمعية de la X")]
    [InlineData("Coopérative Al-Amal")]
    [InlineData("Association جمعية الأمل")]
    public void Normalize_routes_by_script(string name)
    {
        var expected = NameNormalizer.IsArabic(name) ? NameNormalizer.NormalizeArabic(name) : NameNormalizer.NormalizeLatin(name);

        Assert.Equal(expected, NameNormalizer.Normalize(name));
    }

    // ---- The word lists ----

    [Fact]
    public void LegalFormWords_lists_both_scripts_and_their_usual_forms()
    {
        Assert.Equal([.. NameNormalizer.LatinLegalFormWords, .. NameNormalizer.ArabicLegalFormWords], NameNormalizer.LegalFormWords);
        Assert.Equal(NameNormalizer.LegalFormWords.Count, NameNormalizer.LegalFormWords.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("cooperative", NameNormalizer.LatinLegalFormWords);
        Assert.Contains("les", NameNormalizer.LatinLegalFormWords);
        Assert.DoesNotContain("al", NameNormalizer.LegalFormWords);
        Assert.DoesNotContain("ben", NameNormalizer.LegalFormWords);
        foreach (var word in new[] { "تعاونيه", "جمعيه", "تعاضديه", "اتحاد", "الاتحاد", "التعاونيه", "الجمعيه", "التعاضديه", "والجمعيات", "للتعاونيات" })
        {
            Assert.Contains(word, NameNormalizer.ArabicLegalFormWords);
        }
    }

    [Fact]
    public void Every_listed_word_is_already_in_normalised_spelling()
    {
        // A word written in another spelling would never match, since matching happens after normalisation.
        Assert.All(NameNormalizer.LegalFormWords, word => Assert.Equal(word, NameNormalizer.Normalize(word)));
    }

    // ---- A query that is only a legal form ----

    [Theory]
    [InlineData("Coopérative", Reference.LegalForm.COOP)]
    [InlineData("les coopératives", Reference.LegalForm.COOP)]
    [InlineData("التعاونيات", Reference.LegalForm.COOP)]
    [InlineData("الجمعية", Reference.LegalForm.ASSO)]
    [InlineData("Association", Reference.LegalForm.ASSO)]
    [InlineData("mutuelle", Reference.LegalForm.MUTU)]
    [InlineData("تعاضدية", Reference.LegalForm.MUTU)]
    [InlineData("Union des coopératives", Reference.LegalForm.UNION)]
    [InlineData("اتحاد التعاونيات", Reference.LegalForm.UNION)]
    public void A_text_of_legal_form_words_names_its_form(string text, Reference.LegalForm form) =>
        Assert.Equal(form, NameNormalizer.FormNamedBy(text));

    [Theory]
    [InlineData("Coopérative Al Amal")]
    [InlineData("تعاونية الأمل")]
    [InlineData("Association coopérative")] // two forms, neither a union of the other
    [InlineData("Société")]
    [InlineData("de la")]
    [InlineData("")]
    [InlineData(null)]
    public void A_text_naming_an_organisation_or_no_single_form_names_none(string? text) =>
        Assert.Null(NameNormalizer.FormNamedBy(text));
}
