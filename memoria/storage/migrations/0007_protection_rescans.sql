-- A change of who is protected (a consent asking for a pseudonym, a custodian's
-- mark) lists the variants whose mentions must be re-indexed; the search index
-- reads the rows newer than its generation and re-reads every item mentioning them.
CREATE TABLE protection_rescans (
    generation INTEGER PRIMARY KEY,
    variants   TEXT NOT NULL CHECK (json_valid(variants))
);
