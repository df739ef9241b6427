CREATE TABLE "recheck_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_item_id" uuid NOT NULL,
	"entitlement_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"entitlement_version" integer NOT NULL,
	"seats" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"dismissed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "work_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"external_url" text,
	"state" text DEFAULT 'proposed' NOT NULL,
	"l2" text NOT NULL,
	"l3" text,
	"service_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_date" date,
	"shipped_date" date,
	"shipped_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "work_items_state_check" CHECK ("work_items"."state" in ('proposed', 'planned', 'in_development', 'shipped')),
	CONSTRAINT "work_items_shipped_check" CHECK (("work_items"."state" = 'shipped') = ("work_items"."shipped_at" is not null and "work_items"."shipped_date" is not null))
);
--> statement-breakpoint
ALTER TABLE "recheck_items" ADD CONSTRAINT "recheck_items_work_item_id_work_items_id_fk" FOREIGN KEY ("work_item_id") REFERENCES "public"."work_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recheck_items" ADD CONSTRAINT "recheck_items_entitlement_id_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."entitlements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recheck_items" ADD CONSTRAINT "recheck_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recheck_items_key" ON "recheck_items" USING btree ("work_item_id","entitlement_id","user_id");--> statement-breakpoint
CREATE INDEX "recheck_items_open_idx" ON "recheck_items" USING btree ("user_id") WHERE dismissed_at is null;--> statement-breakpoint
CREATE INDEX "recheck_items_entitlement_idx" ON "recheck_items" USING btree ("entitlement_id");--> statement-breakpoint
CREATE INDEX "work_items_taxonomy_idx" ON "work_items" USING btree ("l2","l3");--> statement-breakpoint
CREATE INDEX "work_items_external_url_idx" ON "work_items" USING btree ("external_url");