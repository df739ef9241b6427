-- Free-text search uses trigram indexes (ILIKE '%word%'); pg_trgm is a trusted extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
ALTER TABLE "entitlements" ADD COLUMN "blocked_seats" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "entitlements" ADD COLUMN "earliest_target_date" date;--> statement-breakpoint
ALTER TABLE "entitlements" ADD COLUMN "earliest_next_action_date" date;--> statement-breakpoint
-- Summaries of each entitlement's segments, kept current by statement triggers on status_segments:
-- whoever writes segments (the app, an import, a seed, a test factory), the summary changes in the
-- same statement, so list sorts and filters can use plain indexes on entitlements. 'blocked' is the
-- L1 id the code calls blockedL1.
CREATE OR REPLACE FUNCTION unblock_summarise_entitlements(ids uuid[]) RETURNS void AS $$
  UPDATE entitlements e
     SET blocked_seats = summary.blocked_seats,
         earliest_target_date = summary.earliest_target_date,
         earliest_next_action_date = summary.earliest_next_action_date
    FROM (
      SELECT changed.id,
             coalesce(sum(s.seats) FILTER (WHERE s.l1 = 'blocked'), 0)::int AS blocked_seats,
             min(s.target_date) AS earliest_target_date,
             min(s.next_action_date) AS earliest_next_action_date
        FROM unnest(ids) AS changed(id)
        LEFT JOIN status_segments s ON s.entitlement_id = changed.id
       GROUP BY changed.id
    ) summary
   WHERE e.id = summary.id
     AND (e.blocked_seats, e.earliest_target_date, e.earliest_next_action_date)
         IS DISTINCT FROM (summary.blocked_seats, summary.earliest_target_date, summary.earliest_next_action_date);
$$ LANGUAGE sql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION unblock_segments_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM unblock_summarise_entitlements(array(SELECT DISTINCT entitlement_id FROM new_segments));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM unblock_summarise_entitlements(array(SELECT DISTINCT entitlement_id FROM old_segments));
  ELSE
    PERFORM unblock_summarise_entitlements(array(
      SELECT entitlement_id FROM new_segments UNION SELECT entitlement_id FROM old_segments));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER status_segments_summary_insert AFTER INSERT ON status_segments
  REFERENCING NEW TABLE AS new_segments
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_segments_changed();--> statement-breakpoint
CREATE TRIGGER status_segments_summary_update AFTER UPDATE ON status_segments
  REFERENCING OLD TABLE AS old_segments NEW TABLE AS new_segments
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_segments_changed();--> statement-breakpoint
CREATE TRIGGER status_segments_summary_delete AFTER DELETE ON status_segments
  REFERENCING OLD TABLE AS old_segments
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_segments_changed();--> statement-breakpoint
-- ALWAYS: the summaries must follow even in sessions that skip ordinary triggers (a seed's
-- session_replication_role = replica, a logical replica applying changes).
ALTER TABLE status_segments ENABLE ALWAYS TRIGGER status_segments_summary_insert;--> statement-breakpoint
ALTER TABLE status_segments ENABLE ALWAYS TRIGGER status_segments_summary_update;--> statement-breakpoint
ALTER TABLE status_segments ENABLE ALWAYS TRIGGER status_segments_summary_delete;--> statement-breakpoint
SELECT unblock_summarise_entitlements(array(SELECT DISTINCT entitlement_id FROM status_segments));--> statement-breakpoint
DROP INDEX "entitlements_service_idx";--> statement-breakpoint
DROP INDEX "status_segments_owner_idx";--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_external_id_trgm_idx" ON "customers" USING gin ("external_id" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "entitlements_service_updated_idx" ON "entitlements" USING btree ("service_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "entitlements_target_date_idx" ON "entitlements" USING btree (coalesce("earliest_target_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "entitlements_next_action_date_idx" ON "entitlements" USING btree (coalesce("earliest_next_action_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "entitlements_blocked_seats_idx" ON "entitlements" USING btree ("blocked_seats","id");--> statement-breakpoint
CREATE INDEX "status_segments_note_trgm_idx" ON "status_segments" USING gin ("note" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tenants_name_trgm_idx" ON "tenants" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tenants_domain_trgm_idx" ON "tenants" USING gin ("domain" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "status_segments_owner_idx" ON "status_segments" USING btree (lower("owner"));
