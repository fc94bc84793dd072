using Registry.Domain.Common;

namespace Registry.Domain.Applications;

/// <summary>
/// Rules of the application lifecycle itself. The law's rules per legal form (SPEC §4) are evaluated
/// on top of these at submission and approval.
/// </summary>
public static class ApplicationRules
{
    public const string InvalidTransitionCode = "APPLICATION_STATE";
    public const string NameRequiredCode = "APPLICATION_NAME_REQUIRED";
    public const string MembersRequiredCode = "APPLICATION_MEMBERS_REQUIRED";

    public static BrokenRule InvalidTransition(ApplicationStatus status, string action) => new(
        InvalidTransitionCode,
        "SPEC §3",
        new LocalizedText(
            $"La demande est à l'état « {status} » : l'action « {action} » n'est pas possible.",
            $"الطلب في حالة «{status}»: لا يمكن تنفيذ الإجراء «{action}»."));

    public static IEnumerable<BrokenRule> CompletenessOf(RegistrationApplication application)
    {
        if (string.IsNullOrWhiteSpace(application.NameAr) && string.IsNullOrWhiteSpace(application.NameLatin))
        {
            yield return new BrokenRule(NameRequiredCode, "SPEC §2", new LocalizedText(
                "L'organisation doit porter un nom en arabe ou en caractères latins.",
                "يجب أن يكون للمنظمة اسم بالعربية أو بالحروف اللاتينية."));
        }

        if (application.Members.Count == 0)
        {
            yield return new BrokenRule(MembersRequiredCode, "SPEC §2", new LocalizedText(
                "La demande doit déclarer les membres de l'organisation.",
                "يجب أن يتضمن الطلب أعضاء المنظمة."));
        }
    }
}
