CREATE TABLE "escalation_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"escalation_id" uuid NOT NULL,
	"entitlement_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	CONSTRAINT "escalation_events_kind_check" CHECK ("escalation_events"."kind" in ('opened', 'acknowledged', 'resolved', 'declined', 'commented'))
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entitlement_id" uuid NOT NULL,
	"group_name" text NOT NULL,
	"l1" text NOT NULL,
	"l2" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"message" text NOT NULL,
	"rule" text,
	"spell_start" timestamp with time zone,
	"due_on" date NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"decline_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "escalations_state_check" CHECK ("escalations"."state" in ('open', 'acknowledged', 'resolved', 'declined')),
	CONSTRAINT "escalations_rule_check" CHECK ("escalations"."rule" is null or "escalations"."rule" in ('target_slipped', 'blocked_too_long'))
);
--> statement-breakpoint
CREATE TABLE "resolver_group_members" (
	"group_name" text NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" uuid,
	CONSTRAINT "resolver_group_members_group_name_user_id_pk" PRIMARY KEY("group_name","user_id")
);
--> statement-breakpoint
CREATE TABLE "resolver_groups" (
	"name" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "escalation_events" ADD CONSTRAINT "escalation_events_escalation_id_escalations_id_fk" FOREIGN KEY ("escalation_id") REFERENCES "public"."escalations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_events" ADD CONSTRAINT "escalation_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_entitlement_id_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."entitlements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolver_group_members" ADD CONSTRAINT "resolver_group_members_group_name_resolver_groups_name_fk" FOREIGN KEY ("group_name") REFERENCES "public"."resolver_groups"("name") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "resolver_group_members" ADD CONSTRAINT "resolver_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolver_group_members" ADD CONSTRAINT "resolver_group_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalation_events_escalation_idx" ON "escalation_events" USING btree ("escalation_id","id");--> statement-breakpoint
CREATE INDEX "escalation_events_entitlement_idx" ON "escalation_events" USING btree ("entitlement_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_rule_spell_key" ON "escalations" USING btree ("entitlement_id","rule","spell_start") WHERE rule is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_active_key" ON "escalations" USING btree ("entitlement_id","group_name") WHERE rule is null and state in ('open', 'acknowledged');--> statement-breakpoint
CREATE INDEX "escalations_group_state_idx" ON "escalations" USING btree ("group_name","state","opened_at");--> statement-breakpoint
CREATE INDEX "escalations_state_idx" ON "escalations" USING btree ("state","opened_at");--> statement-breakpoint
CREATE INDEX "escalations_entitlement_idx" ON "escalations" USING btree ("entitlement_id","opened_at");--> statement-breakpoint
CREATE INDEX "resolver_group_members_user_idx" ON "resolver_group_members" USING btree ("user_id");--> statement-breakpoint
-- An escalation's events are its history: they are added to, never rewritten.
CREATE OR REPLACE FUNCTION unblock_refuse_escalation_event_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'escalation_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER escalation_events_append_only
  BEFORE UPDATE ON escalation_events
  FOR EACH ROW EXECUTE FUNCTION unblock_refuse_escalation_event_change();
