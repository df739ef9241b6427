-- A restore moves every sequence owned by a column past that column's largest value
-- (db/infra/table-dump.ts): so note_search_seq, or a new mark could take the seq of a restored
-- one and unblock_index_notes strike it off unread.
ALTER SEQUENCE note_search_seq OWNED BY note_search_pending.seq;
