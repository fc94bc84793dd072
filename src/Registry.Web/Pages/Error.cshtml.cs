using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Pages;

/// <summary>
/// The page an empty error response on a page address is re-executed as (see UseRegistryWeb), with the original
/// status: an unknown address is "page not found", anything else "could not be handled". It takes any method,
/// since a refused POST is re-executed as a POST, and checks no anti-forgery token: it changes nothing.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public bool IsNotFound { get; private set; }

    /// <summary>A form sent with a body over its limit: a document of more than 10 MB.</summary>
    public bool IsTooLarge { get; private set; }

    /// <summary>The address of the form that was refused, to go back to it.</summary>
    public string? BackTo { get; private set; }

    /// <summary>Refused by a rate limit: the minutes to wait, from its Retry-After (whole minutes, at least one).</summary>
    public int? RetryAfterMinutes { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            // Asked for directly: there is no such page.
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        IsNotFound = Response.StatusCode == StatusCodes.Status404NotFound;
        IsTooLarge = Response.StatusCode == StatusCodes.Status413PayloadTooLarge;
        if (IsTooLarge && HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } original)
        {
            BackTo = original.OriginalPathBase + original.OriginalPath + original.OriginalQueryString;
        }

        if (Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            RetryAfterMinutes = int.TryParse(Response.Headers.RetryAfter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? Math.Max(1, (seconds + 59) / 60)
                : 1;
        }
    }
}
