namespace Registry.Domain.Common;

/// <summary>
/// A rule of the law or of the lifecycle, with a stable code and the article it comes from in French (the stable form)
/// and in Arabic, so that a refusal cites its text in the language it is read in.
/// </summary>
public sealed record BrokenRule(string Code, LocalizedText Article, LocalizedText Message)
{
    /// <summary>A rule whose reference reads the same in both languages.</summary>
    public BrokenRule(string code, string article, LocalizedText message)
        : this(code, new LocalizedText(article, article), message)
    {
    }
}

/// <summary>A text in the registry's two languages.</summary>
public sealed record LocalizedText(string Fr, string Ar)
{
    public string In(string language) => language == "ar" ? Ar : Fr;
}

/// <summary>Raised when one or more rules refuse an operation; the API answers 422 with every rule.</summary>
public class RuleViolationException(IReadOnlyList<BrokenRule> rules)
    : Exception("Rule violated: " + string.Join(", ", rules.Select(r => r.Code)))
{
    public IReadOnlyList<BrokenRule> Rules { get; } = rules;

    public RuleViolationException(BrokenRule rule) : this([rule]) { }
}

/// <summary>
/// Raised when an action does not apply to the state its application or organisation is in (SPEC §3: approving a
/// rejected application, reinstating an active organisation): a conflict with the resource's current state, which the
/// API answers 409, not a broken rule of the law (422). It carries its rule so that pages show the same message.
/// </summary>
public sealed class InvalidStateException(BrokenRule rule) : RuleViolationException(rule);
