using System.Globalization;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Documents;

namespace Registry.Domain.Legal;

/// <summary>Wording shared by the rules' messages: numbers, dates, persons, documents and lists, in French and Arabic.</summary>
internal static class LegalText
{
    private static readonly NumberFormatInfo FrenchNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " " };

    public static string Fr(decimal value) => value.ToString("#,0.##", FrenchNumbers);

    public static string Ar(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Fr(long value) => value.ToString("#,0", FrenchNumbers);

    public static string Ar(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"4 membres" / "1 membre".</summary>
    public static string Count(long count, string singular, string plural) => $"{Fr(count)} {(count <= 1 ? singular : plural)}";

    /// <summary>Years in Arabic, the noun agreeing with the number: "سنة واحدة", "سنتان", "5 سنوات", "17 سنة".</summary>
    public static string ArYears(long years) => years switch
    {
        1 => "سنة واحدة",
        2 => "سنتان",
        >= 3 and <= 10 => $"{Ar(years)} سنوات",
        _ => $"{Ar(years)} سنة",
    };

    /// <summary>A member by position in the declaration (1-based) and name.</summary>
    public static LocalizedText Member(int index, Member member) => Person(
        $"membre n° {index + 1}",
        $"العضو رقم {index + 1}",
        member.Kind == MemberKind.LegalPerson ? member.LegalName : member.FullNameLatin,
        member.Kind == MemberKind.LegalPerson ? member.LegalName : member.FullNameAr);

    /// <summary>An officer by position in the declaration (1-based) and name.</summary>
    public static LocalizedText Officer(int index, Officer officer, string frNoun = "dirigeant", string arNoun = "عضو جهاز التسيير") => Person(
        $"{frNoun} n° {index + 1}",
        $"{arNoun} رقم {index + 1}",
        officer.FullNameLatin,
        officer.FullNameAr);

    public static LocalizedText Join(IEnumerable<LocalizedText> texts, string frSeparator = ", ", string arSeparator = "، ")
    {
        var list = texts.ToList();
        return new LocalizedText(string.Join(frSeparator, list.Select(t => t.Fr)), string.Join(arSeparator, list.Select(t => t.Ar)));
    }

    /// <summary>Clauses of a finding: "a ; b" / "a؛ b".</summary>
    public static LocalizedText Clauses(IEnumerable<LocalizedText> texts) => Join(texts, " ; ", "؛ ");

    public static LocalizedText Document(DocumentKind kind) => kind switch
    {
        DocumentKind.Statutes => new("statuts", "النظام الأساسي"),
        DocumentKind.ConstitutiveMinutes => new("procès-verbal de l'assemblée générale constitutive", "محضر الجمع العام التأسيسي"),
        DocumentKind.BankCertificate => new("attestation bancaire du dépôt du capital libéré", "شهادة بنكية تثبت إيداع رأس المال المحرر"),
        DocumentKind.LocalAuthorityReceipt => new("récépissé de dépôt auprès de l'autorité locale", "وصل الإيداع لدى السلطة المحلية"),
        DocumentKind.MembersList => new("liste des membres du bureau et des fondateurs", "لائحة أعضاء المكتب والمؤسسين"),
        DocumentKind.FinancialPlan => new("plan financier prévisionnel sur trois ans", "المخطط المالي التوقعي لثلاث سنوات"),
        DocumentKind.MemberCooperativesDecisions => new("décisions des coopératives membres d'adhérer à l'union", "قرارات التعاونيات الأعضاء بالانخراط في الاتحاد"),
        DocumentKind.Other => new("autre pièce", "وثيقة أخرى"),
        _ => new(kind.ToString(), kind.ToString()),
    };

    private static LocalizedText Person(string frLabel, string arLabel, string? frName, string? arName)
    {
        var fr = FirstName(frName, arName);
        var ar = FirstName(arName, frName);
        return new LocalizedText(
            fr is null ? frLabel : $"{frLabel} « {fr} »",
            ar is null ? arLabel : $"{arLabel} «{ar}»");
    }

    private static string? FirstName(string? preferred, string? fallback) =>
        !string.IsNullOrWhiteSpace(preferred) ? preferred.Trim() : !string.IsNullOrWhiteSpace(fallback) ? fallback.Trim() : null;
}
