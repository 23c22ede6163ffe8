"""OHMS exports as archives write them (excerpts of real exports, tests/data/README.md):
index points with partial transcripts, synopses, keywords and subjects; legacy
transcripts timed by <sync>; OHMS 6 WebVTT transcripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from memoria.domain.model import Kind, Role
from memoria.media import transcripts as tr
from memoria.media.transcript_io import import_transcript
from memoria.storage import authorities
from memoria.storage import items as item_store

DATA = Path(__file__).parent.parent / "data" / "ohms"


def _read(name: str) -> tr.Parsed:
    return tr.read_ohms((DATA / name).read_text(encoding="utf-8"))


def test_index_points_of_a_real_export() -> None:
    parsed = _read("alyea_OH0010_excerpt.xml")
    assert parsed.problems == []  # "No transcript." is OHMS's placeholder, not a transcript
    first, second, third = parsed.segments
    assert (first.start_ms, first.end_ms, first.title) == (3000, 302_000,
                                                           "World War II Chemical Warfare")
    assert first.speaker == "ALYEA"
    assert first.text.startswith('Over there is a book--I made this "Eminent Chemists"')
    assert first.keywords.startswith("American Chemical Society (ACS); Chemical warfare;")
    assert "Merck & Company" in first.keywords
    assert (second.speaker, third.end_ms) == ("STURCHIO", None)


def test_partial_transcript_kept_beside_the_synopsis_and_subjects_imported() -> None:
    """The real export's point structure, with a synopsis and subjects filled in."""
    xml = (DATA / "alyea_OH0010_excerpt.xml").read_text(encoding="utf-8")
    xml = xml.replace("<synopsis></synopsis>",
                      "<synopsis>Alyea recuerda la escuela de gas.</synopsis>", 1)
    xml = xml.replace("<subjects></subjects>",
                      "<subjects>Guerra química;Chemical warfare;Memoria</subjects>", 1)
    first = tr.read_ohms(xml).segments[0]
    assert first.text.split("\n\n") == [
        'Over there is a book--I made this "Eminent Chemists" series, you may have seen it.',
        "Alyea recuerda la escuela de gas."]
    keywords = first.keywords.split("; ")
    assert keywords[-2:] == ["Guerra química", "Memoria"]  # "Chemical warfare" once
    assert keywords.count("Chemical warfare") == 1


def test_legacy_transcript_with_sync_points_as_segment_times() -> None:
    parsed = _read("various_gaps.xml")
    assert parsed.problems == []
    segs = parsed.segments
    # <sync>1:|1(3)|3(2)|...: line 1 word 3 is minute 1, line 3 word 2 minute 2.
    assert (segs[0].start_ms, segs[0].end_ms, segs[0].text) == (0, 60_000, "Yes, my")
    assert segs[1].start_ms == 60_000 and segs[1].text.startswith("father was a petrologist.")
    assert (segs[2].start_ms, segs[2].text) == (120_000, "would")
    assert segs[3].start_ms == 180_000 and segs[3].text.startswith("have been a physical")
    starts = [s.start_ms for s in segs]
    assert starts == sorted(starts)
    assert "My father&#039;s" not in " ".join(s.text for s in segs)
    words = " ".join(s.text for s in segs).split()
    assert words[:4] == ["Yes,", "my", "father", "was"] and words[-1] == "scientific."


def test_legacy_speaker_turns_and_sync_on_the_label() -> None:
    xml = ("<ROOT><record><sync>1:|4(1)</sync><transcript>ROSA: Yo llegué en 1998.\n"
           "Era de noche.\n\nENTREVISTADORA: ¿Y después?\nNada más.</transcript>"
           "</record></ROOT>")
    segs = tr.read_ohms(xml).segments
    assert [(s.start_ms, s.speaker, s.text) for s in segs] == [
        (0, "ROSA", "Yo llegué en 1998. Era de noche."),
        (60_000, "ENTREVISTADORA", "¿Y después? Nada más.")]


def test_ohms6_vtt_transcript() -> None:
    parsed = _read("small-sample-vtt-ohms.xml")
    segs = parsed.segments
    assert len(segs) == 6
    assert (segs[0].start_ms, segs[0].end_ms, segs[0].speaker) == (3_603_000, 3_618_000,
                                                                   "SCHNEIDER")
    # <br><br> inside a cue is a paragraph break, not the end of the cue
    assert "One day, we got lost" in segs[3].text and "Another time" in segs[3].text
    assert segs[5].end_ms is None  # "01:01:22.000 --> 00:00:00.000": kept, no end
    assert [p.line for p in parsed.problems] == [61]  # the file's own line
    assert "ends before it starts" in parsed.problems[0].message


def test_ohms6_cue_without_voice_continues_the_speaker() -> None:
    segs = _read("chappelear_excerpt.xml").segments
    assert [s.speaker for s in segs] == ["SCHNEIDER", "CHAPPELEAR", "SCHNEIDER", "CHAPPELEAR",
                                         "CHAPPELEAR", "SCHNEIDER"]
    assert segs[4].text.startswith("At one point when I was still a very small baby")


def test_index_and_transcript_together() -> None:
    xml = ("<ROOT><record><index><point><time>65</time><title>El lote</title>"
           "<synopsis>La huerta.</synopsis><keywords>huerta</keywords>"
           "<subjects>memoria</subjects></point></index>"
           "<sync>1:|2(1)</sync><transcript>ROSA: Uno dos.\nTres cuatro.</transcript>"
           "</record></ROOT>")
    parsed = tr.read_ohms(xml)
    assert [(s.start_ms, s.text, s.title, s.keywords) for s in parsed.segments] == [
        (0, "Uno dos.", "", ""), (60_000, "Tres cuatro.", "El lote", "huerta; memoria")]
    assert "1 index points" in parsed.problems[0].message


def test_import_a_real_ohms_export_into_an_item(archive, tmp_path) -> None:
    item = item_store.create_item(archive, item_store.ItemFields(Kind.TESTIMONY, "Chappelear"))
    src = tmp_path / "chappelear.xml"
    src.write_bytes((DATA / "chappelear_excerpt.xml").read_bytes())
    result = import_transcript(archive, item, src)
    assert (result.format, result.imported, result.problems) == ("ohms", 6, [])
    stored = item_store.segments_of(archive, item)
    assert [s.start_ms for s in stored] == [4000, 29_000, 29_000, 39_000, 91_000, 523_000]


def test_known_person_of_the_item_is_taken_as_speaker_on_import(archive, tmp_path) -> None:
    person = authorities.add_person(archive, "el abuelo")
    item = item_store.create_item(archive, item_store.ItemFields(
        Kind.TESTIMONY, "Relato", people=[(person.id, Role.NARRATOR)]))
    src = tmp_path / "relato.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,000\nel abuelo: Eso fue en el 85.\n\n"
                   "2\n00:00:03,000 --> 00:00:04,000\nLe dije: no vuelva más.\n",
                   encoding="utf-8")
    import_transcript(archive, item, src)
    assert [(s.speaker, s.text) for s in item_store.segments_of(archive, item)] == [
        ("el abuelo", "Eso fue en el 85."), ("", "Le dije: no vuelva más.")]


def test_legacy_transcript_without_sync_says_so() -> None:
    parsed = tr.read_ohms("<ROOT><record><sync></sync><transcript>ROSA: Hola.\n\nANA: Chao."
                          "</transcript></record></ROOT>")
    assert [(s.speaker, s.text) for s in parsed.segments] == [("ROSA", "Hola."), ("ANA", "Chao.")]
    assert "no <sync> times" in parsed.problems[0].message


def test_no_index_and_no_transcript_is_refused_in_one_sentence() -> None:
    xml = (DATA / "alyea_OH0010_excerpt.xml").read_text(encoding="utf-8")
    empty = xml[:xml.index("<index>")] + "<index></index>" + xml[xml.index("</index>") + 8:]
    with pytest.raises(tr.TranscriptError) as info:
        tr.read_ohms(empty)
    assert info.value.text("es", "alyea.xml").startswith("alyea.xml: el archivo no tiene")
