using Registry.Domain.Compliance;
using static Registry.Web.Localization.Ui;

namespace Registry.Web.Localization;

/// <summary>
/// The words of the owner's pages: their organisations, compliance findings and declarations. Rule and validation
/// messages are not here: they come from the compliance rules and the declaration's validator, as the API's do.
/// </summary>
public static class OrganisationText
{
    public static string MyOrganisations => Say("Mes organisations", "هيئاتي");
    public static string MyOrganisationsIntro => Say(
        "Les organisations enregistrées dont vous êtes le représentant, leur statut et leurs obligations légales.",
        "الهيئات المسجلة التي تمثلها، ووضعيتها والتزاماتها القانونية.");
    public static string NoOrganisations => Say(
        "Vous n'avez encore aucune organisation enregistrée. Elle apparaîtra ici une fois votre demande approuvée.",
        "ليست لديك أي هيئة مسجلة بعد. ستظهر هنا بعد قبول طلبك.");
    public static string Compliance => Say("Obligations", "الالتزامات");
    public static string UpToDate => Say("À jour", "في وضعية سليمة");
    public static string OpenFindings(int count) => Say($"{Number(count)} manquement(s) en cours", $"{Number(count)} مخالفة قائمة");

    public static string OrganisationTitle => Say("Mon organisation", "هيئتي");
    public static string OpenFindingsTitle => Say("Obligations à régulariser", "التزامات يجب تسويتها");
    public static string NoOpenFindings => Say(
        "Aucun manquement : votre organisation respecte les obligations contrôlées.",
        "لا توجد مخالفات: هيئتك تحترم الالتزامات المراقبة.");
    public static string FindingsHelp => Say(
        "Chaque obligation est vérifiée chaque nuit et juste après une déclaration. Déclarez ce qui a été fait pour régulariser.",
        "يُتحقق من كل التزام كل ليلة وبعد كل تصريح مباشرة. صرّح بما أُنجز لتسوية الوضعية.");
    public static string Obligation => Say("Obligation", "الالتزام");
    public static string Article => Say("Texte", "النص القانوني");
    public static string Stage => Say("Situation", "الحالة");
    public static string DueOn => Say("Échéance", "الأجل");

    public static string StageOf(FindingStage stage) => stage switch
    {
        FindingStage.Upcoming => Say("Échéance proche", "أجل قريب"),
        FindingStage.Overdue => Say("En retard", "متأخر"),
        FindingStage.Escalated => Say("Signalé à l'agent régional", "محال على الموظف الجهوي"),
        FindingStage.Resolved => Say("Régularisé", "تمت التسوية"),
        _ => stage.ToString(),
    };

    public static string Declarations => Say("Déclarations déposées", "التصريحات المودعة");
    public static string NoDeclarations => Say("Aucune déclaration déposée.", "لم يودع أي تصريح.");
    public static string Declaration => Say("Déclaration", "التصريح");
    public static string EffectiveOn => Say("Date du fait déclaré", "تاريخ الواقعة المصرح بها");
    public static string DeclaredOn => Say("Déposée le", "تاريخ الإيداع");
    public static string Document => Say("Document", "الوثيقة");
    public static string NoDocument => Say("—", "—");
    public static string DownloadDocument(string fileName) => Say($"Télécharger {fileName}", $"تحميل {fileName}");
    public static string FileDeclaration => Say("Déposer une déclaration", "إيداع تصريح");
    public static string FileDeclarationIntro => Say("Choisissez ce que vous déclarez :", "اختر ما تصرح به:");
    public static string Filed => Say("Déclaration déposée", "تم إيداع التصريح");
    public static string FiledNext => Say(
        "Elle figure dans la liste ci-dessous. Les obligations de votre organisation sont vérifiées à nouveau dans les minutes qui viennent.",
        "يظهر في القائمة أسفله. ستُراجع التزامات هيئتك من جديد خلال الدقائق القادمة.");
    public static string BackToOrganisation => Say("Retour à l'organisation", "العودة إلى الهيئة");
    public static string BackToOrganisations => Say("Retour à mes organisations", "العودة إلى هيئاتي");

    public static string KindOf(DeclarationKind kind) => kind switch
    {
        DeclarationKind.GeneralAssembly => Say("Assemblée générale ordinaire tenue", "انعقاد الجمع العام العادي"),
        DeclarationKind.AnnualAccounts => Say("Comptes annuels", "الحسابات السنوية"),
        DeclarationKind.ManagementChange => Say("Changement des dirigeants", "تغيير المسيرين"),
        DeclarationKind.MemberChange => Say("Entrées et sorties de membres", "انضمام ومغادرة الأعضاء"),
        DeclarationKind.BoardChange => Say("Renouvellement du bureau", "تجديد المكتب"),
        DeclarationKind.MutualAnnualReturn => Say("État annuel de la mutuelle", "البيان السنوي للتعاضدية"),
        _ => kind.ToString(),
    };

    public static string KindHint(DeclarationKind kind) => kind switch
    {
        DeclarationKind.GeneralAssembly => Say(
            "L'assemblée ordinaire se tient dans les six mois qui suivent la fin de l'exercice (loi 112-12, art. 41). Joignez son procès-verbal.",
            "ينعقد الجمع العام العادي خلال الستة أشهر الموالية لنهاية السنة المالية (القانون 112-12، المادة 41). أرفق محضره."),
        DeclarationKind.AnnualAccounts => Say(
            "Les comptes et le rapport se déposent dans les 30 jours qui suivent l'assemblée (art. 68). Joignez les comptes.",
            "تودع الحسابات والتقرير خلال 30 يوماً الموالية للجمع العام (المادة 68). أرفق الحسابات."),
        DeclarationKind.BoardChange => Say(
            "L'assemblée a reconduit le même bureau : indiquez la date de l'assemblée et la fin du nouveau mandat (dahir de 1958, art. 5).",
            "جدد الجمع العام نفس المكتب: أدخل تاريخ الجمع العام ونهاية الولاية الجديدة (ظهير 1958، الفصل 5)."),
        DeclarationKind.MutualAnnualReturn => Say(
            "Membres, placements, recettes et dépenses de l'exercice, à envoyer dans les trois premiers mois de l'année (dahir de 1963, art. 25).",
            "الأعضاء والتوظيفات والمداخيل والمصاريف للسنة المالية، ترسل خلال الأشهر الثلاثة الأولى من السنة (ظهير 1963، الفصل 25)."),
        _ => "",
    };

    /// <summary>The title of a declaration's form (an association's board: renewed as it was, or a new one elected).</summary>
    public static string TopicTitle(Pages.Account.Organisations.DeclarationTopic topic) => topic switch
    {
        { Kind: DeclarationKind.BoardChange, NoChange: true } => Say("Bureau reconduit sans changement", "تجديد نفس المكتب دون تغيير"),
        { Kind: DeclarationKind.BoardChange } => Say("Nouveau bureau élu", "انتخاب مكتب جديد"),
        _ => KindOf(topic.Kind),
    };

    public static string TopicHint(Pages.Account.Organisations.DeclarationTopic topic) => topic switch
    {
        { Kind: DeclarationKind.BoardChange, NoChange: false } => Say(
            "Le bureau élu remplace l'actuel : indiquez chacun de ses membres avec son rôle et son mandat (dahir de 1958, art. 5).",
            "يحل المكتب المنتخب محل المكتب الحالي: أدخل كل عضو من أعضائه مع صفته وولايته (ظهير 1958، الفصل 5)."),
        { Kind: DeclarationKind.ManagementChange } => Say(
            "Les dirigeants indiqués remplacent les actuels : indiquez chacun avec son rôle et son mandat (loi 112-12, art. 51 et 65).",
            "يحل المسيرون المذكورون محل المسيرين الحاليين: أدخل كل واحد منهم مع صفته وولايته (القانون 112-12، المادتان 51 و65)."),
        { Kind: DeclarationKind.MemberChange } => Say(
            "Indiquez les membres entrés et, par leur CIN (ou l'identifiant d'une personne morale), ceux qui sont sortis. Le nombre de membres et le capital sont recalculés.",
            "أدخل الأعضاء المنضمين، والأعضاء المغادرين برقم بطاقتهم الوطنية (أو معرف الشخص المعنوي). يعاد احتساب عدد الأعضاء والرأسمال."),
        _ => KindHint(topic.Kind),
    };

    // Officers and members of a declaration
    public static string NewOfficers => Say("Les nouveaux dirigeants", "المسيرون الجدد");
    public static string OfficersRequired => Say(
        "Indiquez au moins un dirigeant, avec son rôle et son mandat.", "أدخل مسيراً واحداً على الأقل، مع صفته وولايته.");
    public static string JoiningTitle => Say("Membres entrés", "الأعضاء المنضمون");
    public static string LeavingTitle => Say("Membres sortis", "الأعضاء المغادرون");
    public static string Leaving(int number) => Say($"CIN ou identifiant du membre sorti {Number(number)}", $"رقم البطاقة أو معرف العضو المغادر {Number(number)}");
    public static string LeavingHint => Say(
        "Tel qu'il a été enregistré : le CIN d'une personne, l'identifiant d'une personne morale.",
        "كما سُجّل: رقم البطاقة الوطنية للشخص الذاتي أو معرف الشخص المعنوي.");
    public static string AddLeaving => Say("Ajouter un membre sorti", "إضافة عضو مغادر");
    public static string RemoveLeaving(int number) => Say($"Retirer le membre sorti {Number(number)}", $"حذف العضو المغادر {Number(number)}");
    public static string NoneYet => Say("Aucun pour l'instant.", "لا أحد حالياً.");
    public static string MemberChangesRequired => Say(
        "Indiquez au moins un membre entré ou sorti.", "أدخل عضواً واحداً على الأقل انضم أو غادر.");

    // The form's fields
    public static string EffectiveOnLabel(DeclarationKind kind) => kind switch
    {
        DeclarationKind.GeneralAssembly => Say("Date de l'assemblée", "تاريخ الجمع العام"),
        DeclarationKind.AnnualAccounts => Say("Date d'approbation des comptes", "تاريخ المصادقة على الحسابات"),
        DeclarationKind.BoardChange => Say("Date de l'assemblée qui a renouvelé le bureau", "تاريخ الجمع العام الذي جدد المكتب"),
        DeclarationKind.ManagementChange => Say("Date de la nomination des dirigeants", "تاريخ تعيين المسيرين"),
        DeclarationKind.MemberChange => Say("Date des entrées et sorties", "تاريخ الانضمام والمغادرة"),
        _ => Say("Date de l'état annuel", "تاريخ البيان السنوي"),
    };

    public static string FinancialYear => Say("Exercice (année)", "السنة المالية");
    public static string FinancialYearHint => Say("Par exemple 2025.", "مثال 2025.");
    public static string Turnover => Say("Chiffre d'affaires de l'exercice (MAD)", "رقم معاملات السنة المالية (درهم)");
    public static string NewMandateEnd => Say("Fin du nouveau mandat", "نهاية الولاية الجديدة");
    public static string MemberCount => Say("Nombre de membres", "عدد الأعضاء");
    public static string Investments => Say("Placements (MAD)", "التوظيفات (درهم)");
    public static string Income => Say("Recettes (MAD)", "المداخيل (درهم)");
    public static string Expenses => Say("Dépenses (MAD)", "المصاريف (درهم)");
    public static string AmountHint => Say("En dirhams, par exemple 125000 ou 125000,50.", "بالدرهم، مثال 125000 أو 125000,50.");
    public static string DocumentLabel(DeclarationKind kind) => kind == DeclarationKind.AnnualAccounts
        ? Say("Les comptes annuels", "الحسابات السنوية")
        : Say("Le procès-verbal de l'assemblée", "محضر الجمع العام");
    public static string DocumentHint => Say("PDF, JPEG ou PNG, 10 Mo au plus.", "PDF أو JPEG أو PNG، 10 ميغابايت على الأكثر.");
    public static string Submit => Say("Déposer la déclaration", "إيداع التصريح");

    // The form's own errors (the validator's and the rules' come in their own words)
    public static string DateRequired => Say("Saisissez la date complète : jour, mois et année.", "أدخل التاريخ كاملاً: اليوم والشهر والسنة.");
    public static string DateInvalid => Say("Saisissez une date réelle au format année-mois-jour, par exemple 2026-03-28.", "أدخل تاريخاً صحيحاً بصيغة السنة-الشهر-اليوم، مثال 2026-03-28.");
    public static string YearRequired => Say("Saisissez l'exercice, une année comme 2025.", "أدخل السنة المالية، مثل 2025.");
    public static string AmountRequired => Say("Saisissez un montant en dirhams, par exemple 125000.", "أدخل مبلغاً بالدرهم، مثال 125000.");
    public static string CountRequired => Say("Saisissez un nombre entier, par exemple 240.", "أدخل عدداً صحيحاً، مثال 240.");
    public static string MandateEndAfterStart => Say("La fin du mandat vient après son début.", "تنتهي الولاية بعد بدايتها.");
    public static string ValueOutOfRange => Say("Cette valeur n'est pas acceptée.", "هذه القيمة غير مقبولة.");
    public static string DocumentRequired(DeclarationKind kind) => kind == DeclarationKind.AnnualAccounts
        ? Say("Joignez les comptes (PDF, JPEG ou PNG).", "أرفق الحسابات (PDF أو JPEG أو PNG).")
        : Say("Joignez le procès-verbal de l'assemblée (PDF, JPEG ou PNG).", "أرفق محضر الجمع العام (PDF أو JPEG أو PNG).");
    public static string DocumentTooLarge => Say("Le fichier dépasse 10 Mo. Joignez un fichier plus léger.", "يتجاوز الملف 10 ميغابايت. أرفق ملفاً أخف.");
    public static string AlreadyFiled => Say(
        "Cette déclaration a déjà été envoyée avec d'autres valeurs. Rechargez la page de l'organisation pour voir ce qui a été déposé.",
        "سبق إرسال هذا التصريح بقيم أخرى. أعد تحميل صفحة الهيئة لرؤية ما أودع.");
}
