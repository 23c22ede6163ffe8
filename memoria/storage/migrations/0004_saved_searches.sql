-- Saved searches: a named query with its facet filters, for one audience.
-- The audience is part of the search: a researcher's saved search runs as a
-- researcher, whoever opens it. Filters are JSON ({"kind": "testimony", ...}).
CREATE TABLE saved_searches (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    query      TEXT NOT NULL DEFAULT '',
    filters    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filters)),
    audience   TEXT NOT NULL CHECK (audience IN ('custodian', 'curator', 'researcher', 'public')),
    sort       TEXT NOT NULL DEFAULT 'relevance' CHECK (sort IN ('relevance', 'date', 'accession')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (name, audience)
);
