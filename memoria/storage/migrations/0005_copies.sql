-- The register of copies: every bag, exhibit export, edition, backup and
-- transcript export that left the archive, with what it holds and for whom.
-- A withdrawal or re-embargo is compared with it to say which copies outside
-- the archive must be recalled (memoria.storage.copies).
--   generation  the catalogue generation the copy was read at: only items
--               changed after it can need recalling
--   all_items   1 for a backup (it holds the whole catalogue; no item rows)
--   superseded_by  a later copy written over the same destination (an
--               edition refresh, an exhibit re-export, the next backup)
CREATE TABLE copies (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('bag', 'exhibit', 'edition', 'backup',
                                                'transcript')),
    audience      TEXT NOT NULL CHECK (audience IN ('custodian', 'curator', 'researcher',
                                                    'public')),
    scope         TEXT,
    dest          TEXT NOT NULL CHECK (length(dest) > 0),
    label         TEXT NOT NULL DEFAULT '',
    made_at       TEXT NOT NULL,
    made_by       TEXT NOT NULL,
    generation    INTEGER NOT NULL DEFAULT 0,
    all_items     INTEGER NOT NULL DEFAULT 0 CHECK (all_items IN (0, 1)),
    item_count    INTEGER NOT NULL DEFAULT 0,
    superseded_by INTEGER REFERENCES copies (id)
);
CREATE INDEX copies_dest ON copies (kind, dest);

-- Which items a copy holds (no foreign key: the copy still holds an item
-- the catalogue later deletes).
CREATE TABLE copy_items (
    copy_id INTEGER NOT NULL REFERENCES copies (id),
    item_id INTEGER NOT NULL,
    PRIMARY KEY (copy_id, item_id)
) WITHOUT ROWID;
CREATE INDEX copy_items_item ON copy_items (item_id);

-- An item a custodian has recalled from a copy (or confirmed gone from it):
-- it leaves the recall queue.
CREATE TABLE copy_recalls (
    copy_id     INTEGER NOT NULL REFERENCES copies (id),
    item_id     INTEGER NOT NULL,
    recalled_at TEXT NOT NULL,
    recalled_by TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (copy_id, item_id)
) WITHOUT ROWID;
