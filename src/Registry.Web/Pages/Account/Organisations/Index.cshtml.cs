using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Organizations.Queries.ListMyOrganizations;
using Registry.Application.Reference.Queries.GetRegions;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Account.Organisations;

/// <summary>The applicant's registered organisations with their status and open findings (the query reads only the caller's own).</summary>
[Authorize(AuthenticationSchemes = Account.IndexModel.CookieScheme)]
public sealed class IndexModel(ISender sender) : PageModel
{
    private IReadOnlyList<RegionView> _regions = [];

    public IReadOnlyList<MyOrganizationItem> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisations = await sender.Send(new ListMyOrganizations(), cancellationToken);
        _regions = await sender.Send(new GetRegions(), cancellationToken);
    }

    public string RegionName(string code) =>
        _regions.FirstOrDefault(r => r.Code == code) is { } region ? Ui.Lang == "ar" ? region.NameAr : region.NameFr : code;
}
