ALTER TABLE "portfolio_syncs" ALTER COLUMN "report" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "portfolio_syncs" ADD COLUMN "allow_mass_end" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "portfolio_syncs" ADD COLUMN "state" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "portfolio_syncs" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "portfolio_syncs" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "portfolio_syncs" ADD CONSTRAINT "portfolio_syncs_state_check" CHECK ("portfolio_syncs"."state" in ('queued', 'running', 'done', 'failed'));--> statement-breakpoint
UPDATE "portfolio_syncs" SET "finished_at" = "at" WHERE "finished_at" IS NULL;