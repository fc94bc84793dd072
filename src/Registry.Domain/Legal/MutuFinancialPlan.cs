using Registry.Domain.Common;
using Registry.Domain.Documents;

namespace Registry.Domain.Legal;

/// <summary>A mutual society's application carries its three-year financial plan.</summary>
public sealed class MutuFinancialPlan : ILegalRule
{
    public string Code => LegalRuleCodes.MutuFinancialPlan;

    public LocalizedText Article { get; } = Laws.Mutuals.Article(4);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        if (facts.AttachedDocuments.Contains(DocumentKind.FinancialPlan))
        {
            yield break;
        }

        yield return this.Broken(
            "Le plan financier prévisionnel sur trois ans de la société mutualiste n'est pas joint.",
            "لم يرفق الطلب بالمخطط المالي التوقعي لثلاث سنوات الخاص بهيئة التعاضد.");
    }
}
