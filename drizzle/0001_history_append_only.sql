-- Status history is an audit trail: nobody, not even the application, may rewrite it.
CREATE OR REPLACE FUNCTION unblock_refuse_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'status_history is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER status_history_append_only
  BEFORE UPDATE OR DELETE ON status_history
  FOR EACH ROW EXECUTE FUNCTION unblock_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER status_history_no_truncate
  BEFORE TRUNCATE ON status_history
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_refuse_history_change();
