using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Exceptions;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Queries.GetOrganization;
using Registry.Domain.Organizations;
using Registry.Web.Localization;

namespace Registry.Web.Pages;

/// <summary>Verifies a certificate's registration number with the public profile query: registered (and its status) or not.</summary>
public sealed class VerifyModel(ISender sender) : PageModel
{
    public string? Number { get; private set; }

    public OrganizationProfile? Found { get; private set; }

    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? number, CancellationToken cancellationToken)
    {
        if (number is null)
        {
            return Page();
        }

        Number = number.Trim().ToUpperInvariant();
        if (Number.Length == 0)
        {
            ModelState.AddModelError("number", UiText.VerifyRequired);
            return Page();
        }

        if (!RegistrationNumber.TryParse(Number, out _))
        {
            ModelState.AddModelError("number", UiText.VerifyMalformed);
            return Page();
        }

        try
        {
            Found = await sender.Send(new GetOrganization(Number), cancellationToken);
        }
        catch (NotFoundException)
        {
            // An answer, not an error: the number is not in the register (404, like the API's profile).
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
