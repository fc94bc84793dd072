using System.Globalization;
using System.Text;
using Mediator;
using Registry.Api.Security;
using Registry.Application.Common.Interfaces;
using Registry.Application.Statistics.Queries.GetOrganizationStatistics;
using Registry.Application.Statistics.Queries.GetRegistrationsPerMonth;

namespace Registry.Api.Endpoints;

/// <summary>Statistics for ministry analysts (and administrators): JSON, or CSV with Accept: text/csv or a .csv route.</summary>
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
        return Csv([.. dims, "organizations", "members", "womenMembers", "womenShare", "complianceRate"],
            rows.Select(r => dims.Select(d => r.Group[d]).Concat([Number(r.Organizations), Number(r.Members), Number(r.WomenMembers), Number(r.WomenShare), Number(r.ComplianceRate)])));
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
        return Csv(["month", .. dims, "registrations"], rows.Select(r => new[] { r.Month }.Concat(dims.Select(d => r.Group[d])).Append(Number(r.Registrations))));
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
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("groupBy",
                    $"'{part[..Math.Min(part.Length, 30)]}' is not one of {string.Join(", ", Enum.GetNames<StatisticsDimension>())}.")]);
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

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>RFC 4180 CSV, UTF-8, streamed as it is written.</summary>
    private static IResult Csv(IReadOnlyList<string> header, IEnumerable<IEnumerable<string>> rows) =>
        Results.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 16 * 1024);
            await writer.WriteAsync(string.Join(',', header.Select(Field)) + "\r\n");
            foreach (var row in rows)
            {
                await writer.WriteAsync(string.Join(',', row.Select(Field)) + "\r\n");
            }
        }, "text/csv; charset=utf-8");

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
