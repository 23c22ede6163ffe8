-- The items a person purge kept but rewrote (their name became a redaction):
-- copies made before the purge still hold the name, so the register of copies
-- asks for them back (memoria.storage.copies, reason "purged_name").
ALTER TABLE purges ADD COLUMN redacted TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(redacted));
