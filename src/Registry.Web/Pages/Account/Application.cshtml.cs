using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Applications;
using Registry.Application.Applications.Queries.GetApplication;

namespace Registry.Web.Pages.Account;

/// <summary>
/// An application's status, the official's comments and what happens next. The query is scoped to its owner (and
/// officials of its region): anyone else gets the not-found page, as the API answers 404.
/// </summary>
[Authorize(AuthenticationSchemes = IndexModel.CookieScheme)]
public sealed class ApplicationModel(ISender sender) : PageModel
{
    public ApplicationView Application { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Application = await sender.Send(new GetApplication(id), cancellationToken);
}
