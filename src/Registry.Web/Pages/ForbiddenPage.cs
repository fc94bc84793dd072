using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Registry.Web.Pages;

/// <summary>The "access reserved" page (403) for a signed-in user whose role may not open a page of another role.</summary>
public static class ForbiddenPage
{
    public static PartialViewResult For(PageModel page) => new()
    {
        ViewName = "_Forbidden",
        StatusCode = StatusCodes.Status403Forbidden,
        ViewData = new ViewDataDictionary(page.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>(), page.ModelState),
    };
}
