using System.Globalization;
using System.Text;
using Registry.Application.Common.Interfaces;

namespace Registry.Web.Statistics;

/// <summary>
/// The statistics tables as CSV: the columns, the invariant number format and the RFC 4180 writer, shared by the
/// API's <c>.csv</c> routes and the analyst's dashboard, so a table downloaded from either reads the same.
/// </summary>
public static class StatisticsCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Organisations, members, women and the two rates, after one column per grouping dimension.</summary>
    public static CsvTable Organizations(IReadOnlyList<string> dimensions, IEnumerable<StatisticsRow> rows) => new(
        [.. dimensions, "organizations", "members", "womenMembers", "womenShare", "complianceRate"],
        rows.Select(r => dimensions.Select(d => r.Group[d])
            .Concat([Number(r.Organizations), Number(r.Members), Number(r.WomenMembers), Number(r.WomenShare), Number(r.ComplianceRate)])));

    /// <summary>One line per month (and group): the month as yyyy-MM, then the registrations.</summary>
    public static CsvTable Registrations(IReadOnlyList<string> dimensions, IEnumerable<MonthlyRow> rows) => new(
        ["month", .. dimensions, "registrations"],
        rows.Select(r => new[] { r.Month }.Concat(dimensions.Select(d => r.Group[d])).Append(Number(r.Registrations))));

    /// <summary>RFC 4180 CSV in UTF-8 (no byte-order mark), written to the stream as the rows come.</summary>
    public static async Task WriteAsync(Stream stream, CsvTable table, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 16 * 1024);
        await writer.WriteAsync(Line(table.Header).AsMemory(), cancellationToken);
        foreach (var row in table.Rows)
        {
            await writer.WriteAsync(Line(row).AsMemory(), cancellationToken);
        }
    }

    private static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

/// <summary>A header and its rows, ready for <see cref="StatisticsCsv.WriteAsync"/>.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IEnumerable<IEnumerable<string>> Rows);
