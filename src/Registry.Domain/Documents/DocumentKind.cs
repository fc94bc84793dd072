namespace Registry.Domain.Documents;

/// <summary>The documents an application can carry; each legal form requires some of them.</summary>
public enum DocumentKind
{
    /// <summary>Statuts.</summary>
    Statutes,

    /// <summary>Procès-verbal de l'assemblée constitutive.</summary>
    ConstitutiveMinutes,

    /// <summary>Attestation bancaire du dépôt du capital libéré (cooperatives).</summary>
    BankCertificate,

    /// <summary>Récépissé de dépôt auprès de l'autorité locale (associations).</summary>
    LocalAuthorityReceipt,

    /// <summary>Liste des membres du bureau / des fondateurs.</summary>
    MembersList,

    /// <summary>Plan financier sur trois ans (mutual societies).</summary>
    FinancialPlan,

    /// <summary>Décision des coopératives membres d'adhérer à l'union.</summary>
    MemberCooperativesDecisions,

    /// <summary>Anything else the applicant wishes to attach.</summary>
    Other,
}
