using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Reference.Queries.GetRegions;
using Registry.Application.Reference.Queries.GetSectors;
using Registry.Application.Statistics.Queries.GetOrganizationStatistics;
using Registry.Application.Statistics.Queries.GetRegistrationsPerMonth;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;
using Registry.Web.Localization;
using Registry.Web.Statistics;

namespace Registry.Web.Pages.Statistics;

/// <summary>
/// The analyst's dashboard: the same queries as <c>GET /api/v1/statistics/...</c>, each table drawn as a chart first
/// and given under it, with its CSV (the API's writer). Ministry analysts and administrators only, as the API's
/// Analyst policy; anyone else signed in gets a 403 page (recorded in the audit trail, as the API's refusals are),
/// an anonymous visitor the log-in page.
/// </summary>
[Authorize(AuthenticationSchemes = Account.IndexModel.CookieScheme)]
public sealed class IndexModel(ISender sender, IAccessAudit audit, TimeProvider clock) : PageModel
{
    /// <summary>The tables, as named in the CSV links (<c>?handler=csv&amp;table=region</c>).</summary>
    public static readonly IReadOnlyList<string> Tables = ["months", "region", "legalForm", "sector"];

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

    [BindProperty(SupportsGet = true, Name = "from")]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public int? To { get; set; }

    public bool Forbidden { get; private set; }

    public IReadOnlyList<RegionView> Regions { get; private set; } = [];

    public IReadOnlyList<SectorView> Sectors { get; private set; } = [];

    /// <summary>The years the registrations per month cover: the filter's, or this year.</summary>
    public (int From, int To) MonthRange { get; private set; }

    public IReadOnlyList<MonthlyRow> Months { get; private set; } = [];

    public IReadOnlyList<StatisticsRow> ByRegion { get; private set; } = [];

    public IReadOnlyList<StatisticsRow> ByForm { get; private set; } = [];

    public IReadOnlyList<StatisticsRow> BySector { get; private set; } = [];

    /// <summary>The raw text of a year the binder refused, so the field shows what was typed.</summary>
    public string? YearText(string field) => ModelState.TryGetValue(field, out var entry) ? entry.AttemptedValue : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await MayReadAsync(cancellationToken))
        {
            Forbidden = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        // An administrator who signed in without a second factor sets it up first (an analyst needs none).
        if (Account.TwoFactorModel.RedirectIfMissing(this) is { } enrol)
        {
            return enrol;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>One table as CSV, under the same filters as the page (a page with errors has no CSV: its page says why).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (!await MayReadAsync(cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Account.TwoFactorModel.RedirectIfMissing(this) is { } enrol)
        {
            return enrol;
        }

        if (table is null || !Tables.Contains(table))
        {
            return NotFound();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var csv = table switch
        {
            "months" => StatisticsCsv.Registrations([], Months),
            "region" => StatisticsCsv.Organizations(["region"], ByRegion),
            "legalForm" => StatisticsCsv.Organizations(["legalForm"], ByForm),
            _ => StatisticsCsv.Organizations(["sector"], BySector),
        };
        Response.ContentType = StatisticsCsv.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"statistics-{table}.csv\"";
        await StatisticsCsv.WriteAsync(Response.Body, csv, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The dashboard's address with the current filters, for a table's CSV.</summary>
    public string CsvUrl(string table) => "/statistics" + QueryString.Create(
        new (string Key, string? Value)[]
            {
                ("handler", "csv"), ("table", table), ("region", Region), ("province", Province), ("form", Form?.ToString()),
                ("sector", Sector), ("status", Status?.ToString()), ("from", From?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("to", To?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    public string RegionName(string code) => Regions.FirstOrDefault(r => r.Code == code) is { } r ? Ui.Lang == "ar" ? r.NameAr : r.NameFr : code;

    public string SectorName(string code) => Sectors.FirstOrDefault(s => s.Code == code) is { } s ? Ui.Lang == "ar" ? s.NameAr : s.NameFr : code;

    public static string FormName(string code) => Enum.TryParse<LegalForm>(code, out var form) ? UiText.Form(form) : code;

    public BarChart MonthChart()
    {
        var max = Math.Max(1, Months.Count == 0 ? 0 : Months.Max(m => m.Registrations));
        var bars = Months.Select(m => new ChartBar(StatisticsText.MonthName(m.Month), (double)m.Registrations / max, StatisticsText.Number(m.Registrations))).ToList();
        return Chart("chart-months", StatisticsText.PerMonthTitle, bars);
    }

    /// <summary>Organisations (bars to the largest) and women's share (a second bar on a scale of 100 %).</summary>
    public BarChart OrganisationChart(string id, string title, IReadOnlyList<StatisticsRow> rows, Func<StatisticsRow, string> label)
    {
        var max = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(r => r.Organizations));
        var bars = rows.Select(r => new ChartBar(label(r), (double)r.Organizations / max, StatisticsText.Number(r.Organizations),
            r.WomenShare ?? 0, StatisticsText.WomenShareOf(r.WomenShare))).ToList();
        return Chart(id, title, bars);
    }

    public BarChart ComplianceChart()
    {
        var bars = ByRegion.Select(r => new ChartBar(RegionName(r.Group["region"]), r.ComplianceRate ?? 0, StatisticsText.Percent(r.ComplianceRate))).ToList();
        return Chart("chart-compliance", StatisticsText.ComplianceTitle, bars);
    }

    /// <summary>The chart's text alternative says every bar, so nothing is only drawn.</summary>
    private static BarChart Chart(string id, string title, List<ChartBar> bars)
    {
        var description = bars.Count == 0
            ? StatisticsText.NoData
            : string.Join(UiText.Comma, bars.Select(b => b.SecondaryText is null ? $"{b.Label} : {b.ValueText}" : $"{b.Label} : {b.ValueText} ({b.SecondaryText})"))
                + ". " + StatisticsText.TableBelow;
        return BarChart.Create(id, title, description, bars, Ui.Dir == "rtl");
    }

    private async Task<bool> MayReadAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.MinistryAnalyst) || User.IsInRole(Roles.Administrator))
        {
            return true;
        }

        await audit.RecordRefusalAsync("access.forbidden", null, null, "GET /statistics: role not allowed.", cancellationToken);
        return false;
    }

    /// <summary>Checks the filters and reads the four tables; false (with the errors in the model state) when a filter is wrong.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Regions = await sender.Send(new GetRegions(), cancellationToken);
        Sectors = await sender.Send(new GetSectors(), cancellationToken);
        CheckFilters();
        if (!ModelState.IsValid)
        {
            return false;
        }

        var thisYear = Application.Common.Interfaces.LegalCalendar.Today(clock).Year;
        MonthRange = (From ?? To ?? thisYear, To ?? From ?? thisYear);
        var filter = new StatisticsFilter(Blank(Region), Blank(Province), Form?.ToString(), Blank(Sector), Status?.ToString(), null);
        try
        {
            Months = await sender.Send(new GetRegistrationsPerMonth(
                new DateOnly(MonthRange.From, 1, 1), new DateOnly(MonthRange.To, 12, 31), [], filter), cancellationToken);
            ByRegion = await ByAsync(StatisticsDimension.Region, "region", filter, cancellationToken);
            ByForm = await ByAsync(StatisticsDimension.LegalForm, "legalForm", filter, cancellationToken);
            BySector = await ByAsync(StatisticsDimension.Sector, "sector", filter, cancellationToken);
        }
        catch (ValidationException e)
        {
            // Not expected once the filters above passed; still an error in the page's language, never a 500.
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(FieldOf(error.PropertyName), StatisticsText.InvalidFilter);
            }

            return false;
        }

        return true;
    }

    /// <summary>
    /// One dimension's table; with a year range, read by dimension and year of registration and summed over the
    /// years in range (counts add up; the compliance rate is weighted by the organisations of each year).
    /// </summary>
    private async Task<IReadOnlyList<StatisticsRow>> ByAsync(StatisticsDimension dimension, string name, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        if (From is null && To is null)
        {
            return await sender.Send(new GetOrganizationStatistics([dimension], filter), cancellationToken);
        }

        var (from, to) = MonthRange;
        if (from == to)
        {
            return await sender.Send(new GetOrganizationStatistics([dimension], filter with { Year = from }), cancellationToken);
        }

        var rows = await sender.Send(new GetOrganizationStatistics([dimension, StatisticsDimension.Year], filter), cancellationToken);
        return [.. rows
            .Where(r => int.TryParse(r.Group["year"], System.Globalization.CultureInfo.InvariantCulture, out var year) && year >= from && year <= to)
            .GroupBy(r => r.Group[name])
            .Select(g =>
            {
                var organizations = g.Sum(r => r.Organizations);
                var members = g.Sum(r => r.Members);
                var women = g.Sum(r => r.WomenMembers);
                var compliant = g.Sum(r => (r.ComplianceRate ?? 0) * r.Organizations);
                return new StatisticsRow(new Dictionary<string, string> { [name] = g.Key }, organizations, members, women,
                    members == 0 ? null : Math.Round((double)women / members, 4),
                    organizations == 0 ? null : Math.Round(compliant / organizations, 4));
            })];
    }

    /// <summary>Values no list offers (a hand-made address) and impossible years, said in the page's language.</summary>
    private void CheckFilters()
    {
        foreach (var field in ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList())
        {
            ModelState[field]!.Errors.Clear();
            ModelState.AddModelError(field, field is "from" or "to" ? StatisticsText.EnterYear : UiText.ChooseFromList);
        }

        if (Blank(Region) is { } region && Regions.All(r => r.Code != region))
        {
            ModelState.AddModelError("region", UiText.ChooseFromList);
        }

        if (Blank(Province) is { } province && Regions.SelectMany(r => r.Provinces).All(p => p.Code != province))
        {
            ModelState.AddModelError("province", UiText.ChooseFromList);
        }

        if (Blank(Sector) is { } sector && Sectors.All(s => s.Code != sector))
        {
            ModelState.AddModelError("sector", UiText.ChooseFromList);
        }

        foreach (var (field, year) in new[] { ("from", From), ("to", To) })
        {
            if (year is < 1900 or > 2100)
            {
                ModelState.AddModelError(field, StatisticsText.EnterYear);
            }
        }

        if (From is { } from && To is { } to && (to < from || to - from > 50) && ModelState.IsValid)
        {
            ModelState.AddModelError("to", StatisticsText.YearOrder);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FieldOf(string property) =>
        property.Split('.').Last().ToLowerInvariant() switch
        {
            "region" => "region",
            "province" => "province",
            "legalform" => "form",
            "sector" => "sector",
            "status" => "status",
            _ => "from",
        };
}
