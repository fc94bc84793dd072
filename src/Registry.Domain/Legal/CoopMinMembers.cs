using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>A cooperative is formed by at least five members, natural or legal persons.</summary>
public sealed class CoopMinMembers(int minimum) : ILegalRule
{
    public string Code => LegalRuleCodes.CoopMinMembers;

    public LocalizedText Article { get; } = Laws.Cooperatives.Article(14);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var count = facts.Members.Count;
        if (count >= minimum)
        {
            yield break;
        }

        yield return this.Broken(
            $"{LegalText.Count(count, "membre déclaré", "membres déclarés")} ; il en faut au moins {minimum} pour constituer une coopérative.",
            $"عدد الأعضاء المصرح بهم: {count}؛ ولا يجوز أن يقل عدد أعضاء التعاونية عند تأسيسها عن {minimum}.");
    }
}
