using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>Natural persons hold at least 65 % of the subscribed shares (100 × natural ≥ 65 × total, exactly; no share breaks it).</summary>
public sealed class CoopNaturalCapital(int minimumPercent) : ILegalRule
{
    public string Code => LegalRuleCodes.CoopNaturalCapital;

    public LocalizedText Article { get; } = Laws.Cooperatives.Article(26);

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var total = CoopCapital.Subscribed(facts);
        var natural = facts.Members.Where(member => member.Kind == MemberKind.NaturalPerson).Sum(member => (long)member.SharesSubscribed);
        if (total > 0 && 100 * natural >= minimumPercent * total)
        {
            yield break;
        }

        if (total <= 0)
        {
            yield return this.Broken(
                $"Aucune part n'est souscrite ; les personnes physiques doivent détenir au moins {minimumPercent} % du capital.",
                $"لم يتم الاكتتاب في أية حصة؛ ويجب أن يملك الأشخاص الذاتيون {minimumPercent}% على الأقل من رأس المال.");
            yield break;
        }

        // Rounded down, so that a share just under the threshold never reads as the threshold itself.
        var percent = Math.Floor(natural * 10_000m / total) / 100m;
        yield return this.Broken(
            $"Les personnes physiques détiennent {LegalText.Fr(percent)} % des parts souscrites ({LegalText.Fr(natural)} sur {LegalText.Fr(total)}) ; "
            + $"elles doivent en détenir au moins {minimumPercent} %.",
            $"نسبة الحصص المكتتب بها من طرف الأشخاص الذاتيين: {LegalText.Ar(percent)}% ({LegalText.Ar(natural)} من أصل {LegalText.Ar(total)})؛ "
            + $"ويجب ألا تقل عن {minimumPercent}% من رأس المال.");
    }
}
