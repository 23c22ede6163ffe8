"""The benchmark corpus: deterministic, fictional, and shaped like real testimony."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bench.corpus import CONSENT_STATES, PLACES, SUBJECTS, Testimony, generate, make_testimony
from memoria.domain.dates import UncertainDate
from memoria.search.analysis import analyze


@pytest.fixture(scope="module")
def corpus() -> list[Testimony]:
    return list(generate(300, seed=7))


def words_of(items: list[Testimony], lang: str | None = None) -> Counter[str]:
    return Counter(w.lower() for t in items if lang in (None, t.language)
                   for s in t.segments for w in re.findall(r"\w+", s.text))


def test_same_seed_same_corpus_and_items_independent_of_count():
    a = list(generate(20, seed=3))
    b = list(generate(40, seed=3))
    assert a == b[:20]
    assert make_testimony(3, 17) == a[17]
    assert [t.transcript for t in generate(5, seed=4)] != [t.transcript for t in a[:5]]


def test_is_a_lazy_generator():
    gen = generate(10**9)
    assert next(gen).accession.endswith("00001")


def test_every_item_says_it_is_fictional(corpus):
    for t in corpus:
        assert t.fictional
        marker = "ficticio" if t.language == "es" else "Fictional"
        assert marker in t.description


def test_language_mix(corpus):
    share = Counter(t.language for t in corpus)["es"] / len(corpus)
    assert 0.78 <= share <= 0.92


def test_transcripts_are_about_three_thousand_words_in_timed_segments(corpus):
    for t in corpus:
        assert 2600 <= t.word_count <= 3500
        narrated = [s for s in t.segments if s.speaker == t.participants[0].name]
        asked = [s for s in t.segments if s.speaker == t.participants[1].name]
        assert all(40 <= len(s.text.split()) <= 80 for s in narrated)
        assert asked and all(s.text.rstrip().endswith("?") for s in asked)
        assert [s.index for s in t.segments] == list(range(len(t.segments)))
        for prev, seg in zip(t.segments, t.segments[1:], strict=False):
            assert prev.start < prev.end <= seg.start
        rate = t.word_count / t.segments[-1].end  # words per second of speech
        assert 1.8 < rate < 3.0


def test_dates_are_valid_edtf_of_varied_precision(corpus):
    dates = [t.date for t in corpus]
    for d in dates:
        UncertainDate.from_edtf(d)  # the catalogue's own parser accepts them
    shapes = {re.sub(r"\d", "9", d) for d in dates}
    assert {"9999", "9999-99", "999X", "9999/9999", "9999-99-99~", "9999-99-99",
            "9999?"} <= shapes
    assert "2002-10-16~" in dates or "2002-10-17~" in dates


def test_consent_covers_every_state(corpus):
    states = Counter(t.consent.state for t in corpus)
    assert set(states) == set(CONSENT_STATES)
    for t in corpus:
        c = t.consent
        if c.state == "embargoed":
            assert c.embargo_until and c.embargo_until > "2026-12-31"
        if c.state == "embargo_ended":
            assert c.embargo_until and c.embargo_until < "2025-01-01"
        if c.state == "none":
            assert c.status is None
        if t.participants[0].pseudonym and c.status in ("granted", "restricted", "withdrawn"):
            assert "pseudonym" in c.anonymisation


def test_places_and_subjects_come_from_the_hierarchy_and_thesaurus(corpus):
    comuna13 = [p for p in PLACES if p[3] == "Comuna 13 San Javier"]
    assert {p[-1] for p in comuna13} >= {"San Javier No. 1", "Las Independencias", "El Salado",
                                         "Nuevos Conquistadores", "20 de Julio"}
    for t in corpus:
        assert all(p in PLACES and p[0] == "Colombia" for p in t.places)
        assert set(t.subjects) <= set(SUBJECTS)
    share_c13 = sum(any(p in comuna13 for p in t.places) for t in corpus) / len(corpus)
    assert 0.5 < share_c13 < 0.8
    names = [p.name for t in corpus for p in t.participants]
    assert len(set(names)) > 0.8 * len(names)
    assert sum(bool(t.participants[0].pseudonym) for t in corpus) > 0.15 * len(corpus)


def test_spanish_text_is_varied_and_inflected(corpus):
    words = words_of(corpus, "es")
    assert len(words) > 1000
    for w in ["desplazado", "desplazada", "desplazados", "desplazadas", "organización",
              "organizaciones", "año", "niños", "compañera", "medellín", "víctimas",
              "y", "a", "o", "escombrera"]:
        assert words[w] > 0, w
    # Stemming has real work to do: many surface forms per stem.
    forms_per_stem = Counter(analyze(w, "es")[0] for w in words)
    assert forms_per_stem["desplaz"] >= 4
    # Narration never repeats a whole segment (questions may recur).
    segments = [s.text for t in corpus for s in t.segments
                if s.speaker == t.participants[0].name]
    assert len(set(segments)) == len(segments)


def test_english_items_are_english(corpus):
    words = words_of(corpus, "en")
    assert words["the"] > 100 and words["displaced"] > 0 and words["de"] < words["the"] / 20
