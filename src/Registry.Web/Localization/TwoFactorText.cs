using static Registry.Web.Localization.Ui;

namespace Registry.Web.Localization;

/// <summary>Two-factor authentication: the code step of the log-in and the staff's enrolment page (issue 7).</summary>
public static class TwoFactorText
{
    public static string CodeTitle => Say("Code de vérification", "رمز التحقق");
    public static string CodeIntro => Say(
        "Votre compte est protégé par l'authentification à deux facteurs. Saisissez le code à 6 chiffres affiché par votre application d'authentification.",
        "حسابك محمي بالمصادقة الثنائية. أدخل الرمز المكون من 6 أرقام الذي يعرضه تطبيق المصادقة.");
    public static string Code => Say("Code à 6 chiffres", "الرمز المكون من 6 أرقام");
    public static string CodeHint => Say(
        "Ou l'un de vos codes de récupération, si vous n'avez plus votre application.",
        "أو أحد رموز الاسترداد إذا لم يعد تطبيق المصادقة متاحاً لك.");
    public static string Verify => Say("Vérifier", "تحقق");
    public static string CodeRequired => Say("Saisissez le code de votre application d'authentification.", "أدخل الرمز الذي يعرضه تطبيق المصادقة.");
    public static string CodeWrong => Say(
        "Ce code n'est pas valable. Saisissez le code affiché maintenant par votre application.",
        "هذا الرمز غير صالح. أدخل الرمز الذي يعرضه التطبيق الآن.");
    public static string CodeExpired => Say(
        "Votre connexion a expiré. Saisissez de nouveau votre adresse e-mail et votre mot de passe.",
        "انتهت مهلة تسجيل الدخول. أدخل بريدك الإلكتروني وكلمة المرور من جديد.");

    public static string EnrolTitle => Say("Activer l'authentification à deux facteurs", "تفعيل المصادقة الثنائية");
    public static string EnrolIntro => Say(
        "Les agents régionaux et les administrateurs doivent se connecter avec un second facteur : un code à 6 chiffres, renouvelé toutes les 30 secondes par une application d'authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator). Tant qu'il n'est pas activé, les pages et l'API du personnel vous restent fermées.",
        "يجب على الموظفين الجهويين والمديرين تسجيل الدخول بعامل ثان: رمز من 6 أرقام يتجدد كل 30 ثانية في تطبيق مصادقة على هاتفك (مثل FreeOTP أو Aegis أو Google Authenticator أو Microsoft Authenticator). ما دام غير مفعل، تبقى صفحات الموظفين وواجهتهم البرمجية مغلقة أمامك.");
    public static string StepApp => Say("1. Dans votre application, ajoutez un compte et saisissez cette clé :", "1. في التطبيق، أضف حساباً وأدخل هذا المفتاح:");
    public static string KeyLabel => Say("Clé", "المفتاح");
    public static string KeyHint => Say(
        "Les espaces ne comptent pas. Choisissez un code « basé sur le temps » (TOTP), 6 chiffres, 30 secondes.",
        "المسافات لا تحتسب. اختر رمزاً «مبنياً على الوقت» (TOTP)، 6 أرقام، 30 ثانية.");
    public static string UriLabel => Say(
        "Ou, si votre application accepte un lien, cette adresse :",
        "أو، إذا كان التطبيق يقبل رابطاً، هذا العنوان:");
    public static string StepCode => Say("2. Saisissez le code que l'application affiche maintenant.", "2. أدخل الرمز الذي يعرضه التطبيق الآن.");
    public static string Enable => Say("Activer", "تفعيل");
    public static string EnabledTitle => Say("L'authentification à deux facteurs est activée", "تم تفعيل المصادقة الثنائية");
    public static string RecoveryIntro => Say(
        "Voici vos codes de récupération. Chacun permet une seule connexion si vous perdez votre téléphone. Notez-les et gardez-les en lieu sûr : ils ne seront plus affichés.",
        "هذه رموز الاسترداد الخاصة بك. يسمح كل رمز بتسجيل دخول واحد إذا فقدت هاتفك. دوّنها واحفظها في مكان آمن: لن تُعرض مرة أخرى.");
    public static string RecoveryCodes => Say("Codes de récupération", "رموز الاسترداد");
    public static string Continue => Say("Continuer", "متابعة");
    public static string AlreadyEnabled => Say(
        "L'authentification à deux facteurs est déjà activée pour ce compte. Chaque connexion demande le code de votre application.",
        "المصادقة الثنائية مفعلة بالفعل لهذا الحساب. يطلب كل تسجيل دخول رمز التطبيق.");
    public static string NotRequired => Say(
        "Votre compte n'a pas besoin d'un second facteur.",
        "حسابك لا يحتاج إلى عامل ثان.");
    public static string AccountLink => Say("Authentification à deux facteurs", "المصادقة الثنائية");
    public static string AccountRequired => Say(
        "Votre rôle exige l'authentification à deux facteurs : activez-la pour accéder à vos pages.",
        "يتطلب دورك المصادقة الثنائية: فعّلها للوصول إلى صفحاتك.");
}
