using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Paging;
using Registry.Application.Compliance;
using Registry.Application.Compliance.Queries.GetFindings;
using Registry.Domain.Compliance;

namespace Registry.Web.Pages.Review;

/// <summary>The escalated compliance findings of the official's regions, with the action each proposes, and a keyset link to the next page.</summary>
public sealed class FindingsModel(ISender sender) : ReviewPageModel(sender)
{
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<FindingView> Items { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var page = await Sender.Send(new GetFindings(FindingStage.Escalated, null, null, string.IsNullOrEmpty(After) ? null : After), cancellationToken);
            Items = page.Items;
            Next = page.NextCursor;
        }
        catch (ValidationException)
        {
            return BadRequest(); // a cursor this list did not give: the error page
        }

        return Page();
    }
}
