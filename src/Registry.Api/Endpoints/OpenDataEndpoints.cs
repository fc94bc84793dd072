using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Registry.Api.Security;
using Registry.Application.Common.Interfaces;
using Registry.Application.OpenData.Queries.GetOpenDataFile;
using Registry.Application.OpenData.Queries.ListOpenDataSnapshots;

namespace Registry.Api.Endpoints;

/// <summary>A kept open-data file, and where to download it.</summary>
public sealed record OpenDataFileLink(string Format, DateOnly Date, long SizeBytes, string Sha256, long RowCount, DateTimeOffset CreatedAt, string Url);

public static class OpenDataEndpoints
{
    public const string ContentSha256Header = "X-Content-SHA256";
    public const string SnapshotDateHeader = "X-Snapshot-Date";

    private const string ColumnList =
        "registration_number, legal_form, name_ar, name_latin, sector_code, seat_address, province_code, region_code, founding_date, status, "
        + "registered_at, member_count, women_member_count";

    private const string Columns =
        "Columns, in this order (CSV header names; JSON uses the camelCase keys): registration_number, legal_form (COOP, UNION, ASSO, MUTU), "
        + "name_ar, name_latin (either may be empty), sector_code, seat_address, province_code, region_code, founding_date (YYYY-MM-DD), "
        + "status (Active, Suspended, StruckOff, Dissolved), registered_at (UTC, ISO 8601 with microseconds), member_count, women_member_count. "
        + "One row per registered organisation, ordered by registration number; no personal data. "
        + "CSV: RFC 4180, UTF-8 without BOM, comma, CRLF, header row. JSON: one array of objects. See docs/open-data.md.";

    private const string FileHeaders =
        " Headers: ETag and X-Content-SHA256 carry the file's SHA-256, Last-Modified the export time, X-Snapshot-Date its date; range requests are supported.";

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var openData = app.MapGroup("/api/v1/open-data")
            .WithTags("Open data")
            .WithRateLimit(RateLimits.OpenData)
            .WithCommonProblems(StatusCodes.Status404NotFound);

        openData.MapGet("/", List)
            .AllowAnonymous()
            .WithSummary("The kept open-data snapshots (the last 7 days, CSV and JSON): date, size, SHA-256, number of rows and download URL, newest first.");
        openData.MapGet("/organizations.{format}", Latest)
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/json"])
            .WithSummary("The newest snapshot of the public fields of every registered organisation (csv or json), by registration number; columns: " + ColumnList + ".")
            .WithDescription(Columns + FileHeaders);
        openData.MapGet("/{date}/organizations.{format}", OfDate)
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/json"])
            .WithSummary("The snapshot of a date (YYYY-MM-DD, Casablanca) of the public fields of every registered organisation (csv or json); columns: " + ColumnList + ".")
            .WithDescription(Columns + FileHeaders);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<OpenDataFileLink>>> List(ISender sender, CancellationToken ct)
    {
        var files = await sender.Send(new ListOpenDataSnapshots(), ct);
        return TypedResults.Ok<IReadOnlyList<OpenDataFileLink>>(
            [.. files.Select(f => new OpenDataFileLink(f.Format, f.SnapshotDate, f.SizeBytes, f.Sha256, f.RowCount, f.CreatedAt, UrlOf(f)))]);
    }

    private static async Task<FileStreamHttpResult> Latest(string format, ISender sender, HttpContext context, CancellationToken ct) =>
        Serve(await sender.Send(new GetOpenDataFile(format), ct), context);

    private static async Task<FileStreamHttpResult> OfDate(DateOnly date, string format, ISender sender, HttpContext context, CancellationToken ct) =>
        Serve(await sender.Send(new GetOpenDataFile(format, date), ct), context);

    private static FileStreamHttpResult Serve(OpenDataDownload download, HttpContext context)
    {
        var file = download.File;
        var headers = context.Response.Headers;
        headers[ContentSha256Header] = file.Sha256;
        headers[SnapshotDateHeader] = file.SnapshotDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        headers.CacheControl = "public, max-age=300";
        var contentType = file.Format == OpenDataFormats.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        return TypedResults.File(download.Content, contentType, file.FileName, file.CreatedAt, new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    private static string UrlOf(OpenDataFile file) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/open-data/{file.SnapshotDate:yyyy-MM-dd}/organizations.{file.Format}");
}
