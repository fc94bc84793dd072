using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Applications;
using Registry.Application.Applications.Commands.ApproveApplication;
using Registry.Application.Applications.Commands.RejectApplication;
using Registry.Application.Applications.Commands.RequestChanges;
using Registry.Application.Applications.Queries.GetApplication;
using Registry.Application.Applications.Queries.GetApplicationHistory;
using Registry.Application.Audit;
using Registry.Application.Documents;
using Registry.Application.Documents.Queries.ListDocuments;
using Registry.Domain.Applications;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Review;

/// <summary>
/// An application's full file (organisation, seat, members, management, documents, history) and the official's
/// decisions: approve, with an optional reason, or request changes or reject with mandatory comments. The use cases
/// refuse another region's application as not found, so the page is the not-found page (404) for it.
/// </summary>
public sealed class ApplicationModel(ISender sender) : ReviewPageModel(sender)
{
    public const int MaxComment = 2000;

    /// <summary>The id of the approval's reason field, and the key of its errors.</summary>
    public const string ApprovalReasonField = "approval-reason";

    [BindProperty(Name = "decision")]
    public string? Choice { get; set; }

    [BindProperty(Name = "comment")]
    public string? Comment { get; set; }

    [BindProperty(Name = "reason")]
    public string? ApprovalReason { get; set; }

    public ApplicationView Application { get; private set; } = null!;

    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];

    public IReadOnlyList<AuditEntryView> History { get; private set; } = [];

    /// <summary>Set when a decision was just recorded.</summary>
    public ApplicationStatus? Decided { get; private set; }

    public string? RegistrationNumber { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var reason = OptionalText(ApprovalReason, MaxComment, ApprovalReasonField);
        if (ModelState.IsValid)
        {
            var approved = await DecideAsync(new ApproveApplication(id, reason), "decision", cancellationToken, invalidField: ApprovalReasonField);
            if (approved is not null)
            {
                Decided = ApplicationStatus.Approved;
                RegistrationNumber = approved.RegistrationNumber;
                ApprovalReason = null;
            }
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var comment = RequiredText(Comment, MaxComment, "comment");
        if (Choice is not ("request-changes" or "reject"))
        {
            ModelState.AddModelError("decision-request-changes", ReviewText.ChooseDecision);
        }

        if (ModelState.IsValid)
        {
            Decision? decided = Choice == "reject"
                ? await DecideAsync(new RejectApplication(id, comment!), "decision", cancellationToken)
                : await DecideAsync(new RequestChanges(id, comment!), "decision", cancellationToken);
            if (decided is not null)
            {
                Decided = decided.Status;
                Comment = null;
                Choice = null;
            }
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Application = await Sender.Send(new GetApplication(id), cancellationToken);
        Documents = await Sender.Send(new ListDocuments(id), cancellationToken);
        History = await Sender.Send(new GetApplicationHistory(id), cancellationToken);
        await LoadRegionsAsync(cancellationToken);
    }
}
