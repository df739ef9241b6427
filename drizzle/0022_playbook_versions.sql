CREATE TABLE "playbook_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"playbook_id" text NOT NULL,
	"version" text NOT NULL,
	"sha256" text NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"applied_by" uuid,
	"applied_by_email" text NOT NULL,
	"source" text NOT NULL,
	"path" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remapped_statuses" integer DEFAULT 0 NOT NULL,
	"content" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "playbook_versions_effective_idx" ON "playbook_versions" USING btree ("effective_at","id");--> statement-breakpoint
-- Which playbook judged the portfolio when is a record like the audit log: never rewritten.
CREATE TRIGGER playbook_versions_append_only
  BEFORE UPDATE OR DELETE ON playbook_versions
  FOR EACH ROW EXECUTE FUNCTION unblock_refuse_audit_change();
--> statement-breakpoint
CREATE TRIGGER playbook_versions_no_truncate
  BEFORE TRUNCATE ON playbook_versions
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_refuse_audit_change();
