CREATE TABLE "blocked_dwell_durations" (
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"version" text,
	"l2" text,
	"l3" text,
	"service_id" text,
	"since" date,
	"days" integer,
	"seats" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocked_dwell_window" (
	"from_day" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "blocked_dwell_durations_level_idx" ON "blocked_dwell_durations" USING btree ("level");--> statement-breakpoint
-- Dwell durations (docs/HISTORY.md, "Cost"): the dwell tallies summed per group and duration for the
-- window that starts on blocked_dwell_window.from_day and ends today, so a read of that window sums a
-- few thousand rows instead of every (day Blocked, day ended) pair. Still-Blocked seats mirror the
-- open rows of blocked_dwell_seats and blocked_dwell_service_seats (by trigger, whoever writes them);
-- the seats that left Blocked are added by the tallies' writers for the window held; a reader moves
-- the window's first day with the pairs in between, and folds.
-- The terms of one piece that left Blocked: per level, on or after `from_day`, or began on or after it.
CREATE FUNCTION unblock_dwell_piece_durations(v text, w2 text, w3 text, svc text, began date, ended date, from_day date)
RETURNS TABLE (kind text, level text, version text, l2 text, l3 text, service_id text, days int) AS $$
  SELECT k.kind, l.level, l.version, l.l2, l.l3, l.service_id, ended - began
    FROM (VALUES ('l2', v, w2, NULL::text, NULL::text), ('l3', v, w2, w3, NULL), ('service', NULL, NULL, NULL, svc))
         l(level, version, l2, l3, service_id)
   CROSS JOIN (
     SELECT 'ended' AS kind WHERE ended >= from_day
     UNION ALL SELECT 'cohort' WHERE ended IS NOT NULL AND began >= from_day
   ) k
$$ LANGUAGE sql IMMUTABLE;--> statement-breakpoint
-- Still-Blocked seats appended to the seat tallies, per level (a fold re-inserts what it deleted: skipped).
CREATE FUNCTION unblock_dwell_open_seats_added() RETURNS trigger AS $$
BEGIN
  IF coalesce(current_setting('unblock.dwell_fold', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
  SELECT 'open', l.level, n.version, n.l2, l.l3, NULL, n.since, NULL, sum(n.seats)
    FROM added n CROSS JOIN LATERAL (VALUES ('l2', NULL::text), ('l3', n.l3)) l(level, l3)
   WHERE n.ended_on IS NULL
   GROUP BY 2, 3, 4, 5, 7 HAVING sum(n.seats) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE FUNCTION unblock_dwell_open_service_seats_added() RETURNS trigger AS $$
BEGIN
  IF coalesce(current_setting('unblock.dwell_fold', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
  SELECT 'open', 'service', NULL, NULL, NULL, n.service_id, n.since, NULL, sum(n.seats)
    FROM added n WHERE n.ended_on IS NULL
   GROUP BY 6, 7 HAVING sum(n.seats) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER blocked_dwell_seats_open AFTER INSERT ON blocked_dwell_seats
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION unblock_dwell_open_seats_added();--> statement-breakpoint
ALTER TABLE blocked_dwell_seats ENABLE ALWAYS TRIGGER blocked_dwell_seats_open;--> statement-breakpoint
CREATE TRIGGER blocked_dwell_service_seats_open AFTER INSERT ON blocked_dwell_service_seats
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION unblock_dwell_open_service_seats_added();--> statement-breakpoint
ALTER TABLE blocked_dwell_service_seats ENABLE ALWAYS TRIGGER blocked_dwell_service_seats_open;--> statement-breakpoint
CREATE OR REPLACE FUNCTION unblock_dwell_seats_delta(ids uuid[], sign int) RETURNS void AS $$
BEGIN
  INSERT INTO blocked_dwell_seats (version, l2, l3, since, ended_on, seats)
  SELECT p.version, p.l2, p.l3, p.since, p.ended_on, sign * sum(p.seats)
    FROM blocked_spell_pieces p WHERE p.entitlement_id = ANY(ids)
   GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO blocked_dwell_service_seats (service_id, since, ended_on, seats)
  SELECT p.service_id, p.since, p.ended_on, sign * sum(p.seats)
    FROM blocked_spell_pieces p WHERE p.entitlement_id = ANY(ids)
   GROUP BY 1, 2, 3;
  -- Shared: a reader moving the window's first day waits for no writer (it tries) and writers wait for it.
  PERFORM pg_advisory_xact_lock_shared(hashtext('unblock_dwell_window'));
  INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
  SELECT t.kind, t.level, t.version, t.l2, t.l3, t.service_id, NULL, t.days, sign * sum(p.seats)
    FROM blocked_spell_pieces p CROSS JOIN blocked_dwell_window w
    CROSS JOIN LATERAL unblock_dwell_piece_durations(p.version, p.l2, p.l3, p.service_id, p.since, p.ended_on, w.from_day) t
   WHERE p.entitlement_id = ANY(ids) AND p.ended_on >= w.from_day
   GROUP BY 1, 2, 3, 4, 5, 6, 8;
  -- Once per write (its +1), and when a feed ends an entitlement.
  INSERT INTO blocked_dwell_dirty (tenant_id)
  SELECT DISTINCT e.tenant_id FROM entitlements e WHERE e.id = ANY(ids) AND (sign > 0 OR e.ended_at IS NOT NULL);
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- The seats that left Blocked in the window held, from every open entitlement's pieces.
CREATE FUNCTION unblock_build_dwell_window() RETURNS void AS $$
BEGIN
  DELETE FROM blocked_dwell_durations WHERE kind <> 'open';
  IF NOT EXISTS (SELECT 1 FROM blocked_dwell_window) THEN
    INSERT INTO blocked_dwell_window (from_day) VALUES ((now() AT TIME ZONE 'UTC')::date - 89);
  END IF;
  INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
  SELECT t.kind, t.level, t.version, t.l2, t.l3, t.service_id, NULL, t.days, sum(p.seats)
    FROM blocked_spell_pieces p JOIN entitlements e ON e.id = p.entitlement_id AND e.ended_at IS NULL
    CROSS JOIN blocked_dwell_window w
    CROSS JOIN LATERAL unblock_dwell_piece_durations(p.version, p.l2, p.l3, p.service_id, p.since, p.ended_on, w.from_day) t
   WHERE p.ended_on >= w.from_day
   GROUP BY 1, 2, 3, 4, 5, 6, 8;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Moves the window's first day to `new_from`: the pairs ended, or begun, between the old day and the
-- new one enter or leave. False when a writer holds the lock (the read sums the pairs instead).
CREATE FUNCTION unblock_move_dwell_window(new_from date) RETURNS boolean AS $$
DECLARE
  old date;
  lo date;
  hi date;
  sgn int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('unblock_dwell_window')) THEN
    RETURN false;
  END IF;
  SELECT w.from_day INTO old FROM blocked_dwell_window w;
  IF old IS NULL THEN
    INSERT INTO blocked_dwell_window (from_day) VALUES (new_from);
    PERFORM unblock_build_dwell_window();
    RETURN true;
  END IF;
  IF old = new_from THEN
    RETURN true;
  END IF;
  lo := least(old, new_from);
  hi := greatest(old, new_from);
  sgn := CASE WHEN new_from < old THEN 1 ELSE -1 END;
  INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
  SELECT k.kind, l.level, l.version, l.l2, l.l3, l.service_id, NULL, d.ended_on - d.since, sgn * sum(d.seats)
    FROM (SELECT s.version, s.l2, s.l3, NULL::text AS service_id, s.since, s.ended_on, s.seats, false AS by_service
            FROM blocked_dwell_seats s WHERE s.ended_on >= lo
          UNION ALL
          SELECT NULL, NULL, NULL, s.service_id, s.since, s.ended_on, s.seats, true
            FROM blocked_dwell_service_seats s WHERE s.ended_on >= lo) d
    CROSS JOIN LATERAL (VALUES ('l2', d.version, d.l2, NULL::text, NULL::text), ('l3', d.version, d.l2, d.l3, NULL),
      ('service', NULL, NULL, NULL, d.service_id)) l(level, version, l2, l3, service_id)
    CROSS JOIN LATERAL (
      SELECT 'ended' AS kind WHERE d.ended_on < hi
      UNION ALL SELECT 'cohort' WHERE d.since >= lo AND d.since < hi
    ) k
   WHERE (l.level = 'service') = d.by_service
   GROUP BY 1, 2, 3, 4, 5, 6, 8
  HAVING sum(d.seats) <> 0;
  UPDATE blocked_dwell_window SET from_day = new_from;
  RETURN true;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Folds the appended seat sums, durations and tenant counts into one row per key (readers call it).
CREATE OR REPLACE FUNCTION unblock_compact_dwell_tallies() RETURNS void AS $$
BEGIN
  -- The seat sums' rows are the same seats again: the durations' mirror of them skips the fold.
  PERFORM set_config('unblock.dwell_fold', 'on', true);
  WITH moved AS (DELETE FROM blocked_dwell_seats RETURNING *)
  INSERT INTO blocked_dwell_seats (version, l2, l3, since, ended_on, seats)
  SELECT version, l2, l3, since, ended_on, sum(seats) FROM moved GROUP BY 1, 2, 3, 4, 5 HAVING sum(seats) <> 0;
  WITH moved AS (DELETE FROM blocked_dwell_service_seats RETURNING *)
  INSERT INTO blocked_dwell_service_seats (service_id, since, ended_on, seats)
  SELECT service_id, since, ended_on, sum(seats) FROM moved GROUP BY 1, 2, 3 HAVING sum(seats) <> 0;
  PERFORM set_config('unblock.dwell_fold', 'off', true);
  WITH moved AS (DELETE FROM blocked_dwell_durations RETURNING *)
  INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
  SELECT kind, level, version, l2, l3, service_id, since, days, sum(seats) FROM moved
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(seats) <> 0;
  WITH moved AS (DELETE FROM blocked_dwell_tenant_counts RETURNING *)
  INSERT INTO blocked_dwell_tenant_counts (level, l2, l3, service_id, last_day, tenants)
  SELECT level, l2, l3, service_id, last_day, sum(tenants) FROM moved GROUP BY 1, 2, 3, 4, 5 HAVING sum(tenants) <> 0;
  INSERT INTO history_fact_state (name, stale, compacted_rows)
  VALUES ('dwell', false, (SELECT count(*) FROM blocked_dwell_seats) + (SELECT count(*) FROM blocked_dwell_service_seats)
    + (SELECT count(*) FROM blocked_dwell_tenant_counts) + (SELECT count(*) FROM blocked_dwell_durations))
  ON CONFLICT (name) DO UPDATE SET compacted_rows = excluded.compacted_rows;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Everything again from the spell pieces (after a rebuild of the facts).
CREATE OR REPLACE FUNCTION unblock_build_dwell_tallies() RETURNS void AS $$
BEGIN
  TRUNCATE blocked_dwell_seats, blocked_dwell_service_seats, blocked_dwell_tenant_days, blocked_dwell_tenant_counts,
    blocked_dwell_dirty, blocked_dwell_durations;
  INSERT INTO blocked_dwell_seats (version, l2, l3, since, ended_on, seats)
  SELECT p.version, p.l2, p.l3, p.since, p.ended_on, sum(p.seats)
    FROM blocked_spell_pieces p JOIN entitlements e ON e.id = p.entitlement_id AND e.ended_at IS NULL
   GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO blocked_dwell_service_seats (service_id, since, ended_on, seats)
  SELECT p.service_id, p.since, p.ended_on, sum(p.seats)
    FROM blocked_spell_pieces p JOIN entitlements e ON e.id = p.entitlement_id AND e.ended_at IS NULL
   GROUP BY 1, 2, 3;
  PERFORM unblock_build_dwell_window();
  INSERT INTO blocked_dwell_tenant_days (tenant_id, level, l2, l3, service_id, last_day)
  SELECT * FROM unblock_dwell_tenant_rows(NULL);
  INSERT INTO blocked_dwell_tenant_counts (level, l2, l3, service_id, last_day, tenants)
  SELECT level, l2, l3, service_id, last_day, count(*) FROM blocked_dwell_tenant_days GROUP BY 1, 2, 3, 4, 5;
  PERFORM unblock_compact_dwell_tallies();
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- Filled from the tallies held (seconds at 100,000 tenants): still-Blocked seats from the seat sums,
-- the last 90 days' from the pieces.
INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
SELECT 'open', l.level, s.version, s.l2, l.l3, NULL, s.since, NULL, sum(s.seats)
  FROM blocked_dwell_seats s CROSS JOIN LATERAL (VALUES ('l2', NULL::text), ('l3', s.l3)) l(level, l3)
 WHERE s.ended_on IS NULL
 GROUP BY 2, 3, 4, 5, 7 HAVING sum(s.seats) <> 0;--> statement-breakpoint
INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
SELECT 'open', 'service', NULL, NULL, NULL, s.service_id, s.since, NULL, sum(s.seats)
  FROM blocked_dwell_service_seats s WHERE s.ended_on IS NULL
 GROUP BY 6, 7 HAVING sum(s.seats) <> 0;--> statement-breakpoint
SELECT unblock_build_dwell_window();--> statement-breakpoint
UPDATE history_fact_state SET compacted_rows = compacted_rows + (SELECT count(*) FROM blocked_dwell_durations)
 WHERE name = 'dwell';
