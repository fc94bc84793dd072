using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Registry.Application.Applications;
using Registry.Application.Applications.Queries.GetReviewQueue;
using Registry.Application.Common.Paging;

namespace Registry.Web.Pages.Review;

/// <summary>The review queue of the official's regions: submitted applications, oldest first, a keyset link to the next page.</summary>
public sealed class IndexModel(ISender sender, IConfiguration configuration) : ReviewPageModel(sender)
{
    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<ReviewQueueItem> Items { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(configuration.GetValue("Registry:Web:ReviewPageSize", Cursor.DefaultLimit), 1, Cursor.MaxLimit);
        try
        {
            var page = await Sender.Send(new GetReviewQueue(null, null, string.IsNullOrEmpty(After) ? null : After, limit), cancellationToken);
            Items = page.Items;
            Next = page.NextCursor;
        }
        catch (ValidationException)
        {
            return BadRequest(); // a cursor this list did not give: the error page
        }

        await LoadRegionsAsync(cancellationToken);
        return Page();
    }
}
