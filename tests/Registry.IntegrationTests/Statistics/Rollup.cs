using System.Text;
using Npgsql;

namespace Registry.IntegrationTests.Statistics;

/// <summary>
/// The statistics rollup compared, cell by cell and grain by grain, with a GROUP BY computed here directly over
/// the organisations and their findings (every grain: 0–11 and the slim 17, 18, 21, 22, 27). The test's own SQL,
/// written without the migration's grouping sets.
/// </summary>
public static class Rollup
{
    private const string Year = "extract(year FROM o.registered_at AT TIME ZONE 'Africa/Casablanca')::smallint";
    private const string Month = "date_trunc('month', o.registered_at AT TIME ZONE 'Africa/Casablanca')::date";
    private const string Overdue = "EXISTS (SELECT 1 FROM registry.findings f WHERE f.organization_id = o.id AND f.stage IN ('Overdue', 'Escalated'))";

    /// <summary>Fails with the differing cells unless every grain equals the direct aggregate.</summary>
    public static async Task AssertExactAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var differences = new StringBuilder();
        foreach (var grain in Enumerable.Range(0, 12).Concat([17, 18, 21, 22, 27]))
        {
            var keys = new List<(string Direct, string Cell)>();
            if ((grain & 16) == 0)
            {
                keys.AddRange([("o.region_code", "region_code"), ("o.legal_form", "legal_form"), ("o.status", "status")]);
            }

            if ((grain & 8) == 0)
            {
                keys.Add((Year, "registration_year"));
            }

            if ((grain & 1) != 0)
            {
                keys.Add(("o.province_code", "province_code"));
            }

            if ((grain & 2) != 0)
            {
                keys.Add(("o.sector_code", "sector_code"));
            }

            keys.Add((grain & 4) != 0 ? (Month, "registration_month") : (Overdue, "has_overdue_finding"));
            var direct = string.Join(", ", keys.Select((k, i) => $"{k.Direct} AS k{i}"));
            var cells = string.Join(", ", keys.Select((k, i) => $"c.{k.Cell} AS k{i}"));
            var groupBy = string.Join(", ", keys.Select((_, i) => $"{i + 1}"));
            var sql = $"""
                WITH direct AS (
                    SELECT {direct}, count(*) AS organizations, sum(o.member_count)::bigint AS members, sum(o.women_member_count)::bigint AS women
                    FROM registry.organizations o GROUP BY {groupBy}),
                cells AS (
                    SELECT {cells}, c.organizations, c.members, c.women_members AS women
                    FROM registry.statistics_cells c
                    WHERE c.grain = {grain} AND NOT (c.organizations = 0 AND c.members = 0 AND c.women_members = 0))
                SELECT 'missing from the rollup' AS side, d::text FROM (SELECT * FROM direct EXCEPT ALL SELECT * FROM cells) d
                UNION ALL
                SELECT 'wrong in the rollup', c::text FROM (SELECT * FROM cells EXCEPT ALL SELECT * FROM direct) c
                LIMIT 20
                """;
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                differences.AppendLine($"grain {grain}, {reader.GetString(0)}: {reader.GetString(1)}");
            }
        }

        await using (var counts = new NpgsqlCommand("""
            SELECT coalesce(string_agg(x::text, '; '), '') FROM (
                SELECT f.organization_id, count(*) AS n FROM registry.findings f
                WHERE f.organization_id IS NOT NULL AND f.stage IN ('Overdue', 'Escalated') GROUP BY 1
                EXCEPT ALL
                SELECT organization_id, overdue_findings FROM registry.statistics_overdue WHERE overdue_findings <> 0) x
            """, connection))
        {
            var missing = (string)(await counts.ExecuteScalarAsync())!;
            if (missing.Length > 0)
            {
                differences.AppendLine("overdue counts differ: " + missing);
            }
        }

        Assert.True(differences.Length == 0, "The statistics rollup differs from the organisations:\n" + differences);
    }

    /// <summary>Organisations counted in the coarsest grain (a quick probe that something did change).</summary>
    public static async Task<(long Organizations, long Members, long NonCompliant)> TotalsAsync(string connectionString, string where = "true")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT coalesce(sum(organizations), 0)::bigint, coalesce(sum(members), 0)::bigint,
                   coalesce(sum(organizations) FILTER (WHERE has_overdue_finding), 0)::bigint
            FROM registry.statistics_cells WHERE grain = 0 AND ({where})
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
