using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Interfaces;
using Registry.Application.Compliance;
using Registry.Application.Compliance.Queries.GetFindings;
using Registry.Domain.Compliance;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Review;

/// <summary>
/// The escalated compliance findings of the official's regions, with the action each proposes, and a keyset link to
/// the next page; a plain GET form narrows them by region (theirs only) and by rule.
/// </summary>
public sealed class FindingsModel(ISender sender, ICurrentUser currentUser) : ReviewPageModel(sender)
{
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "rule")]
    public string? Rule { get; set; }

    public IReadOnlyList<string> OwnRegions => currentUser.RegionCodes;

    public static IReadOnlyList<ComplianceRule> Rules => ComplianceRules.All;

    public IReadOnlyList<FindingView> Items { get; private set; } = [];

    public string? Next { get; private set; }

    public bool Filtered => Region is { Length: > 0 } || Rule is { Length: > 0 };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadRegionsAsync(cancellationToken);
        var region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        var rule = string.IsNullOrWhiteSpace(Rule) ? null : Rule.Trim();
        if (region is not null && !OwnRegions.Contains(region))
        {
            ModelState.AddModelError("region", UiText.ChooseFromList);
        }

        if (rule is not null && !Rules.Any(r => r.Code == rule))
        {
            ModelState.AddModelError("rule", UiText.ChooseFromList);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var page = await Sender.Send(
                new GetFindings(FindingStage.Escalated, rule, null, string.IsNullOrEmpty(After) ? null : After, RegionCode: region), cancellationToken);
            Items = page.Items;
            Next = page.NextCursor;
        }
        catch (ValidationException)
        {
            return BadRequest(); // the filters are checked above: only a cursor this list did not give is left, the error page
        }

        return Page();
    }

    public string PageUrl(string? after = null) => ReviewFilters.Url("/review/findings", ("region", Region), ("rule", Rule), ("after", after));
}
