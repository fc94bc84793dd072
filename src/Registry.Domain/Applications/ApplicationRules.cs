using Registry.Domain.Common;
using Registry.Domain.Legal;

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

    /// <summary>The rules of the law that already report an application without members: its form's legal minimum.</summary>
    private static readonly HashSet<string> MinimumMembersCodes =
        [LegalRuleCodes.CoopMinMembers, LegalRuleCodes.UnionMinCoops, LegalRuleCodes.AssoMinFounders];

    /// <summary>
    /// Completeness, then the law's broken rules, as submission reports them: without members, the form's legal
    /// minimum (COOP_MIN_MEMBERS, UNION_MIN_COOPS, ASSO_MIN_FOUNDERS) says it already, so the completeness rule is
    /// not listed beside it; a mutual society, for which the law sets no minimum, gets the completeness rule.
    /// </summary>
    public static IReadOnlyList<BrokenRule> Of(RegistrationApplication application, IReadOnlyList<BrokenRule>? legalRules)
    {
        var law = legalRules ?? [];
        var minimumBroken = law.Any(r => MinimumMembersCodes.Contains(r.Code));
        return [.. CompletenessOf(application).Where(r => !(minimumBroken && r.Code == MembersRequiredCode)), .. law];
    }

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
