using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>An association is an agreement between at least two persons: at least two founders.</summary>
public sealed class AssoMinFounders(int minimum) : ILegalRule
{
    public string Code => LegalRuleCodes.AssoMinFounders;

    public LocalizedText Article { get; } = Laws.Associations.Article(1);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var count = facts.Members.Count;
        if (count >= minimum)
        {
            yield break;
        }

        yield return this.Broken(
            $"{LegalText.Count(count, "fondateur déclaré", "fondateurs déclarés")} ; une association est constituée par au moins {minimum} personnes.",
            $"عدد المؤسسين المصرح بهم: {count}؛ والجمعية اتفاق لتحقيق تعاون مستمر بين شخصين أو عدة أشخاص، فلا يقل عدد مؤسسيها عن {minimum}.");
    }
}
