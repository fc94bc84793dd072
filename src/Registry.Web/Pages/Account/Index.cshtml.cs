using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Applications.Queries.ListMyApplications;
using Registry.Application.Common.Security;

namespace Registry.Web.Pages.Account;

/// <summary>The signed-in user's page: who they are and, for an applicant, their applications.</summary>
[Authorize(AuthenticationSchemes = CookieScheme)]
public sealed class IndexModel(ISender sender) : PageModel
{
    /// <summary>Identity's application cookie (IdentityConstants.ApplicationScheme, as a constant for the attribute): its challenge leads to the log-in page.</summary>
    public const string CookieScheme = "Identity.Application";

    public string Email => User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";

    public string Role => Roles.All.FirstOrDefault(User.IsInRole) ?? Roles.Applicant;

    public IReadOnlyList<MyApplicationItem> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Applications = await sender.Send(new ListMyApplications(), cancellationToken);
}
