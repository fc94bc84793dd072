using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Common.Interfaces;
using Registry.Application.Users;
using Registry.Application.Users.Commands.ResetStaffTwoFactor;
using Registry.Application.Users.Queries.GetStaffUser;

namespace Registry.Web.Pages.Admin;

/// <summary>Resets a staff member's two-factor authentication through ResetStaffTwoFactor (audited), after a confirmation.</summary>
public sealed class TwoFactorModel(ISender sender, IAccessAudit audit) : AdminPageModel(sender, audit)
{
    public StaffUserItem Staff { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Staff = await Sender.Send(new GetStaffUser(id), cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await Sender.Send(new ResetStaffTwoFactor(id), cancellationToken);
        return Redirect($"/admin?reset={id}");
    }
}
