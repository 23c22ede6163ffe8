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
    assert make_testimony(3, 17) == make_testimony(3, 17)
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
    """About one testimony in ten is in English; the rest in Spanish."""
    share = Counter(t.language for t in corpus)["en"] / len(corpus)
    assert 0.05 <= share <= 0.15
    assert {t.language for t in corpus} == {"es", "en"}


def check_timed_segments(t: Testimony, shortest: int, longest: int) -> None:
    narrated = [s for s in t.segments if s.speaker == t.participants[0].name]
    asked = [s for s in t.segments if s.speaker == t.participants[1].name]
    assert len(narrated) + len(asked) == len(t.segments)
    assert all(shortest <= len(s.text.split()) <= longest for s in narrated)
    assert asked and all(s.text.rstrip().endswith("?") for s in asked)
    assert t.segments[0] in asked  # the interviewer opens
    assert [s.index for s in t.segments] == list(range(len(t.segments)))
    for prev, seg in zip(t.segments, t.segments[1:], strict=False):
        assert prev.start < prev.end <= seg.start
    rate = t.word_count / t.segments[-1].end  # words per second of speech
    assert 1.8 < rate < 3.0


def test_testimonies_last_one_to_two_hours_in_timed_segments(corpus):
    """Life-story testimonies: 60-120 minutes, 9,000-18,000 words (the last
    turn may run past the word goal), narrated in turns of 25-150 words."""
    for t in corpus:
        assert 9000 <= t.word_count <= 18_150
        assert 60 * 60 <= t.segments[-1].end <= 120 * 60
        check_timed_segments(t, 25, 150)
    minutes = sorted(t.segments[-1].end / 60 for t in corpus)
    words = sorted(t.word_count for t in corpus)
    # A spread, not one length: short and long interviews both occur, most near 80 min.
    assert minutes[len(minutes) // 10] < 72 and minutes[-len(minutes) // 10] > 100
    assert 75 < minutes[len(minutes) // 2] < 95
    assert words[len(words) // 10] < 11_000 and words[-len(words) // 10] > 15_000
    lengths = [len(s.text.split()) for t in corpus for s in t.segments
               if s.speaker == t.participants[0].name]
    assert min(lengths) < 40 and max(lengths) > 130  # varied turns, not a fixed size
    # The English ones are as long as the Spanish ones.
    assert min(t.word_count for t in corpus if t.language == "en") >= 9000


def test_short_length_keeps_the_earlier_twenty_minute_testimonies():
    """``length="short"``: what benchmarks ran on until 2026-12-06, unchanged."""
    short = list(generate(60, seed=7, length="short"))
    for t in short:
        assert 2600 <= t.word_count <= 3500
        assert 15 * 60 < t.segments[-1].end < 30 * 60
        check_timed_segments(t, 40, 80)
    assert make_testimony(7, 5, "short") == short[5]
    long_ = make_testimony(7, 5)
    assert long_.title == short[5].title and long_.word_count > 3 * short[5].word_count
    with pytest.raises(ValueError, match="length"):
        make_testimony(7, 5, "medium")


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
