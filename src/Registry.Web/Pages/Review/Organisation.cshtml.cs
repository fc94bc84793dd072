using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Compliance;
using Registry.Application.Compliance.Queries.GetOrganizationCompliance;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Commands.DecideOrganizationStatus;
using Registry.Application.Organizations.Queries.GetOrganization;
using Registry.Domain.Organizations;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Review;

/// <summary>
/// An organisation of the official's regions: its status and findings, and the suspend / reinstate / strike-off
/// form with a mandatory reason. Another region's organisation is the not-found page (its findings are scoped).
/// </summary>
public sealed class OrganisationModel(ISender sender) : ReviewPageModel(sender)
{
    public const int MaxReason = 2000;

    [BindProperty(Name = "decision")]
    public StatusDecision? Choice { get; set; }

    [BindProperty(Name = "reason")]
    public string? Reason { get; set; }

    public OrganizationProfile Organization { get; private set; } = null!;

    public IReadOnlyList<FindingView> Findings { get; private set; } = [];

    /// <summary>Set when a decision was just recorded.</summary>
    public OrganizationStatus? Decided { get; private set; }

    public async Task OnGetAsync(string number, CancellationToken cancellationToken) => await LoadAsync(number, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        number = number.ToUpperInvariant();
        await LoadAsync(number, cancellationToken); // not found first: another region's organisation is not shown a form error
        var reason = RequiredText(Reason, MaxReason, "reason");
        if (Choice is not { } decision || !Enum.IsDefined(decision))
        {
            ModelState.AddModelError("decision-" + Slug(StatusDecision.Suspend), ReviewText.ChooseDecision);
            return Page();
        }

        if (ModelState.IsValid)
        {
            var decided = await DecideAsync(new DecideOrganizationStatus(number, decision, reason!), "decision-" + Slug(decision), cancellationToken);
            if (decided is not null)
            {
                Decided = decided.Status;
                Reason = null;
                Choice = null;
                await LoadAsync(number, cancellationToken);
            }
        }

        return Page();
    }

    public static string Slug(StatusDecision decision) => decision switch
    {
        StatusDecision.Suspend => "suspend",
        StatusDecision.Reinstate => "reinstate",
        StatusDecision.Dissolve => "dissolve",
        _ => "strike-off",
    };

    private async Task LoadAsync(string number, CancellationToken cancellationToken)
    {
        number = number.ToUpperInvariant();
        Findings = await Sender.Send(new GetOrganizationCompliance(number), cancellationToken);
        Organization = await Sender.Send(new GetOrganization(number), cancellationToken);
        await LoadRegionsAsync(cancellationToken);
    }
}
