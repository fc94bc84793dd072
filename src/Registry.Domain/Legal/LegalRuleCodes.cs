namespace Registry.Domain.Legal;

/// <summary>The stable codes of the legal-status rules (SPEC §4); clients and compliance findings rely on them.</summary>
public static class LegalRuleCodes
{
    public const string CoopMinMembers = "COOP_MIN_MEMBERS";
    public const string CoopMinCapital = "COOP_MIN_CAPITAL";
    public const string CoopShareValue = "COOP_SHARE_VALUE";
    public const string CoopQuarterPaid = "COOP_QUARTER_PAID";
    public const string CoopNaturalCapital = "COOP_NATURAL_CAPITAL";
    public const string CoopLegalPersonVotes = "COOP_LEGAL_PERSON_VOTES";
    public const string CoopManagement = "COOP_MANAGEMENT";
    public const string CoopNameApproved = "COOP_NAME_APPROVED";
    public const string UnionMinCoops = "UNION_MIN_COOPS";
    public const string AssoMinFounders = "ASSO_MIN_FOUNDERS";
    public const string AssoBoardDetails = "ASSO_BOARD_DETAILS";
    public const string MutuFinancialPlan = "MUTU_FINANCIAL_PLAN";
    public const string MutuAdministrators = "MUTU_ADMINISTRATORS";
    public const string PersonAdult = "PERSON_ADULT";
    public const string PersonCin = "PERSON_CIN";
    public const string RequiredDocuments = "REQUIRED_DOCUMENTS";

    /// <summary>Every code of SPEC §4, in the order of its table.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(
    [
        CoopMinMembers, CoopMinCapital, CoopShareValue, CoopQuarterPaid, CoopNaturalCapital, CoopLegalPersonVotes,
        CoopManagement, CoopNameApproved, UnionMinCoops, AssoMinFounders, AssoBoardDetails, MutuFinancialPlan,
        MutuAdministrators, PersonAdult, PersonCin, RequiredDocuments,
    ]);
}
