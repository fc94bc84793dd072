using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Applications.Commands.SubmitApplication;
using Registry.Application.Common.Exceptions;
using Registry.Application.Documents;
using Registry.Application.Documents.Queries.ListDocuments;
using Registry.Domain.Common;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>
/// Step 6: "check your answers", each section with its change link, then submission. A refusal lists every broken
/// rule (the API's 422, in the page's language) in the summary, each linked to the step that fixes it, and beside
/// its section here.
/// </summary>
public sealed class ReviewModel(ISender sender) : ApplyPageModel(sender)
{
    public override Step Step => Step.Review;

    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken cancellationToken) => await LoadAllAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAllAsync(id, cancellationToken);
        ModelState.Clear();
        try
        {
            await Sender.Send(new SubmitApplication(Id!.Value), cancellationToken);
            return Redirect($"/apply/{Id}/submitted");
        }
        catch (RuleViolationException e)
        {
            Rules = e.Rules;
        }
        catch (ConflictException)
        {
            ModelState.AddModelError("form", ApplyText.Conflict);
        }

        return Page();
    }

    /// <summary>The rules that concern a step, shown beside its section.</summary>
    public IReadOnlyList<string> RulesOf(Step step) =>
        [.. Rules.Where(r => Wizard.PlacesOf(r.Code).Any(p => p.Step == step)).Select(r => Ui.In(r.Message))];

    private async Task LoadAllAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Documents = await Sender.Send(new ListDocuments(Id!.Value), cancellationToken);
        await LoadReferenceAsync(cancellationToken);
    }
}
