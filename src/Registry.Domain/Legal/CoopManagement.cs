using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>
/// Management of a cooperative. Over 50 members: a board of directors of 3 to 12 members, a multiple of 3,
/// each mandate at most 3 years. Otherwise: 1 to 3 managers each with a term of at most 3 years, or such a board.
/// </summary>
/// <remarks>Board roles: president, vice-president, secretary, treasurer, board member, administrator; manager role: manager;
/// an auditor is neither.
/// A term is "at most 3 years" when <c>MandateEnd ≤ MandateStart + 3 years</c>.</remarks>
public sealed class CoopManagement : ILegalRule
{
    public const int MembersRequiringBoard = 50;
    public const int MinBoard = 3;
    public const int MaxBoard = 12;
    public const int BoardMultiple = 3;
    public const int MinManagers = 1;
    public const int MaxManagers = 3;
    public const int MaxTermYears = 3;

    public string Code => LegalRuleCodes.CoopManagement;

    public LocalizedText Article { get; } = Laws.Cooperatives.Articles(47, 50, 51, 65);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var board = facts.Officers.Where(Governance.IsBoardMember).ToList();
        var managers = facts.Officers.Where(officer => officer.Role == OfficerRole.Manager).ToList();
        var boardSizeValid = board.Count is >= MinBoard and <= MaxBoard && board.Count % BoardMultiple == 0;
        var boardLongTerms = board.Count(officer => !WithinTerm(officer));
        var managersCountValid = managers.Count is >= MinManagers and <= MaxManagers;
        var managerLongTerms = managers.Count(officer => !WithinTerm(officer));
        var boardValid = boardSizeValid && boardLongTerms == 0;
        var managersValid = managersCountValid && managerLongTerms == 0;
        var members = facts.Members.Count;
        var large = members > MembersRequiringBoard;
        if (boardValid || (!large && managersValid))
        {
            yield break;
        }

        var findings = new List<LocalizedText>();
        if (!large)
        {
            findings.AddRange(ManagerFindings(managers.Count, managersCountValid, managerLongTerms));
        }

        findings.AddRange(BoardFindings(board.Count, boardSizeValid, boardLongTerms));
        var found = LegalText.Clauses(findings);
        var board3To12 = $"un conseil d'administration de {MinBoard} à {MaxBoard} membres, en nombre multiple de {BoardMultiple}, élus pour {MaxTermYears} ans au plus";
        var board3To12Ar = $"مجلس إدارة يتكون من {MinBoard} إلى {MaxBoard} عضوا، يكون عددهم من مضاعفات العدد {BoardMultiple}، ولا تتجاوز مدة انتدابهم {MaxTermYears} سنوات";
        yield return large
            ? this.Broken(
                $"{LegalText.Count(members, "membre", "membres")} : au-delà de {MembersRequiringBoard} membres, la coopérative est administrée par {board3To12}. Constaté : {found.Fr}.",
                $"عدد الأعضاء: {members}؛ التعاونية التي يفوق عدد أعضائها {MembersRequiringBoard} عضوا يديرها {board3To12Ar}. الملاحظ: {found.Ar}.")
            : this.Broken(
                $"{LegalText.Count(members, "membre", "membres")} : jusqu'à {MembersRequiringBoard} membres, la coopérative est gérée par {MinManagers} à {MaxManagers} gérants "
                + $"élus pour {MaxTermYears} ans au plus, ou par {board3To12}. Constaté : {found.Fr}.",
                $"عدد الأعضاء: {members}؛ التعاونية التي لا يتجاوز عدد أعضائها {MembersRequiringBoard} عضوا يسيرها من {MinManagers} إلى {MaxManagers} مسيرين "
                + $"لا تتجاوز مدة انتدابهم {MaxTermYears} سنوات، أو {board3To12Ar}. الملاحظ: {found.Ar}.");
    }

    private static bool WithinTerm(Officer officer) => officer.MandateEnd <= officer.MandateStart.AddYears(MaxTermYears);

    private static IEnumerable<LocalizedText> ManagerFindings(int count, bool countValid, int longTerms)
    {
        if (count == 0)
        {
            yield return new("aucun gérant", "لم يتم التصريح بأي مسير");
        }
        else if (!countValid)
        {
            yield return new($"{count} gérants", $"عدد المسيرين: {count}");
        }

        if (longTerms > 0)
        {
            yield return new(
                $"{LegalText.Count(longTerms, "mandat", "mandats")} de gérant de plus de {MaxTermYears} ans",
                $"عدد انتدابات المسيرين التي تتجاوز {MaxTermYears} سنوات: {longTerms}");
        }
    }

    private static IEnumerable<LocalizedText> BoardFindings(int count, bool sizeValid, int longTerms)
    {
        if (count == 0)
        {
            yield return new("aucun membre du conseil d'administration", "لم يتم التصريح بأي عضو في مجلس الإدارة");
        }
        else if (!sizeValid)
        {
            yield return new(
                $"conseil d'administration de {LegalText.Count(count, "membre", "membres")}",
                $"عدد أعضاء مجلس الإدارة: {count}");
        }

        if (longTerms > 0)
        {
            yield return new(
                $"{LegalText.Count(longTerms, "mandat", "mandats")} au conseil d'administration de plus de {MaxTermYears} ans",
                $"عدد انتدابات أعضاء مجلس الإدارة التي تتجاوز {MaxTermYears} سنوات: {longTerms}");
        }
    }
}
