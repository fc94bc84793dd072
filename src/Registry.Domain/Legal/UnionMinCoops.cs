using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>
/// A union is formed by at least three cooperatives, every member a cooperative registered and active in this
/// registry (its registration number in <see cref="LegalFacts.ActiveCooperativeNumbers"/>). A cooperative declared
/// twice counts once.
/// </summary>
public sealed class UnionMinCoops(int minimum) : ILegalRule
{
    public string Code => LegalRuleCodes.UnionMinCoops;

    public LocalizedText Article { get; } = Laws.Cooperatives.Article(85);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var inactive = new List<LocalizedText>();
        var active = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Members.Count; i++)
        {
            var member = facts.Members[i];
            if (member is { Kind: MemberKind.LegalPerson, LegalIdentifier: { } number } && facts.ActiveCooperativeNumbers.Contains(number))
            {
                active.Add(number);
            }
            else
            {
                inactive.Add(LegalText.Member(i, member));
            }
        }

        if (active.Count >= minimum && inactive.Count == 0)
        {
            yield break;
        }

        var fr = $"Une union est constituée d'au moins {minimum} coopératives immatriculées et en activité ; "
            + $"coopératives membres immatriculées et en activité : {active.Count}.";
        var ar = $"يتكون الاتحاد من {minimum} تعاونيات على الأقل مسجلة وفي وضعية نشاط؛ "
            + $"عدد التعاونيات الأعضاء المسجلة وفي وضعية نشاط: {active.Count}.";
        if (inactive.Count > 0)
        {
            var who = LegalText.Join(inactive);
            fr += $" Membres qui ne sont pas des coopératives immatriculées et en activité au registre : {who.Fr}.";
            ar += $" أعضاء ليسوا تعاونيات مسجلة وفي وضعية نشاط بالسجل: {who.Ar}.";
        }

        yield return this.Broken(fr, ar);
    }
}
