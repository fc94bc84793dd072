using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Queries.GetOrganization;
using Registry.Application.Reference.Queries.GetRegions;
using Registry.Application.Reference.Queries.GetSectors;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Organisations;

/// <summary>The public profile (public fields only); an unknown number is the not-found page with a 404.</summary>
public sealed class ProfileModel(ISender sender) : PageModel
{
    public OrganizationProfile Organization { get; private set; } = null!;

    public string RegionName { get; private set; } = "";

    public string ProvinceName { get; private set; } = "";

    public string SectorName { get; private set; } = "";

    public async Task OnGetAsync(string number, CancellationToken cancellationToken)
    {
        Organization = await sender.Send(new GetOrganization(number.ToUpperInvariant()), cancellationToken);
        var regions = await sender.Send(new GetRegions(), cancellationToken);
        var region = regions.FirstOrDefault(r => r.Code == Organization.RegionCode);
        var province = regions.SelectMany(r => r.Provinces).FirstOrDefault(p => p.Code == Organization.ProvinceCode);
        RegionName = region is null ? Organization.RegionCode : Ui.Lang == "ar" ? region.NameAr : region.NameFr;
        var sector = (await sender.Send(new GetSectors(), cancellationToken)).FirstOrDefault(s => s.Code == Organization.SectorCode);
        SectorName = sector is null ? Organization.SectorCode : Ui.Lang == "ar" ? sector.NameAr : sector.NameFr;
        ProvinceName = province is null ? Organization.ProvinceCode : Ui.Lang == "ar" ? province.NameAr : province.NameFr;
    }
}
