using Registry.Domain.Compliance;

namespace Registry.Infrastructure.Compliance;

/// <summary>
/// The SQL of each compliance rule. A rule gives, per subject: <c>due_on</c> (null: keep the open finding's
/// date, else today), <c>broken</c> (the obligation is not kept) and <c>ground</c> (a striking-off ground,
/// escalated at once). The shared statement turns that into stages, findings and outbox messages.
/// Dates are Africa/Casablanca dates (<c>@today</c> is computed by the caller in that zone).
/// </summary>
internal static class ComplianceSql
{
    private const string Active = "o.status IN ('Active', 'Suspended') AND (@org::uuid IS NULL OR o.id = @org)";
    private const string Registered = "(o.registered_at AT TIME ZONE 'Africa/Casablanca')::date";
    private const string Columns = "o.id AS subject_id, o.id AS organization_id, o.owner_id AS recipient_user_id, o.contact_email AS fallback_email, o.registration_number, coalesce(o.name_latin, o.name_ar) AS subject_name";

    // Officers aggregated per organisation: the earliest mandate end, the board's size (administrators are board
    // members, as COOP_MANAGEMENT counts them), an auditor. Four rules read it; a full sweep computes it once
    // (OfficersSnapshot) instead of once per rule over the whole officers table.
    private const string OfficersColumns = """
        SELECT x.organization_id, min(x.mandate_end) AS min_end,
               count(*) FILTER (WHERE x.role IN ('President', 'VicePresident', 'Secretary', 'Treasurer', 'BoardMember', 'Administrator')) AS board_count,
               bool_or(x.role = 'Auditor') AS has_auditor
        FROM registry.organization_officers x
        """;

    private const string OfficersAggregate = $"{OfficersColumns} WHERE @org::uuid IS NULL OR x.organization_id = @org GROUP BY x.organization_id";

    private const string OfficersToken = "{officers}";
    private const string Officers = $"LEFT JOIN {OfficersToken} m ON m.organization_id = o.id";
    private const string OfficersSnapshotTable = "pg_temp.sweep_officers";

    /// <summary>The officers' aggregate of a full sweep, made once on the sweep's connection and read by every rule.</summary>
    public const string CreateOfficersSnapshot = $"""
        DROP TABLE IF EXISTS {OfficersSnapshotTable};
        CREATE TEMP TABLE sweep_officers AS {OfficersColumns} GROUP BY x.organization_id;
        CREATE UNIQUE INDEX ON {OfficersSnapshotTable} (organization_id);
        ANALYZE {OfficersSnapshotTable};
        """;

    public const string DropOfficersSnapshot = $"DROP TABLE IF EXISTS {OfficersSnapshotTable}";

    // Turnover over a threshold for two consecutive recent financial years (art. 47: 5 MDH; art. 72: 10 MDH).
    private const string Turnover = """
        LEFT JOIN (
            SELECT a.organization_id,
                   bool_or(a.t > 5000000 AND b.t > 5000000) AS over_5m,
                   bool_or(a.t > 10000000 AND b.t > 10000000) AS over_10m
            FROM (SELECT organization_id, financial_year, max(turnover) AS t FROM registry.declarations
                  WHERE kind = 'AnnualAccounts' AND financial_year >= extract(year FROM @today)::int - 3 AND (@org::uuid IS NULL OR organization_id = @org)
                  GROUP BY organization_id, financial_year) a
            JOIN (SELECT organization_id, financial_year, max(turnover) AS t FROM registry.declarations
                  WHERE kind = 'AnnualAccounts' AND financial_year >= extract(year FROM @today)::int - 4 AND (@org::uuid IS NULL OR organization_id = @org)
                  GROUP BY organization_id, financial_year) b
              ON b.organization_id = a.organization_id AND b.financial_year = a.financial_year - 1
            GROUP BY a.organization_id
        ) tv ON tv.organization_id = o.id
        """;

    // The end of the first financial year whose assembly is still owed: the first year end on or after the
    // last assembly (or the registration). An assembly held on a year-end day does not approve that year.
    // A year missed stays owed: the due date does not move on when the calendar reaches the next year end.
    private const string OwedYearEnd = $"""
        CROSS JOIN LATERAL (
            SELECT greatest(coalesce(o.last_general_assembly_on, '-infinity'::date), {Registered}) AS anchor
        ) ga
        CROSS JOIN LATERAL (
            SELECT make_date(extract(year FROM ga.anchor)::int, split_part(o.financial_year_end, '-', 1)::int, split_part(o.financial_year_end, '-', 2)::int) AS same_year
        ) y
        CROSS JOIN LATERAL (
            SELECT CASE WHEN y.same_year >= ga.anchor THEN y.same_year ELSE (y.same_year + interval '1 year')::date END AS owed_fye
        ) fy
        """;

    public static readonly IReadOnlyDictionary<string, string> Rules = new Dictionary<string, string>
    {
        [ComplianceRules.GaOverdue] = $"""
            SELECT {Columns}, (fy.owed_fye + interval '6 months')::date AS due_on, fy.owed_fye <= @today AS broken, false AS ground
            FROM registry.organizations o {OwedYearEnd}
            WHERE o.legal_form IN ('COOP', 'UNION') AND {Active}
            """,
        [ComplianceRules.AccountsOverdue] = $"""
            SELECT {Columns}, o.last_general_assembly_on + 30 AS due_on,
                   o.last_general_assembly_on IS NOT NULL AND coalesce(o.last_accounts_filed_on, '-infinity'::date) < o.last_general_assembly_on AS broken, false AS ground
            FROM registry.organizations o
            WHERE o.legal_form IN ('COOP', 'UNION') AND {Active}
            """,
        [ComplianceRules.MandateExpired] = $"""
            SELECT {Columns}, m.min_end AS due_on, m.min_end IS NOT NULL AS broken, false AS ground
            FROM registry.organizations o {Officers}
            WHERE {Active}
            """,
        [ComplianceRules.BelowMinMembers] = $"""
            SELECT {Columns}, coalesce(o.members_below_minimum_since, {Registered}) AS due_on,
                   o.member_count < CASE o.legal_form WHEN 'COOP' THEN 5 ELSE 3 END AS broken,
                   @today >= coalesce(o.members_below_minimum_since, {Registered}) + 365 AS ground
            FROM registry.organizations o
            WHERE o.legal_form IN ('COOP', 'UNION') AND {Active}
            """,
        [ComplianceRules.CapitalNotPaid] = $"""
            SELECT {Columns}, ({Registered} + interval '3 years')::date AS due_on, o.paid_capital < o.subscribed_capital AS broken, false AS ground
            FROM registry.organizations o
            WHERE o.legal_form = 'COOP' AND {Active}
            """,
        [ComplianceRules.Inactive] = $"""
            SELECT {Columns}, (coalesce(o.last_declaration_on, {Registered}) + interval '2 years')::date AS due_on, true AS broken, true AS ground
            FROM registry.organizations o
            WHERE o.legal_form = 'COOP' AND {Active}
            """,
        [ComplianceRules.BoardRequired] = $"""
            SELECT {Columns}, NULL::date AS due_on,
                   (o.member_count > 50 OR coalesce(tv.over_5m, false)) AND coalesce(m.board_count, 0) < 3 AS broken, false AS ground
            FROM registry.organizations o {Officers} {Turnover}
            WHERE o.legal_form = 'COOP' AND {Active}
            """,
        [ComplianceRules.AuditorRequired] = $"""
            SELECT {Columns}, NULL::date AS due_on,
                   coalesce(tv.over_10m, false) AND NOT coalesce(m.has_auditor, false) AS broken, false AS ground
            FROM registry.organizations o {Officers} {Turnover}
            WHERE o.legal_form = 'COOP' AND {Active}
            """,
        [ComplianceRules.BoardChangeUndeclared] = $"""
            SELECT {Columns}, (m.min_end + interval '1 month')::date AS due_on, m.min_end IS NOT NULL AS broken, false AS ground
            FROM registry.organizations o {Officers}
            WHERE o.legal_form = 'ASSO' AND {Active}
            """,
        [ComplianceRules.AnnualReturnOverdue] = $"""
            SELECT {Columns}, make_date(r.owed_year + 1, 3, 31) AS due_on, r.owed_year < extract(year FROM @today)::int AS broken, false AS ground
            FROM registry.organizations o
            -- The first year whose return is still owed (the year of registration first); a year missed stays owed.
            CROSS JOIN LATERAL (
                SELECT coalesce(o.last_annual_return_year + 1, extract(year FROM {Registered})::int) AS owed_year
            ) r
            WHERE o.legal_form = 'MUTU' AND {Active}
            """,
        [ComplianceRules.ReservationExpired] = """
            SELECT r.id AS subject_id, NULL::uuid AS organization_id, r.holder_id AS recipient_user_id, NULL::text AS fallback_email,
                   NULL::text AS registration_number, coalesce(r.name_latin, r.name_ar) AS subject_name,
                   (r.expires_at AT TIME ZONE 'Africa/Casablanca')::date AS due_on, true AS broken, false AS ground
            FROM registry.name_reservations r
            WHERE @org::uuid IS NULL AND r.consumed_at IS NULL AND r.expires_at <= @now AND r.expires_at > @now - interval '90 days'
            """,
    };

    /// <param name="officersSnapshot">Read the officers from <see cref="CreateOfficersSnapshot"/>'s table (full sweeps) rather than aggregate them here.</param>
    public static string Statement(string ruleCode, bool officersSnapshot = false) => $"""
        WITH computed AS (
            {Rules[ruleCode].Replace(OfficersToken, officersSnapshot ? OfficersSnapshotTable : $"({OfficersAggregate})", StringComparison.Ordinal)}
        ),
        target AS (
            SELECT c.*, f.id AS finding_id, f.stage AS old_stage, f.due_on AS old_due,
                   coalesce(c.due_on, CASE WHEN f.stage IS NOT NULL AND f.stage <> 'Resolved' THEN f.due_on END, @today) AS due
            FROM computed c
            LEFT JOIN registry.findings f ON f.subject_id = c.subject_id AND f.rule_code = @rule
        ),
        staged AS (
            SELECT t.*,
                   CASE WHEN NOT t.broken THEN 'Resolved'
                        WHEN @rule = '{ComplianceRules.ReservationExpired}' THEN 'Overdue'
                        WHEN t.ground AND @today >= t.due THEN 'Escalated'
                        WHEN @today > t.due + {ComplianceRules.EscalationDays} THEN 'Escalated'
                        WHEN @today >= t.due THEN 'Overdue'
                        WHEN @today >= t.due - {ComplianceRules.UpcomingDays} THEN 'Upcoming'
                        ELSE 'Resolved'
                   END AS stage
            FROM target t
        ),
        changed AS (
            SELECT s.*,
                   CASE WHEN s.stage = 'Escalated' THEN
                        CASE WHEN s.ground THEN 'StrikeOffReferral' WHEN @today > s.due + 180 THEN 'Suspension' ELSE 'Reminder' END
                   END AS proposed
            FROM staged s
            WHERE (s.finding_id IS NULL AND s.stage <> 'Resolved')
               OR (s.finding_id IS NOT NULL AND s.stage IS DISTINCT FROM s.old_stage)
               OR (s.finding_id IS NOT NULL AND s.stage <> 'Resolved' AND s.due IS DISTINCT FROM s.old_due)
        ),
        upserted AS (
            INSERT INTO registry.findings AS f (subject_id, organization_id, rule_code, stage, due_on, opened_at, stage_changed_at, resolved_at, proposed_action)
            SELECT subject_id, organization_id, @rule, stage, due, @now, @now, CASE WHEN stage = 'Resolved' THEN @now END, proposed
            FROM changed
            ON CONFLICT (subject_id, rule_code) DO UPDATE SET
                stage = excluded.stage,
                due_on = excluded.due_on,
                stage_changed_at = excluded.stage_changed_at,
                resolved_at = excluded.resolved_at,
                proposed_action = excluded.proposed_action,
                opened_at = CASE WHEN f.stage = 'Resolved' THEN excluded.opened_at ELSE f.opened_at END
            RETURNING f.id, f.stage, f.due_on, f.subject_id
        ),
        queued AS (
            INSERT INTO registry.outbox_messages (finding_id, stage, due_on, rule_code, registration_number, subject_name, recipient, created_at, attempts, next_attempt_at)
            SELECT u.id, u.stage, u.due_on, @rule, c.registration_number, c.subject_name, coalesce(usr.email, c.fallback_email), @now, 0, @now
            FROM upserted u
            JOIN changed c ON c.subject_id = u.subject_id
            LEFT JOIN identity.users usr ON usr.id = c.recipient_user_id
            WHERE u.stage IN ('Upcoming', 'Overdue', 'Escalated') AND coalesce(usr.email, c.fallback_email) IS NOT NULL
            ON CONFLICT (finding_id, stage, due_on) DO NOTHING
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM upserted)::int, (SELECT count(*) FROM queued)::int
        """;
}
