-- Statistics rollup (SPEC §6, issue 5): the statistics read pre-aggregated cells instead of grouping a million
-- organisations. Triggers keep the cells exact in the transaction of every change: statement-level, with
-- transition tables, so a single approval, an UPDATE of many rows, INSERT … SELECT and COPY are all covered
-- set-based. registry.statistics_rebuild() recomputes everything from scratch (bulk loads, repair).

-- Per organisation, how many of its findings are overdue (stage Overdue or Escalated). A counter, not a
-- flag recomputed with EXISTS, so that concurrent changes to one organisation's findings cannot both miss
-- each other (increments are serialised by the row lock; the old value is the new one minus the delta).
CREATE TABLE registry.statistics_overdue (
    organization_id uuid PRIMARY KEY,
    overdue_findings integer NOT NULL
);

-- The cells. grain says which dimensions a row carries: bit 1 the province, bit 2 the sector, bit 4 the
-- month (monthly grains, for registrations per month, carry no compliance flag), bit 8 all years together
-- (no year), bit 16 slim: no region, legal form and status (only for five pairs: year or month by province,
-- year or month by sector, province by sector). The other grains carry the region, legal form and status. A
-- query reads the smallest grain that has every dimension it groups or filters by: about 200 rows instead of
-- 1,000,000 for the national figures, at most ~90,000 (province and sector by year) for the finest yearly grain.
-- Counts are integers (20 million members fit): sum(integer) is a bigint, much cheaper than sum(bigint).
CREATE TABLE registry.statistics_cells (
    grain smallint NOT NULL CHECK (grain BETWEEN 0 AND 11 OR grain IN (17, 18, 21, 22, 27)),
    registration_year smallint,
    registration_month date,
    region_code varchar(2),
    province_code varchar(3),
    legal_form varchar(10),
    sector_code varchar(20),
    status varchar(20),
    has_overdue_finding boolean,
    organizations integer NOT NULL,
    members integer NOT NULL,
    women_members integer NOT NULL,
    CONSTRAINT ux_statistics_cells UNIQUE NULLS NOT DISTINCT
        (grain, registration_month, registration_year, region_code, legal_form, status, province_code, sector_code, has_overdue_finding)
) WITH (fillfactor = 80);

CREATE INDEX ix_statistics_cells_grain_province ON registry.statistics_cells (grain, province_code, registration_month);
CREATE INDEX ix_statistics_cells_grain_sector ON registry.statistics_cells (grain, sector_code, registration_month);

-- Registrations per month over a range that starts or ends inside a month: the partial months are counted on
-- the organisations themselves, by registration instant, from the index alone where the pages are all-visible.
CREATE INDEX ix_organizations_registered_at ON registry.organizations (registered_at)
    INCLUDE (region_code, province_code, legal_form, sector_code, status);

-- One change to the cells, at the finest key; statistics_apply adds it to every grain.
CREATE TYPE registry.statistics_delta AS (
    registration_year smallint,
    registration_month date,
    region_code varchar(2),
    province_code varchar(3),
    legal_form varchar(10),
    sector_code varchar(20),
    status varchar(20),
    has_overdue_finding boolean,
    organizations integer,
    members integer,
    women_members integer
);

CREATE FUNCTION registry.statistics_apply(deltas registry.statistics_delta[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF deltas IS NULL OR cardinality(deltas) = 0 THEN
        RETURN;
    END IF;
    -- Sorted by key, so two transactions touching the same cells lock them in the same order.
    INSERT INTO registry.statistics_cells AS c (grain, registration_year, registration_month, region_code, province_code, legal_form,
                                                sector_code, status, has_overdue_finding, organizations, members, women_members)
    SELECT ((GROUPING(d.registration_year, d.registration_month, d.sector_code, d.province_code) # 7) + 16 * GROUPING(d.region_code))::smallint,
           d.registration_year, d.registration_month, d.region_code, d.province_code, d.legal_form, d.sector_code, d.status,
           d.has_overdue_finding, sum(d.organizations), sum(d.members), sum(d.women_members)
    FROM unnest(deltas) d
    GROUP BY GROUPING SETS (
        (d.registration_year, d.region_code, d.legal_form, d.status, d.has_overdue_finding),
        (d.registration_year, d.region_code, d.legal_form, d.status, d.has_overdue_finding, d.province_code),
        (d.registration_year, d.region_code, d.legal_form, d.status, d.has_overdue_finding, d.sector_code),
        (d.registration_year, d.region_code, d.legal_form, d.status, d.has_overdue_finding, d.province_code, d.sector_code),
        (d.registration_year, d.registration_month, d.region_code, d.legal_form, d.status),
        (d.registration_year, d.registration_month, d.region_code, d.legal_form, d.status, d.province_code),
        (d.registration_year, d.registration_month, d.region_code, d.legal_form, d.status, d.sector_code),
        (d.registration_year, d.registration_month, d.region_code, d.legal_form, d.status, d.province_code, d.sector_code),
        (d.region_code, d.legal_form, d.status, d.has_overdue_finding),
        (d.region_code, d.legal_form, d.status, d.has_overdue_finding, d.province_code),
        (d.region_code, d.legal_form, d.status, d.has_overdue_finding, d.sector_code),
        (d.region_code, d.legal_form, d.status, d.has_overdue_finding, d.province_code, d.sector_code),
        (d.registration_year, d.has_overdue_finding, d.province_code),
        (d.registration_year, d.has_overdue_finding, d.sector_code),
        (d.registration_year, d.registration_month, d.province_code),
        (d.registration_year, d.registration_month, d.sector_code),
        (d.has_overdue_finding, d.province_code, d.sector_code))
    HAVING sum(d.organizations) <> 0 OR sum(d.members) <> 0 OR sum(d.women_members) <> 0
    ORDER BY 1, 3, 2, 4, 6, 8, 5, 7, 9
    ON CONFLICT ON CONSTRAINT ux_statistics_cells DO UPDATE SET
        organizations = c.organizations + excluded.organizations,
        members = c.members + excluded.members,
        women_members = c.women_members + excluded.women_members;
END
$$;

-- Organisations: the rows a statement inserted count +1, the rows it deleted -1, an update both (the old image
-- out, the new one in; unchanged dimensions cancel out and write nothing). The compliance flag comes from
-- statistics_overdue, read after this statement's row locks are held (see statistics_findings_changed).
CREATE FUNCTION registry.statistics_organizations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    deltas registry.statistics_delta[];
BEGIN
    IF current_setting('registry.statistics_maintenance', true) = 'deferred' THEN
        RETURN NULL; -- a bulk load that calls registry.statistics_rebuild() when it is done
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(ROW(x.y, x.m, x.r, x.p, x.f, x.s, x.st, x.od, x.n, x.mem, x.w)::registry.statistics_delta) INTO deltas
        FROM (SELECT extract(year FROM o.registered_at AT TIME ZONE 'Africa/Casablanca')::smallint AS y,
                     date_trunc('month', o.registered_at AT TIME ZONE 'Africa/Casablanca')::date AS m,
                     o.region_code AS r, o.province_code AS p, o.legal_form AS f, o.sector_code AS s, o.status AS st,
                     coalesce(v.overdue_findings, 0) > 0 AS od,
                     count(*) AS n, sum(o.member_count) AS mem, sum(o.women_member_count) AS w
              FROM new_rows o LEFT JOIN registry.statistics_overdue v ON v.organization_id = o.id
              GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) x;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(ROW(x.y, x.m, x.r, x.p, x.f, x.s, x.st, x.od, -x.n, -x.mem, -x.w)::registry.statistics_delta) INTO deltas
        FROM (SELECT extract(year FROM o.registered_at AT TIME ZONE 'Africa/Casablanca')::smallint AS y,
                     date_trunc('month', o.registered_at AT TIME ZONE 'Africa/Casablanca')::date AS m,
                     o.region_code AS r, o.province_code AS p, o.legal_form AS f, o.sector_code AS s, o.status AS st,
                     coalesce(v.overdue_findings, 0) > 0 AS od,
                     count(*) AS n, sum(o.member_count) AS mem, sum(o.women_member_count) AS w
              FROM old_rows o LEFT JOIN registry.statistics_overdue v ON v.organization_id = o.id
              GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) x;
    ELSE
        SELECT array_agg(ROW(x.y, x.m, x.r, x.p, x.f, x.s, x.st, x.od, x.n, x.mem, x.w)::registry.statistics_delta) INTO deltas
        FROM (SELECT extract(year FROM o.registered_at AT TIME ZONE 'Africa/Casablanca')::smallint AS y,
                     date_trunc('month', o.registered_at AT TIME ZONE 'Africa/Casablanca')::date AS m,
                     o.region_code AS r, o.province_code AS p, o.legal_form AS f, o.sector_code AS s, o.status AS st,
                     coalesce(v.overdue_findings, 0) > 0 AS od,
                     sum(o.sign) AS n, sum(o.sign * o.member_count) AS mem, sum(o.sign * o.women_member_count) AS w
              FROM (SELECT n.id, n.registered_at, n.region_code, n.province_code, n.legal_form, n.sector_code, n.status,
                           n.member_count, n.women_member_count, 1 AS sign
                    FROM new_rows n
                    UNION ALL
                    SELECT o.id, o.registered_at, o.region_code, o.province_code, o.legal_form, o.sector_code, o.status,
                           o.member_count, o.women_member_count, -1
                    FROM old_rows o) o
              LEFT JOIN registry.statistics_overdue v ON v.organization_id = o.id
              GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
              HAVING sum(o.sign) <> 0 OR sum(o.sign * o.member_count) <> 0 OR sum(o.sign * o.women_member_count) <> 0) x;
    END IF;
    PERFORM registry.statistics_apply(deltas);
    RETURN NULL;
END
$$;

-- Findings: per organisation, the change in its number of overdue findings. Where that number crosses zero
-- the organisation moves between the compliant and non-compliant cells. The organisations that move are
-- locked (FOR SHARE) before their dimensions are read, in a statement after the counter update: a concurrent
-- update of the same organisation either committed first (and is read here) or waits and then reads the
-- counter this transaction wrote. Either way the organisation is moved exactly once, with its latest values.
CREATE FUNCTION registry.statistics_overdue_changed(ids uuid[], changes integer[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    moved uuid[];
    deltas registry.statistics_delta[];
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    WITH d AS (
        SELECT u.organization_id, u.change FROM unnest(ids, changes) AS u(organization_id, change)
    ), counted AS (
        INSERT INTO registry.statistics_overdue AS v (organization_id, overdue_findings)
        SELECT d.organization_id, d.change FROM d ORDER BY d.organization_id
        ON CONFLICT (organization_id) DO UPDATE SET overdue_findings = v.overdue_findings + excluded.overdue_findings
        RETURNING v.organization_id, v.overdue_findings
    )
    SELECT array_agg(c.organization_id) INTO moved
    FROM counted c JOIN d ON d.organization_id = c.organization_id
    WHERE (c.overdue_findings > 0) <> (c.overdue_findings - d.change > 0);

    IF moved IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM registry.organizations o WHERE o.id = ANY (moved) ORDER BY o.id FOR SHARE;
    SELECT array_agg(ROW(x.y, x.m, x.r, x.p, x.f, x.s, x.st, x.od, x.n, x.mem, x.w)::registry.statistics_delta) INTO deltas
    FROM (SELECT extract(year FROM o.registered_at AT TIME ZONE 'Africa/Casablanca')::smallint AS y,
                 date_trunc('month', o.registered_at AT TIME ZONE 'Africa/Casablanca')::date AS m,
                 o.region_code AS r, o.province_code AS p, o.legal_form AS f, o.sector_code AS s, o.status AS st,
                 side.od, sum(side.sign) AS n, sum(side.sign * o.member_count) AS mem, sum(side.sign * o.women_member_count) AS w
          FROM registry.organizations o
          JOIN registry.statistics_overdue v ON v.organization_id = o.id
          CROSS JOIN LATERAL (VALUES (v.overdue_findings > 0, 1), (v.overdue_findings <= 0, -1)) AS side(od, sign)
          WHERE o.id = ANY (moved)
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) x;
    PERFORM registry.statistics_apply(deltas);
END
$$;

CREATE FUNCTION registry.statistics_findings_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
    changes integer[];
BEGIN
    IF current_setting('registry.statistics_maintenance', true) = 'deferred' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(x.organization_id ORDER BY x.organization_id), array_agg(x.n ORDER BY x.organization_id) INTO ids, changes
        FROM (SELECT f.organization_id, count(*)::int AS n FROM new_rows f
              WHERE f.organization_id IS NOT NULL AND f.stage IN ('Overdue', 'Escalated') GROUP BY 1) x;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(x.organization_id ORDER BY x.organization_id), array_agg(-x.n ORDER BY x.organization_id) INTO ids, changes
        FROM (SELECT f.organization_id, count(*)::int AS n FROM old_rows f
              WHERE f.organization_id IS NOT NULL AND f.stage IN ('Overdue', 'Escalated') GROUP BY 1) x;
    ELSE
        SELECT array_agg(x.organization_id ORDER BY x.organization_id), array_agg(x.n ORDER BY x.organization_id) INTO ids, changes
        FROM (SELECT f.organization_id, sum(f.sign)::int AS n
              FROM (SELECT organization_id, 1 AS sign FROM new_rows WHERE organization_id IS NOT NULL AND stage IN ('Overdue', 'Escalated')
                    UNION ALL
                    SELECT organization_id, -1 FROM old_rows WHERE organization_id IS NOT NULL AND stage IN ('Overdue', 'Escalated')) f
              GROUP BY 1 HAVING sum(f.sign) <> 0) x;
    END IF;
    PERFORM registry.statistics_overdue_changed(ids, changes);
    RETURN NULL;
END
$$;

-- Everything from scratch, set-based: after a bulk load with maintenance deferred, or to repair. Blocks the
-- triggers of concurrent writers until it commits, so nothing is counted twice or missed.
CREATE FUNCTION registry.statistics_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE registry.statistics_overdue, registry.statistics_cells IN EXCLUSIVE MODE;
    DELETE FROM registry.statistics_overdue;
    INSERT INTO registry.statistics_overdue (organization_id, overdue_findings)
    SELECT f.organization_id, count(*) FROM registry.findings f
    WHERE f.organization_id IS NOT NULL AND f.stage IN ('Overdue', 'Escalated')
    GROUP BY 1;
    DELETE FROM registry.statistics_cells;
    PERFORM registry.statistics_apply(array_agg(ROW(x.y, x.m, x.r, x.p, x.f, x.s, x.st, x.od, x.n, x.mem, x.w)::registry.statistics_delta))
    FROM (SELECT extract(year FROM o.registered_at AT TIME ZONE 'Africa/Casablanca')::smallint AS y,
                 date_trunc('month', o.registered_at AT TIME ZONE 'Africa/Casablanca')::date AS m,
                 o.region_code AS r, o.province_code AS p, o.legal_form AS f, o.sector_code AS s, o.status AS st,
                 coalesce(v.overdue_findings, 0) > 0 AS od,
                 count(*) AS n, sum(o.member_count) AS mem, sum(o.women_member_count) AS w
          FROM registry.organizations o LEFT JOIN registry.statistics_overdue v ON v.organization_id = o.id
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) x;
END
$$;

CREATE FUNCTION registry.statistics_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('registry.statistics_maintenance', true), '') <> 'deferred' THEN
        PERFORM registry.statistics_rebuild();
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER statistics_organizations_inserted AFTER INSERT ON registry.organizations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.statistics_organizations_changed();
CREATE TRIGGER statistics_organizations_updated AFTER UPDATE ON registry.organizations
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.statistics_organizations_changed();
CREATE TRIGGER statistics_organizations_deleted AFTER DELETE ON registry.organizations
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.statistics_organizations_changed();
CREATE TRIGGER statistics_organizations_truncated AFTER TRUNCATE ON registry.organizations
    FOR EACH STATEMENT EXECUTE FUNCTION registry.statistics_truncated();

CREATE TRIGGER statistics_findings_inserted AFTER INSERT ON registry.findings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.statistics_findings_changed();
CREATE TRIGGER statistics_findings_updated AFTER UPDATE ON registry.findings
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.statistics_findings_changed();
CREATE TRIGGER statistics_findings_deleted AFTER DELETE ON registry.findings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.statistics_findings_changed();
CREATE TRIGGER statistics_findings_truncated AFTER TRUNCATE ON registry.findings
    FOR EACH STATEMENT EXECUTE FUNCTION registry.statistics_truncated();

SELECT registry.statistics_rebuild();
ANALYZE registry.statistics_cells;
ANALYZE registry.statistics_overdue;
