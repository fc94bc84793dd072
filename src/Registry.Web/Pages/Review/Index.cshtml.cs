using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Registry.Application.Applications;
using Registry.Application.Applications.Queries.GetReviewQueue;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Domain.Applications;
using Registry.Domain.Reference;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Review;

/// <summary>
/// The review queue of the official's regions: submitted applications, oldest first, a keyset link to the next page;
/// a plain GET form narrows it by region (theirs only), legal form, status and first day of submission.
/// </summary>
public sealed class IndexModel(ISender sender, IConfiguration configuration, ICurrentUser currentUser) : ReviewPageModel(sender)
{
    /// <summary>The statuses an application has once submitted; a draft is never in the queue.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> Statuses =
        [ApplicationStatus.Submitted, ApplicationStatus.ChangesRequested, ApplicationStatus.Approved, ApplicationStatus.Rejected];

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "form")]
    public LegalForm? Form { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public ApplicationStatus? Status { get; set; }

    /// <summary>The first day of submission, as a date input sends it (YYYY-MM-DD); parsed here so a bad one gets the page's words.</summary>
    [BindProperty(SupportsGet = true, Name = "since")]
    public string? Since { get; set; }

    public IReadOnlyList<string> OwnRegions => currentUser.RegionCodes;

    public IReadOnlyList<ReviewQueueItem> Items { get; private set; } = [];

    public string? Next { get; private set; }

    public bool Filtered => Region is { Length: > 0 } || Form is not null || Status is not null || Since is { Length: > 0 };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadRegionsAsync(cancellationToken);
        ReviewFilters.ReplaceBindingErrors(ModelState);
        var region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        if (region is not null && !OwnRegions.Contains(region))
        {
            ModelState.AddModelError("region", UiText.ChooseFromList);
        }

        DateOnly? since = null;
        if (Since is { Length: > 0 })
        {
            if (DateOnly.TryParseExact(Since.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                since = day;
            }
            else
            {
                ModelState.AddModelError("since", ReviewText.DateInvalid);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var limit = Math.Clamp(configuration.GetValue("Registry:Web:ReviewPageSize", Cursor.DefaultLimit), 1, Cursor.MaxLimit);
        try
        {
            var page = await Sender.Send(new GetReviewQueue(Status, Form, string.IsNullOrEmpty(After) ? null : After, limit, region, since), cancellationToken);
            Items = page.Items;
            Next = page.NextCursor;
        }
        catch (ValidationException e)
        {
            if (e.Errors.Any(error => error.PropertyName == nameof(GetReviewQueue.Cursor)))
            {
                return BadRequest(); // a cursor this list did not give: the error page
            }

            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(FieldOf(error.PropertyName), error.ErrorMessage);
            }
        }

        return Page();
    }

    /// <summary>The address of this list with its filters, and a cursor when given.</summary>
    public string PageUrl(string? after = null) => ReviewFilters.Url(
        "/review", ("region", Region), ("form", Form?.ToString()), ("status", Status?.ToString()), ("since", Since), ("after", after));

    private static string FieldOf(string property) => property switch
    {
        nameof(GetReviewQueue.RegionCode) => "region",
        nameof(GetReviewQueue.LegalForm) => "form",
        nameof(GetReviewQueue.SubmittedSince) => "since",
        _ => "status",
    };
}
