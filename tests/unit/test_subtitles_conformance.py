"""WebVTT and SRT as others write them: the W3C web-platform-tests and
mozilla/vtt.js conformance files (tests/data/README.md), read by the W3C
algorithm; SRT files shaped like pysrt's and webvtt-py's test files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from memoria.media import transcripts as tr
from memoria.media.subtitles import vtt_cues

DATA = Path(__file__).parent.parent / "data" / "webvtt"


def _cases(folder: str) -> list[tuple[str, dict]]:
    expected = json.loads((DATA / folder / "expected.json").read_text(encoding="utf-8"))
    return sorted(expected.items())


# vtt.js follows an older draft of the specification where the current one differs;
# the web-platform-tests follow the current one, and so does Memoria.
OLDER_DRAFT = {
    # The current specification ends the header at a line with "-->" and reads
    # the cue (web-platform-tests header-timings.html); the old draft read nothing.
    "file-layout__header-no-new-line.vtt": 1,
    # Three-digit minutes without hours: the current timestamp grammar reads
    # "000" and "120" as hours and then fails (wpt timings-too-long.vtt has
    # "000:00.000 --> 00:01.000" as invalid); the old draft took them as minutes.
    "cue-times__min-top-digits.vtt": 0,
    "cue-times__minimum-spots-over-sixty.vtt": 0,
}
# Files with no "WEBVTT" signature: the specification reads nothing; Memoria
# reads their cues and reports the missing signature as the first problem.
NO_SIGNATURE = {
    "file-layout__bom-garbage-data.vtt", "file-layout__newline-before-webvtt.vtt",
    "file-layout__bom-tab-webvtt.vtt", "file-layout__tab-after-bom-before-header.vtt",
    "file-layout__bad-double-webvtt.vtt",
}


def _read(path: Path) -> str:
    return tr.decode(path.read_bytes())


@pytest.mark.parametrize(("name", "want"), _cases("wpt") + _cases("vttjs"),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_conformance_file(name: str, want: dict) -> None:
    folder = "wpt" if (DATA / "wpt" / name).exists() else "vttjs"
    text = _read(DATA / folder / name)
    out = tr.Parsed()
    try:
        cues = vtt_cues(text, out)
    except tr.TranscriptError:  # not WebVTT at all: nothing read, said in one sentence
        assert not want["count"] or name in OLDER_DRAFT
        return
    if name in OLDER_DRAFT:
        assert len(cues) == OLDER_DRAFT[name]
        return
    if name in NO_SIGNATURE:
        assert out.problems and out.problems[0].line == 1
        assert "WEBVTT" in out.problems[0].message
        return
    assert len(cues) == want["count"], [c.payload for c in cues]
    for cue, (start, end, text_) in zip(cues, want.get("cues", []), strict=False):
        assert (cue.start_ms, cue.end_ms) == (round(start * 1000), round(end * 1000))
        assert "\n".join(cue.payload) == text_


def test_a_broken_timing_line_drops_only_its_own_cue() -> None:
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nuno\n\n"
            "00:00:0x.000 --> 00:00:04.000\nroto\nsigue roto\n\n"
            "00:00:05.000 --> 00:00:06.000\ntres\n")
    parsed = tr.read_vtt(text)
    assert [s.text for s in parsed.segments] == ["uno", "tres"]
    assert [p.line for p in parsed.problems] == [6]


def test_a_timing_line_without_a_blank_line_before_it_starts_a_new_cue() -> None:
    """vtt.js cue-spacing / wpt arrows: the second "-->" line of a block begins the next."""
    text = "WEBVTT\n\n00:00.000 --> 00:02.000\nuno\n00:02.000 --> 00:04.000\ndos\n"
    assert [s.text for s in tr.read_vtt(text).segments] == ["uno", "dos"]


def test_settings_glued_to_the_end_time() -> None:
    text = "WEBVTT\n\n00:00.000 --> 00:01.000line:40% size:40%\ncue text\n"
    (seg,) = tr.read_vtt(text).segments
    assert (seg.start_ms, seg.end_ms, seg.text) == (0, 1000, "cue text")


def test_nul_characters_become_replacement_characters_and_do_not_break_cues() -> None:
    """After wpt nulls.html: NUL in an id, in the text and in the settings."""
    text = ("WEBVTT\n\n\x00 (null in id)\n00:00:00.000 --> 00:00:01.000\ntext2\n\n"
            "\x00 (null in cue data)\n00:00:00.000 --> 00:00:01.000\n\x00text\x003\n\n"
            "00:00:00.000 --> 00:00:01.000 align:\x00end\ntext4\n")
    out = tr.Parsed()
    cues = vtt_cues(text, out)
    assert [c.identifier for c in cues[:2]] == ["\ufffd (null in id)", "\ufffd (null in cue data)"]
    assert [c.payload for c in cues] == [("text2",), ("\ufffdtext\ufffd3",), ("text4",)]
    assert out.problems == []


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                   "utf-32", "utf-32-le", "utf-32-be"])
def test_every_unicode_bom(codec: str) -> None:
    """pysrt's bom-utf-*.srt: the BOM tells the encoding, for SRT and WebVTT alike."""
    srt = "1\r\n00:00:01,000 --> 00:00:02,500\r\nNiña, ¿dónde estás?\r\n"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff",
           "utf-32-be": "\ufeff"}.get(codec, "")
    text = tr.decode((bom + srt).encode(codec))
    (seg,) = tr.read_srt(text).segments
    assert (seg.start_ms, seg.end_ms, seg.text) == (1000, 2500, "Niña, ¿dónde estás?")
    vtt = tr.decode((bom + "WEBVTT\n\n00:01.000 --> 00:02.000\nÑandú\n").encode(codec))
    assert [s.text for s in tr.read_vtt(vtt).segments] == ["Ñandú"]


def test_an_end_before_the_start_is_kept() -> None:
    """wpt timings-negative: the cue stays; a segment keeps its start and no end."""
    text = (DATA / "wpt" / "timings-negative.vtt").read_text(encoding="utf-8")
    parsed = tr.read_vtt(text)
    assert [(s.start_ms, s.end_ms) for s in parsed.segments] == [
        (0, 0), (1000, None), (60_000, None), (3_600_000, None)]
    assert len(parsed.problems) == 3 and "ends before it starts" in parsed.problems[0].message


def test_srt_as_pysrt_reads_it() -> None:
    """pysrt: blocks by blank lines, index optional (no-indexes.srt), ':' '.' ','
    all separate times, position after the end time ignored, a bad block
    (invalid.srt: '00:00:01 --> 00:00:10') skipped alone."""
    text = ("00:00:01,000 --> 00:00:02,000 X1:40 X2:600 Y1:20 Y2:50\nsin índice\n\n"
            "2\n00:00:01 --> 00:00:10\nThis subtitle is invalid\n\n"
            "3\n00:00:03.500 --> 00:00:04:750\npuntos y dos puntos\n\n"
            "4\n00:00:05,000 --> 00:00:06,000\n<i>Le dije:</i> no vuelva más.\n")
    parsed = tr.read_srt(text)
    assert [(s.start_ms, s.end_ms, s.speaker, s.text) for s in parsed.segments] == [
        (1000, 2000, "", "sin índice"), (3500, 4750, "", "puntos y dos puntos"),
        (5000, 6000, "", "Le dije: no vuelva más.")]
    assert [p.line for p in parsed.problems] == [5]


@pytest.mark.parametrize(("line", "speaker", "text"), [
    ("Le dije: no vuelva más.", "", "Le dije: no vuelva más."),
    ("A las 3: 30 llegaron.", "", "A las 3: 30 llegaron."),
    ("sin hablante: 10:30 en punto", "", "sin hablante: 10:30 en punto"),
    ("Y entonces: silencio.", "", "Y entonces: silencio."),
    ("Doña Rosa: Buenos días", "Doña Rosa", "Buenos días"),
    ("María de los Ángeles: Sí, claro.", "María de los Ángeles", "Sí, claro."),
    ("ENTREVISTADORA: ¿Y después?", "ENTREVISTADORA", "¿Y después?"),
    ("P: ¿Dónde vivía?", "P", "¿Dónde vivía?"),
    ("Hora: 10:30", "Hora", "10:30"),  # looks like a name: the rule's known limit
    ("Uno dos tres cuatro cinco: no", "", "Uno dos tres cuatro cinco: no"),
    ("Rosa:", "", "Rosa:"),
    ("Speaker 1: Hello there", "Speaker 1", "Hello there"),
    ("Hablante 2: Buenas", "Hablante 2", "Buenas"),
    ("SPEAKER_00: ok", "SPEAKER_00", "ok"),
    ("hablante 2: no", "", "hablante 2: no"),
])
def test_speaker_rule(line: str, speaker: str, text: str) -> None:
    assert tr.speaker_and_text(line) == (speaker, text)


def test_a_known_person_of_the_item_is_a_speaker_even_in_lower_case() -> None:
    known = frozenset({"Ana María Gómez", "el abuelo"})
    assert tr.speaker_and_text("el abuelo: Eso fue en el 85.", known) == (
        "el abuelo", "Eso fue en el 85.")
    assert tr.speaker_and_text("le dije: no", known) == ("", "le dije: no")
    parsed = tr.read_srt("1\n00:00:01,000 --> 00:00:02,000\nel abuelo: Hola\n", known)
    assert parsed.segments[0].speaker == "el abuelo"


def test_vtt_cue_without_a_voice_tag_follows_the_same_rule() -> None:
    text = ("WEBVTT\n\n00:01.000 --> 00:02.000\nDoña Rosa: Buenos días\n\n"
            "00:02.000 --> 00:03.000\nLe dije: no vuelva más.\n")
    assert [(s.speaker, s.text) for s in tr.read_vtt(text).segments] == [
        ("Doña Rosa", "Buenos días"), ("", "Le dije: no vuelva más.")]


@pytest.mark.parametrize(("lang", "said"), [
    ("es", "entrevista.vtt, línea 6: no se pudieron leer los tiempos de la señal"),
    ("en", "entrevista.vtt, line 6: cannot read the cue times"),
])
def test_cli_names_file_and_line_in_one_sentence(tmp_path, capsys, lang, said) -> None:
    from memoria.cli import main
    from memoria.domain.model import Kind
    from memoria.storage import items as item_store
    from memoria.storage.archive import Archive

    path = tmp_path / "arch"
    with Archive.create(path) as arch:
        item = item_store.create_item(arch, item_store.ItemFields(Kind.TESTIMONY, "Relato"))
        accession = item_store.get_item(arch, item).accession
    src = tmp_path / "entrevista.vtt"
    src.write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nuno\n\n00:0x.000 --> 00:05.000\nroto\n",
                   encoding="utf-8")
    assert main(["--lang", lang, "--archive", str(path), "transcript", "import", accession,
                 str(src)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"memoria: {said} («00:0x.000 --> 00:05.000»); se omitió esa señal."
                   if lang == "es" else
                   f"memoria: {said} ('00:0x.000 --> 00:05.000'); that cue was skipped."]
    bad = tmp_path / "vacio.vtt"
    bad.write_text("no es nada", encoding="utf-8")
    assert main(["--lang", lang, "--archive", str(path), "transcript", "import", accession,
                 str(bad), "--replace"]) == 1
    refusal = capsys.readouterr().err.strip()
    assert refusal.startswith("memoria: vacio.vtt: ") and refusal.count("\n") == 0
    assert ("no es un archivo WebVTT" in refusal) == (lang == "es")
