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

    /// <summary>Where the registry's own rules on an application come from: its procedure (SPEC §2 and §3), not a law.</summary>
    private static readonly LocalizedText LifecycleArticle = new("Règles du registre, étapes d'une demande", "قواعد السجل، مراحل الطلب");

    private static readonly LocalizedText ContentArticle = new("Règles du registre, contenu d'une demande", "قواعد السجل، مضمون الطلب");

    /// <summary>
    /// <paramref name="action"/> (an action's stable name: submit, approve, reject, request-changes, edit, attach-document)
    /// does not apply to an application in <paramref name="status"/>; the message names both in the reader's language.
    /// </summary>
    public static BrokenRule InvalidTransition(ApplicationStatus status, string action)
    {
        var state = StatusName(status);
        var act = ActionName(action);
        return new(
            InvalidTransitionCode,
            LifecycleArticle,
            new LocalizedText(
                $"La demande est à l'état « {state.Fr} » : l'action « {act.Fr} » n'est pas possible.",
                $"الطلب في حالة «{state.Ar}»: لا يمكن تنفيذ الإجراء «{act.Ar}»."));
    }

    /// <summary>A status as the state messages name it (the web pages' labels say more: "Déposée, en examen").</summary>
    public static LocalizedText StatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => new("brouillon", "مسودة"),
        ApplicationStatus.Submitted => new("déposée", "مودَع"),
        ApplicationStatus.ChangesRequested => new("renvoyée pour modifications", "مُعاد للتعديل"),
        ApplicationStatus.Approved => new("approuvée", "مقبول"),
        ApplicationStatus.Rejected => new("rejetée", "مرفوض"),
        _ => new(status.ToString(), status.ToString()),
    };

    /// <summary>An action by its stable name, as the state messages name it.</summary>
    public static LocalizedText ActionName(string action) => action switch
    {
        "submit" => new("déposer", "الإيداع"),
        "approve" => new("approuver", "الموافقة"),
        "reject" => new("rejeter", "الرفض"),
        "request-changes" => new("demander des modifications", "طلب تعديلات"),
        "edit" => new("modifier", "التعديل"),
        "attach-document" => new("joindre un document", "إرفاق وثيقة"),
        // An action added without its wording is named as the code names it rather than failing the refusal.
        _ => new(action, action),
    };

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
            yield return new BrokenRule(NameRequiredCode, ContentArticle, new LocalizedText(
                "L'organisation doit porter un nom en arabe ou en caractères latins.",
                "يجب أن يكون للمنظمة اسم بالعربية أو بالحروف اللاتينية."));
        }

        if (application.Members.Count == 0)
        {
            yield return new BrokenRule(MembersRequiredCode, ContentArticle, new LocalizedText(
                "La demande doit déclarer les membres de l'organisation.",
                "يجب أن يتضمن الطلب أعضاء المنظمة."));
        }
    }
}
