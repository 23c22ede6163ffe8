-- A per-item summary of what the consent rules decide (memoria.domain.consent),
-- so lists, counts, work queues and audience filters are SQL at 100,000 items
-- instead of deciding every item in Python. Derived data: written only by
-- memoria.storage.consent_summary, from the rules, whenever consent changes;
-- filled for existing records on the first writable open after this migration.
CREATE TABLE consent_summary (
    item_id     INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,             -- the list badge (consent.badge)
    curator     INTEGER NOT NULL,          -- decide(CURATOR).allowed, default scope
    researcher  INTEGER NOT NULL,          -- decide(RESEARCHER).allowed
    public      INTEGER NOT NULL,          -- decide(PUBLIC).allowed
    valid_from  TEXT,                      -- holds for valid_from <= today < valid_until
    valid_until TEXT                       -- (embargo end dates; NULL: unbounded)
);
CREATE INDEX consent_summary_status ON consent_summary (status);
CREATE INDEX consent_summary_until ON consent_summary (valid_until);
CREATE INDEX consent_summary_from ON consent_summary (valid_from);

INSERT INTO settings (key, value) VALUES ('consent_summary.built', '0');
