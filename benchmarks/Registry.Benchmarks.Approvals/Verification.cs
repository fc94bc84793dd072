using System.Globalization;
using Npgsql;

namespace Registry.Benchmarks.Approvals;

internal sealed record CounterCheck(string LegalForm, string RegionCode, int Year, int LastValue, long Numbers, long Distinct, int Min, int Max)
{
    public bool GapFree => Numbers == LastValue && Distinct == LastValue && (LastValue == 0 || (Min == 1 && Max == LastValue));
}

internal sealed record VerificationResult(
    IReadOnlyList<CounterCheck> Counters,
    long OrganizationsOutsideCounters,
    long ApprovedWithoutExactlyOneOrganization,
    long OrganizationsOfUnapprovedApplications,
    long ApprovedInDatabase,
    int ApprovedOverHttp,
    long OrganizationsAdded,
    long CooperativesWithoutConsumedReservation,
    long ApprovalAuditEntries)
{
    public bool GapFree => Counters.All(c => c.GapFree) && OrganizationsOutsideCounters == 0;

    public bool OneOrganizationEach => ApprovedWithoutExactlyOneOrganization == 0 && OrganizationsOfUnapprovedApplications == 0;

    public bool Ok => GapFree && OneOrganizationEach && ApprovedInDatabase == ApprovedOverHttp && OrganizationsAdded == ApprovedInDatabase
        && CooperativesWithoutConsumedReservation == 0 && ApprovalAuditEntries == ApprovedInDatabase;

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("integrity (SQL, after the run):");
        Console.WriteLine($"  counters (form, region, year): {Counters.Count}; gap-free (numbers 1..last_value, no hole, no duplicate): " +
            $"{Counters.Count(c => c.GapFree)}/{Counters.Count}; organisations numbered outside any counter: {OrganizationsOutsideCounters}");
        foreach (var c in Counters.Where(c => !c.GapFree))
        {
            Console.WriteLine($"    NOT GAP-FREE {c.LegalForm}-{c.RegionCode}-{c.Year}: last_value {c.LastValue}, numbers {c.Numbers}, distinct {c.Distinct}, min {c.Min}, max {c.Max}");
        }

        var busiest = Counters.OrderByDescending(c => c.LastValue).Take(3).Select(c => $"{c.LegalForm}-{c.RegionCode}-{c.Year} 1..{c.LastValue}");
        Console.WriteLine($"    largest: {string.Join(", ", busiest)}");
        Console.WriteLine($"  approved applications without exactly one organisation: {ApprovedWithoutExactlyOneOrganization}; " +
            $"organisations of applications not approved: {OrganizationsOfUnapprovedApplications}");
        Console.WriteLine($"  approved in the database {ApprovedInDatabase:N0} / 200 OK over HTTP {ApprovedOverHttp:N0} / organisations added {OrganizationsAdded:N0} / " +
            $"'application.approved' audit entries {ApprovalAuditEntries:N0}; approved cooperatives without their reservation consumed: {CooperativesWithoutConsumedReservation}");
        Console.WriteLine($"  => gap-free: {(GapFree ? "yes" : "NO")}; one organisation per approval: {(OneOrganizationEach ? "yes" : "NO")}; all checks: {(Ok ? "ok" : "FAILED")}");
    }
}

internal static class Verification
{
    public static async Task<VerificationResult> RunAsync(Options options, PreparationResult preparation, DriveResult drive)
    {
        await using var dataSource = NpgsqlDataSource.Create(options.Connection);
        var counters = new List<CounterCheck>();
        await using (var command = dataSource.CreateCommand("""
            WITH numbered AS (
                SELECT split_part(registration_number, '-', 1) AS legal_form, split_part(registration_number, '-', 2) AS region_code,
                       split_part(registration_number, '-', 3)::int AS year, split_part(registration_number, '-', 4)::int AS seq
                FROM registry.organizations)
            SELECT s.legal_form, s.region_code, s.year, s.last_value, count(n.seq), count(DISTINCT n.seq), coalesce(min(n.seq), 0), coalesce(max(n.seq), 0)
            FROM registry.registration_sequences s
            LEFT JOIN numbered n ON n.legal_form = s.legal_form AND n.region_code = s.region_code AND n.year = s.year
            GROUP BY s.legal_form, s.region_code, s.year, s.last_value
            ORDER BY s.legal_form, s.region_code, s.year
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                counters.Add(new CounterCheck(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
                    reader.GetInt64(4), reader.GetInt64(5), reader.GetInt32(6), reader.GetInt32(7)));
            }
        }

        async Task<long> ScalarAsync(string sql, Guid[]? ids = null)
        {
            await using var command = dataSource.CreateCommand(sql);
            command.CommandTimeout = 300;
            if (ids is not null)
            {
                command.Parameters.AddWithValue(ids);
            }

            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        var ids = preparation.Applications.Select(a => a.Id).ToArray();
        return new VerificationResult(
            counters,
            await ScalarAsync("""
                SELECT count(*) FROM registry.organizations o
                WHERE NOT EXISTS (SELECT 1 FROM registry.registration_sequences s
                                  WHERE o.registration_number LIKE s.legal_form || '-' || s.region_code || '-' || s.year || '-%')
                """),
            await ScalarAsync("""
                SELECT count(*) FROM registry.applications a
                WHERE a.status = 'Approved'
                  AND ((SELECT count(*) FROM registry.organizations o WHERE o.application_id = a.id) <> 1
                       OR NOT EXISTS (SELECT 1 FROM registry.organizations o WHERE o.id = a.organization_id AND o.application_id = a.id))
                """),
            await ScalarAsync("""
                SELECT count(*) FROM registry.organizations o JOIN registry.applications a ON a.id = o.application_id WHERE a.status <> 'Approved'
                """),
            await ScalarAsync("SELECT count(*) FROM registry.applications WHERE id = ANY($1) AND status = 'Approved'", ids),
            drive.ApprovedTotal,
            await ScalarAsync("SELECT count(*) FROM registry.organizations") - preparation.OrganizationsBefore,
            // The ids as a relation, so both sides are hashed once (an anti-join per id against name_reservations,
            // which has no index on application_id, is a nested loop over every approval).
            await ScalarAsync("""
                WITH ids AS (SELECT unnest($1::uuid[]) AS id),
                     cooperatives AS (SELECT a.id FROM registry.applications a JOIN ids ON ids.id = a.id
                                      WHERE a.status = 'Approved' AND a.legal_form = 'COOP')
                SELECT count(*) FROM cooperatives c
                WHERE NOT EXISTS (SELECT 1 FROM registry.name_reservations r WHERE r.application_id = c.id AND r.consumed_at IS NOT NULL)
                """, ids),
            await ScalarAsync("SELECT count(*) FROM registry.audit_entries WHERE action = 'application.approved' AND application_id = ANY($1)", ids));
    }

    public static async Task ResetStatementsAsync(string connection)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var command = dataSource.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Where the database's time went while approving (warm-up included): for profiling, not a target.</summary>
    public static async Task PrintTopStatementsAsync(string connection)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var command = dataSource.CreateCommand("""
            SELECT calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3), rows,
                   regexp_replace(left(query, 160), '\s+', ' ', 'g')
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY total_exec_time DESC LIMIT 20
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine();
        Console.WriteLine("pg_stat_statements (warm-up and measured period): calls, total ms, mean ms, rows, statement");
        while (await reader.ReadAsync())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {reader.GetInt64(0),9} {reader.GetDecimal(1),9} {reader.GetDecimal(2),8} {reader.GetInt64(3),9}  {reader.GetString(4)}"));
        }
    }
}
