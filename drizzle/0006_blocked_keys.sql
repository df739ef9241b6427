ALTER TABLE "entitlements" ADD COLUMN "blocked_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The segment summary gains blocked_keys ("service/l2" of each Blocked segment), kept by the same triggers.
CREATE OR REPLACE FUNCTION unblock_summarise_entitlements(ids uuid[]) RETURNS void AS $$
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
$$ LANGUAGE sql;--> statement-breakpoint
UPDATE entitlements e SET blocked_keys = keyed.blocked_keys
  FROM (SELECT s.entitlement_id, array_agg(DISTINCT e2.service_id || '/' || coalesce(s.l2, '')) AS blocked_keys
          FROM status_segments s JOIN entitlements e2 ON e2.id = s.entitlement_id
         WHERE s.l1 = 'blocked' GROUP BY s.entitlement_id) keyed
 WHERE e.id = keyed.entitlement_id;--> statement-breakpoint
CREATE INDEX "entitlements_blocked_keys_idx" ON "entitlements" USING gin ("blocked_keys");
