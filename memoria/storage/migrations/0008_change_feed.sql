-- The change feed: every write appends one row per item it touched, in the
-- same transaction, saying what kind of change it was. Every process (the
-- window, the command line, the search index, later a team's workstations)
-- follows it by generation. Portable SQL: ADD COLUMN with a constant default.
ALTER TABLE changes ADD COLUMN kind TEXT NOT NULL DEFAULT 'items';
