using Registry.Domain.Common;

namespace Registry.Domain.Organizations;

/// <summary>How the refusal of an action the organisation's status does not allow names the status and the action (SPEC §3).</summary>
public static class OrganizationStates
{
    public const string InvalidTransitionCode = "ORGANIZATION_STATE";

    /// <summary>Where the rule comes from: the registry's procedure, not a law.</summary>
    public static LocalizedText Article { get; } = new("Règles du registre, statut d'une organisation", "قواعد السجل، وضعية المنظمة");

    /// <summary>A status as the state messages name it.</summary>
    public static LocalizedText StatusName(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Active => new("active", "نشطة"),
        OrganizationStatus.Suspended => new("suspendue", "موقوفة"),
        OrganizationStatus.StruckOff => new("radiée", "مشطب عليها"),
        OrganizationStatus.Dissolved => new("dissoute", "منحلة"),
        _ => new(status.ToString(), status.ToString()),
    };

    /// <summary>An action by its stable name (suspend, reinstate, strike-off, dissolve, declare), as the state messages name it.</summary>
    public static LocalizedText ActionName(string action) => action switch
    {
        "suspend" => new("suspendre", "التوقيف"),
        "reinstate" => new("rétablir", "إعادة التفعيل"),
        "strike-off" => new("radier", "التشطيب"),
        "dissolve" => new("constater la dissolution", "إثبات الحل"),
        "declare" => new("déposer une déclaration", "إيداع تصريح"),

        // An action added without its wording is named as the code names it rather than failing the refusal.
        _ => new(action, action),
    };
}
