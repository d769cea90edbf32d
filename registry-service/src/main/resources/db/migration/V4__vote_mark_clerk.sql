-- A vote mark is its own audit record: it now names the caller who made it (the clerk's token
-- subject), beside its time, station and request_id. Marks made before this column existed
-- keep an empty name.
ALTER TABLE vote_mark ADD COLUMN marked_by text NOT NULL DEFAULT '';
ALTER TABLE mark_conflict ADD COLUMN marked_by text NOT NULL DEFAULT '';
