ALTER TABLE "status_segments" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "status_segments" ADD COLUMN "owner_team" text;--> statement-breakpoint
ALTER TABLE "status_segments" ADD CONSTRAINT "status_segments_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_segments_owner_user_idx" ON "status_segments" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "status_segments_owner_team_idx" ON "status_segments" USING btree ("owner_team");--> statement-breakpoint
-- Backfill (docs/OWNERS.md). A text owner naming a role of the default playbook, by name or id and in
-- any case, becomes that team, its text the role's name (which the view shows). The role names are
-- written here because a migration cannot read the playbook; owners written later resolve against
-- the active playbook.
UPDATE "status_segments" AS s SET "owner_team" = r.id, "owner" = r.name
  FROM (VALUES ('team_lead', 'Team Lead'), ('assignment_fm', 'Assignment FM'), ('delivery_fm', 'Delivery FM'),
    ('fasttrack_engineer', 'FastTrack Engineer'), ('account_team', 'Account Team'), ('partner', 'Partner'),
    ('engineering', 'Engineering'), ('viewer', 'Viewer')) AS r(id, name)
  WHERE s."owner" IS NOT NULL AND lower(btrim(s."owner")) IN (lower(r.id), lower(r.name));--> statement-breakpoint
-- A text owner equal to exactly one user's name or email becomes that person; any other stays text.
UPDATE "status_segments" AS s SET "owner_user_id" = m.user_id
  FROM (SELECT lower(btrim(s2."owner")) AS owner_key, min(u.id::text)::uuid AS user_id
          FROM (SELECT DISTINCT "owner" FROM "status_segments" WHERE "owner" IS NOT NULL AND "owner_team" IS NULL) s2
          JOIN "users" u ON lower(btrim(s2."owner")) IN (lower(u.name), lower(u.email))
         GROUP BY lower(btrim(s2."owner"))
        HAVING count(DISTINCT u.id) = 1) AS m
  WHERE s."owner_team" IS NULL AND s."owner" IS NOT NULL AND lower(btrim(s."owner")) = m.owner_key;
