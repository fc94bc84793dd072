using static Registry.Web.Localization.Ui;

namespace Registry.Web.Localization;

/// <summary>The administrator's pages: staff accounts, their regions, the job dashboard.</summary>
public static class AdminText
{
    public static string NavLink => Say("Administration", "الإدارة");
    public static string Title => Say("Comptes du personnel", "حسابات الموظفين");
    public static string Intro => Say(
        "Les agents régionaux, analystes et administrateurs. Un agent régional n'agit que sur les organisations de ses régions.",
        "الموظفون الجهويون والمحللون والمديرون. لا يتصرف الموظف الجهوي إلا في هيئات جهاته.");
    public static string NoStaff => Say("Aucun compte du personnel.", "لا توجد حسابات للموظفين.");
    public static string Regions => Say("Régions", "الجهات");
    public static string AllRegionsNone => Say("—", "—");
    public static string ChangeRegions => Say("Modifier les régions", "تعديل الجهات");
    public static string CreateStaff => Say("Créer un compte du personnel", "إنشاء حساب موظف");
    public static string JobDashboard => Say("Tableau de bord des tâches (Hangfire)", "لوحة متابعة المهام (Hangfire)");
    public static string JobDashboardHint => Say(
        "Balayage nocturne de conformité, envoi des courriels, export des données ouvertes : exécutions, échecs et relances.",
        "الفحص الليلي للامتثال، وإرسال الرسائل، وتصدير البيانات المفتوحة: التنفيذ والإخفاقات وإعادة المحاولة.");

    public static string CreateIntro => Say(
        "Le compte peut servir dès sa création. Communiquez le mot de passe à la personne par un canal sûr ; elle le changera. Un agent régional ou un administrateur activera l'authentification à deux facteurs à sa première connexion.",
        "يمكن استعمال الحساب فور إنشائه. أبلغ الشخص بكلمة المرور عبر قناة آمنة، وسيغيرها. سيفعّل الموظف الجهوي أو المدير المصادقة الثنائية عند أول تسجيل دخول.");
    public static string Role => Say("Rôle", "الدور");
    public static string RegionsHint => Say("Pour un agent régional seulement : cochez une ou plusieurs régions.", "للموظف الجهوي فقط: اختر جهة واحدة أو أكثر.");
    public static string RegionsEditHint => Say("Cochez une ou plusieurs régions.", "اختر جهة واحدة أو أكثر.");
    public static string Create => Say("Créer le compte", "إنشاء الحساب");
    public static string Save => Say("Enregistrer les régions", "حفظ الجهات");
    public static string Created => Say("Compte créé", "تم إنشاء الحساب");
    public static string RegionsSaved => Say("Régions enregistrées", "تم حفظ الجهات");
    public static string RegionsSavedNext => Say(
        "L'agent voit les nouvelles régions à sa prochaine connexion ; ses sessions ouvertes avec les anciennes prennent fin.",
        "يرى الموظف الجهات الجديدة عند دخوله المقبل؛ وتنتهي جلساته المفتوحة بالجهات السابقة.");
    public static string BackToStaff => Say("Retour aux comptes du personnel", "العودة إلى حسابات الموظفين");
    public static string Actions => Say("Actions", "الإجراءات");
    public static string ResetTwoFactor => Say("Réinitialiser la double authentification", "إعادة تعيين المصادقة الثنائية");
    public static string ResetTwoFactorIntro => Say(
        "Pour un agent qui a perdu son application d'authentification et ses codes de secours. Sa clé et ses codes de secours actuels ne vaudront plus rien, toutes ses sessions seront fermées, et il devra s'inscrire de nouveau à sa prochaine connexion avant de pouvoir agir.",
        "لموظف فقد تطبيق المصادقة ورموز الاسترداد. لن تعود لمفتاحه ورموز الاسترداد الحالية أي قيمة، وستُغلق جميع جلساته، وعليه التسجيل من جديد عند دخوله المقبل قبل أن يتمكن من العمل.");
    public static string ResetTwoFactorConfirm => Say("Réinitialiser", "إعادة التعيين");
    public static string TwoFactorWasReset => Say("Double authentification réinitialisée", "تمت إعادة تعيين المصادقة الثنائية");
    public static string TwoFactorWasResetNext => Say(
        "Ses sessions sont fermées ; il s'inscrira de nouveau à sa prochaine connexion.",
        "أُغلقت جلساته؛ وسيسجل من جديد عند دخوله المقبل.");

    public static string ChooseRole => Say("Choisissez un rôle.", "اختر دوراً.");
    public static string ChooseRegion => Say("Un agent régional couvre au moins une région : cochez-en une.", "يغطي الموظف الجهوي جهة واحدة على الأقل: اختر جهة.");
    public static string NoRegionsForRole => Say("Seuls les agents régionaux ont des régions : décochez-les ou choisissez « Agent régional ».", "وحدهم الموظفون الجهويون لهم جهات: ألغ اختيارها أو اختر «موظف جهوي».");
    public static string InvalidValue => Say("Cette valeur n'est pas acceptée.", "هذه القيمة غير مقبولة.");
}
