using Registry.Domain.Applications;
using Registry.Domain.Documents;
using static Registry.Web.Localization.Ui;

namespace Registry.Web.Localization;

/// <summary>
/// The applicant's pages (name reservation, the step-by-step application, check your answers), in French and Arabic.
/// Rule and validation messages are not here: they are the domain's and the validators', the API's own texts.
/// </summary>
public static class ApplyText
{
    // Start
    public static string StartTitle => Say("Demander l'enregistrement d'une organisation", "طلب تسجيل هيئة");
    public static string StartIntro => Say(
        "La demande se remplit en plusieurs étapes. Chaque étape enregistre un brouillon : vous pouvez vous arrêter et reprendre plus tard depuis « Mon espace ».",
        "يُملأ الطلب على عدة مراحل. تحفظ كل مرحلة مسودة: يمكنك التوقف والعودة لاحقاً من «فضائي».");
    public static string StartNameFirst => Say(
        "Une coopérative ou une union doit d'abord réserver son nom (certificat négatif).",
        "يجب على التعاونية أو الاتحاد حجز الاسم أولاً (الشهادة السلبية).");
    public static string StartButton => Say("Commencer une demande", "بدء طلب");
    public static string ReserveLink => Say("Réserver un nom", "حجز اسم");

    // Name reservation
    public static string NameTitle => Say("Réserver un nom", "حجز اسم");
    public static string NameIntro => Say(
        "La réservation vaut 60 jours, renouvelable une fois. Un nom identique à celui d'une organisation enregistrée ou d'une réservation en cours est refusé ; les noms proches sont signalés.",
        "يصلح الحجز لمدة 60 يوماً قابلة للتجديد مرة واحدة. يُرفض الاسم المطابق لاسم هيئة مسجلة أو لحجز سارٍ، وتُعرض الأسماء المشابهة.");
    public static string NameHint => Say("Au moins un des deux noms.", "اسم واحد على الأقل من الاسمين.");
    public static string ReserveButton => Say("Réserver ce nom", "احجز هذا الاسم");
    public static string Reserved => Say("Nom réservé", "تم حجز الاسم");
    public static string ReservedUntil => Say("Réservé jusqu'au", "محجوز إلى غاية");
    public static string SimilarNames => Say("Noms proches déjà pris", "أسماء مشابهة مأخوذة");
    public static string SimilarHint => Say(
        "Votre nom est réservé, mais ces noms lui ressemblent : l'agent régional pourra vous demander de le changer.",
        "تم حجز اسمك، لكن هذه الأسماء تشبهه: قد يطلب منك الموظف الجهوي تغييره.");
    public static string Similarity => Say("Ressemblance", "درجة التشابه");
    public static string TakenBy(string? number) => number is null ? Say("réservé", "محجوز") : number;
    public static string MyReservations => Say("Mes réservations", "حجوزاتي");
    public static string NoReservations => Say("Aucune réservation.", "لا توجد حجوزات.");
    public static string Expires => Say("Expire le", "ينتهي في");
    public static string Used => Say("Utilisée", "مستعمل");

    // Steps
    public static string StepsLabel => Say("Étapes de la demande", "مراحل الطلب");
    public static string StepOf(int number, int count) => Say($"Étape {Number(number)} sur {Number(count)}", $"المرحلة {Number(number)} من {Number(count)}");
    public static string OrganisationStep => Say("L'organisation", "الهيئة");
    public static string SeatStep => Say("Le siège", "المقر");
    public static string MembersStep => Say("Les membres", "الأعضاء");
    public static string ManagementStep => Say("La gestion", "التسيير");
    public static string DocumentsStep => Say("Les documents", "الوثائق");
    public static string ReviewStep => Say("Vérifier et déposer", "المراجعة والإيداع");
    public static string SaveAndContinue => Say("Enregistrer et continuer", "حفظ ومتابعة");
    public static string SaveAndReturn => Say("Enregistrer et revenir à la vérification", "حفظ والعودة إلى المراجعة");
    public static string Back => Say("Retour", "رجوع");
    public static string DraftSaved => Say("Brouillon enregistré.", "تم حفظ المسودة.");
    public static string Optional => Say("(facultatif)", "(اختياري)");
    public static string Choose => Say("Choisissez…", "اختر…");

    // Organisation
    public static string FoundingDateHint => Say("Date de l'assemblée constitutive.", "تاريخ الجمع العام التأسيسي.");
    public static string FinancialYearEnd => Say("Fin de l'exercice (MM-JJ)", "نهاية السنة المالية (MM-DD)");
    public static string FinancialYearEndHint => Say("Mois et jour, par exemple 12-31.", "الشهر واليوم، مثال 12-31.");
    public static string ShareValue => Say("Valeur d'une part (MAD)", "قيمة الحصة (درهم)");
    public static string ShareValueHint => Say("Coopératives et unions : au moins 100 MAD.", "التعاونيات والاتحادات: 100 درهم على الأقل.");
    public static string Ice => Say("ICE (15 chiffres)", "التعريف الموحد للمقاولة (15 رقماً)");
    public static string ContactEmail => Say("E-mail de contact", "البريد الإلكتروني للاتصال");
    public static string ContactPhone => Say("Téléphone de contact", "هاتف الاتصال");
    public static string SeatAddress => Say("Adresse du siège", "عنوان المقر");
    public static string ProvinceHint => Say("La région, et donc le bureau qui examinera la demande, en découle.", "تُستنتج منه الجهة، أي المكتب الذي سيدرس الطلب.");

    // Members and officers
    public static string MembersIntro => Say(
        "Les personnes physiques, et pour une union les coopératives membres. Une ligne laissée vide est ignorée.",
        "الأشخاص الذاتيون، وبالنسبة للاتحاد التعاونيات الأعضاء. السطر الفارغ لا يؤخذ بعين الاعتبار.");
    public static string Member(int number) => Say($"Membre {Number(number)}", $"العضو {Number(number)}");
    public static string LegalMember(int number) => Say($"Membre {Number(number)} (personne morale)", $"العضو {Number(number)} (شخص معنوي)");
    public static string FullNameAr => Say("Nom complet en arabe", "الاسم الكامل بالعربية");
    public static string FullNameLatin => Say("Nom complet en caractères latins", "الاسم الكامل بالحروف اللاتينية");
    public static string Cin => Say("CIN", "رقم البطاقة الوطنية");
    public static string CinHint => Say("Par exemple AB123456.", "مثال AB123456.");
    public static string BirthDate => Say("Date de naissance", "تاريخ الازدياد");
    public static string Gender => Say("Sexe", "الجنس");
    public static string GenderOf(Domain.Applications.Gender gender) => gender == Domain.Applications.Gender.Female ? Say("Femme", "أنثى") : Say("Homme", "ذكر");
    public static string Nationality => Say("Nationalité", "الجنسية");
    public static string NationalityHint => Say("Par exemple MA.", "مثال MA.");
    public static string Address => Say("Adresse", "العنوان");
    public static string LegalName => Say("Raison sociale", "الاسم التجاري");
    public static string LegalIdentifier => Say("Numéro d'enregistrement", "رقم التسجيل");
    public static string LegalIdentifierHint => Say("Pour une coopérative membre, son numéro, par exemple COOP-04-2026-000001.", "بالنسبة لتعاونية عضو، رقمها، مثال COOP-04-2026-000001.");
    public static string SharesSubscribed => Say("Parts souscrites", "الحصص المكتتبة");
    public static string SharesPaid => Say("Parts libérées", "الحصص المحررة");
    public static string AddPerson => Say("Ajouter une personne physique", "إضافة شخص ذاتي");
    public static string AddLegalPerson => Say("Ajouter une personne morale", "إضافة شخص معنوي");
    public static string Remove => Say("Retirer", "حذف");
    public static string RemoveMember(int number) => Say($"Retirer le membre {Number(number)}", $"حذف العضو {Number(number)}");
    public static string RemoveOfficer(int number) => Say($"Retirer le dirigeant {Number(number)}", $"حذف المسير {Number(number)}");
    public static string ManagementIntro => Say(
        "Les gérants ou les membres du conseil, avec leur mandat. Une ligne laissée vide est ignorée.",
        "المسيرون أو أعضاء المجلس، مع مدة ولايتهم. السطر الفارغ لا يؤخذ بعين الاعتبار.");
    public static string Officer(int number) => Say($"Dirigeant {Number(number)}", $"المسير {Number(number)}");
    public static string AddOfficer => Say("Ajouter un dirigeant", "إضافة مسير");
    public static string Role => Say("Fonction", "الصفة");
    public static string Profession => Say("Profession", "المهنة");
    public static string MandateStart => Say("Début du mandat", "بداية الولاية");
    public static string MandateEnd => Say("Fin du mandat", "نهاية الولاية");
    public static string ParticipatingMember => Say("Membre participant", "عضو مشارك");
    public static string NoMembers => Say("Aucun membre pour l'instant.", "لا يوجد أي عضو حالياً.");
    public static string NoOfficers => Say("Aucun dirigeant pour l'instant.", "لا يوجد أي مسير حالياً.");

    // Documents
    public static string DocumentsIntro => Say(
        "PDF, JPEG ou PNG, 10 Mo au plus par fichier. Joignez chaque pièce requise pour cette forme juridique.",
        "PDF أو JPEG أو PNG، 10 ميغابايت على الأكثر لكل ملف. أرفق كل وثيقة مطلوبة لهذا الشكل القانوني.");
    public static string RequiredDocuments => Say("Pièces requises", "الوثائق المطلوبة");
    public static string Attached => Say("Jointe", "مرفقة");
    public static string Missing => Say("Manquante", "غير مرفقة");
    public static string AttachedFiles => Say("Fichiers joints", "الملفات المرفقة");
    public static string DocumentKind => Say("Type de pièce", "نوع الوثيقة");
    public static string File => Say("Fichier", "الملف");
    public static string AttachButton => Say("Joindre", "إرفاق");
    public static string Continue => Say("Continuer", "متابعة");
    public static string FileRequired => Say("Choisissez un fichier.", "اختر ملفاً.");
    public static string FileTooLarge => Say("Le fichier dépasse 10 Mo.", "يتجاوز الملف 10 ميغابايت.");

    // Review
    public static string ReviewIntro => Say(
        "Vérifiez vos réponses avant de déposer la demande. La loi est vérifiée au dépôt : chaque règle non respectée est indiquée à côté de la réponse concernée.",
        "راجع أجوبتك قبل إيداع الطلب. يُتحقق من احترام القانون عند الإيداع: تُبين كل قاعدة غير محترمة بجانب الجواب المعني.");
    public static string Change => Say("Modifier", "تعديل");
    public static string ChangeSection(string section) => Say($"Modifier : {section}", $"تعديل: {section}");
    public static string SubmitTitle => Say("Déposer la demande", "إيداع الطلب");
    public static string SubmitHint => Say(
        "En déposant, vous déclarez exactes les informations données. Le bureau régional examine ensuite la demande.",
        "بالإيداع، تصرح بصحة المعلومات المقدمة. ثم يدرس المكتب الجهوي الطلب.");
    public static string Resubmit => Say("Déposer à nouveau la demande corrigée", "إعادة إيداع الطلب المصحح");
    public static string SubmitButton => Say("Déposer la demande", "إيداع الطلب");
    public static string RulesTitle => Say("La demande ne respecte pas encore la loi", "الطلب لا يحترم القانون بعد");
    public static string NotEditable => Say(
        "Cette demande n'est plus modifiable : elle est déposée ou décidée.",
        "لم يعد هذا الطلب قابلاً للتعديل: إنه مودع أو تم البت فيه.");
    public static string Stale => Say(
        "La demande a été modifiée entre-temps (dans un autre onglet ?). Vos réponses n'ont pas été enregistrées : rechargez la page.",
        "تم تعديل الطلب في الأثناء (في نافذة أخرى؟). لم تحفظ أجوبتك: أعد تحميل الصفحة.");
    public static string Conflict => Say("Cette action n'est plus possible. Rechargez la page.", "لم يعد هذا الإجراء ممكناً. أعد تحميل الصفحة.");
    public static string SubmittedTitle => Say("Demande déposée", "تم إيداع الطلب");
    public static string SubmittedOn => Say("Déposée le", "أودع في");
    public static string SeeStatus => Say("Suivre la demande", "تتبع الطلب");
    public static string Correct => Say("Corriger la demande", "تصحيح الطلب");
    public static string ContinueDraft => Say("Reprendre la demande", "متابعة الطلب");

    // Parsing errors (the page's own: the form did not give a value of the right kind)
    public static string DateInvalid => Say("Saisissez une date réelle, par exemple 2026-01-15.", "أدخل تاريخاً صحيحاً، مثال 2026-01-15.");
    public static string DateRequired => Say("Saisissez la date.", "أدخل التاريخ.");
    public static string NumberInvalid => Say("Saisissez un nombre, par exemple 100.", "أدخل عدداً، مثال 100.");
    public static string WholeNumberInvalid => Say("Saisissez un nombre entier, par exemple 10.", "أدخل عدداً صحيحاً، مثال 10.");
    public static string ChooseLegalForm => Say("Choisissez la forme juridique.", "اختر الشكل القانوني.");
    public static string ChooseSector => Say("Choisissez le secteur d'activité.", "اختر قطاع النشاط.");
    public static string ChooseProvince => Say("Choisissez la préfecture ou la province.", "اختر العمالة أو الإقليم.");
    public static string ChooseGender => Say("Choisissez le sexe.", "اختر الجنس.");
    public static string ChooseRole => Say("Choisissez la fonction.", "اختر الصفة.");
    public static string ChooseKind => Say("Choisissez le type de pièce.", "اختر نوع الوثيقة.");
    public static string TooManyRows(int max) => Say($"Au plus {Number(max)} lignes par page.", $"{Number(max)} سطر على الأكثر في الصفحة.");

    public static string DocumentKindOf(DocumentKind kind) => ReviewText.DocumentKindOf(kind);

    public static string OfficerRoleOf(OfficerRole role) => ReviewText.OfficerRoleOf(role);
}
