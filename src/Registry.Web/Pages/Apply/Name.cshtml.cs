using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Exceptions;
using Registry.Application.NameReservations;
using Registry.Application.NameReservations.Commands.ReserveName;
using Registry.Application.NameReservations.Queries.ListReservations;
using Registry.Domain.Reference;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Apply;

/// <summary>
/// Reserving a name (the ODCO's name approval): the reservation with its expiry and the similar names with their
/// similarity, or the API's conflict naming the taken name. Post-Redirect-Get: the new reservation (its warnings come
/// only with it) is carried to the page by TempData.
/// </summary>
public sealed class NameModel(ISender sender) : ApplyPageModel(sender)
{
    private const string TempDataKey = "apply.reservation";

    public override Step Step => Step.Organisation;

    [BindProperty(Name = "legalForm")] public string? LegalForm { get; set; }
    [BindProperty(Name = "nameAr")] public string? NameAr { get; set; }
    [BindProperty(Name = "nameLatin")] public string? NameLatin { get; set; }

    /// <summary>The reservation just made, with its similar-name warnings.</summary>
    public ReservationView? Reserved { get; private set; }

    public IReadOnlyList<ReservationView> Reservations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TempData[TempDataKey] is string json)
        {
            Reserved = JsonSerializer.Deserialize<ReservationView>(json);
        }

        Reservations = await Sender.Send(new ListReservations(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var form = new FormReader(ModelState).Choice<LegalForm>(LegalForm, "legalForm", ApplyText.ChooseLegalForm);
        if (form is not null)
        {
            try
            {
                var reservation = await Sender.Send(new ReserveName(form.Value, NameAr, NameLatin), cancellationToken);
                TempData[TempDataKey] = JsonSerializer.Serialize(reservation);
                return Redirect("/apply/name");
            }
            catch (ValidationException e)
            {
                foreach (var failure in e.Errors)
                {
                    ModelState.AddModelError(failure.PropertyName == "NameLatin" ? "nameLatin" : "nameAr", failure.ErrorMessage);
                }
            }
            catch (ConflictException e)
            {
                // The use case writes the conflict in the request's language, naming the registered or reserved name.
                ModelState.AddModelError(string.IsNullOrWhiteSpace(NameAr) ? "nameLatin" : "nameAr", e.Message);
            }
        }

        Reservations = await Sender.Send(new ListReservations(), cancellationToken);
        return Page();
    }
}
