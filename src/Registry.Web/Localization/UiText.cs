using Registry.Domain.Applications;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;
using static Registry.Web.Localization.Ui;

namespace Registry.Web.Localization;

/// <summary>
/// The pages' own words, in French and Arabic. Rule and validation messages are not here: they come from the
/// domain's legal rules and the validators, the same texts as the API's.
/// </summary>
public static class UiText
{
    public static string ServiceName => Say("Registre national de l'économie sociale et solidaire", "السجل الوطني للاقتصاد الاجتماعي والتضامني");
    public static string ServiceShort => Say("Registre ESS", "سجل ESS");
    public static string SkipToContent => Say("Aller au contenu", "الانتقال إلى المحتوى");
    public static string MainMenu => Say("Menu principal", "القائمة الرئيسية");
    public static string LanguageMenu => Say("Langue", "اللغة");
    public static string OtherLanguageName => Lang == "ar" ? "Français" : "العربية";
    public static string Search => Say("Rechercher", "بحث");
    public static string SearchTitle => Say("Rechercher une organisation", "البحث عن هيئة");
    public static string SearchIntro => Say(
        "Coopératives, unions, associations et mutuelles enregistrées. Cherchez par nom, en arabe ou en français, ou par numéro d'enregistrement.",
        "التعاونيات والاتحادات والجمعيات والتعاضديات المسجلة. ابحث بالاسم، بالعربية أو بالفرنسية، أو برقم التسجيل.");
    public static string NameOrNumber => Say("Nom ou numéro d'enregistrement", "الاسم أو رقم التسجيل");
    public static string NameHint => Say("Par exemple : Argane Tiznit, تعاونية الأمل ou COOP-06-2026-000001", "مثال: تعاونية الأمل أو Argane Tiznit أو COOP-06-2026-000001");
    public static string Region => Say("Région", "الجهة");
    public static string Province => Say("Préfecture ou province", "العمالة أو الإقليم");
    public static string LegalForm => Say("Forme juridique", "الشكل القانوني");
    public static string Status => Say("Statut", "الوضعية");
    /// <summary>The list separator: the Arabic comma in Arabic.</summary>
    public static string Comma => Say(", ", "، ");
    public static string Any => Say("Toutes", "الكل");
    public static string ChooseFromList => Say("Choisissez une valeur de la liste.", "اختر قيمة من القائمة.");
    public static string Filters => Say("Affiner", "تدقيق البحث");
    public static string Results => Say("Résultats", "النتائج");
    public static string NoResults => Say("Aucune organisation enregistrée ne correspond à cette recherche.", "لا توجد هيئة مسجلة تطابق هذا البحث.");
    public static string ResultsOnPage(int count) => Say($"{Number(count)} organisation(s) sur cette page", $"{Number(count)} هيئة في هذه الصفحة");
    public static string NextPage => Say("Page suivante", "الصفحة التالية");
    public static string FirstPage => Say("Première page", "الصفحة الأولى");
    public static string RegistrationNumber => Say("Numéro d'enregistrement", "رقم التسجيل");
    public static string NameArabic => Say("Nom en arabe", "الاسم بالعربية");
    public static string NameLatin => Say("Nom en caractères latins", "الاسم بالحروف اللاتينية");
    public static string Sector => Say("Secteur d'activité", "قطاع النشاط");
    public static string Seat => Say("Siège", "المقر");
    public static string FoundingDate => Say("Date de création", "تاريخ التأسيس");
    public static string RegisteredOn => Say("Enregistrée le", "تاريخ التسجيل");
    public static string StatusSince => Say("Depuis le", "منذ");
    public static string Members => Say("Membres", "الأعضاء");
    public static string WomenMembers => Say("Dont femmes", "منهم نساء");
    public static string PublicProfile => Say("Fiche publique", "البطاقة العمومية");
    public static string PublicFieldsOnly => Say(
        "Seules les informations publiques sont affichées ; aucune donnée personnelle (loi 09-08).",
        "تُعرض المعلومات العمومية فقط، دون أي معطيات شخصية (القانون 09-08).");
    public static string Verify => Say("Vérifier un numéro", "التحقق من رقم");
    public static string VerifyTitle => Say("Vérifier un numéro d'enregistrement", "التحقق من رقم التسجيل");
    public static string VerifyIntro => Say(
        "Saisissez le numéro figurant sur le certificat pour savoir s'il est enregistré et quel est son statut.",
        "أدخل الرقم المكتوب في الشهادة لمعرفة ما إذا كان مسجلاً وما هي وضعيته.");
    public static string VerifyHint => Say("Format : FORME-RR-AAAA-NNNNNN, par exemple COOP-06-2026-000123", "الصيغة: FORME-RR-AAAA-NNNNNN، مثال COOP-06-2026-000123");
    public static string VerifyButton => Say("Vérifier", "تحقق");
    public static string VerifyMalformed => Say(
        "Saisissez un numéro au format FORME-RR-AAAA-NNNNNN, par exemple COOP-06-2026-000123.",
        "أدخل رقماً بالصيغة FORME-RR-AAAA-NNNNNN، مثال COOP-06-2026-000123.");
    public static string VerifyRequired => Say("Saisissez un numéro d'enregistrement.", "أدخل رقم التسجيل.");
    public static string Registered => Say("Ce numéro est enregistré", "هذا الرقم مسجل");
    public static string NotRegistered => Say("Aucune organisation n'est enregistrée sous ce numéro", "لا توجد هيئة مسجلة بهذا الرقم");
    public static string NotRegisteredHelp => Say(
        "Vérifiez le numéro sur le certificat. Un certificat dont le numéro n'est pas enregistré n'est pas valable.",
        "تحقق من الرقم المكتوب في الشهادة. الشهادة التي لا يكون رقمها مسجلاً غير صالحة.");
    public static string SeeProfile => Say("Voir la fiche publique", "عرض البطاقة العمومية");
    public static string NotFoundTitle => Say("Page introuvable", "الصفحة غير موجودة");
    public static string NotFoundHelp => Say(
        "Si vous avez saisi l'adresse, vérifiez-la. Si vous avez suivi un lien, l'élément n'existe pas ou ne vous est pas accessible.",
        "إذا كتبت العنوان بنفسك فتحقق منه. وإذا اتبعت رابطاً، فالعنصر غير موجود أو غير متاح لك.");
    public static string TooLargeTitle => Say("Envoi trop volumineux", "الإرسال كبير جداً");
    public static string TooLargeHelp => Say(
        "Ce qui a été envoyé dépasse la taille acceptée (10 Mo pour un document) : rien n'a été enregistré. Revenez au formulaire et joignez un fichier plus petit (PDF, JPEG ou PNG).",
        "ما أُرسل يتجاوز الحجم المقبول (10 ميغابايت للوثيقة): لم يسجل أي شيء. عد إلى الاستمارة وأرفق ملفاً أصغر (PDF أو JPEG أو PNG).");
    public static string BackToForm => Say("Revenir au formulaire", "العودة إلى الاستمارة");
    public static string ErrorTitle => Say("La demande n'a pas pu être traitée", "تعذرت معالجة الطلب");
    public static string ErrorHelp => Say(
        "Revenez à la page précédente, rechargez-la, puis réessayez.",
        "عد إلى الصفحة السابقة، وأعد تحميلها، ثم حاول من جديد.");
    public static string TooManyRequestsTitle => Say("Trop de demandes", "طلبات كثيرة جداً");
    public static string TooManyRequestsHelp(int minutes) => Say(
        $"Pour protéger le registre, les demandes répétées sont limitées. Réessayez dans {Number(minutes)} minute(s).",
        $"لحماية السجل، يُحدّ من الطلبات المتكررة. أعد المحاولة بعد {Number(minutes)} دقيقة.");
    public static string BackToSearch => Say("Retour à la recherche", "العودة إلى البحث");
    public static string ErrorSummaryTitle => Say("Il y a un problème", "هناك مشكلة");
    public static string ErrorPrefix => Say("Erreur :", "خطأ:");
    public static string Home => Say("Accueil", "الرئيسية");
    public static string HomeIntro => Say(
        "Le registre public et officiel des coopératives, associations et mutuelles du Maroc.",
        "السجل العمومي والرسمي للتعاونيات والجمعيات والتعاضديات بالمغرب.");
    public static string HomeVerify => Say(
        "Une banque, un donateur ou une administration vous présente un certificat ? Vérifiez son numéro.",
        "هل قدمت لك هيئة شهادة؟ تحقق من رقمها.");
    public static string HomeApply => Say(
        "Vous créez une coopérative, une association ou une mutuelle ? Créez un compte pour déposer votre demande.",
        "هل تؤسس تعاونية أو جمعية أو تعاضدية؟ أنشئ حساباً لإيداع طلبك.");

    // Accounts
    public static string SignUp => Say("Créer un compte", "إنشاء حساب");
    public static string LogIn => Say("Se connecter", "تسجيل الدخول");
    public static string LogOut => Say("Se déconnecter", "تسجيل الخروج");
    public static string MyAccount => Say("Mon espace", "فضائي");
    public static string Email => Say("Adresse e-mail", "البريد الإلكتروني");
    public static string EmailHint => Say("Nous l'utilisons pour vous écrire au sujet de vos demandes.", "نستعمله لمراسلتك بشأن طلباتك.");
    public static string Password => Say("Mot de passe", "كلمة المرور");
    /// <summary>What the configured password policy asks for (Registry:Identity:Password).</summary>
    public static string PasswordHint(Microsoft.AspNetCore.Identity.PasswordOptions policy)
    {
        string[] kinds =
        [
            .. new[]
            {
                (policy.RequireUppercase, Say("une majuscule", "حرف كبير")),
                (policy.RequireLowercase, Say("une minuscule", "حرف صغير")),
                (policy.RequireDigit, Say("un chiffre", "رقم")),
                (policy.RequireNonAlphanumeric, Say("un symbole", "رمز")),
            }.Where(kind => kind.Item1).Select(kind => kind.Item2),
        ];
        var length = Say($"Au moins {Number(policy.RequiredLength)} caractères", $"{Number(policy.RequiredLength)} أحرف على الأقل");
        return kinds.Length == 0
            ? length + "."
            : Say($"{length}, avec {string.Join(", ", kinds.SkipLast(1))}{(kinds.Length > 1 ? " et " : "")}{kinds[^1]}.",
                $"{length}، منها {string.Join(" و", kinds)}.");
    }
    public static string ConfirmPassword => Say("Confirmez le mot de passe", "أكد كلمة المرور");
    public static string EmailRequired => Say("Saisissez votre adresse e-mail.", "أدخل بريدك الإلكتروني.");
    public static string EmailInvalid => In(Infrastructure.Identity.LocalizedIdentityErrorDescriber.EmailInvalid);
    public static string PasswordRequired => Say("Saisissez votre mot de passe.", "أدخل كلمة المرور.");
    public static string PasswordsDiffer => Say("Les deux mots de passe ne sont pas identiques.", "كلمتا المرور غير متطابقتين.");
    public static string LoginFailed => Say("L'adresse e-mail ou le mot de passe est incorrect.", "البريد الإلكتروني أو كلمة المرور غير صحيحة.");
    public static string LockedOut => Say(
        "Trop de tentatives : le compte est bloqué quelques minutes. Réessayez plus tard.",
        "محاولات كثيرة: الحساب موقوف لبضع دقائق. حاول لاحقاً.");
    public static string NoAccount => Say("Pas encore de compte ?", "ليس لديك حساب؟");
    public static string HaveAccount => Say("Vous avez déjà un compte ?", "لديك حساب؟");
    public static string SignedInAs => Say("Connecté en tant que", "متصل باسم");
    public static string YourRole => Say("Rôle", "الدور");

    public static string MyApplications => Say("Mes demandes", "طلباتي");
    public static string NoApplications => Say("Vous n'avez encore aucune demande.", "ليس لديك أي طلب بعد.");
    public static string Application => Say("Demande", "الطلب");
    public static string ApplicationTitle => Say("Ma demande d'enregistrement", "طلب التسجيل الخاص بي");
    public static string LastChange => Say("Dernière modification", "آخر تعديل");
    public static string SubmittedOn => Say("Déposée le", "تاريخ الإيداع");
    public static string DecidedOn => Say("Décision du", "تاريخ القرار");
    public static string OfficialComments => Say("Commentaires de l'agent régional", "ملاحظات الموظف الجهوي");
    public static string WhatNext => Say("Et ensuite ?", "ماذا بعد؟");
    public static string Unnamed => Say("(sans nom)", "(بدون اسم)");

    public static string ApplicationStatusOf(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => Say("Brouillon", "مسودة"),
        ApplicationStatus.Submitted => Say("Déposée, en examen", "مودع، قيد الدراسة"),
        ApplicationStatus.ChangesRequested => Say("Modifications demandées", "مطلوب تعديلات"),
        ApplicationStatus.Approved => Say("Approuvée", "مقبول"),
        ApplicationStatus.Rejected => Say("Rejetée", "مرفوض"),
        _ => status.ToString(),
    };

    public static string NextStep(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => Say(
            "La demande n'est pas encore déposée. Complétez-la, joignez les documents demandés puis déposez-la.",
            "الطلب لم يودع بعد. أكمله وأرفق الوثائق المطلوبة ثم أودعه."),
        ApplicationStatus.Submitted => Say(
            "Le bureau régional de l'économie sociale examine votre demande. Vous recevrez sa décision par e-mail et sur cette page.",
            "يدرس المكتب الجهوي للاقتصاد الاجتماعي طلبك. ستتوصل بالقرار عبر البريد الإلكتروني وفي هذه الصفحة."),
        ApplicationStatus.ChangesRequested => Say(
            "L'agent régional demande des corrections. Lisez ses commentaires, corrigez la demande puis déposez-la à nouveau.",
            "يطلب الموظف الجهوي تصحيحات. اقرأ ملاحظاته، صحح الطلب ثم أودعه من جديد."),
        ApplicationStatus.Approved => Say(
            "Votre organisation est enregistrée. Son numéro figure ci-dessous et sa fiche publique est en ligne.",
            "هيئتك مسجلة. رقمها مبين أسفله وبطاقتها العمومية منشورة."),
        ApplicationStatus.Rejected => Say(
            "La demande est rejetée pour le motif indiqué. Vous pouvez déposer une nouvelle demande.",
            "رُفض الطلب للسبب المذكور. يمكنك إيداع طلب جديد."),
        _ => "",
    };

    public static string Role(string role) => role switch
    {
        "Applicant" => Say("Demandeur", "صاحب طلب"),
        "RegionalOfficial" => Say("Agent régional", "موظف جهوي"),
        "MinistryAnalyst" => Say("Analyste du ministère", "محلل بالوزارة"),
        "Administrator" => Say("Administrateur", "مدير النظام"),
        _ => role,
    };

    public static string Form(LegalForm form) => form switch
    {
        Domain.Reference.LegalForm.COOP => Say("Coopérative", "تعاونية"),
        Domain.Reference.LegalForm.UNION => Say("Union de coopératives", "اتحاد تعاونيات"),
        Domain.Reference.LegalForm.ASSO => Say("Association", "جمعية"),
        Domain.Reference.LegalForm.MUTU => Say("Mutuelle", "تعاضدية"),
        _ => form.ToString(),
    };

    public static string StatusOf(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Active => Say("Active", "نشطة"),
        OrganizationStatus.Suspended => Say("Suspendue", "موقوفة"),
        OrganizationStatus.StruckOff => Say("Radiée", "مشطب عليها"),
        OrganizationStatus.Dissolved => Say("Dissoute", "منحلة"),
        _ => status.ToString(),
    };
}
