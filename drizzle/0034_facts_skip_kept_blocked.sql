-- Status writes that keep an entitlement's Blocked segments (a note, a next action, an owner: the most
-- common edits) skip the history facts (docs/PERFORMANCE.md, "Status writes"). The facts read only a
-- row's Blocked segments (L2, L3, seats, L1 date) and its playbook version, so a row appended after its
-- entitlement's latest that keeps all of these adds and takes away the same cells and pairs on the same
-- day, continues the same spells with the same seats and ends none: nothing changes. The trigger walked
-- the entitlement's whole history for it and appended equal and opposite dwell sums. Rows not last in
-- their history, two new rows of one entitlement, or a Blocked or version change go on through
-- unblock_record_history_facts. The trigger itself (its WHEN, drizzle/0031) is unchanged.
CREATE OR REPLACE FUNCTION unblock_history_facts_inserted() RETURNS trigger AS $$
DECLARE
  moved uuid[];
BEGIN
  IF (SELECT f.stale FROM history_fact_state f WHERE f.name = 'facts') THEN
    RETURN NULL;
  END IF;
  -- A bulk load (a seed) is cheaper rebuilt once than followed row by row.
  IF (SELECT count(*) FROM new_history) > 20000 THEN
    UPDATE history_fact_state SET stale = true WHERE name = 'facts';
    RETURN NULL;
  END IF;
  -- The entitlements whose new rows may change the facts: all but those whose one new row is the last
  -- of its history and keeps its predecessor's Blocked segments (and version, while any is Blocked).
  moved := array(
    SELECT n.entitlement_id FROM new_history n
      LEFT JOIN LATERAL (
        SELECT array_agg(h.id ORDER BY h.at DESC, h.id DESC) AS ids,
               array_agg(h.playbook_version ORDER BY h.at DESC, h.id DESC) AS versions,
               array_agg(h.blocked ORDER BY h.at DESC, h.id DESC) AS keys
          FROM (SELECT h.id, h.at, h.playbook_version,
                       (SELECT jsonb_agg(jsonb_build_array(g->>'l2', g->>'l3', g->>'seats', g->>'l1Since')
                                         ORDER BY g->>'l2', g->>'l3', g->>'seats', g->>'l1Since')
                          FROM jsonb_array_elements(h.after->'segments') g WHERE g->>'l1' = 'blocked') AS blocked
                  FROM status_history h
                 WHERE h.entitlement_id = n.entitlement_id ORDER BY h.at DESC, h.id DESC LIMIT 2) h
      ) last ON true
     GROUP BY n.entitlement_id
    HAVING count(*) > 1
        OR bool_or(last.ids[1] IS DISTINCT FROM n.id
                   OR last.keys[2] IS DISTINCT FROM last.keys[1]
                   OR (last.keys[1] IS NOT NULL AND last.versions[2] IS DISTINCT FROM last.versions[1])));
  IF cardinality(moved) = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM unblock_record_history_facts(moved,
    array(SELECT n.id FROM new_history n WHERE n.entitlement_id = ANY(moved)));
  -- A row dated before the last month checkpoint changes the checkpoints after it.
  IF (SELECT unblock_snapshot_day(min(n.at)) FROM new_history n WHERE n.entitlement_id = ANY(moved))
     < (SELECT max(month) FROM blocked_month_cells) THEN
    UPDATE history_fact_state SET stale = true WHERE name = 'months';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
