using Registry.Domain.Common;
using Registry.Domain.Legal;
using Registry.Domain.Reference;

namespace Registry.Domain.Compliance;

/// <summary>
/// An obligation the registry watches (SPEC §5); the sweep computes its due date and whether it is kept. Its article is
/// cited in French (the stable form, which the API's findings give) and in Arabic.
/// </summary>
public sealed record ComplianceRule(string Code, IReadOnlyList<LegalForm> Forms, LocalizedText Article, LocalizedText Title, LocalizedText Obligation, bool StrikeOffGround);

/// <summary>The catalogue of compliance checks, each with a stable code, its article and bilingual texts.</summary>
public static class ComplianceRules
{
    public const string GaOverdue = "GA_OVERDUE";
    public const string AccountsOverdue = "ACCOUNTS_OVERDUE";
    public const string MandateExpired = "MANDATE_EXPIRED";
    public const string BelowMinMembers = "BELOW_MIN_MEMBERS";
    public const string CapitalNotPaid = "CAPITAL_NOT_PAID";
    public const string Inactive = "INACTIVE";
    public const string BoardRequired = "BOARD_REQUIRED";
    public const string AuditorRequired = "AUDITOR_REQUIRED";
    public const string BoardChangeUndeclared = "BOARD_CHANGE_UNDECLARED";
    public const string AnnualReturnOverdue = "ANNUAL_RETURN_OVERDUE";
    public const string ReservationExpired = "RESERVATION_EXPIRED";

    /// <summary>A finding is Upcoming this many days before its due date.</summary>
    public const int UpcomingDays = 30;

    /// <summary>An overdue finding is escalated to the regional official after this many days.</summary>
    public const int EscalationDays = 90;

    private static readonly LegalForm[] Cooperatives = [LegalForm.COOP, LegalForm.UNION];

    public static readonly IReadOnlyList<ComplianceRule> All =
    [
        new(GaOverdue, Cooperatives, Laws.Cooperatives.Article(41),
            new("Assemblée générale ordinaire non tenue", "الجمع العام العادي لم يعقد"),
            new("L'assemblée générale ordinaire doit se tenir dans les six mois suivant la clôture de l'exercice.",
                "يجب عقد الجمع العام العادي داخل أجل ستة أشهر من تاريخ اختتام السنة المالية."), false),
        new(AccountsOverdue, Cooperatives, Laws.Cooperatives.Article(68),
            new("Comptes annuels non déposés", "الحسابات السنوية لم تودع"),
            new("Les comptes annuels et le rapport de gestion doivent être déposés dans les 30 jours suivant l'assemblée générale.",
                "يجب إيداع الحسابات السنوية وتقرير التسيير داخل أجل 30 يوما من انعقاد الجمع العام."), false),
        new(MandateExpired, [LegalForm.COOP, LegalForm.UNION, LegalForm.ASSO, LegalForm.MUTU], new("Loi 112-12, arts. 51 et 65 ; dahir 1958, art. 5", "القانون رقم 112.12، المادتان 51 و65؛ ظهير 1958، الفصل 5"),
            new("Mandat expiré", "انتهاء مدة الانتداب"),
            new("Le mandat d'un administrateur ou gérant a pris fin sans renouvellement.",
                "انتهت مدة انتداب أحد المتصرفين أو المسيرين دون تجديد."), false),
        new(BelowMinMembers, Cooperatives, Laws.Cooperatives.Articles(13, 14, 85),
            new("Nombre de membres insuffisant", "عدد الأعضاء أقل من الحد الأدنى"),
            new("Le nombre de membres est inférieur au minimum légal ; au-delà d'un an, c'est un motif de radiation.",
                "عدد الأعضاء أقل من الحد الأدنى القانوني؛ وبعد مرور سنة يصبح ذلك سببا للتشطيب."), true),
        new(CapitalNotPaid, [LegalForm.COOP], Laws.Cooperatives.Article(26),
            new("Capital non entièrement libéré", "الرأسمال غير محرر بالكامل"),
            new("Le capital souscrit doit être entièrement libéré dans les trois ans suivant l'immatriculation.",
                "يجب تحرير الرأسمال المكتتب بالكامل داخل أجل ثلاث سنوات من التقييد."), false),
        new(Inactive, [LegalForm.COOP], Laws.Cooperatives.Article(13),
            new("Coopérative inactive", "تعاونية غير نشيطة"),
            new("Aucune déclaration depuis deux ans : motif de radiation.", "لا تصريح منذ سنتين: سبب للتشطيب."), true),
        new(BoardRequired, [LegalForm.COOP], Laws.Cooperatives.Article(47),
            new("Conseil d'administration requis", "مجلس الإدارة إلزامي"),
            new("Au-delà de 50 membres (ou d'un chiffre d'affaires de 5 MDH deux années de suite), un conseil d'administration est requis.",
                "يتعين تكوين مجلس للإدارة إذا تجاوز عدد الأعضاء 50 أو تجاوز رقم المعاملات 5 ملايين درهم لسنتين متتاليتين."), false),
        new(AuditorRequired, [LegalForm.COOP], Laws.Cooperatives.Article(72),
            new("Commissaire aux comptes requis", "مراقب الحسابات إلزامي"),
            new("Un chiffre d'affaires de plus de 10 MDH deux années de suite impose un commissaire aux comptes.",
                "يفرض رقم معاملات يتجاوز 10 ملايين درهم لسنتين متتاليتين تعيين مراقب للحسابات."), false),
        new(BoardChangeUndeclared, [LegalForm.ASSO], new("Dahir 1-58-376, art. 5", "الظهير رقم 1.58.376، الفصل 5"),
            new("Renouvellement du bureau non déclaré", "تجديد المكتب غير مصرح به"),
            new("À la fin du mandat du bureau, son renouvellement (ou son maintien) doit être déclaré dans le mois.",
                "عند انتهاء مدة المكتب يجب التصريح بتجديده أو بقائه داخل أجل شهر."), false),
        new(AnnualReturnOverdue, [LegalForm.MUTU], new("Dahir 1-57-187, art. 25", "الظهير رقم 1.57.187، الفصل 25"),
            new("État annuel non transmis", "الحالة السنوية غير مرسلة"),
            new("Les membres, placements, recettes et dépenses de l'année doivent être transmis dans les trois premiers mois de l'année suivante.",
                "يجب إرسال بيانات الأعضاء والتوظيفات والمداخيل والنفقات خلال الأشهر الثلاثة الأولى من السنة الموالية."), false),
        new(ReservationExpired, Cooperatives, Laws.CooperativesDecree.Article(4),
            new("Réservation de nom expirée", "انتهاء صلاحية حجز الاسم"),
            new("La réservation du nom a expiré : le nom est libéré.", "انتهت صلاحية حجز الاسم: أصبح الاسم متاحا."), false),
    ];

    public static ComplianceRule Get(string code) => All.Single(r => r.Code == code);
}
