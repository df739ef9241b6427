-- Free text over notes moves off status_segments (docs/PERFORMANCE.md). Its trigram index took about
-- a hundred entries per changed note and, being an index on the note, made every note edit update the
-- segment's row out of place, with an entry in each of its other eight indexes: a fifth to a quarter
-- of a status write's database CPU. Now a write only marks its entitlement in note_search_pending;
-- unblock_index_notes, run by every server every few seconds, copies the notes of marked entitlements
-- into note_search, whose trigram index the search uses. The search reads marked entitlements' notes
-- from their segments instead (sql/text-matches.ts), so it never misses or keeps a stale note.
CREATE TABLE "note_search" (
	"entitlement_id" uuid PRIMARY KEY NOT NULL,
	"notes" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_search_pending" (
	"entitlement_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE SEQUENCE note_search_seq;--> statement-breakpoint
-- Marks the entitlements whose notes a statement on status_segments changed. Each mark takes a new
-- seq, so unblock_index_notes can tell a mark it read from one a later change left.
CREATE FUNCTION unblock_segment_notes_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO note_search_pending AS p (entitlement_id, seq)
    SELECT c.entitlement_id, nextval('note_search_seq')
      FROM (SELECT DISTINCT entitlement_id FROM new_segments WHERE note <> '' ORDER BY entitlement_id) c
    ON CONFLICT (entitlement_id) DO UPDATE SET seq = excluded.seq;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO note_search_pending AS p (entitlement_id, seq)
    SELECT c.entitlement_id, nextval('note_search_seq')
      FROM (SELECT DISTINCT entitlement_id FROM old_segments WHERE note <> '' ORDER BY entitlement_id) c
    ON CONFLICT (entitlement_id) DO UPDATE SET seq = excluded.seq;
  ELSE
    INSERT INTO note_search_pending AS p (entitlement_id, seq)
    SELECT c.entitlement_id, nextval('note_search_seq')
      FROM (SELECT DISTINCT n.entitlement_id FROM new_segments n JOIN old_segments o ON o.id = n.id
             WHERE n.note IS DISTINCT FROM o.note ORDER BY n.entitlement_id) c
    ON CONFLICT (entitlement_id) DO UPDATE SET seq = excluded.seq;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER status_segments_notes_insert AFTER INSERT ON status_segments
  REFERENCING NEW TABLE AS new_segments
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_segment_notes_changed();--> statement-breakpoint
CREATE TRIGGER status_segments_notes_update AFTER UPDATE ON status_segments
  REFERENCING OLD TABLE AS old_segments NEW TABLE AS new_segments
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_segment_notes_changed();--> statement-breakpoint
CREATE TRIGGER status_segments_notes_delete AFTER DELETE ON status_segments
  REFERENCING OLD TABLE AS old_segments
  FOR EACH STATEMENT EXECUTE FUNCTION unblock_segment_notes_changed();--> statement-breakpoint
ALTER TABLE status_segments ENABLE ALWAYS TRIGGER status_segments_notes_insert;--> statement-breakpoint
ALTER TABLE status_segments ENABLE ALWAYS TRIGGER status_segments_notes_update;--> statement-breakpoint
ALTER TABLE status_segments ENABLE ALWAYS TRIGGER status_segments_notes_delete;--> statement-breakpoint
-- Takes up to `most` marked entitlements (the oldest ids first) into note_search: their notes as they
-- are in this statement's snapshot, or no row when none is left. A mark is struck off only while its
-- seq is still the one read: a change committed meanwhile re-marked it, and the next call takes it.
-- Returns how many it took, so a caller can go on while that is `most`.
CREATE FUNCTION unblock_index_notes(most integer) RETURNS integer AS $$
DECLARE
  taken integer;
BEGIN
  WITH batch AS MATERIALIZED (
    SELECT entitlement_id, seq FROM note_search_pending ORDER BY entitlement_id LIMIT most
  ), current AS MATERIALIZED (
    SELECT b.entitlement_id, string_agg(s.note, E'\n' ORDER BY s.position) FILTER (WHERE s.note <> '') AS notes
      FROM batch b LEFT JOIN status_segments s ON s.entitlement_id = b.entitlement_id
     GROUP BY b.entitlement_id
  ), dropped AS (
    DELETE FROM note_search n USING current c WHERE n.entitlement_id = c.entitlement_id AND c.notes IS NULL
  ), kept AS (
    INSERT INTO note_search AS n (entitlement_id, notes)
    SELECT entitlement_id, notes FROM current WHERE notes IS NOT NULL ORDER BY entitlement_id
    ON CONFLICT (entitlement_id) DO UPDATE SET notes = excluded.notes WHERE n.notes IS DISTINCT FROM excluded.notes
  ), struck AS (
    DELETE FROM note_search_pending p USING batch b WHERE p.entitlement_id = b.entitlement_id AND p.seq = b.seq
  )
  SELECT count(*) INTO taken FROM batch;
  RETURN taken;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
INSERT INTO note_search (entitlement_id, notes)
SELECT entitlement_id, string_agg(note, E'\n' ORDER BY position)
  FROM status_segments WHERE note <> '' GROUP BY entitlement_id;--> statement-breakpoint
DROP INDEX "status_segments_note_trgm_idx";--> statement-breakpoint
CREATE INDEX "note_search_notes_trgm_idx" ON "note_search" USING gin ("notes" gin_trgm_ops);
