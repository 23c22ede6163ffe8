"""Transcript files in and out: WebVTT, SRT, OHMS; consent-safe exports."""

from __future__ import annotations

import pytest

from memoria.access import NotVisible
from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope, SegmentDraft
from memoria.media import transcripts as tr
from memoria.media.redaction import Span, redacted_text, redactions_for_segments
from memoria.media.transcript_io import export_transcript, import_transcript
from memoria.storage import authorities, consents
from memoria.storage import exhibits as exhibit_store
from memoria.storage import items as item_store

SEGMENTS = [
    SegmentDraft(0, 4_500, "Ana María", "Yo llegué al barrio en 1998."),
    SegmentDraft(4_500, 9_250, "Entrevistadora", "¿Y después?\nCuénteme con calma."),
    SegmentDraft(9_250, 3_723_004, "", "Niños & niñas <decían> \"no más\"."),
]


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
def test_subtitle_round_trip(fmt):
    written = tr.write(SEGMENTS, fmt)
    parsed = tr.parse(written, fmt)
    assert parsed.problems == []
    assert parsed.segments == SEGMENTS
    assert "01:02:03" in written  # hours written out


def test_vtt_uses_voice_tags_and_srt_the_speaker_convention():
    assert "<v Ana María>Yo llegué" in tr.write_vtt(SEGMENTS)
    assert "&amp; niñas &lt;decían&gt;" in tr.write_vtt(SEGMENTS)
    srt = tr.write_srt(SEGMENTS)
    assert "00:00:04,500 --> 00:00:09,250\r\nEntrevistadora: ¿Y después?" in srt


def test_cue_text_cannot_break_the_file():
    seg = [SegmentDraft(0, 1000, "A", "uno --> dos\n\n\ntres")]
    for fmt in ("vtt", "srt"):
        (back,) = tr.parse(tr.write(seg, fmt), fmt).segments
        assert back.text == "uno -> dos\ntres"


def test_ohms_round_trip_whole_seconds():
    segs = [SegmentDraft(0, 65_000, "", "Presentación de la huerta.", "Inicio", "huerta; madres"),
            SegmentDraft(65_000, None, "", "El lote & la memoria.", "El lote", "memoria")]
    xml = tr.write_ohms(segs, title="La huerta", accession="T-2026-0001")
    assert "<index>" in xml and "<point>" in xml and "<time>65</time>" in xml
    parsed = tr.read_ohms(xml)
    assert parsed.problems == []
    assert parsed.segments == segs


def test_messy_vtt_imports_what_it_can_and_says_where():
    text = ("\ufeffWEBVTT - entrevista\r\nKind: captions\r\n\r\n"
            "NOTE editado a mano\r\nvarias líneas\r\n\r\n"
            "cue-1\r\n00:01.000 --> 00:04.500align:start position:10%\r\n"
            "<v.loud Rosa Elena>Hola, <c.yellow>vecina</c> &amp; amiga</v>\r\n\r\n"
            "00:0x.000 --> 00:05.000\r\nroto\r\n\r\n"
            "00:09.000 --> 00:08.000\r\nal revés\r\n\r\n"
            "1:00:00.000 --> 1:00:02.000\r\n<i>fin</i>\r\n")
    parsed = tr.read_vtt(text)
    assert [(s.start_ms, s.end_ms, s.speaker, s.text) for s in parsed.segments] == [
        (1000, 4500, "Rosa Elena", "Hola, vecina & amiga"), (9000, None, "", "al revés"),
        (3_600_000, 3_602_000, "", "fin")]
    assert [p.line for p in parsed.problems] == [11, 14]
    assert "cue was skipped" in str(parsed.problems[0])
    assert parsed.problems[0].text("es", "entrevista.vtt").startswith(
        "entrevista.vtt, línea 11: no se pudieron leer los tiempos")


def test_messy_srt_without_blank_lines_and_in_cp1252():
    raw = ("1\r\n00:00:01,000 --> 00:00:02,000\r\nDoña Rosa: Buenos días\r\n"
           "2\r\n00:00:03.000 --> 00:00:04.000\r\nsin hablante: 10:30 en punto\r\n\r\n"
           "3\r\n00:00:05,000 -> 00:00:06,000\r\nflecha mala\r\n\r\n"
           "4\r\n00:00:07,000 --> 00:00:08,000\r\n<i>Año</i> 1998\r\n").encode("cp1252")
    parsed = tr.read_srt(tr.decode(raw))
    assert [(s.start_ms, s.speaker, s.text) for s in parsed.segments] == [
        (1000, "Doña Rosa", "Buenos días"), (3000, "", "sin hablante: 10:30 en punto"),
        (7000, "", "Año 1998")]
    assert [p.line for p in parsed.problems] == [9]  # '->' is not a timing line
    assert tr.decode("WEBVTT".encode("utf-16")) == "WEBVTT"


def test_broken_ohms_keeps_the_points_before_the_break():
    xml = ("<ROOT><record><index>\n<point><time>0</time><title>A</title>"
           "<synopsis>uno</synopsis></point>\n<point><time>abc</time></point>\n"
           "<point><time>12</time><partial_transcript>dos</partial_transcript></point>\n"
           "<point><time>20</time>\n</index></ROOT>")
    parsed = tr.read_ohms(xml)
    assert [(s.start_ms, s.end_ms, s.title, s.text) for s in parsed.segments] == [
        (0, 12_000, "A", "uno"), (12_000, 20_000, "", "dos"), (20_000, None, "", "")]
    assert [p.line for p in parsed.problems] == [3, 6]
    with pytest.raises(tr.TranscriptError, match="DOCTYPE"):
        tr.read_ohms('<!DOCTYPE x [<!ENTITY a "b">]><ROOT/>')
    with pytest.raises(tr.TranscriptError):
        tr.read_vtt("no es un archivo de subtítulos")


def test_redacted_text_merges_overlaps_and_clips():
    text = "Vivía en la calle 45 con mi hermano."
    spans = [(12, 20), Span(15, 22, "[dirección]"), (30, 99)]
    assert redacted_text(text, spans) == "Vivía en la […]on mi he[…]"
    assert redacted_text(text, []) == text


@pytest.fixture
def testimony(archive):
    """A narrator with a pseudonym for research, a withdrawn segment, a redacted street."""
    ana = authorities.add_person(archive, "Ana María Restrepo")
    item = item_store.create_item(archive, item_store.ItemFields(
        Kind.TESTIMONY, "Relato de Ana María Restrepo", people=[(ana.id, Role.NARRATOR)]))
    ids = item_store.save_segments(archive, item, [
        SegmentDraft(0, 5000, "Ana María Restrepo", "Me llamo Ana María Restrepo y vivía en la "
                     "calle 45 de Belén.", "Inicio", "barrio"),
        SegmentDraft(5000, 9000, "Ana María Restrepo", "SECRETO que retiró después."),
        SegmentDraft(9000, 12000, "Entrevistadora", "Gracias, Ana."),
    ])
    consents.record_consent(archive, ana.id, [item], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH},
        anonymisation={Anonymisation.PSEUDONYM}, pseudonym="Luz"))
    part = consents.record_consent(archive, ana.id, [item], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH}), segment_ids=[ids[1]])
    consents.withdraw(archive, part, "retira esa parte")
    text = item_store.segments_of(archive, item)[0].text
    at = text.index("calle 45")
    exhibit_store.add_redaction(archive, ids[0], at, at + len("calle 45"))
    return item, ids


@pytest.mark.parametrize("fmt", ["vtt", "srt", "ohms"])
def test_research_export_has_no_real_name_no_withheld_segment_and_is_redacted(
        archive, testimony, fmt):
    item, _ids = testimony
    text, withheld = export_transcript(archive, item, fmt, Audience.RESEARCHER)
    assert withheld == 1
    assert "SECRETO" not in text
    assert "Restrepo" not in text and "Ana" not in text
    assert "Luz" in text
    assert "calle 45" not in text and "[…] de Belén" in text
    assert len(tr.parse(text, fmt).segments) == 2


def test_custodian_export_keeps_names_but_still_redacts(archive, testimony):
    item, ids = testimony
    text, withheld = export_transcript(archive, item, "vtt", Audience.CUSTODIAN)
    assert withheld == 0 and "SECRETO" in text and "Ana María Restrepo" in text
    assert "calle 45" not in text
    assert set(redactions_for_segments(archive, ids)) == {ids[0]}
    with pytest.raises(NotVisible):
        export_transcript(archive, item, "vtt", Audience.PUBLIC)


def test_import_appends_only_to_an_empty_transcript_and_replace_keeps_ids(
        archive, testimony, tmp_path):
    item, ids = testimony
    file = tmp_path / "nuevo.srt"
    segs = item_store.segments_of(archive, item)
    changed = [SegmentDraft(s.start_ms + 100, s.end_ms, s.speaker, s.text) for s in segs]
    file.write_text(tr.write_srt([*changed, SegmentDraft(12000, 13000, "", "Nuevo.")]))
    with pytest.raises(tr.TranscriptError, match="--replace"):
        import_transcript(archive, item, file)
    result = import_transcript(archive, item, file, replace=True)
    assert (result.format, result.imported, result.kept) == ("srt", 1, 3)
    after = item_store.segments_of(archive, item)
    assert [s.id for s in after[:3]] == ids  # consent and redactions still apply
    assert after[0].start_ms == 100 and after[3].text == "Nuevo."

    empty = item_store.create_item(archive, item_store.ItemFields(Kind.TESTIMONY, "Vacío"))
    vtt = tmp_path / "x.vtt"
    vtt.write_text(tr.write_vtt(SEGMENTS))
    assert import_transcript(archive, empty, vtt).imported == 3


def test_cli_transcript_import_and_export(tmp_path):
    from memoria.cli import main
    from memoria.storage.archive import Archive

    path = tmp_path / "arch"
    with Archive.create(path) as arch:
        item = item_store.create_item(arch, item_store.ItemFields(Kind.TESTIMONY, "Relato"))
        accession = item_store.get_item(arch, item).accession
    src = tmp_path / "in.vtt"
    src.write_text(tr.write_vtt(SEGMENTS), encoding="utf-8")
    assert main(["--archive", str(path), "transcript", "import", accession, str(src)]) == 0
    assert main(["--archive", str(path), "transcript", "import", accession, str(src)]) == 1
    out = tmp_path / "out.xml"
    assert main(["transcript", "export", accession, str(out), "--archive", str(path)]) == 0
    assert len(tr.read_ohms(out.read_text(encoding="utf-8")).segments) == 3
    # No consent recorded: a researcher gets a refusal with the consent exit code.
    assert main(["--archive", str(path), "transcript", "export", accession, "-",
                 "--as", "researcher"]) == 3
