using Mediator;
using Registry.Api.Security;
using Registry.Application.Common.Interfaces;
using Registry.Application.Statistics.Queries.GetOrganizationStatistics;
using Registry.Application.Statistics.Queries.GetRegistrationsPerMonth;
using Registry.Web.Statistics;

namespace Registry.Api.Endpoints;

/// <summary>Statistics for ministry analysts (and administrators): JSON, or CSV with Accept: text/csv or a .csv route (the dashboard's CSV writer).</summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        var statistics = app.MapGroup("/api/v1/statistics")
            .WithTags("Statistics")
            .RequireAuthorization(Policies.Analyst)
            .WithCommonProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        foreach (var suffix in new[] { "", ".csv" })
        {
            statistics.MapGet("/organizations" + suffix, Organizations)
                .WithName("OrganizationStatistics" + suffix.Replace(".", "", StringComparison.Ordinal))
                .WithSummary("Organisations, members, women members and their share, and the compliance rate (share with no overdue finding), "
                    + "grouped by up to two of region, province, legalForm, sector, status, year (groupBy=region,legalForm) under any filters.");
            statistics.MapGet("/registrations" + suffix, Registrations)
                .WithName("RegistrationStatistics" + suffix.Replace(".", "", StringComparison.Ordinal))
                .WithSummary("Registrations per month (Africa/Casablanca) between from and to (dates), optionally grouped and filtered.");
        }

        return app;
    }

    private static async Task<IResult> Organizations(
        string? groupBy, string? region, string? province, string? legalForm, string? sector, string? status, int? year,
        HttpContext context, ISender sender, CancellationToken ct)
    {
        var rows = await sender.Send(new GetOrganizationStatistics(ParseGroupBy(groupBy), new StatisticsFilter(region, province, legalForm, sector, status, year)), ct);
        if (!WantsCsv(context))
        {
            return TypedResults.Ok(rows);
        }

        var dims = ParseGroupBy(groupBy).Select(Name).ToList();
        return Csv(StatisticsCsv.Organizations(dims, rows));
    }

    private static async Task<IResult> Registrations(
        DateOnly from, DateOnly to, string? groupBy, string? region, string? province, string? legalForm, string? sector, string? status,
        HttpContext context, ISender sender, CancellationToken ct)
    {
        var rows = await sender.Send(new GetRegistrationsPerMonth(from, to, ParseGroupBy(groupBy), new StatisticsFilter(region, province, legalForm, sector, status, null)), ct);
        if (!WantsCsv(context))
        {
            return TypedResults.Ok(rows);
        }

        var dims = ParseGroupBy(groupBy).Select(Name).ToList();
        return Csv(StatisticsCsv.Registrations(dims, rows));
    }

    private static List<StatisticsDimension> ParseGroupBy(string? groupBy)
    {
        if (string.IsNullOrWhiteSpace(groupBy))
        {
            return [];
        }

        var dimensions = new List<StatisticsDimension>();
        foreach (var part in groupBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<StatisticsDimension>(part, ignoreCase: true, out var dimension) || !Enum.IsDefined(dimension) || part.All(char.IsDigit))
            {
                var names = string.Join(", ", Enum.GetNames<StatisticsDimension>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("groupBy", Registry.Application.Common.Validation.Localized.Text(
                    $"« {part[..Math.Min(part.Length, 30)]} » n'est pas une dimension : {names}.",
                    $"«{part[..Math.Min(part.Length, 30)]}» ليس بعدا من الأبعاد: {names}."))]);
            }

            dimensions.Add(dimension);
        }

        return dimensions;
    }

    private static string Name(StatisticsDimension dimension) => dimension switch
    {
        StatisticsDimension.LegalForm => "legalForm",
        _ => dimension.ToString().ToLowerInvariant(),
    };

    private static bool WantsCsv(HttpContext context) =>
        context.Request.Path.Value?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true
        || context.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    private static IResult Csv(CsvTable table) =>
        Results.Stream(stream => StatisticsCsv.WriteAsync(stream, table), StatisticsCsv.ContentType);
}
