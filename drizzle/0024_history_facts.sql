CREATE TABLE "blocked_day_cells" (
	"day" date NOT NULL,
	"service_id" text NOT NULL,
	"version" text NOT NULL,
	"l2" text,
	"l3" text,
	"seats" bigint NOT NULL,
	"segments" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_day_holders" (
	"day" date NOT NULL,
	"service_id" text NOT NULL,
	"version" text NOT NULL,
	"pairs" jsonb NOT NULL,
	"holders" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_spell_pieces" (
	"entitlement_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"l2" text,
	"l3" text,
	"since" date NOT NULL,
	"ended_on" date,
	"seats" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history_fact_state" (
	"name" text PRIMARY KEY NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"compacted_rows" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "blocked_spell_pieces_entitlement_idx" ON "blocked_spell_pieces" USING btree ("entitlement_id");--> statement-breakpoint
CREATE INDEX "entitlements_ended_idx" ON "entitlements" USING btree ("ended_at") WHERE ended_at is not null;--> statement-breakpoint
-- History pre-shaped at write time (docs/HISTORY.md, "Cost"): per-day deltas of Blocked seats in each
-- written cell, per-day deltas of entitlements holding Blocked seats by the set of cells they hold,
-- and the Blocked spells' pieces that dwell times read. Kept by the history insert trigger in the
-- write's transaction; a bulk insert (a seed) marks them stale and the next read rebuilds them.
CREATE FUNCTION unblock_snapshot_day(at timestamptz) RETURNS date AS $$
  SELECT (at AT TIME ZONE 'UTC')::date
$$ LANGUAGE sql IMMUTABLE;--> statement-breakpoint
-- The set of (L2, L3) a snapshot's Blocked segments hold, sorted; null when none is Blocked.
CREATE FUNCTION unblock_blocked_pairs(snapshot jsonb) RETURNS jsonb AS $$
  SELECT jsonb_agg(DISTINCT jsonb_build_array(g->>'l2', g->>'l3') ORDER BY jsonb_build_array(g->>'l2', g->>'l3'))
    FROM jsonb_array_elements(snapshot->'segments') g WHERE g->>'l1' = 'blocked'
$$ LANGUAGE sql IMMUTABLE;--> statement-breakpoint
-- Records what new history rows change, for the entitlements `changed`: each row x adds its Blocked
-- cells and takes away its predecessor's on x's day. Rows `new_ids` (null: all, a rebuild) may land
-- between older ones, so the older rows whose predecessor changed are counted again too.
CREATE FUNCTION unblock_record_history_facts(changed uuid[], new_ids bigint[]) RETURNS void AS $$
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
  IF new_ids IS NOT NULL THEN
    DELETE FROM blocked_spell_pieces WHERE entitlement_id = ANY(changed);
  END IF;
  INSERT INTO blocked_spell_pieces (entitlement_id, tenant_id, service_id, l2, l3, since, ended_on, seats)
  WITH observed AS (
    SELECT h.id, h.entitlement_id, h.at, e.tenant_id, e.service_id, g.seg->>'l1Since' AS since,
           sum((g.seg->>'seats')::int) AS seats,
           (array_agg(g.seg->>'l2' ORDER BY (g.seg->>'seats')::int DESC, g.seg->>'l2', g.seg->>'l3'))[1] AS l2,
           (array_agg(g.seg->>'l3' ORDER BY (g.seg->>'seats')::int DESC, g.seg->>'l2', g.seg->>'l3'))[1] AS l3
      FROM unnest(changed) c(id)
      JOIN status_history h ON h.entitlement_id = c.id
      JOIN entitlements e ON e.id = c.id
      CROSS JOIN LATERAL jsonb_array_elements(h.after->'segments') g(seg)
     WHERE g.seg->>'l1' = 'blocked'
     GROUP BY h.id, e.tenant_id, e.service_id, g.seg->>'l1Since'
  ), spells AS (
    SELECT o.*, lead(o.at) OVER s AS seen_at, lead(o.seats) OVER s AS seen_seats,
           last_value(o.l2) OVER (s ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_l2,
           last_value(o.l3) OVER (s ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_l3
      FROM observed o
    WINDOW s AS (PARTITION BY o.entitlement_id, o.since ORDER BY o.at, o.id)
  ), pieces AS (
    SELECT sp.entitlement_id, sp.tenant_id, sp.service_id, sp.last_l2 AS l2, sp.last_l3 AS l3, sp.since,
           coalesce(sp.seen_at, exit.at) AS ended_at,
           CASE WHEN sp.seen_at IS NULL THEN sp.seats ELSE sp.seats - sp.seen_seats END AS seats
      FROM spells sp
      LEFT JOIN LATERAL (SELECT n.at FROM status_history n
        WHERE sp.seen_at IS NULL AND n.entitlement_id = sp.entitlement_id AND (n.at, n.id) > (sp.at, sp.id)
        ORDER BY n.at, n.id LIMIT 1) exit ON true
     WHERE sp.seen_at IS NULL OR sp.seen_seats < sp.seats
  )
  SELECT entitlement_id, tenant_id, service_id, l2, l3, unblock_snapshot_day(since::timestamptz),
         unblock_snapshot_day(ended_at), sum(seats)
    FROM pieces GROUP BY 1, 2, 3, 4, 5, 6, 7;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Everything again from the whole history; writers of history wait meanwhile.
CREATE FUNCTION unblock_rebuild_history_facts() RETURNS void AS $$
BEGIN
  LOCK TABLE status_history IN SHARE ROW EXCLUSIVE MODE;
  TRUNCATE blocked_day_cells, blocked_day_holders, blocked_spell_pieces;
  PERFORM unblock_record_history_facts(array(SELECT DISTINCT entitlement_id FROM status_history), NULL);
  INSERT INTO history_fact_state (name, stale, compacted_rows)
  VALUES ('facts', false, (SELECT count(*) FROM blocked_day_cells) + (SELECT count(*) FROM blocked_day_holders))
  ON CONFLICT (name) DO UPDATE SET stale = false, compacted_rows = excluded.compacted_rows;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Folds the day deltas that writers appended into one row per day and cell (readers call it).
CREATE FUNCTION unblock_compact_history_facts() RETURNS void AS $$
BEGIN
  WITH moved AS (DELETE FROM blocked_day_cells RETURNING *)
  INSERT INTO blocked_day_cells (day, service_id, version, l2, l3, seats, segments)
  SELECT day, service_id, version, l2, l3, sum(seats), sum(segments) FROM moved
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(seats) <> 0 OR sum(segments) <> 0;
  WITH moved AS (DELETE FROM blocked_day_holders RETURNING *)
  INSERT INTO blocked_day_holders (day, service_id, version, pairs, holders)
  SELECT day, service_id, version, pairs, sum(holders) FROM moved GROUP BY 1, 2, 3, 4 HAVING sum(holders) <> 0;
  UPDATE history_fact_state SET compacted_rows =
    (SELECT count(*) FROM blocked_day_cells) + (SELECT count(*) FROM blocked_day_holders) WHERE name = 'facts';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE FUNCTION unblock_history_facts_inserted() RETURNS trigger AS $$
BEGIN
  IF (SELECT f.stale FROM history_fact_state f WHERE f.name = 'facts') THEN
    RETURN NULL;
  END IF;
  -- A bulk load (a seed) is cheaper rebuilt once than followed row by row.
  IF (SELECT count(*) FROM new_history) > 20000 THEN
    UPDATE history_fact_state SET stale = true WHERE name = 'facts';
    RETURN NULL;
  END IF;
  PERFORM unblock_record_history_facts(array(SELECT DISTINCT entitlement_id FROM new_history),
    array(SELECT id FROM new_history));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER status_history_facts AFTER INSERT ON status_history
  REFERENCING NEW TABLE AS new_history
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_history_facts_inserted();--> statement-breakpoint
ALTER TABLE status_history ENABLE ALWAYS TRIGGER status_history_facts;--> statement-breakpoint
INSERT INTO history_fact_state (name, stale, compacted_rows) VALUES ('facts', false, 0);--> statement-breakpoint
SELECT unblock_rebuild_history_facts();
