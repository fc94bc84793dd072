using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Reference.Queries.GetRegions;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Admin;

/// <summary>
/// The administrator's pages, as the API's Administrator policy: anonymous visitors are sent to log in; any other
/// signed-in user gets the "access reserved" page with status 403, and the refusal is recorded in the audit trail.
/// The use cases check the role again themselves. An administrator without two-factor authentication is sent to enrol.
/// </summary>
[Authorize(AuthenticationSchemes = Account.IndexModel.CookieScheme)]
public abstract class AdminPageModel(ISender sender, IAccessAudit audit) : PageModel
{
    /// <summary>The input the role errors are keyed to (the first radio button), so the summary's link reaches it.</summary>
    public const string RoleField = "role-" + Roles.RegionalOfficial;

    /// <summary>The input the region errors are keyed to (the first checkbox).</summary>
    public const string RegionsField = "region-01";

    protected ISender Sender { get; } = sender;

    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!User.IsInRole(Roles.Administrator))
        {
            await audit.RecordRefusalAsync("access.forbidden", null, null, $"{Request.Method} {Request.Path}: role not allowed.", HttpContext.RequestAborted);
            context.Result = ForbiddenPage.For(this);
            return;
        }

        if (Account.TwoFactorModel.RedirectIfMissing(this) is { } enrol)
        {
            context.Result = enrol;
            return;
        }

        await next();
    }

    protected async Task LoadRegionsAsync(CancellationToken cancellationToken) =>
        Regions = await Sender.Send(new GetRegions(), cancellationToken);

    public string RegionName(string code) =>
        Regions.FirstOrDefault(r => r.Code == code) is { } region ? Ui.Lang == "ar" ? region.NameAr : region.NameFr : code;

    /// <summary>The checked regions that are among the 12 (anything else posted is dropped, never sent on).</summary>
    protected IReadOnlyList<string> KnownRegions(IEnumerable<string>? posted) =>
        [.. (posted ?? []).Where(code => Regions.Any(r => r.Code == code)).Distinct().Order(StringComparer.Ordinal)];
}
