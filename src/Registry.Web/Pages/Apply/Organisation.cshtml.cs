using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Applications;
using Registry.Application.NameReservations.Queries.ListReservations;
using Registry.Domain.Reference;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>What the first step asks, as typed: kept between the first two steps of an application not created yet.</summary>
public sealed record OrganisationAnswers(
    string? LegalForm, string? NameAr, string? NameLatin, string? SectorCode, string? FoundingDate, string? FinancialYearEnd,
    string? ShareValue, string? Ice, string? ContactEmail, string? ContactPhone)
{
    public const string TempDataKey = "apply.organisation";

    public static OrganisationAnswers Of(ApplicationView a) => new(
        a.LegalForm.ToString(), a.NameAr, a.NameLatin, a.SectorCode, Wizard.IsoDate(a.FoundingDate), a.FinancialYearEnd,
        Wizard.Invariant(a.ShareValue), a.Ice, a.ContactEmail, a.ContactPhone);

    /// <summary>
    /// These answers over <paramref name="input"/> (the rest of the application, or a blank seat for a new one); null
    /// when one of them is not a value of the right kind (the reason is then an error on its field).
    /// </summary>
    public ApplicationInput? Over(ApplicationInput? input, FormReader read)
    {
        var form = read.Choice<LegalForm>(LegalForm, "legalForm", ApplyText.ChooseLegalForm);
        var founded = read.Date(FoundingDate, "foundingDate", required: true);
        var share = read.Amount(ShareValue, "shareValue");
        if (form is null || founded is null || (share is null && !string.IsNullOrWhiteSpace(ShareValue)))
        {
            return null;
        }

        return input is null
            ? new ApplicationInput(form.Value, NameAr, NameLatin, SectorCode ?? "", "", "", founded.Value, FinancialYearEnd?.Trim() ?? "",
                Blank(ContactEmail), Blank(ContactPhone), [], [], share, Blank(Ice))
            : input with
            {
                LegalForm = form.Value, NameAr = NameAr, NameLatin = NameLatin, SectorCode = SectorCode ?? "", FoundingDate = founded.Value,
                FinancialYearEnd = FinancialYearEnd?.Trim() ?? "", ContactEmail = Blank(ContactEmail), ContactPhone = Blank(ContactPhone),
                ShareValue = share, Ice = Blank(Ice),
            };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>
/// Step 1: the organisation (legal form, names, sector, founding date, financial year, share value, ICE, contact). For an
/// application not created yet, the answers are checked with the API's validator and kept for the seat step, which
/// creates the draft: a draft needs its seat's province (it decides the region) before it can exist.
/// </summary>
public sealed class OrganisationModel(ISender sender, TimeProvider clock) : ApplyPageModel(sender)
{
    /// <summary>Today in Morocco: a founding assembly cannot be later (the date picker's latest day).</summary>
    public string Today => Registry.Application.Common.Interfaces.LegalCalendar.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public override Step Step => Step.Organisation;

    [BindProperty(Name = "legalForm")] public string? LegalForm { get; set; }
    [BindProperty(Name = "nameAr")] public string? NameAr { get; set; }
    [BindProperty(Name = "nameLatin")] public string? NameLatin { get; set; }
    [BindProperty(Name = "sectorCode")] public string? SectorCode { get; set; }
    [BindProperty(Name = "foundingDate")] public string? FoundingDate { get; set; }
    [BindProperty(Name = "financialYearEnd")] public string? FinancialYearEnd { get; set; }
    [BindProperty(Name = "shareValue")] public string? ShareValue { get; set; }
    [BindProperty(Name = "ice")] public string? Ice { get; set; }
    [BindProperty(Name = "contactEmail")] public string? ContactEmail { get; set; }
    [BindProperty(Name = "contactPhone")] public string? ContactPhone { get; set; }

    public async Task OnGetAsync(string id, Guid? reservation, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken, allowNew: true);
        await LoadReferenceAsync(cancellationToken);
        if (Application is not null)
        {
            Show(OrganisationAnswers.Of(Application));
            Version = Application.Version;
        }
        else if (TempData.Peek(OrganisationAnswers.TempDataKey) is string kept && JsonSerializer.Deserialize<OrganisationAnswers>(kept) is { } answers)
        {
            Show(answers);
        }
        else if (reservation is not null
            && (await Sender.Send(new ListReservations(), cancellationToken)).FirstOrDefault(r => r.Id == reservation) is { } reserved)
        {
            LegalForm = reserved.LegalForm.ToString();
            NameAr = reserved.NameAr;
            NameLatin = reserved.NameLatin;
        }
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken, allowNew: true);
        ModelState.Clear();
        var answers = new OrganisationAnswers(LegalForm, NameAr, NameLatin, SectorCode, FoundingDate, FinancialYearEnd, ShareValue, Ice, ContactEmail, ContactPhone);
        var read = new FormReader(ModelState);
        if (Application is null)
        {
            var input = answers.Over(null, read);
            if (input is not null)
            {
                // The API's own validator, for this step's fields only: the seat comes next.
                foreach (var failure in new ApplicationInputValidator(clock).Validate(input).Errors)
                {
                    var field = Wizard.FieldOf(failure.PropertyName);
                    if (Wizard.StepOfField(field) == Step.Organisation)
                    {
                        ModelState.AddModelError(field, failure.ErrorMessage);
                    }
                }
            }

            if (input is not null && ModelState.IsValid)
            {
                TempData[OrganisationAnswers.TempDataKey] = JsonSerializer.Serialize(answers);
                return Redirect(Wizard.Url(null, Step.Seat));
            }
        }
        else if (answers.Over(Wizard.ToInput(Application), read) is { } input && ModelState.IsValid && await SaveAsync(input, cancellationToken))
        {
            return Continue();
        }

        await LoadReferenceAsync(cancellationToken);
        return Page();
    }

    private void Show(OrganisationAnswers a)
    {
        (LegalForm, NameAr, NameLatin, SectorCode, FoundingDate, FinancialYearEnd) = (a.LegalForm, a.NameAr, a.NameLatin, a.SectorCode, a.FoundingDate, a.FinancialYearEnd);
        (ShareValue, Ice, ContactEmail, ContactPhone) = (a.ShareValue, a.Ice, a.ContactEmail, a.ContactPhone);
    }
}
