using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>One member, one vote: legal-person members hold at most a third of the votes (3 × legal ≤ members).</summary>
public sealed class CoopLegalPersonVotes : ILegalRule
{
    public string Code => LegalRuleCodes.CoopLegalPersonVotes;

    public LocalizedText Article { get; } = Laws.Cooperatives.Article(38);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var total = facts.Members.Count;
        var legal = facts.Members.Count(member => member.Kind == MemberKind.LegalPerson);
        if (3 * legal <= total)
        {
            yield break;
        }

        yield return this.Broken(
            $"{LegalText.Count(legal, "personne morale", "personnes morales")} sur {LegalText.Count(total, "membre", "membres")} ; "
            + "chaque membre disposant d'une voix, les personnes morales ne peuvent détenir plus du tiers des voix.",
            $"عدد الأعضاء من الأشخاص الاعتباريين: {legal} من أصل {total}؛ "
            + "ولما كان لكل عضو صوت واحد، فلا يجوز أن تتجاوز أصوات الأشخاص الاعتباريين ثلث مجموع الأصوات.");
    }
}
