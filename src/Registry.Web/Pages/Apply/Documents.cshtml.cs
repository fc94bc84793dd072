using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Documents;
using Registry.Application.Documents.Commands.AttachDocument;
using Registry.Application.Documents.Queries.ListDocuments;
using Registry.Domain.Common;
using Registry.Domain.Documents;
using Registry.Domain.Legal;
using Registry.Domain.Reference;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>
/// Step 5: the documents. Each required kind shows whether it is attached; a plain multipart form attaches one file
/// at a time through the API's use case (type from the bytes, 10 MB, SHA-256).
/// </summary>
[RequestSizeLimit(MaxBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBodyBytes)]
public sealed class DocumentsModel(ISender sender, TimeProvider clock) : ApplyPageModel(sender)
{
    /// <summary>A little over the file's limit, so that a file just over it gets the page's message rather than a refused request.</summary>
    public const long MaxBodyBytes = ApplicationDocument.MaxSizeBytes + (1024 * 1024);

    public override Step Step => Step.Documents;

    [BindProperty(Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<DocumentView> Documents { get; private set; } = [];

    /// <summary>The kinds the form's rules require, in the order of the law's list.</summary>
    public IReadOnlyList<DocumentKind> Required { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken cancellationToken) => await LoadDocumentsAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadDocumentsAsync(id, cancellationToken);
        ModelState.Clear();
        var kind = new FormReader(ModelState).Choice<DocumentKind>(Kind, "kind", ApplyText.ChooseKind);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("file", ApplyText.FileRequired);
        }
        else if (Upload.Length > ApplicationDocument.MaxSizeBytes)
        {
            ModelState.AddModelError("file", ApplyText.FileTooLarge);
        }

        if (!ModelState.IsValid || kind is null)
        {
            return Page();
        }

        var content = new byte[Upload!.Length];
        await using (var stream = Upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        try
        {
            await Sender.Send(new AttachDocument(Id!.Value, kind.Value, Path.GetFileName(Upload.FileName), content), cancellationToken);
            return Redirect(Wizard.Url(Id, Step.Documents, FromReview));
        }
        catch (ValidationException e)
        {
            foreach (var failure in e.Errors)
            {
                ModelState.AddModelError(failure.PropertyName.StartsWith("file", StringComparison.OrdinalIgnoreCase) ? "file" : "kind", failure.ErrorMessage);
            }
        }
        catch (UnsupportedContentException e)
        {
            ModelState.AddModelError("file", e.Message);
        }
        catch (ContentTooLargeException)
        {
            ModelState.AddModelError("file", ApplyText.FileTooLarge);
        }
        catch (RuleViolationException e)
        {
            foreach (var rule in e.Rules)
            {
                ModelState.AddModelError("form", Ui.In(rule.Message));
            }
        }

        return Page();
    }

    private async Task LoadDocumentsAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Documents = await Sender.Send(new ListDocuments(Id!.Value), cancellationToken);
        var set = RuleBook.For(Application!.LegalForm, LegalCalendar.Today(clock));
        Required = [.. set.RequiredDocuments.Concat(set.Rules.OfType<MutuFinancialPlan>().Select(_ => DocumentKind.FinancialPlan)).Distinct().Order()];
    }
}
