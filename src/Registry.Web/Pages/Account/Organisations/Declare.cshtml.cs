using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Exceptions;
using Registry.Application.Compliance.Commands.FileDeclaration;
using Registry.Application.Compliance.Queries.GetOrganizationCompliance;
using Registry.Application.Applications;
using Registry.Application.Documents;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Queries.GetOrganization;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Compliance;
using Registry.Domain.Documents;
using Registry.Domain.Reference;
using Registry.Web.Localization;
using Registry.Web.Pages.Apply;

namespace Registry.Web.Pages.Account.Organisations;

/// <summary>
/// Files one kind of declaration, one topic a page: the fields its kind needs and, for an assembly's minutes or the
/// accounts, the document (a multipart form, checked by the use case as the API's upload is). The page checks what a
/// person can get wrong in the form (a missing or unreadable value) in its own words; the use case's validator and
/// rules answer in theirs, in the page's language, next to the field they concern. Success redirects to the
/// organisation (Post-Redirect-Get); a hidden Idempotency-Key makes a double submission file once.
/// </summary>
/// <remarks>
/// New officers and members who joined are rows of fields, members who left rows of one identifier: without script, "add"
/// and "remove" are submit buttons that change the rows and show the form again, filing nothing (as the application's steps do).
/// </remarks>
[RequestSizeLimit(MaxBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBodyBytes, ValueCountLimit = MaxFormValues)]
public sealed class DeclareModel(ISender sender) : OwnerPageModel(sender)
{
    /// <summary>The document's limit and the form's few fields: a larger body is refused before it is read.</summary>
    public const long MaxBodyBytes = ApplicationDocument.MaxSizeBytes + (64 * 1024);

    /// <summary>Room for the use case's maximum of members joining, a dozen fields each.</summary>
    public const int MaxFormValues = (ApplicationInputValidator.MaxMembers + 10) * 13;

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

    [BindProperty(Name = "officers")]
    public List<OfficerRow> Officers { get; set; } = [];

    [BindProperty(Name = "joining")]
    public List<MemberRow> Joining { get; set; } = [];

    [BindProperty(Name = "leaving")]
    public List<string?> Leaving { get; set; } = [];

    /// <summary>Which submit button was pressed: filing, or adding or removing a row.</summary>
    [BindProperty(Name = "action")]
    public string? Action { get; set; }

    public DeclarationTopic Topic { get; private set; } = DeclarationTopic.GeneralAssembly;

    public DeclarationKind Kind => Topic.Kind;

    /// <summary>Members with shares (cooperatives and unions) can be legal persons too.</summary>
    public bool HasShares => Organization.LegalForm is LegalForm.COOP or LegalForm.UNION;

    public bool IsMutual => Organization.LegalForm == LegalForm.MUTU;

    public OrganizationProfile Organization { get; private set; } = null!;

    public bool NeedsDocument => Declaration.RequiresDocument(Kind);

    public async Task<IActionResult> OnGetAsync(string number, string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, kind, cancellationToken))
        {
            return NotFoundPage();
        }

        IdempotencyKey = Guid.NewGuid().ToString("N");
        if (Topic.HasOfficers)
        {
            Officers.Add(new OfficerRow());
        }

        if (Kind == DeclarationKind.MemberChange)
        {
            Joining.Add(new MemberRow { Kind = nameof(MemberKind.NaturalPerson) });
            Leaving.Add(null);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, string kind, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(number, kind, cancellationToken))
        {
            return NotFoundPage();
        }

        if (ChangeRows())
        {
            return Page();
        }

        var input = ReadInput();
        var document = await ReadDocumentAsync(cancellationToken);
        if (!ModelState.IsValid || input is null)
        {
            return FormAgain();
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
                var message = failure.ErrorCode == "GreaterThanValidator" && field.EndsWith("-mandateEnd", StringComparison.Ordinal)
                    ? OrganisationText.MandateEndAfterStart
                    : failure.ErrorCode is "NotNullValidator" or "NotEmptyValidator" or "InclusiveBetweenValidator" or "GreaterThanValidator"
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
        catch (UnsupportedContentException e)
        {
            ModelState.AddModelError("document", e.Message);
        }
        catch (ContentTooLargeException)
        {
            ModelState.AddModelError("document", OrganisationText.DocumentTooLarge);
        }
        catch (ConflictException)
        {
            ModelState.AddModelError("effective-on", OrganisationText.AlreadyFiled);
        }

        return FormAgain();
    }

    /// <summary>The form with its errors; a list left with no row (blank ones are dropped) gets an empty one to fill in.</summary>
    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult FormAgain()
    {
        if (Topic.HasOfficers && Officers.Count == 0)
        {
            Officers.Add(new OfficerRow());
        }

        if (Kind == DeclarationKind.MemberChange && Joining.Count == 0 && Leaving.Count == 0)
        {
            Joining.Add(new MemberRow { Kind = nameof(MemberKind.NaturalPerson) });
            Leaving.Add(null);
        }

        return Page();
    }

    /// <summary>Adds or removes a row when one of those buttons was pressed (true: the form is shown again, nothing filed).</summary>
    private bool ChangeRows()
    {
        switch (Action)
        {
            case "add-officer" when Topic.HasOfficers:
                Officers.Add(new OfficerRow());
                return true;
            case "add-person" or "add-legal-person" when Kind == DeclarationKind.MemberChange:
                Joining.Add(new MemberRow { Kind = Action == "add-legal-person" && HasShares ? nameof(MemberKind.LegalPerson) : nameof(MemberKind.NaturalPerson) });
                return true;
            case "add-leaving" when Kind == DeclarationKind.MemberChange:
                Leaving.Add(null);
                return true;
            case { } remove when remove.StartsWith("remove-", StringComparison.Ordinal):
                var parts = remove.Split('-');
                if (parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 0)
                {
                    switch (parts[1])
                    {
                        case "officers" when index < Officers.Count:
                            Officers.RemoveAt(index);
                            break;
                        case "joining" when index < Joining.Count:
                            Joining.RemoveAt(index);
                            break;
                        case "leaving" when index < Leaving.Count:
                            Leaving.RemoveAt(index);
                            break;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private PartialViewResult NotFoundPage() => Hosting.NotFoundPageFilter.NotFoundPage(HttpContext, ModelState);

    /// <summary>The organisation, if it is the caller's (else the use case's not-found), and the kind, if its form declares it here.</summary>
    private async Task<bool> LoadAsync(string number, string kind, CancellationToken cancellationToken)
    {
        number = Normalise(number);
        await Sender.Send(new GetOrganizationCompliance(number), cancellationToken); // scoped to the owner: not found otherwise
        Organization = await Sender.Send(new GetOrganization(number), cancellationToken);
        if (OrganisationModel.TopicsFor(Organization.LegalForm).FirstOrDefault(t => t.Slug == kind) is not { } topic)
        {
            return false;
        }

        Topic = topic;
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
        List<OfficerInput>? officers = null;
        List<MemberInput>? joining = null;
        List<string>? leaving = null;
        var read = new FormReader(ModelState);
        if (Topic.HasOfficers)
        {
            // Blank rows (an "add" pressed once too often) are left out, as on the application's steps.
            Officers = [.. Officers.Where(o => !o.IsBlank)];
            if (Officers.Count == 0)
            {
                ModelState.AddModelError("officers", OrganisationText.OfficersRequired);
            }

            officers = [.. Officers.Select((row, i) => row.ToInput(i, read, "officers")).OfType<OfficerInput>()];
        }

        switch (Kind)
        {
            case DeclarationKind.AnnualAccounts:
                year = RequiredYear(FinancialYear, "financial-year");
                turnover = RequiredAmount(Turnover, "turnover");
                break;
            case DeclarationKind.BoardChange when Topic.NoChange:
                mandateEnd = RequiredDate(NewMandateEnd, "new-mandate-end");
                break;
            case DeclarationKind.MemberChange:
                Joining = [.. Joining.Where(m => !m.IsBlank)];
                Leaving = [.. Leaving.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim())];
                if (Joining.Count == 0 && Leaving.Count == 0)
                {
                    ModelState.AddModelError("member-changes", OrganisationText.MemberChangesRequired);
                }

                joining = [.. Joining.Select((row, i) => row.ToInput(i, read, "joining"))];
                leaving = [.. Leaving.OfType<string>()];
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
            ? new DeclarationInput(Kind, on, year, turnover, officers, joining, leaving, NoChange: Topic.NoChange, NewMandateEnd: mandateEnd,
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
        // A row's field: Input.Officers[1].MandateEnd is officers-1-mandateEnd, Input.Leaving[0] is leaving-0.
        _ when property.StartsWith("Input.Officers[", StringComparison.Ordinal) || property.StartsWith("Input.Joining[", StringComparison.Ordinal)
            || property.StartsWith("Input.Leaving[", StringComparison.Ordinal) => Wizard.FieldOf(property),
        "Input.Officers" => "officers",
        "Input" or "Input.Joining" or "Input.Leaving" => "member-changes",
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
