using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Statistics;

/// <summary>
/// Reads the statistics rollup (<c>registry.statistics_cells</c>, kept exact by triggers in the transaction of
/// every change; see migrations/Registry.Migrations/Sql/StatisticsRollup.Up.sql), never the organisations one
/// by one: each query sums the smallest grain that carries every dimension it groups or filters by. Only
/// registrations per month over a range that starts or ends inside a month count those partial months on the
/// organisations, through their registration-instant index. Dimensions are whitelisted column expressions;
/// filter values are parameters. Reads go to the read data source (a streaming replica when one is configured).
/// </summary>
internal sealed class StatisticsReader([FromKeyedServices(Persistence.ReadReplica.Key)] NpgsqlDataSource dataSource) : IStatisticsReader
{
    private const string RegisteredLocal = "(o.registered_at AT TIME ZONE 'Africa/Casablanca')";

    /// <summary>The bits of <c>statistics_cells.grain</c>.</summary>
    [Flags]
    internal enum Grain : short
    {
        Coarse = 0,
        Province = 1,
        Sector = 2,
        Monthly = 4,
        AllYears = 8,
        Slim = 16,
    }

    /// <summary>The slim grains (no region, legal form or status) the rollup keeps: year or month by province or by sector, province by sector.</summary>
    private static readonly HashSet<Grain> SlimGrains =
    [
        Grain.Slim | Grain.Province, Grain.Slim | Grain.Sector, Grain.Slim | Grain.Monthly | Grain.Province,
        Grain.Slim | Grain.Monthly | Grain.Sector, Grain.Slim | Grain.AllYears | Grain.Province | Grain.Sector,
    ];

    /// <summary>Each dimension's output name, its column in the cells and its expression on an organisation.</summary>
    private static readonly Dictionary<StatisticsDimension, (string Name, string Cell, string Organization)> Dimensions = new()
    {
        [StatisticsDimension.Region] = ("region", "c.region_code", "o.region_code"),
        [StatisticsDimension.Province] = ("province", "c.province_code", "o.province_code"),
        [StatisticsDimension.LegalForm] = ("legalForm", "c.legal_form", "o.legal_form"),
        [StatisticsDimension.Sector] = ("sector", "c.sector_code", "o.sector_code"),
        [StatisticsDimension.Status] = ("status", "c.status", "o.status"),
        [StatisticsDimension.Year] = ("year", "c.registration_year", $"extract(year FROM {RegisteredLocal})::smallint"),
    };

    /// <summary>The grain a query reads: the coarsest one that has every dimension it groups or filters by.</summary>
    internal static Grain GrainFor(IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter, bool monthly)
    {
        var grain = monthly ? Grain.Monthly : Grain.Coarse;
        if (groupBy.Contains(StatisticsDimension.Province) || filter.Province is not null)
        {
            grain |= Grain.Province;
        }

        if (groupBy.Contains(StatisticsDimension.Sector) || filter.Sector is not null)
        {
            grain |= Grain.Sector;
        }

        if (!monthly && !groupBy.Contains(StatisticsDimension.Year) && filter.Year is null)
        {
            grain |= Grain.AllYears;
        }

        var regionFormStatus = groupBy.Any(d => d is StatisticsDimension.Region or StatisticsDimension.LegalForm or StatisticsDimension.Status)
            || filter.Region is not null || filter.LegalForm is not null || filter.Status is not null;
        return !regionFormStatus && SlimGrains.Contains(grain | Grain.Slim) ? grain | Grain.Slim : grain;
    }

    public async Task<IReadOnlyList<StatisticsRow>> OrganizationsAsync(IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        await using var command = OrganizationsCommand(groupBy, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var dims = groupBy.Select(d => Dimensions[d].Name).ToList();
        var rows = new List<StatisticsRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var n = dims.Count;
            var organizations = reader.GetInt64(n);
            var members = reader.GetInt64(n + 1);
            var women = reader.GetInt64(n + 2);
            var compliant = reader.GetInt64(n + 3);
            rows.Add(new StatisticsRow(GroupOf(reader, dims, 0), organizations, members, women,
                members == 0 ? null : Math.Round((double)women / members, 4), Math.Round((double)compliant / organizations, 4)));
        }

        return rows;
    }

    /// <summary>The command <see cref="OrganizationsAsync"/> runs (the benchmark prints its plan).</summary>
    internal NpgsqlCommand OrganizationsCommand(IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter)
    {
        var dims = groupBy.Select(d => Dimensions[d].Cell).ToList();
        var command = dataSource.CreateCommand();
        var where = new StringBuilder("c.grain = $1");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Smallint, Value = (short)GrainFor(groupBy, filter, monthly: false) });
        AddFilters(command, where, filter, cells: true);
        var select = string.Concat(dims.Select((d, i) => $"{d} AS d{i}, "));
        var group = dims.Count == 0 ? "" : "GROUP BY " + string.Join(", ", dims);
        var order = dims.Count == 0 ? "" : "ORDER BY " + OrderOf(groupBy, groupBy.Select(d => Dimensions[d].Cell).ToList());
        command.CommandText = $"""
            SELECT {select}sum(c.organizations)::bigint AS organizations, sum(c.members)::bigint AS members, sum(c.women_members)::bigint AS women,
                   coalesce(sum(c.organizations) FILTER (WHERE NOT c.has_overdue_finding), 0)::bigint AS compliant
            FROM registry.statistics_cells c
            WHERE {where}
            {group}
            HAVING sum(c.organizations) > 0
            {order}
            """;
        return command;
    }

    public async Task<IReadOnlyList<MonthlyRow>> RegistrationsPerMonthAsync(
        DateOnly from, DateOnly to, IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        await using var command = RegistrationsCommand(from, to, groupBy, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var dims = groupBy.Select(d => Dimensions[d].Name).ToList();
        var rows = new List<MonthlyRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MonthlyRow(reader.GetString(0), GroupOf(reader, dims, 1), reader.GetInt64(dims.Count + 1)));
        }

        return rows;
    }

    /// <summary>
    /// Whole months inside [from, to] come from the monthly grain; the days of a month the range only partly
    /// covers are counted on the organisations (an index range on registered_at, at most two months' worth).
    /// </summary>
    internal NpgsqlCommand RegistrationsCommand(DateOnly from, DateOnly to, IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter)
    {
        var firstWhole = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var afterLastWhole = to.AddDays(1).Day == 1 ? to.AddDays(1) : new DateOnly(to.Year, to.Month, 1);
        var end = to.AddDays(1);
        // Day ranges [start, end) counted on the organisations: the head and the tail of the range, or all of it.
        var partial = firstWhole >= afterLastWhole
            ? new List<(DateOnly, DateOnly)> { (from, end) }
            : new List<(DateOnly, DateOnly)> { (from, firstWhole), (afterLastWhole, end) }.Where(r => r.Item1 < r.Item2).ToList();

        var command = dataSource.CreateCommand();
        var cellWhere = new StringBuilder("c.grain = $1 AND c.registration_month >= $2 AND c.registration_month < $3");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Smallint, Value = (short)GrainFor(groupBy, filter, monthly: true) });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = firstWhole });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = firstWhole < afterLastWhole ? afterLastWhole : firstWhole });
        AddFilters(command, cellWhere, filter, cells: true);

        var sql = new StringBuilder();
        var cellDims = string.Concat(groupBy.Select((d, i) => $", {Dimensions[d].Cell} AS d{i}"));
        sql.Append(CultureInfo.InvariantCulture, $"SELECT c.registration_month AS month{cellDims}, c.organizations AS n FROM registry.statistics_cells c WHERE {cellWhere}");
        var organizationDims = string.Concat(groupBy.Select((d, i) => $", {Dimensions[d].Organization} AS d{i}"));
        foreach (var (start, stop) in partial)
        {
            // One branch per day range (not an OR of ranges), so each is an index-only range scan.
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = start });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = stop });
            var organizationWhere = new StringBuilder(
                $"o.registered_at >= (${command.Parameters.Count - 1}::timestamp AT TIME ZONE 'Africa/Casablanca') AND o.registered_at < (${command.Parameters.Count}::timestamp AT TIME ZONE 'Africa/Casablanca')");
            AddFilters(command, organizationWhere, filter, cells: false);
            sql.Append(CultureInfo.InvariantCulture, $"""

                UNION ALL
                SELECT date_trunc('month', {RegisteredLocal})::date{organizationDims}, 1 FROM registry.organizations o WHERE {organizationWhere}
                """);
        }

        var outer = string.Concat(groupBy.Select((_, i) => $", d{i}"));
        var order = groupBy.Count == 0 ? "" : ", " + OrderOf(groupBy, groupBy.Select((_, i) => $"x.d{i}").ToList());
        command.CommandText = $"""
            SELECT to_char(month, 'YYYY-MM') AS month{outer}, sum(n)::bigint AS registrations
            FROM (
            {sql}
            ) x
            GROUP BY x.month{outer}
            HAVING sum(n) > 0
            ORDER BY x.month{order}
            """;
        return command;
    }

    /// <summary>The output order: codes byte by byte (they are ASCII), which spares the locale's comparisons.</summary>
    private static string OrderOf(IReadOnlyList<StatisticsDimension> groupBy, List<string> expressions) =>
        string.Join(", ", groupBy.Select((d, i) => d == StatisticsDimension.Year ? expressions[i] : $"{expressions[i]} COLLATE \"C\""));

    /// <summary>Adds the non-null filters as parameters, on the cells (<c>c.</c>) or on the organisations (<c>o.</c>).</summary>
    private static void AddFilters(NpgsqlCommand command, StringBuilder where, StatisticsFilter filter, bool cells)
    {
        void Text(StatisticsDimension dimension, string? value)
        {
            if (value is not null)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = value });
                var column = cells ? Dimensions[dimension].Cell : Dimensions[dimension].Organization;
                where.Append(CultureInfo.InvariantCulture, $" AND {column} = ${command.Parameters.Count}");
            }
        }

        Text(StatisticsDimension.Region, filter.Region);
        Text(StatisticsDimension.Province, filter.Province);
        Text(StatisticsDimension.LegalForm, filter.LegalForm);
        Text(StatisticsDimension.Sector, filter.Sector);
        Text(StatisticsDimension.Status, filter.Status);
        if (filter.Year is { } year)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Smallint, Value = (short)year });
            var column = cells ? Dimensions[StatisticsDimension.Year].Cell : Dimensions[StatisticsDimension.Year].Organization;
            where.Append(CultureInfo.InvariantCulture, $" AND {column} = ${command.Parameters.Count}");
        }
    }

    private static Dictionary<string, string> GroupOf(NpgsqlDataReader reader, List<string> dims, int offset)
    {
        var group = new Dictionary<string, string>();
        for (var i = 0; i < dims.Count; i++)
        {
            group[dims[i]] = Convert.ToString(reader.GetValue(i + offset), CultureInfo.InvariantCulture) ?? "";
        }

        return group;
    }
}
