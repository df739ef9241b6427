CREATE TABLE "blocked_week_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"week_start" date NOT NULL,
	"service_id" text NOT NULL,
	"seats" bigint NOT NULL,
	"tenants" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_weeks" (
	"week_start" date NOT NULL,
	"service_id" text NOT NULL,
	"seats" bigint DEFAULT 0 NOT NULL,
	"tenants" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "blocked_weeks_week_start_service_id_pk" PRIMARY KEY("week_start","service_id")
);
--> statement-breakpoint
CREATE TABLE "history_latest" (
	"entitlement_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"history_id" bigint NOT NULL,
	"blocked" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history_tenant_blocked" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"blocked" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_cell_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report" text NOT NULL,
	"service_id" text NOT NULL,
	"k1" text NOT NULL,
	"k2" text NOT NULL,
	"seats" bigint NOT NULL,
	"segments" integer NOT NULL,
	"tenants" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_cell_tenants" (
	"report" text NOT NULL,
	"service_id" text NOT NULL,
	"k1" text NOT NULL,
	"k2" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"segments" integer NOT NULL,
	CONSTRAINT "report_cell_tenants_report_service_id_k1_k2_tenant_id_pk" PRIMARY KEY("report","service_id","k1","k2","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "report_cells" (
	"report" text NOT NULL,
	"service_id" text NOT NULL,
	"k1" text NOT NULL,
	"k2" text NOT NULL,
	"seats" bigint DEFAULT 0 NOT NULL,
	"segments" integer DEFAULT 0 NOT NULL,
	"tenants" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_cells_report_service_id_k1_k2_pk" PRIMARY KEY("report","service_id","k1","k2")
);
--> statement-breakpoint
CREATE TABLE "report_state" (
	"name" text PRIMARY KEY NOT NULL,
	"as_of" date,
	"stale" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "blocked_week_deltas_service_idx" ON "blocked_week_deltas" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "report_cell_deltas_report_idx" ON "report_cell_deltas" USING btree ("report","service_id");--> statement-breakpoint
-- The ISO week (Monday) of a day, and the aging bucket of seats Blocked since `since` as of a day.
-- The bucket bounds are report-repository.ts's agingBounds (30, 60, 90, 180 days).
CREATE FUNCTION unblock_week_start(day date) RETURNS date AS $$
  SELECT day - (extract(isodow FROM day)::int - 1)
$$ LANGUAGE sql IMMUTABLE;--> statement-breakpoint
CREATE FUNCTION unblock_aging_bucket(as_of date, since timestamptz) RETURNS int AS $$
  SELECT CASE WHEN days <= 30 THEN 0 WHEN days <= 60 THEN 1 WHEN days <= 90 THEN 2 WHEN days <= 180 THEN 3 ELSE 4 END
    FROM (SELECT as_of - (since AT TIME ZONE 'UTC')::date AS days) aged
$$ LANGUAGE sql IMMUTABLE;--> statement-breakpoint
-- Blocked seats of a history snapshot ({stage, availableSeats, segments}).
CREATE FUNCTION unblock_blocked_seats(snapshot jsonb) RETURNS int AS $$
  SELECT coalesce(sum((segment->>'seats')::int), 0)::int
    FROM jsonb_array_elements(snapshot->'segments') segment WHERE segment->>'l1' = 'blocked'
$$ LANGUAGE sql IMMUTABLE;--> statement-breakpoint
-- The report cells one Blocked segment counts in ('' service = every service; '' L2/L3 = none).
CREATE FUNCTION unblock_segment_cells(as_of date, service text, l2 text, l3 text, target_date date, l1_since timestamptz)
RETURNS TABLE (report text, service_id text, k1 text, k2 text) AS $$
  SELECT 'l2_service', service, coalesce(l2, ''), ''
  UNION ALL SELECT 'l3', scope, coalesce(l2, ''), coalesce(l3, '') FROM unnest(ARRAY['', service]) scope
  UNION ALL SELECT 'projected', scope, unblock_week_start(target_date)::text, '' FROM unnest(ARRAY['', service]) scope
    WHERE target_date IS NOT NULL
  UNION ALL SELECT 'aging', scope, unblock_aging_bucket(as_of, l1_since)::text, '' FROM unnest(ARRAY['', service]) scope
    WHERE as_of IS NOT NULL
$$ LANGUAGE sql IMMUTABLE;--> statement-breakpoint
CREATE TYPE unblock_blocked_segment AS (sign int, entitlement_id uuid, l2 text, l3 text, seats int, target_date date, l1_since timestamptz);--> statement-breakpoint
-- Applies Blocked segments that appeared (+1) or went (-1) to the cells: per cell and tenant the
-- segments are counted (a tenant counts in a cell while it has one there), and the cell's change is
-- appended as a delta row, so concurrent writers never wait on the same cell row.
CREATE FUNCTION unblock_apply_blocked_changes(changes unblock_blocked_segment[]) RETURNS void AS $$
DECLARE
  aging_as_of date := (SELECT r.as_of FROM report_state r WHERE r.name = 'aging');
BEGIN
  IF coalesce(array_length(changes, 1), 0) = 0 OR (SELECT r.stale FROM report_state r WHERE r.name = 'cells') THEN
    RETURN;
  END IF;
  -- Segments whose entitlement is gone (a cascaded delete): the next report rebuilds the cells.
  IF EXISTS (SELECT 1 FROM unnest(changes) c LEFT JOIN entitlements e ON e.id = c.entitlement_id WHERE e.id IS NULL) THEN
    UPDATE report_state SET stale = true WHERE name = 'cells';
    RETURN;
  END IF;
  WITH per_tenant AS (
    SELECT k.report, k.service_id, k.k1, k.k2, e.tenant_id,
           sum(c.sign)::int AS segments, sum(c.sign * c.seats)::bigint AS seats
      FROM unnest(changes) c
      JOIN entitlements e ON e.id = c.entitlement_id
      CROSS JOIN LATERAL unblock_segment_cells(aging_as_of, e.service_id, c.l2, c.l3, c.target_date, c.l1_since) k
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(c.sign) <> 0 OR sum(c.sign * c.seats) <> 0
  ), counted AS (
    INSERT INTO report_cell_tenants AS r (report, service_id, k1, k2, tenant_id, segments)
    SELECT report, service_id, k1, k2, tenant_id, segments FROM per_tenant ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (report, service_id, k1, k2, tenant_id) DO UPDATE SET segments = r.segments + excluded.segments
    RETURNING r.report, r.service_id, r.k1, r.k2, r.tenant_id, r.segments
  )
  INSERT INTO report_cell_deltas (report, service_id, k1, k2, seats, segments, tenants)
  SELECT p.report, p.service_id, p.k1, p.k2, sum(p.seats), sum(p.segments),
         sum((c.segments > 0)::int - ((c.segments - p.segments) > 0)::int)
    FROM per_tenant p
    JOIN counted c ON (c.report, c.service_id, c.k1, c.k2, c.tenant_id) = (p.report, p.service_id, p.k1, p.k2, p.tenant_id)
   GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- The segment triggers keep the entitlement summaries (0004) and now the report cells too.
CREATE OR REPLACE FUNCTION unblock_segments_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM unblock_summarise_entitlements(array(SELECT DISTINCT entitlement_id FROM new_segments));
    PERFORM unblock_apply_blocked_changes(array(
      SELECT row(1, entitlement_id, l2, l3, seats, target_date, l1_since)::unblock_blocked_segment
        FROM new_segments WHERE l1 = 'blocked'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM unblock_summarise_entitlements(array(SELECT DISTINCT entitlement_id FROM old_segments));
    PERFORM unblock_apply_blocked_changes(array(
      SELECT row(-1, entitlement_id, l2, l3, seats, target_date, l1_since)::unblock_blocked_segment
        FROM old_segments WHERE l1 = 'blocked'));
  ELSE
    PERFORM unblock_summarise_entitlements(array(
      SELECT entitlement_id FROM new_segments UNION SELECT entitlement_id FROM old_segments));
    PERFORM unblock_apply_blocked_changes(array(
      SELECT row(1, entitlement_id, l2, l3, seats, target_date, l1_since)::unblock_blocked_segment
        FROM new_segments WHERE l1 = 'blocked'
      UNION ALL
      SELECT row(-1, entitlement_id, l2, l3, seats, target_date, l1_since)::unblock_blocked_segment
        FROM old_segments WHERE l1 = 'blocked'));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Recomputes the cells from the segments (after a seed, or when marked stale); `aging_only` when
-- only the aging day moved. Writers of segments wait meanwhile; a second rebuild waits for the first.
CREATE FUNCTION unblock_rebuild_report_cells(aging_day date, aging_only boolean) RETURNS void AS $$
BEGIN
  LOCK TABLE status_segments IN SHARE ROW EXCLUSIVE MODE;
  IF aging_only THEN
    DELETE FROM report_cell_deltas WHERE report = 'aging';
    DELETE FROM report_cell_tenants WHERE report = 'aging';
    DELETE FROM report_cells WHERE report = 'aging';
  ELSE
    TRUNCATE report_cell_deltas, report_cell_tenants, report_cells;
  END IF;
  WITH per_tenant AS (
    SELECT k.report, k.service_id, k.k1, k.k2, e.tenant_id, count(*)::int AS segments, sum(s.seats)::bigint AS seats
      FROM status_segments s
      JOIN entitlements e ON e.id = s.entitlement_id
      CROSS JOIN LATERAL unblock_segment_cells(aging_day, e.service_id, s.l2, s.l3, s.target_date, s.l1_since) k
     WHERE s.l1 = 'blocked' AND (NOT aging_only OR k.report = 'aging')
     GROUP BY 1, 2, 3, 4, 5
  ), counted AS (
    INSERT INTO report_cell_tenants (report, service_id, k1, k2, tenant_id, segments)
    SELECT report, service_id, k1, k2, tenant_id, segments FROM per_tenant
  )
  INSERT INTO report_cells (report, service_id, k1, k2, seats, segments, tenants)
  SELECT report, service_id, k1, k2, sum(seats), sum(segments), count(*) FROM per_tenant GROUP BY 1, 2, 3, 4;
  INSERT INTO report_state (name, as_of, stale) VALUES ('aging', aging_day, false)
    ON CONFLICT (name) DO UPDATE SET as_of = excluded.as_of;
  IF NOT aging_only THEN
    INSERT INTO report_state (name, stale) VALUES ('cells', false) ON CONFLICT (name) DO UPDATE SET stale = false;
  END IF;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Folds the deltas into the cells; the readers call it when deltas pile up. Writers only append.
CREATE FUNCTION unblock_compact_report_cells() RETURNS void AS $$
BEGIN
  WITH moved AS (
    DELETE FROM report_cell_deltas RETURNING report, service_id, k1, k2, seats, segments, tenants
  ), summed AS (
    SELECT report, service_id, k1, k2, sum(seats) AS seats, sum(segments)::int AS segments, sum(tenants)::int AS tenants
      FROM moved GROUP BY 1, 2, 3, 4
  )
  INSERT INTO report_cells AS c (report, service_id, k1, k2, seats, segments, tenants)
  SELECT * FROM summed ORDER BY 1, 2, 3, 4
  ON CONFLICT (report, service_id, k1, k2) DO UPDATE
    SET seats = c.seats + excluded.seats, segments = c.segments + excluded.segments, tenants = c.tenants + excluded.tenants;
  WITH moved AS (
    DELETE FROM blocked_week_deltas RETURNING week_start, service_id, seats, tenants
  ), summed AS (
    SELECT week_start, service_id, sum(seats) AS seats, sum(tenants)::int AS tenants FROM moved GROUP BY 1, 2
  )
  INSERT INTO blocked_weeks AS w (week_start, service_id, seats, tenants)
  SELECT * FROM summed ORDER BY 1, 2
  ON CONFLICT (week_start, service_id) DO UPDATE SET seats = w.seats + excluded.seats, tenants = w.tenants + excluded.tenants;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TYPE unblock_history_change AS (id bigint, entitlement_id uuid, at timestamptz, blocked int);--> statement-breakpoint
-- Applies new history rows to the weekly Blocked changes: each row changes its entitlement's Blocked
-- seats from those of its previous row, from its week on. Rows that arrive out of order (a seed's
-- past history, two rows of one entitlement at once) mark the weeks stale instead: rebuilt on read.
CREATE FUNCTION unblock_apply_history_changes(changes unblock_history_change[]) RETURNS void AS $$
BEGIN
  IF coalesce(array_length(changes, 1), 0) = 0 OR (SELECT r.stale FROM report_state r WHERE r.name = 'weeks') THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM unnest(changes) c GROUP BY c.entitlement_id HAVING count(*) > 1)
     OR EXISTS (SELECT 1 FROM unnest(changes) c LEFT JOIN entitlements e ON e.id = c.entitlement_id WHERE e.id IS NULL)
     OR EXISTS (SELECT 1 FROM unnest(changes) c JOIN history_latest l ON l.entitlement_id = c.entitlement_id
                 WHERE (c.at, c.id) < (l.at, l.history_id))
     OR EXISTS (SELECT 1 FROM unnest(changes) c JOIN entitlements e ON e.id = c.entitlement_id GROUP BY e.tenant_id
                 HAVING count(DISTINCT unblock_week_start((c.at AT TIME ZONE 'UTC')::date)) > 1) THEN
    UPDATE report_state SET stale = true WHERE name = 'weeks';
    RETURN;
  END IF;
  WITH facts AS (
    SELECT c.id, c.entitlement_id, c.at, c.blocked, e.tenant_id, e.service_id, coalesce(l.blocked, 0) AS previous,
           unblock_week_start((c.at AT TIME ZONE 'UTC')::date) AS week
      FROM unnest(changes) c
      JOIN entitlements e ON e.id = c.entitlement_id
      LEFT JOIN history_latest l ON l.entitlement_id = c.entitlement_id
  ), latest AS (
    INSERT INTO history_latest AS l (entitlement_id, tenant_id, service_id, at, history_id, blocked)
    SELECT entitlement_id, tenant_id, service_id, at, id, blocked FROM facts ORDER BY entitlement_id
    ON CONFLICT (entitlement_id) DO UPDATE SET at = excluded.at, history_id = excluded.history_id, blocked = excluded.blocked
  ), tenant_change AS (
    SELECT tenant_id, min(week) AS week, sum(blocked - previous)::bigint AS delta FROM facts GROUP BY tenant_id
  ), tenant_after AS (
    INSERT INTO history_tenant_blocked AS t (tenant_id, blocked)
    SELECT tenant_id, delta FROM tenant_change ORDER BY tenant_id
    ON CONFLICT (tenant_id) DO UPDATE SET blocked = t.blocked + excluded.blocked
    RETURNING t.tenant_id, t.blocked
  )
  INSERT INTO blocked_week_deltas (week_start, service_id, seats, tenants)
  SELECT week, '', sum(seats), sum(tenants) FROM (
    SELECT week, (blocked - previous)::bigint AS seats, 0 AS tenants FROM facts
    UNION ALL
    SELECT tc.week, 0, (ta.blocked > 0)::int - ((ta.blocked - tc.delta) > 0)::int
      FROM tenant_change tc JOIN tenant_after ta ON ta.tenant_id = tc.tenant_id
  ) everything GROUP BY week
  UNION ALL
  SELECT week, service_id, sum(blocked - previous), sum((blocked > 0)::int - (previous > 0)::int)
    FROM facts GROUP BY week, service_id;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE FUNCTION unblock_history_inserted() RETURNS trigger AS $$
BEGIN
  PERFORM unblock_apply_history_changes(array(
    SELECT row(h.id, h.entitlement_id, h.at, unblock_blocked_seats(h.after))::unblock_history_change FROM new_history h));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER status_history_weeks AFTER INSERT ON status_history
  REFERENCING NEW TABLE AS new_history
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_history_inserted();--> statement-breakpoint
ALTER TABLE status_history ENABLE ALWAYS TRIGGER status_history_weeks;--> statement-breakpoint
-- Recomputes the weekly changes from the whole history in one pass: each row's change of its
-- entitlement's Blocked seats, and a tenant's running total for when it starts or stops counting.
CREATE FUNCTION unblock_rebuild_blocked_weeks() RETURNS void AS $$
BEGIN
  LOCK TABLE status_history IN SHARE ROW EXCLUSIVE MODE;
  TRUNCATE blocked_week_deltas, blocked_weeks, history_latest, history_tenant_blocked;
  DROP TABLE IF EXISTS unblock_history_deltas;
  CREATE TEMP TABLE unblock_history_deltas ON COMMIT DROP AS
    SELECT id, entitlement_id, at, tenant_id, service_id, week, blocked,
           blocked - coalesce(lag(blocked) OVER (PARTITION BY entitlement_id ORDER BY at, id), 0) AS delta
      FROM (SELECT h.id, h.entitlement_id, h.at, e.tenant_id, e.service_id, unblock_blocked_seats(h.after) AS blocked,
                   unblock_week_start((h.at AT TIME ZONE 'UTC')::date) AS week
              FROM status_history h JOIN entitlements e ON e.id = h.entitlement_id) facts;
  INSERT INTO blocked_weeks (week_start, service_id, seats, tenants)
  SELECT week, service_id, sum(seats), sum(tenants) FROM (
    SELECT week, '' AS service_id, delta::bigint AS seats, (running > 0)::int - ((running - delta) > 0)::int AS tenants
      FROM (SELECT week, delta, sum(delta) OVER (PARTITION BY tenant_id ORDER BY at, id) AS running
              FROM unblock_history_deltas) by_tenant
    UNION ALL
    -- One entitlement per tenant and service: within a service the entitlement's seats are the tenant's.
    SELECT week, service_id, delta, (blocked > 0)::int - ((blocked - delta) > 0)::int FROM unblock_history_deltas
  ) changes GROUP BY week, service_id;
  INSERT INTO history_latest (entitlement_id, tenant_id, service_id, at, history_id, blocked)
  SELECT DISTINCT ON (entitlement_id) entitlement_id, tenant_id, service_id, at, id, blocked
    FROM unblock_history_deltas ORDER BY entitlement_id, at DESC, id DESC;
  INSERT INTO history_tenant_blocked (tenant_id, blocked)
  SELECT tenant_id, sum(blocked) FROM history_latest GROUP BY tenant_id;
  DROP TABLE unblock_history_deltas;
  INSERT INTO report_state (name, stale) VALUES ('weeks', false) ON CONFLICT (name) DO UPDATE SET stale = false;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Existing portfolios start stale (the first report builds the aggregates); empty ones start current.
INSERT INTO report_state (name, as_of, stale) VALUES
  ('cells', NULL, EXISTS (SELECT 1 FROM status_segments WHERE l1 = 'blocked')),
  ('weeks', NULL, EXISTS (SELECT 1 FROM status_history)),
  ('aging', NULL, false);
