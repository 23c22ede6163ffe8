-- The engine's probability of each word of an automatic segment (issue 14), so the
-- correction view marks the words to listen to. Gone with the segment.
CREATE TABLE asr_words (
    segment_id INTEGER PRIMARY KEY REFERENCES segments (id) ON DELETE CASCADE,
    words      TEXT NOT NULL         -- JSON list of [first char, end char, probability]
);
