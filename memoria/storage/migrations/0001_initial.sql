-- Memoria catalogue, schema 1.
-- Every path stored here is relative to the archive folder.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE accession_counters (
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (kind, year)
);

CREATE TABLE items (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('testimony', 'photograph', 'audio')),
    accession   TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    title_key   TEXT NOT NULL DEFAULT '',  -- Spanish sort key (ñ after n, accents ignored)
    description TEXT NOT NULL DEFAULT '',
    date_edtf   TEXT,
    date_start  TEXT,   -- ISO date: earliest day the uncertain date covers
    date_end    TEXT,   -- ISO date: latest day
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX items_kind ON items (kind);
CREATE INDEX items_date ON items (date_start);
CREATE INDEX items_title ON items (title_key);
CREATE INDEX items_accession_kind ON items (kind, accession);

CREATE TABLE item_languages (
    item_id  INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (item_id, language)
);

CREATE TABLE places (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('country', 'department', 'municipality',
                                             'comuna', 'neighbourhood', 'vereda')),
    parent_id INTEGER REFERENCES places (id),
    UNIQUE (name, kind, parent_id)
);

CREATE TABLE item_places (
    item_id  INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    place_id INTEGER NOT NULL REFERENCES places (id),
    PRIMARY KEY (item_id, place_id)
);

CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    pseudonym  TEXT,
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX people_name ON people (name COLLATE NOCASE);

CREATE TABLE item_people (
    item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    role      TEXT NOT NULL CHECK (role IN ('narrator', 'interviewer', 'depicted',
                                            'photographer', 'author')),
    PRIMARY KEY (item_id, person_id, role)
);
CREATE INDEX item_people_person ON item_people (person_id);

CREATE TABLE subjects (
    id        INTEGER PRIMARY KEY,
    term      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    parent_id INTEGER REFERENCES subjects (id)
);

CREATE TABLE item_subjects (
    item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    subject_id INTEGER NOT NULL REFERENCES subjects (id),
    PRIMARY KEY (item_id, subject_id)
);

-- One row per distinct content (same bytes are stored once).
CREATE TABLE blobs (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL,
    path       TEXT NOT NULL UNIQUE,  -- relative: media/ab/<sha256>.<ext>
    mime       TEXT NOT NULL,
    format     TEXT NOT NULL,
    technical  TEXT NOT NULL DEFAULT '{}',  -- JSON: dimensions, duration, codec...
    added_at   TEXT NOT NULL,
    fixity_ok  INTEGER,           -- NULL never checked, 1 ok, 0 failed
    fixity_at  TEXT
);

CREATE TABLE media_files (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL REFERENCES blobs (sha256),
    original_name TEXT NOT NULL,
    position      INTEGER NOT NULL DEFAULT 0,
    added_at      TEXT NOT NULL,
    UNIQUE (item_id, sha256)
);
CREATE INDEX media_files_sha ON media_files (sha256);

CREATE TABLE segments (
    id       INTEGER PRIMARY KEY,
    item_id  INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
    end_ms   INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
    speaker  TEXT NOT NULL DEFAULT '',
    text     TEXT NOT NULL DEFAULT '',
    title    TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT ''
);
CREATE INDEX segments_item ON segments (item_id, position);

CREATE TABLE consents (
    id                INTEGER PRIMARY KEY,
    person_id         INTEGER NOT NULL REFERENCES people (id),
    status            TEXT NOT NULL CHECK (status IN ('pending', 'granted', 'restricted',
                                                      'withdrawn', 'superseded')),
    scopes            TEXT NOT NULL DEFAULT '',   -- space-separated scope names
    embargo_until     TEXT,
    embargo_reviewed_at TEXT,
    review_date       TEXT,
    anonymisation     TEXT NOT NULL DEFAULT '',   -- space-separated requirement names
    pseudonym         TEXT,
    provenance_method TEXT CHECK (provenance_method IS NULL OR
                                  provenance_method IN ('signed_form', 'verbal_recorded')),
    obtained_by       TEXT NOT NULL DEFAULT '',
    obtained_at       TEXT,
    witness           TEXT NOT NULL DEFAULT '',
    form_sha256       TEXT REFERENCES blobs (sha256),  -- internal-only scan
    superseded_by     INTEGER REFERENCES consents (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX consents_person ON consents (person_id);

CREATE TABLE consent_items (
    consent_id INTEGER NOT NULL REFERENCES consents (id),
    item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    PRIMARY KEY (consent_id, item_id)
);
CREATE INDEX consent_items_item ON consent_items (item_id);

-- When present for a consent, that consent covers only these segments.
CREATE TABLE consent_segments (
    consent_id INTEGER NOT NULL REFERENCES consents (id),
    segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    PRIMARY KEY (consent_id, segment_id)
);

-- Consent records are never deleted: a withdrawal is a status, not a deletion.
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN
    SELECT RAISE(ABORT, 'consent records are never deleted');
END;

CREATE TABLE consent_events (
    id         INTEGER PRIMARY KEY,
    consent_id INTEGER NOT NULL REFERENCES consents (id),
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    status     TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    details    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX consent_events_consent ON consent_events (consent_id);

CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;
CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;

-- The audit trail: every change to items, people, media and consent.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   INTEGER,
    item_id     INTEGER,   -- the item this concerns, for an item's history tab
    action      TEXT NOT NULL,
    details     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_item ON audit_log (item_id);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Bumped on every catalogue change, so the search index knows when it is stale.
CREATE TABLE changes (
    generation INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id    INTEGER,
    at         TEXT NOT NULL
);

INSERT INTO settings (key, value) VALUES
    ('prefix.testimony', 'T'),
    ('prefix.photograph', 'F'),
    ('prefix.audio', 'A');
