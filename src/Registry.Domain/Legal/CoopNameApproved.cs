using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>The applicant holds a valid reservation of the name (ODCO's negative certificate) — cooperatives and unions.</summary>
public sealed class CoopNameApproved : ILegalRule
{
    public string Code => LegalRuleCodes.CoopNameApproved;

    public LocalizedText Article { get; } = Laws.CooperativesDecree.Articles(3, 4);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        if (facts.HoldsValidNameReservation)
        {
            yield break;
        }

        yield return this.Broken(
            "Le demandeur ne détient pas de réservation de nom (certificat négatif) en cours de validité pour cette dénomination.",
            "لا يتوفر صاحب الطلب على شهادة سلبية سارية المفعول تخص هذه التسمية.");
    }
}
