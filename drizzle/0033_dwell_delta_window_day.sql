-- The window's first day read into a variable before the write's durations are summed. Joined as a
-- table, blocked_dwell_window (never analysed: one row) was estimated at 2,550 rows, the statement's
-- cost passed jit_above_cost, and every status write compiled it: 330 ms of JIT a call, 49 writes/s
-- at 100,000 tenants. With the day as a value the plan is the entitlement index and a few rows.
CREATE OR REPLACE FUNCTION unblock_dwell_seats_delta(ids uuid[], sign int) RETURNS void AS $$
DECLARE
  window_from date;
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
  SELECT w.from_day INTO window_from FROM blocked_dwell_window w;
  IF window_from IS NOT NULL THEN
    INSERT INTO blocked_dwell_durations (kind, level, version, l2, l3, service_id, since, days, seats)
    SELECT t.kind, t.level, t.version, t.l2, t.l3, t.service_id, NULL, t.days, sign * sum(p.seats)
      FROM blocked_spell_pieces p
      CROSS JOIN LATERAL unblock_dwell_piece_durations(p.version, p.l2, p.l3, p.service_id, p.since, p.ended_on, window_from) t
     WHERE p.entitlement_id = ANY(ids) AND p.ended_on >= window_from
     GROUP BY 1, 2, 3, 4, 5, 6, 8;
  END IF;
  -- Once per write (its +1), and when a feed ends an entitlement.
  INSERT INTO blocked_dwell_dirty (tenant_id)
  SELECT DISTINCT e.tenant_id FROM entitlements e WHERE e.id = ANY(ids) AND (sign > 0 OR e.ended_at IS NOT NULL);
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
ANALYZE blocked_dwell_window;
