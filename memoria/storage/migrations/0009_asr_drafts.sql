-- Draft transcripts from speech (issue 14).
-- A segment the engine wrote is automatic (1) until a person confirms or edits it;
-- confidence is the engine's (0..1), NULL for text a person typed.
ALTER TABLE segments ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0
    CHECK (automatic IN (0, 1));
ALTER TABLE segments ADD COLUMN confidence REAL;

-- One transcription job per item: what it transcribes with, so a resumed job
-- keeps only chunks made from the same recording, model and language.
CREATE TABLE asr_jobs (
    item_id      INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    media_sha256 TEXT NOT NULL,
    model_sha256 TEXT NOT NULL,
    language     TEXT NOT NULL,
    chunks       INTEGER NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT
);

-- Finished chunks, kept so a cancelled or killed job resumes where it stopped.
CREATE TABLE asr_chunks (
    item_id  INTEGER NOT NULL REFERENCES asr_jobs (item_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms   INTEGER NOT NULL,
    segments TEXT NOT NULL,          -- JSON list of {start_ms, end_ms, text, confidence}
    PRIMARY KEY (item_id, position)
);

-- Whether researchers and the public receive unchecked drafts (the custodian's choice).
INSERT INTO settings (key, value) VALUES ('asr.drafts_outside', '0');
