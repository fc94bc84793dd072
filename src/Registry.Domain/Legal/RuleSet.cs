using Registry.Domain.Common;
using Registry.Domain.Documents;
using Registry.Domain.Reference;

namespace Registry.Domain.Legal;

/// <summary>
/// The rules one legal form must keep from <see cref="EffectiveFrom"/> on, under the text named by <see cref="Source"/>.
/// A change of law is a new set with a later date (see <see cref="RuleBook"/>), never an edit of this one.
/// </summary>
public sealed record RuleSet(
    LegalForm Form,
    DateOnly EffectiveFrom,
    string Source,
    IReadOnlyList<ILegalRule> Rules,
    IReadOnlySet<DocumentKind> RequiredDocuments)
{
    /// <summary>Every rule of the set that the facts break, in the set's order; empty when the facts keep them all.</summary>
    public IReadOnlyList<BrokenRule> Evaluate(LegalFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.LegalForm != Form)
        {
            throw new ArgumentException($"The rule set of {Form} cannot evaluate the facts of a {facts.LegalForm}.", nameof(facts));
        }

        return [.. Rules.SelectMany(rule => rule.Evaluate(facts))];
    }
}
