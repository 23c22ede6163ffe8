-- Protected names (issue 12): a person or a term a custodian marked, with its
-- replacement and the confirmed variants to catch on every path out. People
-- whose consent asks for a pseudonym or redaction are protected without a row;
-- a row for them only holds the variants a custodian confirmed.
CREATE TABLE protections (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER REFERENCES people (id),
    term        TEXT CHECK (term IS NULL OR length(trim(term)) > 0),
    replacement TEXT NOT NULL DEFAULT '',
    variants    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(variants)),
    confirmed   INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((person_id IS NULL) <> (term IS NULL))
);
CREATE UNIQUE INDEX protections_person ON protections (person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX protections_term ON protections (term COLLATE NOCASE) WHERE term IS NOT NULL;
