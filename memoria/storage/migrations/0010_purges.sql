-- Forgetting on request (supresión, Ley 1581 de 2012; issue 13).
-- A purge is first requested, then carried out by a second custodian's
-- confirmation or after a waiting period; it can be cancelled until then.
-- The row keeps no personal data once carried out: the reason is rewritten
-- with the person's names replaced, and the files list is emptied when the
-- disk part (originals, derived files, index, automatic copies) is done.
--   state    pending: waiting; cancelled; wiping: the catalogue part is
--            committed, the disk part is not finished (resumed at the next
--            writable open); done
--   targets  JSON {"items": [...]} or {"person": N, "shared_purge": [...]}
--   purged   JSON list of the item ids removed (numbers only)
--   files    JSON list of relative paths still to remove from the disk
CREATE TABLE purges (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL CHECK (kind IN ('items', 'person')),
    targets           TEXT NOT NULL CHECK (json_valid(targets)),
    reason            TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    basis             TEXT NOT NULL CHECK (length(trim(basis)) > 0),
    request_ref       TEXT NOT NULL DEFAULT '',
    requested_at      TEXT NOT NULL,
    requested_by      TEXT NOT NULL,
    requested_account TEXT NOT NULL DEFAULT '',  -- the unlocked account ('' without accounts)
    not_before        TEXT NOT NULL,             -- end of the waiting period (UTC)
    state             TEXT NOT NULL DEFAULT 'pending'
                      CHECK (state IN ('pending', 'cancelled', 'wiping', 'done')),
    confirmed_by      TEXT,
    confirmed_account TEXT,
    closed_at         TEXT,                      -- carried out or cancelled
    closed_by         TEXT,
    purged            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(purged)),
    files             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(files)),
    tombstone         INTEGER                    -- its audit_log row
);
CREATE INDEX purges_state ON purges (state);

-- Present only inside the transaction that carries out a purge: the one path
-- allowed to rewrite the append-only history and delete consent records.
CREATE TABLE purge_permit (
    purge_id INTEGER PRIMARY KEY REFERENCES purges (id)
);

CREATE TRIGGER purge_permit_only_when_due BEFORE INSERT ON purge_permit
WHEN NOT EXISTS (SELECT 1 FROM purges WHERE id = NEW.purge_id AND state = 'pending'
                 AND (confirmed_by IS NOT NULL
                      OR not_before <= strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')))
BEGIN
    SELECT RAISE(ABORT, 'a purge must be confirmed or past its waiting period');
END;

-- The audit log stays append-only: a purge may rewrite only the details of a
-- row (into a reference to its tombstone), never delete one or change who,
-- when or what was done.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM purge_permit)
     OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
     OR NEW.entity_type IS NOT OLD.entity_type OR NEW.entity_id IS NOT OLD.entity_id
     OR NEW.item_id IS NOT OLD.item_id OR NEW.action IS NOT OLD.action
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The consent history: a purge folds a purged person's events into its
-- tombstone (their count) and rewrites names in the others' free text.
DROP TRIGGER consent_events_no_update;
CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
WHEN NOT EXISTS (SELECT 1 FROM purge_permit)
     OR NEW.id IS NOT OLD.id OR NEW.consent_id IS NOT OLD.consent_id OR NEW.at IS NOT OLD.at
     OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action
     OR NEW.status IS NOT OLD.status
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;
DROP TRIGGER consent_events_no_delete;
CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
WHEN NOT EXISTS (SELECT 1 FROM purge_permit)
BEGIN
    SELECT RAISE(ABORT, 'consent events are append-only');
END;
DROP TRIGGER consents_no_delete;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
WHEN NOT EXISTS (SELECT 1 FROM purge_permit)
BEGIN
    SELECT RAISE(ABORT, 'consent records are never deleted');
END;

INSERT INTO settings (key, value) VALUES ('purge.waiting_days', '3');
