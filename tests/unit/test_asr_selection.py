"""Transcribing a selection replaces only that stretch's draft (a person's text and
the draft outside it stay, with their ids); each word's probability is kept with the
draft for the correction view, and goes with its segment. The real engine on a
selection, in its own process (the window's path), is the slow test at the end."""

from __future__ import annotations

import json

import pytest

from memoria.asr import drafts, engine, model
from memoria.domain.model import Kind, SegmentDraft
from memoria.operations import transcription
from memoria.storage import items as item_store
from memoria.storage.archive import utc_now
from memoria.storage.db import transaction

FIRST = [(0, 4000, "Me llamo Rosa y nací cerca del río."),
         (5000, 9000, "Mi familia cultivaba café en la montaña."),
         (10000, 14000, "Esa noche salimos caminando hacia la ciudad."),
         (15000, 19000, "Nunca pudimos volver a la casa.")]


def _chunks(archive, item_id, draft, words=None):
    with transaction(archive.conn):
        archive.conn.execute(
            "INSERT OR REPLACE INTO asr_jobs (item_id, media_sha256, model_sha256, language,"
            " chunks, started_at) VALUES (?, 'x', ?, 'es', 1, ?)",
            (item_id, model.BASE_SHA256, utc_now()))
        archive.conn.execute(
            "INSERT INTO asr_chunks (item_id, position, start_ms, end_ms, segments)"
            " VALUES (?, 0, 0, 20000, ?)",
            (item_id, json.dumps([{"start_ms": a, "end_ms": b, "text": t, "confidence": 0.8,
                                   "words": words or []} for a, b, t in draft])))


def _item(archive):
    return item_store.create_item(archive, item_store.ItemFields(kind=Kind.TESTIMONY,
                                                                 title="Testimonio"))


def test_a_selection_replaces_only_its_own_stretch(archive):
    item = _item(archive)
    _chunks(archive, item, FIRST)
    drafts.write_draft(archive, item)
    before = {s.text: s.id for s in item_store.segments_of(archive, item)}
    # The person corrected the third segment; it is theirs now.
    segs = item_store.segments_of(archive, item)
    segs[2] = SegmentDraft(start_ms=10000, end_ms=14000, text="Esa noche salimos a pie.")
    item_store.save_segments(archive, item, segs)
    # A second run over 4.5 s .. 14.5 s: the second segment is drafted again, the person's
    # third is left alone, the first and fourth (outside the selection) keep their ids.
    _chunks(archive, item, [(5200, 8800, "Mi familia sembraba café en la montaña."),
                            (10100, 13900, "Esa noche salimos caminando.")])
    assert drafts.write_draft(archive, item, (4500, 14500)) == 1
    after = item_store.segments_of(archive, item)
    assert [s.text for s in after] == [FIRST[0][2], "Mi familia sembraba café en la montaña.",
                                       "Esa noche salimos a pie.", FIRST[3][2]]
    assert after[0].id == before[FIRST[0][2]] and after[3].id == before[FIRST[3][2]]
    assert [s.automatic for s in after] == [True, True, False, True]


def test_a_segment_mostly_outside_the_selection_stays(archive):
    item = _item(archive)
    _chunks(archive, item, FIRST)
    drafts.write_draft(archive, item)
    _chunks(archive, item, [(3000, 8000, "Río. Mi familia sembraba café.")])
    drafts.write_draft(archive, item, (3500, 9500))
    texts = [s.text for s in item_store.segments_of(archive, item)]
    # 0-4 s lies mostly before 3.5 s: kept; the new draft (3-8 s) overlaps it by less
    # than half its length, so it is written too; the old 5-9 s segment was replaced.
    assert texts[0] == FIRST[0][2] and "Río. Mi familia sembraba café." in texts
    assert FIRST[1][2] not in texts


def test_word_probabilities_are_kept_with_the_draft_and_go_with_the_segment(archive):
    item = _item(archive)
    text = FIRST[0][2]
    words = [[0, 2, 0.98], [3, 8, 0.31], [9, 13, 0.95]]
    _chunks(archive, item, FIRST[:1], words)
    drafts.write_draft(archive, item)
    [seg] = item_store.segments_of(archive, item)
    marks = transcription.word_marks(archive, item)
    assert marks == {seg.id: [(0, 2, 0.98), (3, 8, 0.31), (9, 13, 0.95)]}
    assert text[3:8] == "llamo"
    transcription.confirm(archive, archive_actor(), item, [seg.id])
    assert transcription.word_marks(archive, item) == {}   # a checked segment: no marks
    item_store.save_segments(archive, item, [])
    assert archive.conn.execute("SELECT COUNT(*) FROM asr_words").fetchone()[0] == 0


def archive_actor():
    from memoria.operations.actor import Actor

    return Actor.local()


def test_a_long_segment_split_at_sentences_keeps_its_words_in_place():
    text = "Primera frase aquí. Segunda frase allá."
    seg = engine.DraftSegment(0, 40_000, text, 0.7,
                              ((0, 7, 0.9), (8, 13, 0.2), (20, 27, 0.4), (34, 38, 0.99)))
    first, second = engine._split_long(seg)
    assert [first.text[a:b] for a, b, _ in first.words] == ["Primera", "frase"]
    assert [second.text[a:b] for a, b, _ in second.words] == ["Segunda", "allá"]


@pytest.mark.slow
def test_the_window_engine_transcribes_a_selection_in_its_own_process(archive, tmp_path):
    """The real model in a child process (the window's engine) on the third and fourth
    sentences only: their words are found, the first sentence's are not."""
    from memoria.importing.importer import ImportOptions, import_paths
    from tests.unit import asr_support as sup

    folder, sha = sup.real_model()
    spoken = sup.speak(sup.SPANISH[:5], "es", tmp_path / "cinco.wav")
    [outcome] = import_paths(archive, [spoken.path],
                             ImportOptions(kind=Kind.TESTIMONY)).outcomes
    eng = transcription.ProcessEngine(folder, sha)
    try:
        span = (spoken.starts_ms[2] - 300, spoken.starts_ms[4] - 300)
        result = transcription.transcribe(archive, archive_actor(), outcome.item_id, eng,
                                          "es", span=span).value
    finally:
        eng.close()
    assert result.finished
    segs = item_store.segments_of(archive, outcome.item_id)
    text = " ".join(s.text for s in segs).lower()
    assert "hombres" in text and "ciudad" in text and "rosa" not in text
    assert all(span[0] - 500 <= s.start_ms and (s.end_ms or 0) <= span[1] + 500 for s in segs)
    marks = transcription.word_marks(archive, outcome.item_id)
    assert marks and all(0 <= p <= 1 for ws in marks.values() for _a, _b, p in ws)
