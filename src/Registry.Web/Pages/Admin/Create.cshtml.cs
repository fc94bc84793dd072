using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Users.Commands.CreateStaffUser;
using Registry.Infrastructure.Identity;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Admin;

/// <summary>
/// Creates a staff account through the CreateStaffUser use case: e-mail, password, role and, for a regional official,
/// the regions chosen among the 12. The page checks the form in its own words (Identity's password rules included, so
/// they are read in the page's language); the use case decides. Success redirects to the list (Post-Redirect-Get).
/// </summary>
public sealed class CreateModel(ISender sender, IAccessAudit audit, UserManager<ApplicationUser> users) : AdminPageModel(sender, audit)
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "role")]
    public string? Role { get; set; }

    [BindProperty(Name = "regions")]
    public List<string>? RegionCodes { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadRegionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadRegionsAsync(cancellationToken);
        Email = Email?.Trim();
        var regions = KnownRegions(RegionCodes);
        if (string.IsNullOrEmpty(Email))
        {
            ModelState.AddModelError("email", UiText.EmailRequired);
        }
        else if (Email.Length > 254 || !new EmailAddressAttribute().IsValid(Email))
        {
            ModelState.AddModelError("email", UiText.EmailInvalid);
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError("password", UiText.PasswordRequired);
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, new ApplicationUser { UserName = Email, Email = Email }, Password);
                foreach (var error in checkedPassword.Errors.Take(1))
                {
                    ModelState.AddModelError("password", error.Description); // in the page's language (LocalizedIdentityErrorDescriber)
                }
            }
        }

        if (Role is null || !Roles.Staff.Contains(Role))
        {
            ModelState.AddModelError(RoleField, AdminText.ChooseRole);
        }
        else if (Role == Roles.RegionalOfficial && regions.Count == 0)
        {
            ModelState.AddModelError(RegionsField, AdminText.ChooseRegion);
        }
        else if (Role != Roles.RegionalOfficial && regions.Count > 0)
        {
            ModelState.AddModelError(RegionsField, AdminText.NoRegionsForRole);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var created = await Sender.Send(new CreateStaffUser(Email!, Password!, Role!, regions), cancellationToken);
            return Redirect($"/admin?created={created.Id}");
        }
        catch (ConflictException)
        {
            ModelState.AddModelError("email", Ui.In(LocalizedIdentityErrorDescriber.AccountExists));
        }
        catch (FluentValidation.ValidationException e)
        {
            foreach (var failure in e.Errors)
            {
                var field = failure.PropertyName switch
                {
                    "Password" => "password",
                    "Role" => RoleField,
                    _ when failure.PropertyName.StartsWith("RegionCodes", StringComparison.Ordinal) => RegionsField,
                    _ => "email",
                };
                if (FormErrors.For(ModelState, field) is null)
                {
                    ModelState.AddModelError(field, field == "email" ? UiText.EmailInvalid : AdminText.InvalidValue);
                }
            }
        }

        return Page();
    }
}
