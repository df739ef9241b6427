CREATE TABLE "blocked_dwell_dirty" (
	"tenant_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_dwell_seats" (
	"version" text,
	"l2" text,
	"l3" text,
	"since" date NOT NULL,
	"ended_on" date,
	"seats" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_dwell_service_seats" (
	"service_id" text NOT NULL,
	"since" date NOT NULL,
	"ended_on" date,
	"seats" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_dwell_tenant_counts" (
	"level" text NOT NULL,
	"l2" text,
	"l3" text,
	"service_id" text,
	"last_day" date NOT NULL,
	"tenants" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_dwell_tenant_days" (
	"tenant_id" uuid NOT NULL,
	"level" text NOT NULL,
	"l2" text,
	"l3" text,
	"service_id" text,
	"last_day" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blocked_spell_pieces" ADD COLUMN "version" text;--> statement-breakpoint
CREATE INDEX "blocked_dwell_tenant_days_tenant_idx" ON "blocked_dwell_tenant_days" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "blocked_dwell_tenant_days_group_idx" ON "blocked_dwell_tenant_days" USING btree ("level","l2","l3");--> statement-breakpoint
CREATE INDEX "blocked_spell_pieces_tenant_idx" ON "blocked_spell_pieces" USING btree ("tenant_id");--> statement-breakpoint
-- Dwell tallies (docs/HISTORY.md, "Cost"): the spell pieces of open entitlements summed per written
-- (version, L2, L3) and per service by day Blocked and day ended, and per tenant and group the last
-- day it held Blocked seats there, counted in a histogram: a dwell read sums thousands of rows, not
-- every piece. Writers append seat sums and queue their tenants; a reader counts the queued tenants
-- again (one at a time), so writers of one tenant never wait on each other.
CREATE FUNCTION unblock_dwell_seats_delta(ids uuid[], sign int) RETURNS void AS $$
BEGIN
  INSERT INTO blocked_dwell_seats (version, l2, l3, since, ended_on, seats)
  SELECT p.version, p.l2, p.l3, p.since, p.ended_on, sign * sum(p.seats)
    FROM blocked_spell_pieces p WHERE p.entitlement_id = ANY(ids)
   GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO blocked_dwell_service_seats (service_id, since, ended_on, seats)
  SELECT p.service_id, p.since, p.ended_on, sign * sum(p.seats)
    FROM blocked_spell_pieces p WHERE p.entitlement_id = ANY(ids)
   GROUP BY 1, 2, 3;
  -- Once per write (its +1), and when a feed ends an entitlement.
  INSERT INTO blocked_dwell_dirty (tenant_id)
  SELECT DISTINCT e.tenant_id FROM entitlements e WHERE e.id = ANY(ids) AND (sign > 0 OR e.ended_at IS NOT NULL);
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- The rows of blocked_dwell_tenant_days for `tenants` (null: every tenant) from the pieces of open entitlements.
CREATE FUNCTION unblock_dwell_tenant_rows(tenants uuid[])
RETURNS TABLE (tenant_id uuid, level text, l2 text, l3 text, service_id text, last_day date) AS $$
BEGIN
  RETURN QUERY
  WITH live AS MATERIALIZED (
    SELECT p.tenant_id, p.l2, p.l3, p.service_id, p.since, coalesce(p.ended_on, 'infinity'::date) AS last_day
      FROM blocked_spell_pieces p JOIN entitlements e ON e.id = p.entitlement_id AND e.ended_at IS NULL
     WHERE tenants IS NULL
    UNION ALL
    SELECT p.tenant_id, p.l2, p.l3, p.service_id, p.since, coalesce(p.ended_on, 'infinity'::date)
      FROM unnest(tenants) q(id) JOIN blocked_spell_pieces p ON p.tenant_id = q.id
      JOIN entitlements e ON e.id = p.entitlement_id AND e.ended_at IS NULL
  )
  SELECT v.tenant_id, 'l2'::text, v.l2, NULL::text, NULL::text, max(v.last_day) FROM live v GROUP BY v.tenant_id, v.l2
  UNION ALL SELECT v.tenant_id, 'l3', v.l2, v.l3, NULL, max(v.last_day) FROM live v GROUP BY v.tenant_id, v.l2, v.l3
  UNION ALL SELECT v.tenant_id, 'service', NULL, NULL, v.service_id, max(v.last_day) FROM live v
    GROUP BY v.tenant_id, v.service_id
  UNION ALL SELECT v.tenant_id, 'cohort', NULL, NULL, NULL, max(v.since) FROM live v GROUP BY v.tenant_id;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Counts the queued tenants again: their old rows out of the histogram, their new rows in.
CREATE FUNCTION unblock_refresh_dwell_tenants() RETURNS void AS $$
DECLARE
  queued uuid[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('unblock_dwell_tenants'));
  WITH dirty AS (DELETE FROM blocked_dwell_dirty RETURNING tenant_id)
  SELECT array_agg(DISTINCT tenant_id) INTO queued FROM dirty;
  IF queued IS NULL THEN
    RETURN;
  END IF;
  WITH old AS (
    DELETE FROM blocked_dwell_tenant_days d WHERE d.tenant_id = ANY(queued)
    RETURNING d.level, d.l2, d.l3, d.service_id, d.last_day
  ), fresh AS (
    INSERT INTO blocked_dwell_tenant_days (tenant_id, level, l2, l3, service_id, last_day)
    SELECT * FROM unblock_dwell_tenant_rows(queued)
    RETURNING level, l2, l3, service_id, last_day
  )
  INSERT INTO blocked_dwell_tenant_counts (level, l2, l3, service_id, last_day, tenants)
  SELECT d.level, d.l2, d.l3, d.service_id, d.last_day, sum(d.n) FROM (
    SELECT o.*, -1 AS n FROM old o UNION ALL SELECT f.*, 1 FROM fresh f
  ) d GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.n) <> 0;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Folds the appended seat sums and tenant counts into one row per key (readers call it).
CREATE FUNCTION unblock_compact_dwell_tallies() RETURNS void AS $$
BEGIN
  WITH moved AS (DELETE FROM blocked_dwell_seats RETURNING *)
  INSERT INTO blocked_dwell_seats (version, l2, l3, since, ended_on, seats)
  SELECT version, l2, l3, since, ended_on, sum(seats) FROM moved GROUP BY 1, 2, 3, 4, 5 HAVING sum(seats) <> 0;
  WITH moved AS (DELETE FROM blocked_dwell_service_seats RETURNING *)
  INSERT INTO blocked_dwell_service_seats (service_id, since, ended_on, seats)
  SELECT service_id, since, ended_on, sum(seats) FROM moved GROUP BY 1, 2, 3 HAVING sum(seats) <> 0;
  WITH moved AS (DELETE FROM blocked_dwell_tenant_counts RETURNING *)
  INSERT INTO blocked_dwell_tenant_counts (level, l2, l3, service_id, last_day, tenants)
  SELECT level, l2, l3, service_id, last_day, sum(tenants) FROM moved GROUP BY 1, 2, 3, 4, 5 HAVING sum(tenants) <> 0;
  INSERT INTO history_fact_state (name, stale, compacted_rows)
  VALUES ('dwell', false, (SELECT count(*) FROM blocked_dwell_seats) + (SELECT count(*) FROM blocked_dwell_service_seats)
    + (SELECT count(*) FROM blocked_dwell_tenant_counts))
  ON CONFLICT (name) DO UPDATE SET compacted_rows = excluded.compacted_rows;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Everything again from the spell pieces (after a rebuild of the facts).
CREATE FUNCTION unblock_build_dwell_tallies() RETURNS void AS $$
BEGIN
  TRUNCATE blocked_dwell_seats, blocked_dwell_service_seats, blocked_dwell_tenant_days, blocked_dwell_tenant_counts,
    blocked_dwell_dirty;
  INSERT INTO blocked_dwell_seats (version, l2, l3, since, ended_on, seats)
  SELECT p.version, p.l2, p.l3, p.since, p.ended_on, sum(p.seats)
    FROM blocked_spell_pieces p JOIN entitlements e ON e.id = p.entitlement_id AND e.ended_at IS NULL
   GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO blocked_dwell_service_seats (service_id, since, ended_on, seats)
  SELECT p.service_id, p.since, p.ended_on, sum(p.seats)
    FROM blocked_spell_pieces p JOIN entitlements e ON e.id = p.entitlement_id AND e.ended_at IS NULL
   GROUP BY 1, 2, 3;
  INSERT INTO blocked_dwell_tenant_days (tenant_id, level, l2, l3, service_id, last_day)
  SELECT * FROM unblock_dwell_tenant_rows(NULL);
  INSERT INTO blocked_dwell_tenant_counts (level, l2, l3, service_id, last_day, tenants)
  SELECT level, l2, l3, service_id, last_day, count(*) FROM blocked_dwell_tenant_days GROUP BY 1, 2, 3, 4, 5;
  PERFORM unblock_compact_dwell_tallies();
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- An entitlement a feed ends leaves the tallies (as it leaves every report); one reopened comes back.
CREATE FUNCTION unblock_dwell_entitlement_ended() RETURNS trigger AS $$
BEGIN
  PERFORM unblock_dwell_seats_delta(ARRAY[NEW.id], CASE WHEN NEW.ended_at IS NULL THEN 1 ELSE -1 END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER entitlements_dwell_ended AFTER UPDATE OF ended_at ON entitlements
  FOR EACH ROW WHEN ((OLD.ended_at IS NULL) <> (NEW.ended_at IS NULL))
  EXECUTE FUNCTION unblock_dwell_entitlement_ended();--> statement-breakpoint
ALTER TABLE entitlements ENABLE ALWAYS TRIGGER entitlements_dwell_ended;--> statement-breakpoint
CREATE OR REPLACE FUNCTION unblock_record_history_facts(changed uuid[], new_ids bigint[]) RETURNS void AS $$
DECLARE
  open_ids uuid[];
BEGIN
  WITH seq AS (
    SELECT h.id, h.entitlement_id, h.at, h.playbook_version AS version, h.after, e.service_id,
           (new_ids IS NULL OR n.id IS NOT NULL) AS is_new,
           lag(new_ids IS NULL OR n.id IS NOT NULL) OVER w AS prev_new,
           lag(h.after) OVER w AS prev_after, lag(h.playbook_version) OVER w AS prev_version
      FROM unnest(changed) c(id)
      JOIN status_history h ON h.entitlement_id = c.id
      JOIN entitlements e ON e.id = c.id
      LEFT JOIN unnest(new_ids) n(id) ON n.id = h.id
    WINDOW w AS (PARTITION BY h.entitlement_id ORDER BY h.at, h.id)
  ), old_seq AS (
    SELECT s.*, lag(s.after) OVER w AS old_after, lag(s.version) OVER w AS old_version
      FROM seq s WHERE NOT s.is_new
    WINDOW w AS (PARTITION BY s.entitlement_id ORDER BY s.at, s.id)
  ), terms AS MATERIALIZED (
    SELECT 1 AS sign, at, service_id, version, after AS snapshot FROM seq WHERE is_new OR prev_new
    UNION ALL SELECT -1, at, service_id, prev_version, prev_after FROM seq
      WHERE (is_new OR prev_new) AND prev_after IS NOT NULL
    UNION ALL SELECT -1, at, service_id, version, after FROM old_seq WHERE prev_new
    UNION ALL SELECT 1, at, service_id, old_version, old_after FROM old_seq WHERE prev_new AND old_after IS NOT NULL
  ), cells AS (
    INSERT INTO blocked_day_cells (day, service_id, version, l2, l3, seats, segments)
    SELECT unblock_snapshot_day(t.at), t.service_id, t.version, g->>'l2', g->>'l3',
           sum(t.sign * (g->>'seats')::int), sum(t.sign)
      FROM terms t CROSS JOIN LATERAL jsonb_array_elements(t.snapshot->'segments') g
     WHERE g->>'l1' = 'blocked'
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(t.sign * (g->>'seats')::int) <> 0 OR sum(t.sign) <> 0
  )
  INSERT INTO blocked_day_holders (day, service_id, version, pairs, holders)
  SELECT unblock_snapshot_day(t.at), t.service_id, t.version, p.pairs, sum(t.sign)
    FROM terms t CROSS JOIN LATERAL (SELECT unblock_blocked_pairs(t.snapshot) AS pairs) p
   WHERE p.pairs IS NOT NULL
   GROUP BY 1, 2, 3, 4
  HAVING sum(t.sign) <> 0;
  -- Pieces of Blocked spells are rebuilt whole for each entitlement written (a few rows each).
  -- The dwell tallies lose the old pieces of open entitlements and gain the new ones.
  IF new_ids IS NOT NULL THEN
    open_ids := array(SELECT e.id FROM entitlements e WHERE e.id = ANY(changed) AND e.ended_at IS NULL);
    PERFORM unblock_dwell_seats_delta(open_ids, -1);
    DELETE FROM blocked_spell_pieces WHERE entitlement_id = ANY(changed);
  END IF;
  INSERT INTO blocked_spell_pieces (entitlement_id, tenant_id, service_id, l2, l3, since, ended_on, seats, version)
  WITH observed AS (
    SELECT h.id, h.entitlement_id, h.at, h.playbook_version AS version, e.tenant_id, e.service_id,
           g.seg->>'l1Since' AS since,
           sum((g.seg->>'seats')::int) AS seats,
           (array_agg(g.seg->>'l2' ORDER BY (g.seg->>'seats')::int DESC, g.seg->>'l2', g.seg->>'l3'))[1] AS l2,
           (array_agg(g.seg->>'l3' ORDER BY (g.seg->>'seats')::int DESC, g.seg->>'l2', g.seg->>'l3'))[1] AS l3
      FROM unnest(changed) c(id)
      JOIN status_history h ON h.entitlement_id = c.id
      JOIN entitlements e ON e.id = c.id
      CROSS JOIN LATERAL jsonb_array_elements(h.after->'segments') g(seg)
     WHERE g.seg->>'l1' = 'blocked'
     GROUP BY h.id, h.playbook_version, e.tenant_id, e.service_id, g.seg->>'l1Since'
  ), spells AS (
    SELECT o.*, lead(o.at) OVER s AS seen_at, lead(o.seats) OVER s AS seen_seats,
           last_value(o.l2) OVER (s ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_l2,
           last_value(o.l3) OVER (s ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_l3,
           last_value(o.version) OVER (s ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_version
      FROM observed o
    WINDOW s AS (PARTITION BY o.entitlement_id, o.since ORDER BY o.at, o.id)
  ), pieces AS (
    SELECT sp.entitlement_id, sp.tenant_id, sp.service_id, sp.last_l2 AS l2, sp.last_l3 AS l3,
           sp.last_version AS version, sp.since,
           coalesce(sp.seen_at, exit.at) AS ended_at,
           CASE WHEN sp.seen_at IS NULL THEN sp.seats ELSE sp.seats - sp.seen_seats END AS seats
      FROM spells sp
      LEFT JOIN LATERAL (SELECT n.at FROM status_history n
        WHERE sp.seen_at IS NULL AND n.entitlement_id = sp.entitlement_id AND (n.at, n.id) > (sp.at, sp.id)
        ORDER BY n.at, n.id LIMIT 1) exit ON true
     WHERE sp.seen_at IS NULL OR sp.seen_seats < sp.seats
  )
  SELECT entitlement_id, tenant_id, service_id, l2, l3, unblock_snapshot_day(since::timestamptz),
         unblock_snapshot_day(ended_at), sum(seats), version
    FROM pieces GROUP BY 1, 2, 3, 4, 5, 6, 7, 9;
  IF new_ids IS NOT NULL THEN
    PERFORM unblock_dwell_seats_delta(open_ids, 1);
  END IF;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION unblock_rebuild_history_facts() RETURNS void AS $$
BEGIN
  LOCK TABLE status_history IN SHARE ROW EXCLUSIVE MODE;
  TRUNCATE blocked_day_cells, blocked_day_holders, blocked_spell_pieces;
  PERFORM unblock_record_history_facts(array(SELECT DISTINCT entitlement_id FROM status_history), NULL);
  INSERT INTO history_fact_state (name, stale, compacted_rows)
  VALUES ('facts', false, (SELECT count(*) FROM blocked_day_cells) + (SELECT count(*) FROM blocked_day_holders))
  ON CONFLICT (name) DO UPDATE SET stale = false, compacted_rows = excluded.compacted_rows;
  PERFORM unblock_build_month_facts();
  PERFORM unblock_build_dwell_tallies();
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- The pieces gain their version and the tallies start: the next read rebuilds the facts of a history.
UPDATE history_fact_state SET stale = true WHERE name = 'facts' AND EXISTS (SELECT 1 FROM status_history);
