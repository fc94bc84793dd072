using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Exceptions;
using Registry.Application.Compliance.Commands.FileDeclaration;
using Registry.Application.Compliance.Queries.GetOrganizationCompliance;
using Registry.Application.Documents;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Queries.GetOrganization;
using Registry.Domain.Common;
using Registry.Domain.Compliance;
using Registry.Domain.Documents;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Account.Organisations;

/// <summary>
/// Files one kind of declaration, one topic a page: the fields its kind needs and, for an assembly's minutes or the
/// accounts, the document (a multipart form, checked by the use case as the API's upload is). The page checks what a
/// person can get wrong in the form (a missing or unreadable value) in its own words; the use case's validator and
/// rules answer in theirs, in the page's language, next to the field they concern. Success redirects to the
/// organisation (Post-Redirect-Get); a hidden Idempotency-Key makes a double submission file once.
/// </summary>
[RequestSizeLimit(MaxBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBodyBytes)]
public sealed class DeclareModel(ISender sender) : OwnerPageModel(sender)
{
    /// <summary>The document's limit and the form's few fields: a larger body is refused before it is read.</summary>
    public const long MaxBodyBytes = ApplicationDocument.MaxSizeBytes + (64 * 1024);

    [BindProperty(Name = "effective-on")]
    public string? EffectiveOn { get; set; }

    [BindProperty(Name = "financial-year")]
    public string? FinancialYear { get; set; }

    [BindProperty(Name = "turnover")]
    public string? Turnover { get; set; }

    [BindProperty(Name = "new-mandate-end")]
    public string? NewMandateEnd { get; set; }

    [BindProperty(Name = "member-count")]
    public string? MemberCount { get; set; }

    [BindProperty(Name = "investments")]
    public string? Investments { get; set; }

    [BindProperty(Name = "income")]
    public string? Income { get; set; }

    [BindProperty(Name = "expenses")]
    public string? Expenses { get; set; }

    [BindProperty(Name = "document")]
    public IFormFile? Document { get; set; }

    [BindProperty(Name = "idempotency-key")]
    public string? IdempotencyKey { get; set; }

    public DeclarationKind Kind { get; private set; }

    public OrganizationProfile Organization { get; private set; } = null!;

    public bool NeedsDocument => Declaration.RequiresDocument(Kind);

    public async Task<IActionResult> OnGetAsync(string number, string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, kind, cancellationToken))
        {
            return NotFoundPage();
        }

        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, string kind, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(number, kind, cancellationToken))
        {
            return NotFoundPage();
        }

        var input = ReadInput();
        var document = await ReadDocumentAsync(cancellationToken);
        if (!ModelState.IsValid || input is null)
        {
            return Page();
        }

        try
        {
            var key = IdempotencyKey is { Length: > 0 and <= 64 } k && k.All(char.IsAsciiLetterOrDigit) ? k : null;
            var filed = await Sender.Send(new FileDeclaration(Organization.RegistrationNumber, input, key, document), cancellationToken);
            return Redirect($"/account/organisations/{Uri.EscapeDataString(Organization.RegistrationNumber)}?filed={filed.Id}");
        }
        catch (ValidationException e)
        {
            foreach (var failure in e.Errors)
            {
                var field = FieldOf(failure.PropertyName);
                // The validator's own texts (dates, years, documents) are written for people; its generic ones name C# properties.
                var message = failure.ErrorCode is "NotNullValidator" or "NotEmptyValidator" or "InclusiveBetweenValidator" or "GreaterThanValidator"
                    or "GreaterThanOrEqualValidator" ? OrganisationText.ValueOutOfRange : failure.ErrorMessage;
                if (FormErrors.For(ModelState, field) is null)
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }
        catch (RuleViolationException e)
        {
            foreach (var rule in e.Rules)
            {
                ModelState.AddModelError("effective-on", Ui.In(rule.Message));
            }
        }
        catch (UnsupportedContentException)
        {
            ModelState.AddModelError("document", OrganisationText.DocumentWrongType);
        }
        catch (ContentTooLargeException)
        {
            ModelState.AddModelError("document", OrganisationText.DocumentTooLarge);
        }
        catch (ConflictException)
        {
            ModelState.AddModelError("effective-on", OrganisationText.AlreadyFiled);
        }

        return Page();
    }

    public static DeclarationKind? KindOf(string slug) =>
        Enum.GetValues<DeclarationKind>().Cast<DeclarationKind?>().FirstOrDefault(k => OrganisationModel.Slug(k!.Value) == slug);

    private PartialViewResult NotFoundPage() => Hosting.NotFoundPageFilter.NotFoundPage(HttpContext, ModelState);

    /// <summary>The organisation, if it is the caller's (else the use case's not-found), and the kind, if its form declares it here.</summary>
    private async Task<bool> LoadAsync(string number, string kind, CancellationToken cancellationToken)
    {
        number = Normalise(number);
        await Sender.Send(new GetOrganizationCompliance(number), cancellationToken); // scoped to the owner: not found otherwise
        Organization = await Sender.Send(new GetOrganization(number), cancellationToken);
        if (KindOf(kind) is not { } declared || !OrganisationModel.KindsFor(Organization.LegalForm).Contains(declared))
        {
            return false;
        }

        Kind = declared;
        return true;
    }

    private DeclarationInput? ReadInput()
    {
        var effectiveOn = RequiredDate(EffectiveOn, "effective-on");
        int? year = null;
        decimal? turnover = null;
        DateOnly? mandateEnd = null;
        int? members = null;
        decimal? investments = null, income = null, expenses = null;
        switch (Kind)
        {
            case DeclarationKind.AnnualAccounts:
                year = RequiredYear(FinancialYear, "financial-year");
                turnover = RequiredAmount(Turnover, "turnover");
                break;
            case DeclarationKind.BoardChange:
                mandateEnd = RequiredDate(NewMandateEnd, "new-mandate-end");
                break;
            case DeclarationKind.MutualAnnualReturn:
                year = RequiredYear(FinancialYear, "financial-year");
                members = RequiredCount(MemberCount, "member-count");
                investments = RequiredAmount(Investments, "investments");
                income = RequiredAmount(Income, "income");
                expenses = RequiredAmount(Expenses, "expenses");
                break;
        }

        return effectiveOn is { } on && ModelState.IsValid
            ? new DeclarationInput(Kind, on, year, turnover, NoChange: Kind == DeclarationKind.BoardChange, NewMandateEnd: mandateEnd,
                MemberCount: members, Investments: investments, Income: income, Expenses: expenses)
            : null;
    }

    private async Task<UploadedFile?> ReadDocumentAsync(CancellationToken cancellationToken)
    {
        if (!NeedsDocument)
        {
            return null;
        }

        if (Document is null || (Document.Length == 0 && string.IsNullOrEmpty(Document.FileName)))
        {
            ModelState.AddModelError("document", OrganisationText.DocumentRequired(Kind));
            return null;
        }

        if (Document.Length > ApplicationDocument.MaxSizeBytes)
        {
            ModelState.AddModelError("document", OrganisationText.DocumentTooLarge);
            return null;
        }

        using var buffer = new MemoryStream((int)Document.Length);
        await Document.CopyToAsync(buffer, cancellationToken);
        return new UploadedFile(Path.GetFileName(Document.FileName), buffer.ToArray());
    }

    private static string FieldOf(string property) => property switch
    {
        _ when property.StartsWith("document", StringComparison.OrdinalIgnoreCase) => "document",
        "Input.FinancialYear" => "financial-year",
        "Input.Turnover" => "turnover",
        "Input.NewMandateEnd" => "new-mandate-end",
        "Input.MemberCount" => "member-count",
        "Input.Investments" => "investments",
        "Input.Income" => "income",
        "Input.Expenses" => "expenses",
        _ => "effective-on",
    };

    /// <summary>Digits as typed on an Arabic keyboard (٠-٩) read as 0-9; spaces between thousands ignored.</summary>
    private static string Plain(string text) => new([.. text.Trim()
        .Select(c => c is >= '\u0660' and <= '\u0669' ? (char)('0' + (c - '\u0660')) : c is >= '\u06F0' and <= '\u06F9' ? (char)('0' + (c - '\u06F0')) : c)
        .Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0')]);

    private DateOnly? RequiredDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(field, OrganisationText.DateRequired);
            return null;
        }

        if (DateOnly.TryParseExact(Plain(text), ["yyyy-MM-dd", "yyyy-M-d", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, OrganisationText.DateInvalid);
        return null;
    }

    private int? RequiredYear(string? text, string field)
    {
        if (int.TryParse(Plain(text ?? ""), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1950 and <= 2100)
        {
            return year;
        }

        ModelState.AddModelError(field, OrganisationText.YearRequired);
        return null;
    }

    private int? RequiredCount(string? text, string field)
    {
        if (int.TryParse(Plain(text ?? ""), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        ModelState.AddModelError(field, OrganisationText.CountRequired);
        return null;
    }

    private decimal? RequiredAmount(string? text, string field)
    {
        var plain = Plain(text ?? "").Replace(',', '.').Replace('\u066B', '.');
        if (decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount <= 1_000_000_000_000m)
        {
            return amount;
        }

        ModelState.AddModelError(field, OrganisationText.AmountRequired);
        return null;
    }
}
