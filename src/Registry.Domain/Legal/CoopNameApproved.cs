using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>The applicant holds a valid reservation of the name (ODCO's negative certificate) — cooperatives and unions.</summary>
public sealed class CoopNameApproved : ILegalRule
{
    public string Code => LegalRuleCodes.CoopNameApproved;

    public string Article => "Décret 2-15-617, arts. 3 et 4";

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
