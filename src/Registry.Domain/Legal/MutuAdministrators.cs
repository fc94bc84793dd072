using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>
/// A mutual society's administrators (every declared officer but the auditor) are Moroccan, at least 21 on the submission date,
/// and at least two thirds of them are participating members (3 × participating ≥ 2 × administrators).
/// </summary>
public sealed class MutuAdministrators(int minimumAge) : ILegalRule
{
    public const int DefaultMinimumAge = 21;

    public string Code => LegalRuleCodes.MutuAdministrators;

    public LocalizedText Article { get; } = Laws.Mutuals.Article(11);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var officers = facts.Officers.Where(Governance.Governs).ToList();
        if (officers.Count == 0)
        {
            yield return this.Broken(
                "Aucun administrateur n'est déclaré pour la société mutualiste.",
                "لم يتم التصريح بأي متصرف في هيئة التعاضد.");
            yield break;
        }

        var foreign = new List<LocalizedText>();
        var young = new List<LocalizedText>();
        for (var i = 0; i < facts.Officers.Count; i++)
        {
            var officer = facts.Officers[i];
            if (!Governance.Governs(officer))
            {
                continue;
            }

            // Numbered by position in the declaration, as every rule names officers.
            var who = LegalText.Officer(i, officer, "administrateur", "المتصرف");
            if (!MoroccanNationality.Is(officer.Nationality))
            {
                foreign.Add(who);
            }

            if (!LegalAge.HasReached(officer.BirthDate, minimumAge, facts.SubmissionDate))
            {
                young.Add(who);
            }
        }

        var participating = officers.Count(officer => officer.IsParticipatingMember);
        var participatingValid = 3 * participating >= 2 * officers.Count;
        if (foreign.Count == 0 && young.Count == 0 && participatingValid)
        {
            yield break;
        }

        var findings = new List<LocalizedText>();
        if (foreign.Count > 0)
        {
            var list = LegalText.Join(foreign);
            findings.Add(new($"sans la nationalité marocaine : {list.Fr}", $"من غير الجنسية المغربية: {list.Ar}"));
        }

        if (young.Count > 0)
        {
            var list = LegalText.Join(young);
            findings.Add(new(
                $"de moins de {minimumAge} ans à la date de dépôt ou sans date de naissance : {list.Fr}",
                $"لم يبلغوا {minimumAge} سنة في تاريخ إيداع الطلب أو لم يصرح بتاريخ ازديادهم: {list.Ar}"));
        }

        if (!participatingValid)
        {
            var required = ((2 * officers.Count) + 2) / 3;
            findings.Add(new(
                $"{LegalText.Count(participating, "membre participant", "membres participants")} sur {LegalText.Count(officers.Count, "administrateur", "administrateurs")}, il en faut au moins {required} (les deux tiers)",
                $"عدد الأعضاء المشاركين من بين المتصرفين: {participating} من أصل {officers.Count}، والمطلوب {required} على الأقل (الثلثان)"));
        }

        var found = LegalText.Clauses(findings);
        yield return this.Broken(
            $"Les administrateurs d'une société mutualiste doivent être de nationalité marocaine, âgés d'au moins {minimumAge} ans, "
            + $"et les deux tiers au moins doivent être des membres participants. Constaté — {found.Fr}.",
            $"يشترط في المتصرفين في هيئة التعاضد أن يكونوا من جنسية مغربية وبالغين من العمر {minimumAge} سنة على الأقل، "
            + $"وأن يكون ثلثاهم على الأقل من الأعضاء المشاركين. الملاحظ — {found.Ar}.");
    }
}
