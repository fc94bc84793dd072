using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Exceptions;

namespace Registry.Web.Hosting;

/// <summary>
/// A use case's "not found" (an unknown number, or something outside the caller's scope: existence does not
/// leak) becomes the not-found page with status 404, never the API's JSON nor a 500.
/// </summary>
internal sealed class NotFoundPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is NotFoundException && !executed.ExceptionHandled)
        {
            executed.ExceptionHandled = true;
            executed.Result = NotFoundPage(context.HttpContext, context.ModelState);
        }
    }

    public static PartialViewResult NotFoundPage(HttpContext http, ModelStateDictionary modelState) => new()
    {
        ViewName = "_NotFound",
        StatusCode = StatusCodes.Status404NotFound,
        ViewData = new ViewDataDictionary(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), modelState),
    };
}
