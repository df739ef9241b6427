-- Fast paths for the segment and history triggers. A status write is one statement that upserts its segments and
-- deletes the positions past the new count, so it fires the INSERT, UPDATE and DELETE statement
-- triggers of status_segments each time, mostly with nothing to do: the DELETE one without rows, the
-- INSERT one without rows unless a segment was added, and the UPDATE one with old and new rows that
-- differ only in what neither the summaries nor the report cells read (the note, the owner, the next
-- action: the most common edit). Each trigger now passes on only what changed in the columns it keeps,
-- and returns at once when that is nothing. Identical old and new rows cancel exactly in the cells
-- (+seats and -seats in the same cell, +1 and -1 segment of the same tenant), so the outcome is the
-- same; report-aggregates.test.ts holds it to direct aggregation.
-- The summary function becomes PL/pgSQL: its UPDATE's plan is kept per connection, where an SQL
-- function's body is planned again on every call.
CREATE OR REPLACE FUNCTION unblock_summarise_entitlements(ids uuid[]) RETURNS void AS $$
BEGIN
  IF coalesce(array_length(ids, 1), 0) = 0 THEN
    RETURN;
  END IF;
  UPDATE entitlements e
     SET blocked_seats = summary.blocked_seats,
         earliest_target_date = summary.earliest_target_date,
         earliest_next_action_date = summary.earliest_next_action_date,
         blocked_keys = summary.blocked_keys
    FROM (
      SELECT changed.id,
             coalesce(sum(s.seats) FILTER (WHERE s.l1 = 'blocked'), 0)::int AS blocked_seats,
             min(s.target_date) AS earliest_target_date,
             min(s.next_action_date) AS earliest_next_action_date,
             coalesce(array_agg(DISTINCT owner.service_id || '/' || coalesce(s.l2, '')) FILTER (WHERE s.l1 = 'blocked'),
                      '{}'::text[]) AS blocked_keys
        FROM unnest(ids) AS changed(id)
        JOIN entitlements owner ON owner.id = changed.id
        LEFT JOIN status_segments s ON s.entitlement_id = changed.id
       GROUP BY changed.id
    ) summary
   WHERE e.id = summary.id
     AND (e.blocked_seats, e.earliest_target_date, e.earliest_next_action_date, e.blocked_keys)
         IS DISTINCT FROM (summary.blocked_seats, summary.earliest_target_date, summary.earliest_next_action_date,
                           summary.blocked_keys);
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION unblock_segments_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_segments) THEN
      RETURN NULL;
    END IF;
    PERFORM unblock_summarise_entitlements(array(SELECT DISTINCT entitlement_id FROM new_segments));
    PERFORM unblock_apply_blocked_changes(array(
      SELECT row(1, entitlement_id, l2, l3, seats, target_date, l1_since)::unblock_blocked_segment
        FROM new_segments WHERE l1 = 'blocked'));
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_segments) THEN
      RETURN NULL;
    END IF;
    PERFORM unblock_summarise_entitlements(array(SELECT DISTINCT entitlement_id FROM old_segments));
    PERFORM unblock_apply_blocked_changes(array(
      SELECT row(-1, entitlement_id, l2, l3, seats, target_date, l1_since)::unblock_blocked_segment
        FROM old_segments WHERE l1 = 'blocked'));
  ELSE
    -- The summaries read l1, seats, l2 and the two dates of each segment.
    PERFORM unblock_summarise_entitlements(array(
      SELECT DISTINCT entitlement_id FROM (
        (SELECT entitlement_id, l1, seats, l2, target_date, next_action_date FROM new_segments
         EXCEPT ALL
         SELECT entitlement_id, l1, seats, l2, target_date, next_action_date FROM old_segments)
        UNION ALL
        (SELECT entitlement_id, l1, seats, l2, target_date, next_action_date FROM old_segments
         EXCEPT ALL
         SELECT entitlement_id, l1, seats, l2, target_date, next_action_date FROM new_segments)
      ) moved));
    -- The cells read Blocked segments' l2, l3, seats, target date and L1 date.
    PERFORM unblock_apply_blocked_changes(array(
      SELECT row(1, entitlement_id, l2, l3, seats, target_date, l1_since)::unblock_blocked_segment FROM (
        SELECT entitlement_id, l2, l3, seats, target_date, l1_since FROM new_segments WHERE l1 = 'blocked'
        EXCEPT ALL
        SELECT entitlement_id, l2, l3, seats, target_date, l1_since FROM old_segments WHERE l1 = 'blocked'
      ) added
      UNION ALL
      SELECT row(-1, entitlement_id, l2, l3, seats, target_date, l1_since)::unblock_blocked_segment FROM (
        SELECT entitlement_id, l2, l3, seats, target_date, l1_since FROM old_segments WHERE l1 = 'blocked'
        EXCEPT ALL
        SELECT entitlement_id, l2, l3, seats, target_date, l1_since FROM new_segments WHERE l1 = 'blocked'
      ) removed));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- The weekly Blocked history asks its questions of a write's history rows in one query (five before),
-- and a change that keeps the Blocked seats only moves the entitlement's latest row on.
CREATE OR REPLACE FUNCTION unblock_apply_history_changes(changes unblock_history_change[]) RETURNS void AS $$
DECLARE
  refused boolean;
  unchanged boolean;
BEGIN
  IF coalesce(array_length(changes, 1), 0) = 0 OR (SELECT r.stale FROM report_state r WHERE r.name = 'weeks') THEN
    RETURN;
  END IF;
  -- One pass over the changes answers what the totals need to know first (five queries before):
  -- whether they may be folded in here at all (else the weeks are marked stale and rebuilt on read:
  -- two rows of one entitlement, an entitlement gone, a row older than the entitlement's latest, one
  -- tenant's rows in different weeks), and whether any changes Blocked seats.
  SELECT coalesce(bool_or(f.repeated OR f.unknown OR f.out_of_order OR f.tenant_weeks), false),
         coalesce(bool_and(NOT f.moved), true)
    INTO refused, unchanged
    FROM (
      SELECT count(*) OVER (PARTITION BY c.entitlement_id) > 1 AS repeated,
             e.id IS NULL AS unknown,
             l.entitlement_id IS NOT NULL AND (c.at, c.id) < (l.at, l.history_id) AS out_of_order,
             min(unblock_week_start((c.at AT TIME ZONE 'UTC')::date)) OVER (PARTITION BY e.tenant_id)
               <> max(unblock_week_start((c.at AT TIME ZONE 'UTC')::date)) OVER (PARTITION BY e.tenant_id)
               AS tenant_weeks,
             c.blocked <> coalesce(l.blocked, 0) AS moved
        FROM unnest(changes) c
        LEFT JOIN entitlements e ON e.id = c.entitlement_id
        LEFT JOIN history_latest l ON l.entitlement_id = c.entitlement_id
    ) f;
  IF refused THEN
    UPDATE report_state SET stale = true WHERE name = 'weeks';
    RETURN;
  END IF;
  -- A change that keeps its entitlement's Blocked seats (a new note, a moved next action) changes no
  -- week, tenant or service total: only the entitlement's latest row moves on.
  IF unchanged THEN
    INSERT INTO history_latest AS l (entitlement_id, tenant_id, service_id, at, history_id, blocked)
    SELECT c.entitlement_id, e.tenant_id, e.service_id, c.at, c.id, c.blocked
      FROM unnest(changes) c JOIN entitlements e ON e.id = c.entitlement_id ORDER BY c.entitlement_id
    ON CONFLICT (entitlement_id) DO UPDATE SET at = excluded.at, history_id = excluded.history_id, blocked = excluded.blocked;
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
$$ LANGUAGE plpgsql;
