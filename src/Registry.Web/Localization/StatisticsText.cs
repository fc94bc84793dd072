using System.Globalization;
using static Registry.Web.Localization.Ui;

namespace Registry.Web.Localization;

/// <summary>The analyst's dashboard's words and number formats, in French and Arabic.</summary>
public static class StatisticsText
{
    public static string NavLink => Say("Statistiques", "الإحصائيات");
    public static string Title => Say("Statistiques nationales", "الإحصائيات الوطنية");
    public static string Intro => Say(
        "Chiffres agrégés des organisations enregistrées : jamais la donnée d'une personne. Chaque graphique est suivi du tableau de ses chiffres, téléchargeable en CSV.",
        "أرقام مجمعة للهيئات المسجلة، دون أي معطيات شخصية. يلي كل رسم بياني جدول أرقامه، ويمكن تنزيله بصيغة CSV.");
    public static string Filters => Say("Filtrer", "تصفية");
    public static string YearFrom => Say("Enregistrées à partir de l'année", "المسجلة ابتداءً من سنة");
    public static string YearTo => Say("Jusqu'à l'année", "إلى غاية سنة");
    public static string YearHint => Say("Par exemple 2026", "مثال: 2026");
    public static string Apply => Say("Afficher", "عرض");
    public static string Reset => Say("Tout afficher", "عرض الكل");
    public static string EnterYear => Say("Saisissez une année entre 1900 et 2100, par exemple 2026.", "أدخل سنة بين 1900 و2100، مثال: 2026.");
    public static string YearOrder => Say("L'année de fin doit suivre l'année de début, 50 ans au plus.", "يجب أن تأتي سنة النهاية بعد سنة البداية، في حدود 50 سنة.");
    public static string InvalidFilter => Say("Ce filtre n'est pas valide.", "هذا المرشح غير صالح.");

    public static string NotAllowedTitle => Say("Accès réservé", "ولوج مقصور");
    public static string NotAllowedHelp => Say(
        "Les statistiques sont réservées aux analystes du ministère et aux administrateurs.",
        "الإحصائيات مقصورة على محللي الوزارة ومديري النظام.");

    public static string PerMonthTitle => Say("Enregistrements par mois", "التسجيلات حسب الشهر");
    public static string ByRegionTitle => Say("Organisations et part des femmes par région", "الهيئات ونسبة النساء حسب الجهة");
    public static string ByFormTitle => Say("Organisations et part des femmes par forme juridique", "الهيئات ونسبة النساء حسب الشكل القانوني");
    public static string BySectorTitle => Say("Organisations et part des femmes par secteur", "الهيئات ونسبة النساء حسب القطاع");
    public static string ComplianceTitle => Say("Taux de conformité par région", "نسبة الامتثال حسب الجهة");

    public static string Month => Say("Mois", "الشهر");
    public static string Registrations => Say("Enregistrements", "التسجيلات");
    public static string Organisations => Say("Organisations", "الهيئات");
    public static string Members => Say("Membres", "الأعضاء");
    public static string Women => Say("Femmes", "النساء");
    public static string WomenShare => Say("Part des femmes", "نسبة النساء");
    public static string ComplianceRate => Say("Taux de conformité", "نسبة الامتثال");
    public static string ComplianceHint => Say(
        "Part des organisations sans manquement en retard.",
        "نسبة الهيئات التي ليس عليها أي إخلال متأخر.");
    public static string NoData => Say("Aucune organisation enregistrée ne correspond à ces filtres.", "لا توجد هيئة مسجلة تطابق هذه المرشحات.");
    public static string Legend => Say("Légende", "مفتاح الرسم");
    public static string LegendOrganisations => Say("barre épaisse : nombre d'organisations", "الشريط السميك: عدد الهيئات");
    public static string LegendWomen => Say("barre fine, dans un cadre de 100 % : part des femmes parmi les membres", "الشريط الرفيع، داخل إطار يمثل 100٪: نسبة النساء من الأعضاء");
    public static string TableBelow => Say("Le tableau ci-dessous donne les mêmes chiffres.", "يعرض الجدول أدناه الأرقام نفسها.");
    public static string AllYears => Say("toutes années", "كل السنوات");

    public static string Range(int from, int to) => from == to
        ? Say($"Année {from}", $"سنة {from}")
        : Say($"De {from} à {to}", $"من {from} إلى {to}");

    public static string Download(string table) => Say($"Télécharger « {table} » (CSV)", $"تنزيل «{table}» (CSV)");

    public static string WomenShareOf(double? share) => Say($"{Percent(share)} de femmes", $"{Percent(share)} نساء");

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A rate (0 to 1) as a percentage with one decimal, or a dash when there is nothing to divide.</summary>
    public static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.CurrentCulture) : "—";

    /// <summary>A month (yyyy-MM) as people write it: "novembre 2026", "نونبر 2026".</summary>
    public static string MonthName(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MMMM yyyy", CultureInfo.CurrentCulture)
            : month;
}
