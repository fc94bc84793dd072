using Registry.Domain.Common;

namespace Registry.Domain.Legal;

/// <summary>One rule of the law (SPEC §4): a stable code, the article it comes from, and its evaluation.</summary>
public interface ILegalRule
{
    /// <summary>The stable code, e.g. <c>COOP_MIN_MEMBERS</c> (see <see cref="LegalRuleCodes"/>).</summary>
    string Code { get; }

    /// <summary>
    /// The law and article the rule comes from, in French ("Loi 112-12, art. 14", the stable form) and in Arabic
    /// ("القانون رقم 112.12، المادة 14"); see <see cref="Laws"/>.
    /// </summary>
    LocalizedText Article { get; }

    /// <summary>Nothing when the facts keep the rule; otherwise exactly one broken rule whose message gathers every detail.</summary>
    IEnumerable<BrokenRule> Evaluate(LegalFacts facts);
}

internal static class LegalRuleExtensions
{
    public static BrokenRule Broken(this ILegalRule rule, string fr, string ar) => new(rule.Code, rule.Article, new LocalizedText(fr, ar));
}
