using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>Each cooperative share has a nominal value of at least 100 MAD; a value must be declared.</summary>
public sealed class CoopShareValue(decimal minimum) : ILegalRule
{
    public string Code => LegalRuleCodes.CoopShareValue;

    public LocalizedText Article { get; } = Laws.Cooperatives.Article(26);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        if (facts.ShareValue >= minimum)
        {
            yield break;
        }

        yield return facts.ShareValue is { } value
            ? this.Broken(
                $"Valeur nominale de la part : {LegalText.Fr(value)} MAD ; elle doit être d'au moins {LegalText.Fr(minimum)} MAD.",
                $"القيمة الاسمية للحصة: {LegalText.Ar(value)} درهم؛ ويجب ألا تقل عن {LegalText.Ar(minimum)} درهم.")
            : this.Broken(
                $"La valeur nominale de la part n'est pas déclarée ; elle doit être d'au moins {LegalText.Fr(minimum)} MAD.",
                $"لم يتم التصريح بالقيمة الاسمية للحصة؛ ويجب ألا تقل عن {LegalText.Ar(minimum)} درهم.");
    }
}
