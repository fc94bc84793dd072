using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Registry.Application.Common.Interfaces;

namespace Registry.Infrastructure.Statistics;

/// <summary>
/// Aggregates over the organisations table, using the member counts kept on each organisation (never the
/// members' table). Dimensions are whitelisted column expressions; filter values are parameters.
/// </summary>
internal sealed class StatisticsReader(NpgsqlDataSource dataSource) : IStatisticsReader
{
    private const string RegisteredLocal = "(o.registered_at AT TIME ZONE 'Africa/Casablanca')";

    private static readonly Dictionary<StatisticsDimension, (string Name, string Sql)> Dimensions = new()
    {
        [StatisticsDimension.Region] = ("region", "o.region_code"),
        [StatisticsDimension.Province] = ("province", "o.province_code"),
        [StatisticsDimension.LegalForm] = ("legalForm", "o.legal_form"),
        [StatisticsDimension.Sector] = ("sector", "o.sector_code"),
        [StatisticsDimension.Status] = ("status", "o.status"),
        [StatisticsDimension.Year] = ("year", $"extract(year FROM {RegisteredLocal})::int::text"),
    };

    private const string Where = $"""
        WHERE ($1::text IS NULL OR o.region_code = $1) AND ($2::text IS NULL OR o.province_code = $2)
          AND ($3::text IS NULL OR o.legal_form = $3) AND ($4::text IS NULL OR o.sector_code = $4)
          AND ($5::text IS NULL OR o.status = $5) AND ($6::int IS NULL OR extract(year FROM {RegisteredLocal})::int = $6)
        """;

    public async Task<IReadOnlyList<StatisticsRow>> OrganizationsAsync(IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var dims = groupBy.Select(d => Dimensions[d]).ToList();
        var select = string.Concat(dims.Select((d, i) => $"{d.Sql} AS d{i}, "));
        var group = dims.Count == 0 ? "" : "GROUP BY " + string.Join(", ", dims.Select(d => d.Sql)) + " ORDER BY " + string.Join(", ", dims.Select((_, i) => $"d{i}"));
        var sql = $"""
            SELECT {select}count(*) AS organizations, coalesce(sum(o.member_count), 0)::bigint AS members, coalesce(sum(o.women_member_count), 0)::bigint AS women,
                   count(*) FILTER (WHERE NOT EXISTS (
                       SELECT 1 FROM registry.findings f WHERE f.organization_id = o.id AND f.stage IN ('Overdue', 'Escalated'))) AS compliant
            FROM registry.organizations o
            {Where}
            {group}
            """;
        await using var command = Command(sql, filter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<StatisticsRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var n = dims.Count;
            var organizations = reader.GetInt64(n);
            var members = reader.GetInt64(n + 1);
            var women = reader.GetInt64(n + 2);
            var compliant = reader.GetInt64(n + 3);
            if (organizations == 0)
            {
                continue;
            }

            rows.Add(new StatisticsRow(GroupOf(reader, dims), organizations, members, women,
                members == 0 ? null : Math.Round((double)women / members, 4), Math.Round((double)compliant / organizations, 4)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<MonthlyRow>> RegistrationsPerMonthAsync(
        DateOnly from, DateOnly to, IReadOnlyList<StatisticsDimension> groupBy, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var dims = groupBy.Select(d => Dimensions[d]).ToList();
        var select = string.Concat(dims.Select((d, i) => $", {d.Sql} AS d{i}"));
        var keys = string.Concat(dims.Select(d => ", " + d.Sql));
        var sql = $"""
            SELECT to_char(date_trunc('month', {RegisteredLocal}), 'YYYY-MM') AS month{select}, count(*) AS registrations
            FROM registry.organizations o
            {Where} AND {RegisteredLocal}::date BETWEEN $7 AND $8
            GROUP BY 1{keys}
            ORDER BY 1{string.Concat(dims.Select((_, i) => $", d{i}"))}
            """;
        await using var command = Command(sql, filter);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = from });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = to });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<MonthlyRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var group = new Dictionary<string, string>();
            for (var i = 0; i < dims.Count; i++)
            {
                group[dims[i].Name] = reader.GetString(i + 1);
            }

            rows.Add(new MonthlyRow(reader.GetString(0), group, reader.GetInt64(dims.Count + 1)));
        }

        return rows;
    }

    private NpgsqlCommand Command(string sql, StatisticsFilter filter)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(Text(filter.Region));
        command.Parameters.Add(Text(filter.Province));
        command.Parameters.Add(Text(filter.LegalForm));
        command.Parameters.Add(Text(filter.Sector));
        command.Parameters.Add(Text(filter.Status));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)filter.Year ?? DBNull.Value });
        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static Dictionary<string, string> GroupOf(NpgsqlDataReader reader, List<(string Name, string Sql)> dims)
    {
        var group = new Dictionary<string, string>();
        for (var i = 0; i < dims.Count; i++)
        {
            group[dims[i].Name] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
        }

        return group;
    }
}
