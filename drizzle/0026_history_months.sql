CREATE TABLE "blocked_month_cells" (
	"month" date NOT NULL,
	"service_id" text NOT NULL,
	"version" text NOT NULL,
	"l2" text,
	"l3" text,
	"seats" bigint NOT NULL,
	"segments" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_month_holders" (
	"month" date NOT NULL,
	"service_id" text NOT NULL,
	"version" text NOT NULL,
	"pairs" jsonb NOT NULL,
	"holders" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "blocked_month_cells_month_idx" ON "blocked_month_cells" USING btree ("month");--> statement-breakpoint
CREATE INDEX "blocked_month_holders_month_idx" ON "blocked_month_holders" USING btree ("month");--> statement-breakpoint
-- Month checkpoints of the day facts (docs/HISTORY.md, "Cost"): the sums of every day row before the
-- first of each month up to the last day held. Writes of today never touch them; a row written
-- before the last checkpoint marks them stale (`months`) and readers build them again.
CREATE FUNCTION unblock_build_month_facts() RETURNS void AS $$
BEGIN
  TRUNCATE blocked_month_cells, blocked_month_holders;
  WITH months AS (
    SELECT generate_series(date_trunc('month', min(day)) + interval '1 month', date_trunc('month', max(day)),
                           interval '1 month')::date AS month
      FROM blocked_day_cells
  ), per_month AS (
    SELECT date_trunc('month', day)::date AS m, service_id, version, l2, l3, sum(seats) AS seats, sum(segments) AS segments
      FROM blocked_day_cells GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO blocked_month_cells (month, service_id, version, l2, l3, seats, segments)
  SELECT ms.month, p.service_id, p.version, p.l2, p.l3, sum(p.seats), sum(p.segments)
    FROM months ms JOIN per_month p ON p.m < ms.month
   GROUP BY 1, 2, 3, 4, 5 HAVING sum(p.seats) <> 0 OR sum(p.segments) <> 0;
  WITH months AS (
    SELECT generate_series(date_trunc('month', min(day)) + interval '1 month', date_trunc('month', max(day)),
                           interval '1 month')::date AS month
      FROM blocked_day_cells
  ), per_month AS (
    SELECT date_trunc('month', day)::date AS m, service_id, version, pairs, sum(holders) AS holders
      FROM blocked_day_holders GROUP BY 1, 2, 3, 4
  )
  INSERT INTO blocked_month_holders (month, service_id, version, pairs, holders)
  SELECT ms.month, p.service_id, p.version, p.pairs, sum(p.holders)
    FROM months ms JOIN per_month p ON p.m < ms.month
   GROUP BY 1, 2, 3, 4 HAVING sum(p.holders) <> 0;
  INSERT INTO history_fact_state (name, stale) VALUES ('months', false)
    ON CONFLICT (name) DO UPDATE SET stale = false;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION unblock_history_facts_inserted() RETURNS trigger AS $$
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
  -- A row dated before the last month checkpoint changes the checkpoints after it.
  IF (SELECT unblock_snapshot_day(min(at)) FROM new_history) < (SELECT max(month) FROM blocked_month_cells) THEN
    UPDATE history_fact_state SET stale = true WHERE name = 'months';
  END IF;
  RETURN NULL;
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
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
SELECT unblock_build_month_facts();
