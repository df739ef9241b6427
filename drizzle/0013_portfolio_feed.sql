CREATE TABLE "portfolio_syncs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"full" boolean NOT NULL,
	"partial" boolean NOT NULL,
	"applied" boolean NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_points" (
	"tenant_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"date" date NOT NULL,
	"active_seats" integer NOT NULL,
	CONSTRAINT "usage_points_tenant_id_service_id_date_pk" PRIMARY KEY("tenant_id","service_id","date"),
	CONSTRAINT "usage_points_active_seats_check" CHECK ("usage_points"."active_seats" >= 0)
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "from_feed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "segment" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "entitlements" ADD COLUMN "purchased_seats" integer;--> statement-breakpoint
ALTER TABLE "entitlements" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "entitlements" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "entitlements" ADD COLUMN "resplit_needed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "entitlements" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "usage_points" ADD CONSTRAINT "usage_points_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_points" ADD CONSTRAINT "usage_points_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_syncs_at_idx" ON "portfolio_syncs" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_external_id_key" ON "tenants" USING btree ("external_id");