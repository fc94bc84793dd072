using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>A cooperative's subscribed capital (shares subscribed × share value) is at least 1,000 MAD.</summary>
public sealed class CoopMinCapital(decimal minimum) : ILegalRule
{
    public string Code => LegalRuleCodes.CoopMinCapital;

    public LocalizedText Article { get; } = Laws.Cooperatives.Article(26);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var capital = CoopCapital.SubscribedAmount(facts);
        if (capital >= minimum)
        {
            yield break;
        }

        var shares = CoopCapital.Subscribed(facts);
        var value = facts.ShareValue ?? 0m;
        yield return this.Broken(
            $"Capital souscrit de {LegalText.Fr(capital)} MAD ({LegalText.Count(shares, "part", "parts")} de {LegalText.Fr(value)} MAD) ; "
            + $"le capital souscrit doit être d'au moins {LegalText.Fr(minimum)} MAD.",
            $"رأس المال المكتتب به: {LegalText.Ar(capital)} درهم (عدد الحصص: {LegalText.Ar(shares)}، القيمة الاسمية للحصة: {LegalText.Ar(value)} درهم)؛ "
            + $"ويجب ألا يقل رأس المال المكتتب به عن {LegalText.Ar(minimum)} درهم.");
    }
}
