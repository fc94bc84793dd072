using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Users;
using Registry.Application.Users.Commands.SetStaffRegions;
using Registry.Application.Users.Queries.GetStaffUser;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Admin;

/// <summary>Changes a regional official's regions through SetStaffRegions (audited); another kind of account is the not-found page.</summary>
public sealed class RegionsModel(ISender sender, IAccessAudit audit) : AdminPageModel(sender, audit)
{
    [BindProperty(Name = "regions")]
    public List<string>? RegionCodes { get; set; }

    public StaffUserItem Official { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        RegionCodes = [.. Official.RegionCodes];
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(id, cancellationToken);
        var regions = KnownRegions(RegionCodes);
        if (regions.Count == 0)
        {
            ModelState.AddModelError(RegionsField, AdminText.ChooseRegion);
            return Page();
        }

        try
        {
            await Sender.Send(new SetStaffRegions(id, regions), cancellationToken);
            return Redirect($"/admin?saved={id}");
        }
        catch (ValidationException)
        {
            ModelState.AddModelError(RegionsField, AdminText.InvalidValue);
            return Page();
        }
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Official = await Sender.Send(new GetStaffUser(id), cancellationToken);
        if (Official.Role != Roles.RegionalOfficial)
        {
            throw new NotFoundException(ResourceKind.RegionalOfficial, id);
        }

        await LoadRegionsAsync(cancellationToken);
    }
}
