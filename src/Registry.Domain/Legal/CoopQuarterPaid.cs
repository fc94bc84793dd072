using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>At least a quarter of the subscribed shares are paid up at formation (4 × paid ≥ subscribed, exactly).</summary>
public sealed class CoopQuarterPaid : ILegalRule
{
    public string Code => LegalRuleCodes.CoopQuarterPaid;

    public LocalizedText Article { get; } = Laws.Cooperatives.Article(26);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var subscribed = CoopCapital.Subscribed(facts);
        var paid = CoopCapital.Paid(facts);
        if (4 * paid >= subscribed)
        {
            yield break;
        }

        var required = (subscribed + 3) / 4;
        yield return this.Broken(
            $"{LegalText.Count(paid, "part libérée", "parts libérées")} sur {LegalText.Count(subscribed, "souscrite", "souscrites")} ; "
            + $"le quart au moins du capital souscrit doit être libéré, soit {LegalText.Count(required, "part", "parts")}.",
            $"عدد الحصص المحررة: {LegalText.Ar(paid)} من أصل {LegalText.Ar(subscribed)} من الحصص المكتتب بها؛ "
            + $"ويجب تحرير ربع رأس المال المكتتب به على الأقل، أي ما لا يقل عن {LegalText.Ar(required)} من الحصص.");
    }
}
