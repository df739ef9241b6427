-- Entitlements a full portfolio sync ended leave the report cells: the cells count only open
-- entitlements' Blocked segments. The sync takes an entitlement's segments out as it ends it and
-- puts them back as it reopens it (unblock_apply_blocked_changes with -1 / +1); a segment written
-- while its entitlement is ended counts nowhere.
CREATE OR REPLACE FUNCTION unblock_apply_blocked_changes(changes unblock_blocked_segment[]) RETURNS void AS $$
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
      JOIN entitlements e ON e.id = c.entitlement_id AND e.ended_at IS NULL
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
CREATE OR REPLACE FUNCTION unblock_rebuild_report_cells(aging_day date, aging_only boolean) RETURNS void AS $$
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
     WHERE s.l1 = 'blocked' AND e.ended_at IS NULL AND (NOT aging_only OR k.report = 'aging')
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
$$ LANGUAGE plpgsql;
