using Registry.Application.Organizations.Commands.DecideOrganizationStatus;
using Registry.Domain.Applications;
using Registry.Domain.Compliance;
using Registry.Domain.Documents;
using static Registry.Web.Localization.Ui;

namespace Registry.Web.Localization;

/// <summary>The regional official's pages (review queue, an application's file, decisions, escalated findings), in French and Arabic.</summary>
public static class ReviewText
{
    public static string Review => Say("Examen", "الدراسة");
    public static string QueueTitle => Say("Demandes à examiner", "الطلبات قيد الدراسة");
    public static string QueueIntro => Say(
        "Les demandes déposées dans vos régions, la plus ancienne en premier.",
        "الطلبات المودعة في جهاتكم، الأقدم أولاً.");
    public static string QueueEmpty => Say("Aucune demande n'attend d'examen dans vos régions.", "لا يوجد أي طلب في انتظار الدراسة في جهاتكم.");
    public static string Organisation => Say("Organisation", "الهيئة");
    public static string MemberCount => Say("Membres", "الأعضاء");
    public static string EscalatedFindings => Say("Manquements signalés", "المخالفات المحالة");

    public static string FileTitle => Say("Dossier de la demande", "ملف الطلب");
    public static string Contact => Say("Contact", "الاتصال");
    public static string FinancialYearEnd => Say("Fin de l'exercice (jour-mois)", "نهاية السنة المالية (اليوم-الشهر)");
    public static string ShareValue => Say("Valeur de la part (MAD)", "قيمة الحصة (درهم)");
    public static string Management => Say("Organes de gestion", "أجهزة التسيير");
    public static string Name => Say("Nom", "الاسم");
    public static string Identity => Say("CIN ou identifiant", "رقم البطاقة أو المعرف");
    public static string BirthDate => Say("Date de naissance", "تاريخ الازدياد");
    public static string Shares => Say("Parts souscrites / libérées", "الحصص المكتتبة / المحررة");
    public static string Role => Say("Fonction", "الصفة");
    public static string Mandate => Say("Mandat", "الولاية");
    public static string Documents => Say("Documents", "الوثائق");
    public static string NoDocuments => Say("Aucun document joint.", "لا توجد وثائق مرفقة.");
    public static string Download(string fileName) => Say($"Télécharger {fileName}", $"تحميل {fileName}");
    public static string History => Say("Historique", "السجل");
    public static string When => Say("Date", "التاريخ");
    public static string Action => Say("Action", "الإجراء");
    public static string Reason => Say("Motif", "السبب");
    public static string Size(long bytes) => Say($"{Number((int)Math.Max(1, bytes / 1024))} Ko", $"{Number((int)Math.Max(1, bytes / 1024))} ك.ب");

    public static string DecisionTitle => Say("Décision", "القرار");
    public static string Approve => Say("Approuver et enregistrer", "الموافقة والتسجيل");
    public static string ApproveHint => Say(
        "La loi est vérifiée à nouveau ; si elle est respectée, l'organisation reçoit son numéro d'enregistrement.",
        "يُعاد التحقق من احترام القانون؛ وإذا كان محترماً تحصل الهيئة على رقم تسجيلها.");
    public static string ApprovalReason => Say("Motif de l'approbation (facultatif)", "سبب الموافقة (اختياري)");
    public static string ApprovalReasonHint => Say(
        "Par exemple : pièces vérifiées sur les originaux. Il figure dans l'historique et le demandeur le lira.",
        "مثلاً: تم التحقق من الوثائق بمقارنتها بالأصول. يُسجل في السجل وسيقرؤه صاحب الطلب.");
    public static string SendBackOrReject => Say("Demander des modifications ou rejeter", "طلب تعديلات أو الرفض");
    public static string Choice => Say("Votre décision", "قراركم");
    public static string RequestChanges => Say("Demander des modifications", "طلب تعديلات");
    public static string Reject => Say("Rejeter", "رفض");
    public static string Comment => Say("Motif ou commentaires pour le demandeur", "السبب أو الملاحظات الموجهة لصاحب الطلب");
    public static string CommentHint => Say("Obligatoire. Le demandeur lira ce texte.", "إجباري. سيقرأ صاحب الطلب هذا النص.");
    public static string Send => Say("Envoyer la décision", "إرسال القرار");
    public static string NotUnderReview => Say(
        "Cette demande n'est pas en examen : aucune décision ne peut être prise.",
        "هذا الطلب ليس قيد الدراسة: لا يمكن اتخاذ أي قرار.");
    public static string ChooseDecision => Say("Choisissez une décision.", "اختر قراراً.");
    public static string ReasonRequired => Say("Saisissez le motif ou les commentaires.", "أدخل السبب أو الملاحظات.");
    public static string ReasonTooLong(int max) => Say($"Le texte ne doit pas dépasser {Number(max)} caractères.", $"يجب ألا يتجاوز النص {Number(max)} حرف.");
    public static string ReasonInvalid => Say("Le texte contient des caractères non acceptés.", "يحتوي النص على أحرف غير مقبولة.");
    public static string Conflict => Say(
        "Le dossier a été modifié entre-temps ou la décision est déjà prise. Rechargez la page.",
        "تم تعديل الملف في الأثناء أو سبق اتخاذ القرار. أعد تحميل الصفحة.");
    public static string DecisionRecorded => Say("Décision enregistrée", "تم تسجيل القرار");
    public static string ApprovedWithNumber => Say("Organisation enregistrée sous le numéro", "سُجلت الهيئة تحت الرقم");

    public static string AfterDecision(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Approved => Say(
            "Le demandeur est informé ; la fiche publique de l'organisation est en ligne et ses obligations de conformité commencent.",
            "يُخبَر صاحب الطلب؛ البطاقة العمومية للهيئة منشورة وتبدأ التزاماتها المتعلقة بالمطابقة."),
        ApplicationStatus.ChangesRequested => Say(
            "Le demandeur lit vos commentaires, corrige la demande et la dépose à nouveau ; elle reviendra alors dans la file.",
            "يقرأ صاحب الطلب ملاحظاتكم ويصحح الطلب ثم يودعه من جديد؛ فيعود إلى لائحة الانتظار."),
        ApplicationStatus.Rejected => Say(
            "Le demandeur est informé du motif. La demande est close ; il peut en déposer une nouvelle.",
            "يُخبَر صاحب الطلب بالسبب. أُغلق الطلب؛ ويمكنه إيداع طلب جديد."),
        _ => "",
    };

    public static string DocumentKindOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Statutes => Say("Statuts", "النظام الأساسي"),
        DocumentKind.ConstitutiveMinutes => Say("Procès-verbal constitutif", "محضر الجمع العام التأسيسي"),
        DocumentKind.BankCertificate => Say("Attestation bancaire", "شهادة بنكية"),
        DocumentKind.LocalAuthorityReceipt => Say("Récépissé de l'autorité locale", "وصل السلطة المحلية"),
        DocumentKind.MembersList => Say("Liste des membres", "لائحة الأعضاء"),
        DocumentKind.FinancialPlan => Say("Plan financier", "المخطط المالي"),
        DocumentKind.MemberCooperativesDecisions => Say("Décisions des coopératives membres", "قرارات التعاونيات الأعضاء"),
        DocumentKind.Other => Say("Autre document", "وثيقة أخرى"),
        _ => kind.ToString(),
    };

    public static string OfficerRoleOf(OfficerRole role) => role switch
    {
        OfficerRole.President => Say("Président(e)", "الرئيس(ة)"),
        OfficerRole.VicePresident => Say("Vice-président(e)", "نائب(ة) الرئيس"),
        OfficerRole.Manager => Say("Gérant(e)", "المسير(ة)"),
        OfficerRole.Secretary => Say("Secrétaire", "الكاتب(ة) العام(ة)"),
        OfficerRole.Treasurer => Say("Trésorier(ère)", "أمين(ة) المال"),
        OfficerRole.BoardMember => Say("Membre du conseil", "عضو المجلس"),
        OfficerRole.Administrator => Say("Administrateur(trice)", "متصرف(ة)"),
        OfficerRole.Auditor => Say("Commissaire aux comptes", "مراقب الحسابات"),
        _ => role.ToString(),
    };

    public static string HistoryAction(string action) => action switch
    {
        "application.drafted" => Say("Brouillon créé", "إنشاء المسودة"),
        "application.edited" => Say("Demande modifiée", "تعديل الطلب"),
        "application.document-attached" => Say("Document joint", "إرفاق وثيقة"),
        "application.submitted" => Say("Demande déposée", "إيداع الطلب"),
        "application.resubmitted" => Say("Demande déposée à nouveau", "إعادة إيداع الطلب"),
        "application.approve" or "application.approved" => Say("Approuvée", "الموافقة"),
        "application.reject" or "application.rejected" => Say("Rejetée", "الرفض"),
        "application.request-changes" or "application.changes-requested" => Say("Modifications demandées", "طلب تعديلات"),
        _ => action,
    };

    public static string QueueFilters => Say("Filtrer les demandes", "تصفية الطلبات");
    public static string FindingsFilters => Say("Filtrer les manquements", "تصفية المخالفات");
    public static string ApplyFilters => Say("Filtrer", "تصفية");
    public static string ClearFilters => Say("Effacer les filtres", "إزالة التصفية");
    public static string SubmittedSince => Say("Déposées depuis le", "المودعة منذ");
    public static string SubmittedSinceHint => Say("Date de dépôt la plus ancienne (jour, mois, année).", "أقدم تاريخ إيداع (اليوم، الشهر، السنة).");
    public static string DateInvalid => Say("Saisissez une date valide, par exemple 2026-01-31.", "أدخل تاريخاً صحيحاً، مثل 2026-01-31.");
    public static string QueueNoMatch => Say("Aucune demande de vos régions ne correspond à ces filtres.", "لا يوجد أي طلب في جهاتكم يطابق هذه المعايير.");
    public static string FindingsNoMatch => Say("Aucun manquement de vos régions ne correspond à ces filtres.", "لا توجد أي مخالفة في جهاتكم تطابق هذه المعايير.");

    public static string FindingsTitle => Say("Manquements signalés à l'agent", "المخالفات المحالة على الموظف");
    public static string FindingsIntro => Say(
        "Les manquements de vos régions restés sans suite après rappel, avec l'action proposée. Aucune sanction n'est automatique : c'est à vous de décider.",
        "مخالفات جهاتكم التي بقيت دون تسوية بعد التذكير، مع الإجراء المقترح. لا توجد أي عقوبة تلقائية: القرار لكم.");
    public static string FindingsEmpty => Say("Aucun manquement signalé dans vos régions.", "لا توجد مخالفات محالة في جهاتكم.");
    public static string Rule => Say("Obligation", "الالتزام");
    public static string DueOn => Say("Échéance", "الأجل");
    public static string ProposedActionTitle => Say("Action proposée", "الإجراء المقترح");
    public static string Decide => Say("Décider", "اتخاذ قرار");

    public static string ProposedActionOf(ProposedAction? action) => action switch
    {
        ProposedAction.Reminder => Say("Nouveau rappel", "تذكير جديد"),
        ProposedAction.Suspension => Say("Suspension", "التوقيف"),
        ProposedAction.StrikeOffReferral => Say("Radiation", "التشطيب"),
        _ => "—",
    };

    public static string StageOf(FindingStage stage) => stage switch
    {
        FindingStage.Upcoming => Say("À venir", "قادم"),
        FindingStage.Overdue => Say("En retard", "متأخر"),
        FindingStage.Escalated => Say("Signalé", "محال"),
        FindingStage.Resolved => Say("Régularisé", "تمت تسويته"),
        _ => stage.ToString(),
    };

    public static string OrganisationTitle => Say("Statut de l'organisation", "وضعية الهيئة");
    public static string Findings => Say("Manquements", "المخالفات");
    public static string NoFindings => Say("Aucun manquement.", "لا توجد مخالفات.");
    public static string StatusDecisionTitle => Say("Changer le statut", "تغيير الوضعية");
    public static string StatusReason => Say("Motif de la décision", "سبب القرار");
    public static string StatusReasonHint => Say("Obligatoire. Il figure dans l'historique et est communiqué à l'organisation.", "إجباري. يُسجل في السجل ويُبلغ للهيئة.");

    public static string DecisionOf(StatusDecision decision) => decision switch
    {
        StatusDecision.Suspend => Say("Suspendre", "توقيف"),
        StatusDecision.Reinstate => Say("Rétablir", "إعادة التفعيل"),
        StatusDecision.StrikeOff => Say("Radier", "التشطيب"),
        StatusDecision.Dissolve => Say("Constater la dissolution", "إثبات الحل"),
        _ => decision.ToString(),
    };

    public static string StatusChanged => Say("Nouveau statut de l'organisation :", "الوضعية الجديدة للهيئة:");
    public static string AfterStatusDecision => Say(
        "La décision et son motif sont inscrits à l'historique ; la fiche publique montre le nouveau statut.",
        "سُجل القرار وسببه في السجل؛ وتعرض البطاقة العمومية الوضعية الجديدة.");

    public static string ForbiddenTitle => Say("Accès réservé", "ولوج مقيد");
    public static string ForbiddenHelp => Say(
        "Ces pages sont réservées aux agents régionaux. Votre compte n'y a pas accès.",
        "هذه الصفحات مخصصة للموظفين الجهويين. حسابكم لا يخول الولوج إليها.");
}
