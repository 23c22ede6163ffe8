"""The real base model transcribes speech nobody on the team recorded (espeak-ng reads
a fictional testimony): word error rate, key words, and where segments start."""

from __future__ import annotations

import pytest

from memoria.asr import drafts
from memoria.domain.model import Kind
from memoria.importing.importer import ImportOptions, import_paths
from memoria.storage import items as item_store
from tests.unit import asr_support as sup

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine():
    folder, sha = sup.real_model()
    return drafts.Engine(folder, sha)


def _transcribe(archive, tmp_path, engine, sentences, voice, language):
    spoken = sup.speak(sentences, voice, tmp_path / f"testimonio_{voice}.wav")
    [outcome] = import_paths(archive, [spoken.path], ImportOptions(kind=Kind.TESTIMONY)).outcomes
    seen = []
    result = drafts.transcribe_item(archive, outcome.item_id, engine, language,
                                    progress=seen.append)
    assert result.finished and result.language == language
    assert seen[-1].chunks_done == seen[-1].chunks_total >= 1
    assert seen[-1].audio_done_ms == seen[-1].audio_total_ms
    return spoken, item_store.segments_of(archive, outcome.item_id)


def _check(spoken, segments, max_wer=0.40):
    text = " ".join(s.text for s in segments)
    assert all(s.automatic and 0 < (s.confidence or 0) <= 1 for s in segments)
    assert all(s.end_ms - s.start_ms <= 30_000 for s in segments)
    error = sup.wer(spoken.text, text)
    assert error < max_wer, (error, text)
    found = {sup.fold(w) for w in sup.words(text)}
    for keys in spoken.key_words:
        missing = [k for k in keys if sup.fold(k) not in found]
        assert len(missing) <= 1, (keys, text)  # most key words of every sentence
    starts = [s.start_ms for s in segments]
    for start in spoken.starts_ms:
        nearest = min(abs(start - s) for s in starts)
        # A segment may cover two sentences; then the sentence start must fall inside one.
        inside = any(s.start_ms <= start <= s.end_ms for s in segments)
        assert nearest <= 1500 or inside, (start, starts)
    # Nearly every sentence start is a segment start (within 1.5 s).
    hits = sum(1 for st in spoken.starts_ms if min(abs(st - s) for s in starts) <= 1500)
    assert hits >= 0.9 * len(spoken.starts_ms), (spoken.starts_ms, starts)
    return error


def test_spanish_testimony_is_transcribed_by_the_real_model(archive, tmp_path, engine):
    spoken, segments = _transcribe(archive, tmp_path, engine, sup.SPANISH, "es", "es")
    assert 45_000 <= spoken.duration_ms <= 90_000  # about a minute of testimony
    _check(spoken, segments)


def test_english_passage_with_language_en(archive, tmp_path, engine):
    spoken, segments = _transcribe(archive, tmp_path, engine, sup.ENGLISH, "en", "en")
    _check(spoken, segments)
