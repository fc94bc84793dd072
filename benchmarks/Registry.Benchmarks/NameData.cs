using Registry.Domain.Names;

namespace Registry.Benchmarks;

/// <summary>
/// Word lists for synthetic organisation names, in Arabic and Latin script, with the frequencies that make
/// the search hard: a few name words (الأمل, النور…) and activity words (للأركان, الفلاحية, développement…)
/// occur in a large share of the names, while place names follow a long tail.
/// </summary>
internal static class NameData
{
    /// <summary>Legal form → the words a name starts with (dropped again by <see cref="NameNormalizer"/>).</summary>
    public static readonly (string Form, double Weight, string Ar, string Latin)[] Forms =
    [
        ("COOP", 0.55, "تعاونية", "Coopérative"),
        ("ASSO", 0.40, "جمعية", "Association"),
        ("UNION", 0.02, "اتحاد تعاونيات", "Union des Coopératives"),
        ("MUTU", 0.03, "تعاضدية", "Mutuelle"),
    ];

    /// <summary>Name words, most frequent first (Zipf); each with the Latin spellings people use for it.</summary>
    public static readonly (string Ar, string[] Latin)[] NameWords =
    [
        ("الأمل", ["Al Amal", "El Amal", "Amal"]),
        ("النور", ["Annour", "Ennour", "Nour", "An Nour"]),
        ("الخير", ["Al Khair", "El Kheir", "Alkhir"]),
        ("النجاح", ["Annajah", "Ennajah", "Najah"]),
        ("الوحدة", ["Al Wahda", "El Wahda"]),
        ("الفلاح", ["Al Falah", "El Fellah"]),
        ("البركة", ["Al Baraka", "El Baraka", "Baraka"]),
        ("السلام", ["Assalam", "Essalam", "Salam"]),
        ("الفتح", ["Al Fath", "El Fath"]),
        ("التقدم", ["Attakadoum", "Ettakaddoum"]),
        ("الإخلاص", ["Al Ikhlass", "El Ikhlas"]),
        ("الوفاء", ["Al Wafae", "El Wafa"]),
        ("الأمان", ["Al Amane", "El Aman"]),
        ("الصفاء", ["Assafae", "Essafa"]),
        ("الرحمة", ["Arrahma", "Errahma"]),
        ("الهدى", ["Al Houda", "El Houda"]),
        ("الزيتونة", ["Azzaytouna", "Zitouna"]),
        ("الواحة", ["Al Waha", "El Oasis"]),
        ("الأطلس", ["Al Atlas", "Atlas"]),
        ("الريف", ["Arrif", "Errif"]),
        ("الشروق", ["Achourouk", "Echourouk"]),
        ("الفجر", ["Al Fajr", "El Fajr"]),
        ("المستقبل", ["Al Moustakbal", "El Mostakbal"]),
        ("الكرامة", ["Al Karama", "El Karama"]),
        ("التضامن", ["Attadamoune", "Ettadamoun"]),
        ("التعاون", ["Attaawoune", "Ettaawoun"]),
        ("الإحسان", ["Al Ihsane", "El Ihssane"]),
        ("الرضا", ["Arrida", "Erreda"]),
        ("النخيل", ["Annakhil", "Ennakhil"]),
        ("الياسمين", ["Yasmine", "Al Yasmine"]),
        ("الزهراء", ["Azzahrae", "Ezzahra"]),
        ("الربيع", ["Arrabie", "Errabii"]),
        ("السعادة", ["Assaada", "Essaada"]),
        ("الأمانة", ["Al Amana", "El Amana"]),
        ("الإيمان", ["Al Imane", "El Iman"]),
        ("النهضة", ["Annahda", "Ennahda"]),
        ("الرشاد", ["Arrachad", "Errachad"]),
        ("الهناء", ["Al Hanae", "El Hana"]),
        ("الصمود", ["Assoumoud", "Essomoud"]),
        ("النسيم", ["Annassim", "Ennassim"]),
        ("المحبة", ["Al Mahabba", "El Mahaba"]),
        ("الغد", ["Al Ghad", "El Ghad"]),
        ("الأصيل", ["Al Assil", "El Assil"]),
        ("الأندلس", ["Al Andalous", "Andalous"]),
        ("الفردوس", ["Al Firdaous", "El Ferdaous"]),
        ("المنار", ["Al Manar", "El Manar"]),
        ("الوئام", ["Al Wiam", "El Wiam"]),
        ("الأخوة", ["Al Oukhouwa", "El Okhoua"]),
        ("الصداقة", ["Assadaka", "Essadaka"]),
        ("الحكمة", ["Al Hikma", "El Hikma"]),
        ("تيغانيمين", ["Tighanimine", "Tighanimin"]),
        ("تيفاوين", ["Tifawin", "Tifaouine"]),
        ("تودرت", ["Toudert", "Tudert"]),
        ("أمود", ["Amoud", "Amud"]),
        ("تامونت", ["Tamount", "Tamunt"]),
        ("إليغ", ["Iligh", "Ilig"]),
        ("أسيف", ["Assif", "Asif"]),
        ("أزير", ["Azir", "Azeer"]),
        ("تيليلا", ["Tilila", "Tillila"]),
        ("تافسوت", ["Tafsut", "Tafsout"]),
        ("تيويزي", ["Tiwizi", "Tiouizi"]),
        ("إيمازيغن", ["Imazighen", "Imazighn"]),
        ("تاويزا", ["Taouiza", "Tawiza"]),
        ("أمالو", ["Amalou", "Amalu"]),
        ("تافوكت", ["Tafoukt", "Tafukt"]),
        ("أناروز", ["Anarouz", "Anaruz"]),
        ("تيرس", ["Tiris", "Tirs"]),
        ("أغبالو", ["Aghbalou", "Aghbalu"]),
        ("إزوران", ["Izouran", "Izuran"]),
        ("تازيري", ["Taziri", "Tazirie"]),
    ];

    /// <summary>Activity words and phrases (generic: they describe the organisation, not name it).</summary>
    public static readonly (string Ar, string Latin)[] Activities =
    [
        ("للأركان", "Argan"),
        ("الفلاحية", "Agricole"),
        ("النسوية", "Féminine"),
        ("للتنمية", "pour le Développement"),
        ("للحليب", "Laitière"),
        ("لتربية النحل", "Apicole"),
        ("لتربية المواشي", "d'Élevage"),
        ("للتنمية المحلية", "de Développement Local"),
        ("والتضامن", "et Solidarité"),
        ("للصناعة التقليدية", "Artisanale"),
        ("للنباتات العطرية والطبية", "des Plantes Aromatiques et Médicinales"),
        ("للزيتون", "d'Olive"),
        ("للنسيج", "de Tissage"),
        ("للزرابي", "de Tapis"),
        ("للتمور", "des Dattes"),
        ("للزعفران", "du Safran"),
        ("للكسكس", "de Couscous"),
        ("الخدماتية", "de Services"),
        ("للنقل", "de Transport"),
        ("السكنية", "d'Habitat"),
        ("للصيد البحري", "de Pêche"),
        ("الاجتماعية", "Sociale"),
        ("الرياضية", "Sportive"),
        ("الثقافية", "Culturelle"),
        ("للتربية والتكوين", "d'Éducation et de Formation"),
        ("للبيئة", "de l'Environnement"),
        ("لمحو الأمية", "d'Alphabétisation"),
        ("للعسل", "du Miel"),
        ("للخضر والفواكه", "Maraîchère"),
        ("للحبوب", "Céréalière"),
        ("للأعشاب", "des Herbes"),
        ("للماء الصالح للشرب", "de l'Eau Potable"),
        ("للتنمية القروية", "de Développement Rural"),
        ("للأعمال الاجتماعية", "des Œuvres Sociales"),
        ("للشباب", "des Jeunes"),
    ];

    /// <summary>Prefixes of place names (none half the time).</summary>
    public static readonly (double Weight, string Ar, string Latin)[] PlacePrefixes =
    [
        (0.50, "", ""),
        (0.12, "أيت", "Ait"),
        (0.08, "دوار", "Douar"),
        (0.07, "سيدي", "Sidi"),
        (0.06, "أولاد", "Ouled"),
        (0.05, "بني", "Beni"),
        (0.05, "عين", "Ain"),
        (0.04, "تيزي", "Tizi"),
        (0.03, "إيمي ن", "Imi n"),
    ];

    /// <summary>Syllables that place names are made of, aligned across the scripts.</summary>
    public static readonly (string Ar, string Latin)[] Syllables =
    [
        ("تي", "ti"), ("غا", "gha"), ("ني", "ni"), ("مين", "mine"), ("زا", "za"), ("كو", "kou"), ("لا", "la"),
        ("دو", "dou"), ("سا", "sa"), ("فو", "fou"), ("ما", "ma"), ("را", "ra"), ("كر", "ker"), ("تو", "tou"),
        ("بي", "bi"), ("حا", "ha"), ("يو", "you"), ("مر", "mer"), ("سو", "sou"), ("لي", "li"), ("وا", "oua"),
        ("زي", "zi"), ("جا", "ja"), ("نا", "na"), ("دا", "da"), ("بر", "ber"), ("شا", "cha"), ("قا", "qa"),
        ("طا", "ta"), ("مو", "mou"), ("رو", "rou"), ("نو", "nou"), ("لو", "lou"), ("سي", "si"), ("فا", "fa"),
        ("با", "ba"), ("غو", "ghou"), ("هو", "hou"), ("زو", "zou"), ("ول", "oul"), ("ين", "ine"), ("ون", "oun"),
        ("مل", "mel"), ("زن", "zen"), ("خا", "kha"), ("صا", "sa"), ("دي", "di"), ("كا", "ka"), ("عي", "ai"),
        ("ور", "our"),
    ];

    /// <summary>
    /// Words that describe rather than name (activities, "douar", numbers are not in it): the candidates for a
    /// search key without generic words, normalised like names are.
    /// </summary>
    public static IReadOnlyList<string> GenericWords { get; } = BuildGenericWords();

    private static string[] BuildGenericWords()
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (ar, latin) in Activities)
        {
            foreach (var word in NameNormalizer.NormalizeArabic(ar).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(word);
            }

            foreach (var word in NameNormalizer.NormalizeLatin(latin).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(word);
            }
        }

        // Other descriptive words of Moroccan organisation names, with their usual clitic forms.
        string[] extra =
        [
            "التنمية", "والتنمية", "التنميه", "الفلاحيه", "الفلاحي", "النسويه", "للنساء", "المحليه", "القرويه",
            "الاركان", "والاركان", "التقليديه", "الاجتماعيه", "والثقافيه", "والرياضيه", "الخدمات", "دوار",
            "developpement", "feminine", "femmes", "agricole", "agricoles", "local", "rural", "sociale", "sociales",
            "culturelle", "sportive", "services", "solidarite", "argane", "douar", "artisanale", "cooperative",
        ];
        foreach (var word in extra)
        {
            words.Add(NameNormalizer.Normalize(word));
        }

        return [.. words];
    }
}
