-- A playbook remap records the history facts of its rows itself, set-based (src/db/sql/remap-facts-sql.ts):
-- a remap row only renames the L2/L3 of its entitlement's last row, which the generic function would find
-- by walking each entitlement's whole history again. The remap's transaction says so with
-- SET LOCAL unblock.history_facts = 'caller'; every other insert fires the trigger as before. Only the
-- trigger's WHEN changes: unblock_history_facts_inserted() and unblock_record_history_facts() are untouched.
DROP TRIGGER status_history_facts ON status_history;--> statement-breakpoint
CREATE TRIGGER status_history_facts AFTER INSERT ON status_history
  REFERENCING NEW TABLE AS new_history
  FOR EACH STATEMENT
  WHEN (current_setting('unblock.history_facts', true) IS DISTINCT FROM 'caller')
  EXECUTE FUNCTION unblock_history_facts_inserted();--> statement-breakpoint
ALTER TABLE status_history ENABLE ALWAYS TRIGGER status_history_facts;
