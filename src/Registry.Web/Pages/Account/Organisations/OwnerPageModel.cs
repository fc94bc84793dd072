using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Web.Hosting;

namespace Registry.Web.Pages.Account.Organisations;

/// <summary>
/// An owner's page about one of their organisations. The use cases scope every read and write to the owner (an official's
/// view is under /review): anyone else, signed in or not as an applicant, gets the not-found page, as the API answers 404.
/// </summary>
[Authorize(AuthenticationSchemes = Account.IndexModel.CookieScheme)]
public abstract class OwnerPageModel(ISender sender) : PageModel
{
    protected ISender Sender { get; } = sender;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!User.IsInRole(Roles.Applicant))
        {
            context.Result = NotFoundPageFilter.NotFoundPage(HttpContext, ModelState);
            return;
        }

        await next();
    }

    /// <summary>Registration numbers are upper case; a typed lower-case one means the same organisation.</summary>
    protected static string Normalise(string number) => number.Trim().ToUpperInvariant();
}
