using Registry.Domain.Common;
using Registry.Domain.Documents;

namespace Registry.Domain.Legal;

/// <summary>Every document the form requires is attached; the message lists the missing ones.</summary>
public sealed class RequiredDocumentsAttached(IReadOnlySet<DocumentKind> required, LocalizedText article) : ILegalRule
{
    public string Code => LegalRuleCodes.RequiredDocuments;

    public LocalizedText Article => article;

    public IReadOnlySet<DocumentKind> Required => required;

    public IEnumerable<BrokenRule> Evaluate(LegalFacts facts)
    {
        var missing = required.Where(kind => !facts.AttachedDocuments.Contains(kind)).Order().ToList();
        if (missing.Count == 0)
        {
            yield break;
        }

        var list = LegalText.Join(missing.Select(LegalText.Document));
        yield return this.Broken(
            $"Pièces requises manquantes : {list.Fr}.",
            $"الوثائق المطلوبة غير المرفقة: {list.Ar}.");
    }
}
