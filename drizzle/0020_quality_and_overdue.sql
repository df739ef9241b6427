CREATE TABLE "next_action_overdue_raised" (
	"entitlement_id" uuid NOT NULL,
	"next_action_date" date NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "next_action_overdue_raised_entitlement_id_next_action_date_pk" PRIMARY KEY("entitlement_id","next_action_date")
);
--> statement-breakpoint
CREATE TABLE "quality_note_checks" (
	"entitlement_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"basis" text NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "next_action_overdue_raised" ADD CONSTRAINT "next_action_overdue_raised_entitlement_id_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."entitlements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_note_checks" ADD CONSTRAINT "quality_note_checks_entitlement_id_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."entitlements"("id") ON DELETE cascade ON UPDATE no action;