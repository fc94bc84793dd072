using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Paging;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Queries.SearchOrganizations;
using Registry.Application.Reference.Queries.GetRegions;
using Registry.Application.Reference.Queries.GetSectors;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Web.Pages.Organisations;

/// <summary>The public search: the same query as <c>GET /api/v1/organizations</c>, with its keyset cursor as a "next page" link.</summary>
public sealed class IndexModel(ISender sender, IConfiguration configuration) : PageModel
{
    /// <summary>Results per page: short, for weak connections (Registry:Web:SearchPageSize; the browser tests page by one).</summary>
    private int PageSize => Math.Clamp(configuration.GetValue("Registry:Web:SearchPageSize", 20), 1, Application.Common.Paging.Cursor.MaxLimit);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true, Name = "form")]
    public LegalForm? Form { get; set; }

    [BindProperty(SupportsGet = true, Name = "sector")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public OrganizationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    public IReadOnlyList<SectorView> Sectors { get; private set; } = [];

    public Page<OrganizationSummary>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await sender.Send(new GetRegions(), cancellationToken);
        Sectors = await sender.Send(new GetSectors(), cancellationToken);
        if (!ModelState.IsValid)
        {
            // A value no list offers (a hand-made address): say so in the page's language, not MVC's English.
            foreach (var field in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
            {
                ModelState[field]!.Errors.Clear();
                ModelState.AddModelError(field, Localization.UiText.ChooseFromList);
            }

            return Page();
        }

        try
        {
            Results = await sender.Send(
                new SearchOrganizations(Blank(Region), Blank(Province), Form, Blank(Sector), Status, null, Blank(Cursor), PageSize, Blank(Q)), cancellationToken);
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(FieldOf(error.PropertyName), error.ErrorMessage);
            }
        }

        return Page();
    }

    /// <summary>The link to the next page keeps every filter and adds the cursor the query gave.</summary>
    public string NextPageUrl(string cursor) => QueryString(("q", Q), ("region", Region), ("province", Province),
        ("form", Form?.ToString()), ("sector", Sector), ("status", Status?.ToString()), ("cursor", cursor));

    public string FirstPageUrl() => QueryString(("q", Q), ("region", Region), ("province", Province), ("form", Form?.ToString()), ("sector", Sector), ("status", Status?.ToString()));

    public string RegionName(string code) => Regions.FirstOrDefault(r => r.Code == code) is { } r ? Localization.Ui.Lang == "ar" ? r.NameAr : r.NameFr : code;

    public string ProvinceName(string code) =>
        Regions.SelectMany(r => r.Provinces).FirstOrDefault(p => p.Code == code) is { } p ? Localization.Ui.Lang == "ar" ? p.NameAr : p.NameFr : code;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string QueryString(params (string Key, string? Value)[] parameters) =>
        "/organisations" + Microsoft.AspNetCore.Http.QueryString.Create(
            parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    private static string FieldOf(string property) => property switch
    {
        nameof(SearchOrganizations.RegionCode) or "region" => "region",
        nameof(SearchOrganizations.ProvinceCode) or "province" => "province",
        nameof(SearchOrganizations.LegalForm) => "form",
        nameof(SearchOrganizations.Status) => "status",
        nameof(SearchOrganizations.SectorCode) or "sector" => "sector",
        _ => "q",
    };
}
