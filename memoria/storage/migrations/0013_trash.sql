-- The trash (issue 15): items a custodian removed, restorable until the trash
-- is emptied. An item in the trash leaves every path out at once (lists,
-- search, facets, exports, editions, bags, exhibits): memoria.storage.items
-- lists live items only and the projection refuses a trashed one.
CREATE TABLE trash (
    item_id    INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    trashed_at TEXT NOT NULL,
    trashed_by TEXT NOT NULL
);

-- Emptying the trash deletes the catalogue rows in one transaction and lists
-- here the originals nothing else references; their files (and derived files)
-- are removed after the commit, and a kill meanwhile is finished at the next
-- writable open (memoria.storage.trash.finish_wipe).
CREATE TABLE trash_wipe (
    sha256 TEXT PRIMARY KEY,
    path   TEXT NOT NULL
) WITHOUT ROWID;
