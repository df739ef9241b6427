CREATE INDEX "blocked_day_cells_day_idx" ON "blocked_day_cells" USING btree ("day");--> statement-breakpoint
CREATE INDEX "blocked_day_holders_day_idx" ON "blocked_day_holders" USING btree ("day");