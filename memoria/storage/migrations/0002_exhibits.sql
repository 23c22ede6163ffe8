-- Exhibits: ordered, sectioned selections of items, testimony segments and
-- quotations, with curatorial texts in Spanish and optionally English.
-- Plus the anonymisation data the exports (and the media tools) apply:
-- blur regions of photographs and redacted spans of transcript segments.

CREATE TABLE exhibits (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),  -- handle for scripts
    title_es    TEXT NOT NULL CHECK (length(trim(title_es)) > 0),
    title_en    TEXT NOT NULL DEFAULT '',
    subtitle_es TEXT NOT NULL DEFAULT '',
    subtitle_en TEXT NOT NULL DEFAULT '',
    intro_es    TEXT NOT NULL DEFAULT '',
    intro_en    TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',  -- internal: never exported
    scope       TEXT NOT NULL DEFAULT 'exhibition'
                CHECK (scope IN ('exhibition', 'publication_print', 'publication_online')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE exhibit_sections (
    id         INTEGER PRIMARY KEY,
    exhibit_id INTEGER NOT NULL REFERENCES exhibits (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title_es   TEXT NOT NULL CHECK (length(trim(title_es)) > 0),
    title_en   TEXT NOT NULL DEFAULT '',
    intro_es   TEXT NOT NULL DEFAULT '',
    intro_en   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exhibit_sections_by_exhibit ON exhibit_sections (exhibit_id, position);

-- kind: 'item' (the whole item), 'segment' (a time-coded part of a testimony),
-- 'quote' (words quoted from one segment's transcript). A segment removed from
-- the transcript leaves segment_id NULL: the check then reports the entry.
CREATE TABLE exhibit_entries (
    id         INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES exhibit_sections (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    item_id    INTEGER NOT NULL REFERENCES items (id),
    kind       TEXT NOT NULL CHECK (kind IN ('item', 'segment', 'quote')),
    segment_id INTEGER REFERENCES segments (id) ON DELETE SET NULL,
    quote      TEXT NOT NULL DEFAULT '',
    caption_es TEXT NOT NULL DEFAULT '',
    caption_en TEXT NOT NULL DEFAULT '',
    text_es    TEXT NOT NULL DEFAULT '',
    text_en    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (kind != 'quote' OR length(trim(quote)) > 0)
);
CREATE INDEX exhibit_entries_by_section ON exhibit_entries (section_id, position);
CREATE INDEX exhibit_entries_by_item ON exhibit_entries (item_id);

-- Regions to blur in a photograph, as fractions (0..1) of the upright picture,
-- keyed by the original's SHA-256 so they hold for every copy of those bytes.
CREATE TABLE photo_blur_regions (
    id         INTEGER PRIMARY KEY,
    sha256     TEXT NOT NULL REFERENCES blobs (sha256),
    x          REAL NOT NULL CHECK (x >= 0 AND x < 1),
    y          REAL NOT NULL CHECK (y >= 0 AND y < 1),
    w          REAL NOT NULL CHECK (w > 0 AND x + w <= 1.000001),
    h          REAL NOT NULL CHECK (h > 0 AND y + h <= 1.000001),
    label      TEXT NOT NULL DEFAULT '',  -- internal ("face", "house number")
    created_at TEXT NOT NULL
);
CREATE INDEX photo_blur_regions_by_sha ON photo_blur_regions (sha256);

-- Spans of a segment's transcript (character offsets into segments.text,
-- end exclusive) replaced on every way out.
CREATE TABLE redactions (
    id          INTEGER PRIMARY KEY,
    segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    start_char  INTEGER NOT NULL CHECK (start_char >= 0),
    end_char    INTEGER NOT NULL CHECK (end_char > start_char),
    replacement TEXT NOT NULL DEFAULT '[…]',
    created_at  TEXT NOT NULL
);
CREATE INDEX redactions_by_segment ON redactions (segment_id);
