-- A playbook remap (src/db/sql/remap-status-batch-sql.ts) moves segments' L2 and L3 and writes its
-- entitlements' summaries itself: only blocked_keys can change (seats, L1s and dates stay), and the batch's
-- UPDATE of entitlements sets it. It says so with SET LOCAL unblock.segment_summaries = 'caller', and the
-- segment UPDATE trigger then skips unblock_summarise_entitlements, which read every moved entitlement's
-- segments again and compared its summaries (0.5 s of a batch of 6,538 at 5,000 tenants). The report cells are
-- kept as before; every other write is unchanged.
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
  ELSIF current_setting('unblock.segment_summaries', true) IS DISTINCT FROM 'caller' THEN
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
  END IF;
  IF TG_OP = 'UPDATE' THEN
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
$$ LANGUAGE plpgsql;
