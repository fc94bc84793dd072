using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages;

/// <summary>Any other page address: the not-found page with a 404 (the catch-all route has the lowest precedence, and never takes the API's paths).</summary>
public sealed class NotFoundModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
