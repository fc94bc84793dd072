using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Applications.Commands.CreateApplication;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>Step 2: the seat (province and address). For a new application, saving it creates the draft with the first step's answers.</summary>
public sealed class SeatModel(ISender sender) : ApplyPageModel(sender)
{
    public override Step Step => Step.Seat;

    [BindProperty(Name = "provinceCode")] public string? ProvinceCode { get; set; }
    [BindProperty(Name = "seatAddress")] public string? SeatAddress { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken, allowNew: true);
        if (Application is null && Kept() is null)
        {
            return Redirect(Wizard.Url(null, Step.Organisation));
        }

        (ProvinceCode, SeatAddress, Version) = (Application?.ProvinceCode, Application?.SeatAddress, Application?.Version);
        await LoadReferenceAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken, allowNew: true);
        ModelState.Clear();
        if (string.IsNullOrEmpty(ProvinceCode))
        {
            ModelState.AddModelError("provinceCode", ApplyText.ChooseProvince);
        }

        if (Application is not null)
        {
            if (ModelState.IsValid && await SaveAsync(Wizard.ToInput(Application) with { ProvinceCode = ProvinceCode!, SeatAddress = SeatAddress ?? "" }, cancellationToken))
            {
                return Continue();
            }
        }
        else if (Kept() is not { } answers)
        {
            return Redirect(Wizard.Url(null, Step.Organisation));
        }
        else if (ModelState.IsValid && answers.Over(null, new FormReader(ModelState)) is { } input)
        {
            try
            {
                var created = await Sender.Send(new CreateApplication(input with { ProvinceCode = ProvinceCode!, SeatAddress = SeatAddress ?? "" }), cancellationToken);
                TempData.Remove(OrganisationAnswers.TempDataKey);
                return Redirect(Wizard.Url(created.Id, Step.Members));
            }
            catch (ValidationException e)
            {
                AddErrors(e);
            }
        }

        await LoadReferenceAsync(cancellationToken);
        return Page();
    }

    private OrganisationAnswers? Kept() =>
        TempData.Peek(OrganisationAnswers.TempDataKey) is string kept ? JsonSerializer.Deserialize<OrganisationAnswers>(kept) : null;
}
