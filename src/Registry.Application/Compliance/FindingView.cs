using Registry.Domain.Compliance;

namespace Registry.Application.Compliance;

/// <summary>A finding with its rule's titles in both languages and its article in French, the stable form (the pages cite it in their language).</summary>
public sealed record FindingView(
    long Id, string? RegistrationNumber, string RuleCode, string Article, string TitleFr, string TitleAr, FindingStage Stage, DateOnly DueOn,
    DateTimeOffset OpenedAt, DateTimeOffset StageChangedAt, DateTimeOffset? ResolvedAt, ProposedAction? ProposedAction)
{
    public static FindingView Of(Finding finding, string? registrationNumber)
    {
        var rule = ComplianceRules.Get(finding.RuleCode);
        return new FindingView(finding.Id, registrationNumber, finding.RuleCode, rule.Article.Fr, rule.Title.Fr, rule.Title.Ar, finding.Stage, finding.DueOn,
            finding.OpenedAt, finding.StageChangedAt, finding.ResolvedAt, finding.ProposedAction);
    }
}
