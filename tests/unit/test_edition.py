"""Reading-room editions: every byte of the edition is something its audience may
receive, and a refresh after a withdrawal takes the item out."""

from __future__ import annotations

import json
import math
import stat
import struct
import wave
from datetime import date

import pytest

from memoria.cli import main
from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope, SegmentDraft
from memoria.importing.importer import import_paths
from memoria.search.engine import SearchEngine
from memoria.storage import authorities, consents, media_store
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, ArchiveError
from memoria.storage.exhibits import add_redaction, set_blur_regions
from memoria.trust.edition import open_edition, read_edition, write_edition
from tests.unit.test_media_support import jpeg_with_exif

RATE = 8000
# Words that must never reach a researcher, whatever file of the edition is read.
CANARIES = ["Restrepo", "CANARIORETENIDO", "CALLESECRETA", "NOTAINTERNA", "TITULORETIRADO",
            "Canon", "Ana Perez", "Marcha por la paz", "Rosalba Quintero"]


def _pcm(seconds: float, freq: float) -> bytes:
    return b"".join(struct.pack("<h", int(9000 * math.sin(2 * math.pi * freq * i / RATE)))
                    for i in range(int(seconds * RATE)))


WITHHELD_PCM = _pcm(2.0, 1234.5)


def _wav(path, pcm: bytes):
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm)
    return path


@pytest.fixture
def source(tmp_path):
    """A small archive with something withheld in every way an edition must honour."""
    arch = Archive.create(tmp_path / "archive")
    arch.today_override = date(2026, 6, 1)
    wav = _wav(tmp_path / "entrevista_ana_restrepo.wav", _pcm(2.0, 440.0) + WITHHELD_PCM)
    photo = jpeg_with_exif(tmp_path / "marcha.jpg", size=(120, 80))
    other = _wav(tmp_path / "otra.wav", _pcm(1.0, 300.0))
    gone = _wav(tmp_path / "retirado.wav", _pcm(1.0, 500.0))
    form = _wav(tmp_path / "formulario.wav", _pcm(0.5, 777.0))
    ids = [o.item_id for o in import_paths(arch, [wav, photo, other, gone]).outcomes]
    testimony, picture, kept, withdrawn = ids
    ana = authorities.add_person(arch, "Ana Restrepo")
    luis = authorities.add_person(arch, "Luis Gómez")
    item_store.update_item(arch, testimony, item_store.ItemFields(
        Kind.TESTIMONY, "Relato de Ana Restrepo", "Ana Restrepo cuenta su llegada.",
        notes="NOTAINTERNA: teléfono de la familia", people=[(ana.id, Role.NARRATOR)],
        subjects=["desplazamiento"]))
    segs = item_store.save_segments(arch, testimony, [
        SegmentDraft(0, 2000, "Ana Restrepo", "Vivíamos en la CALLESECRETA 12, con mi tía."),
        SegmentDraft(2000, 4000, "Ana Restrepo", "CANARIORETENIDO: lo que no se cuenta.")])
    text = item_store.segments_of(arch, testimony)[0].text
    at = text.index("CALLESECRETA")
    add_redaction(arch, segs[0], at, at + len("CALLESECRETA 12"), "[dirección]")
    item_store.update_item(arch, picture, item_store.ItemFields(
        Kind.PHOTOGRAPH, "Marcha", people=[(ana.id, Role.DEPICTED)]))
    item_store.update_item(arch, kept, item_store.ItemFields(
        Kind.TESTIMONY, "Relato de Luis", "Luis recuerda a Ana Restrepo.",
        people=[(luis.id, Role.NARRATOR)]))
    item_store.update_item(arch, withdrawn, item_store.ItemFields(
        Kind.TESTIMONY, "TITULORETIRADO", people=[(luis.id, Role.NARRATOR)]))
    staged = media_store.stage(arch, form, "wav")
    item_store.record_blob(arch, staged.sha256, staged.size, staged.relpath, "audio/wav", "WAV",
                           {"role": "consent_form"})
    media_store.settle(arch, staged)
    grant = consents.ConsentTerms(ConsentStatus.GRANTED, {Scope.RESEARCH},
                                  anonymisation={Anonymisation.PSEUDONYM,
                                                 Anonymisation.BLUR_FACES},
                                  pseudonym="Rosa")
    consents.record_consent(arch, ana.id, [testimony, picture], grant,
                            form_sha256=staged.sha256)
    consents.record_consent(arch, ana.id, [testimony], consents.ConsentTerms(
        ConsentStatus.RESTRICTED, {Scope.INTERNAL}), segment_ids=[segs[1]])
    set_blur_regions(arch, item_store.media_of(arch, picture)[0].sha256, [(0.0, 0.0, 1.0, 1.0)])
    luis_consent = consents.record_consent(arch, luis.id, [kept], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH}))
    consents.record_consent(arch, luis.id, [withdrawn], consents.ConsentTerms(
        ConsentStatus.WITHDRAWN, {Scope.RESEARCH}))
    yield arch, {"testimony": testimony, "picture": picture, "kept": kept,
                 "withdrawn": withdrawn, "luis_consent": luis_consent,
                 "form": (tmp_path / "formulario.wav").read_bytes()}
    arch.close()


def _every_byte(folder) -> list[tuple[str, bytes]]:
    return [(p.relative_to(folder).as_posix(), p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()]


def _assert_clean(folder, source_ids, form: bytes) -> None:
    files = _every_byte(folder)
    assert any(name == "catalogue.sqlite" for name, _ in files)
    assert any(name.startswith("index/") for name, _ in files)
    assert any(name.startswith("media/") for name, _ in files)
    for name, data in files:
        folded = data.lower()
        for canary in CANARIES:
            for encoding in ("utf-8", "utf-16-le"):
                assert canary.lower().encode(encoding) not in folded, (canary, name)
        for at in range(0, len(WITHHELD_PCM) - 64, 4000):
            assert WITHHELD_PCM[at:at + 64] not in data, name
        assert form[-200:] not in data, name


def test_an_edition_holds_nothing_its_audience_may_not_receive(source, tmp_path):
    arch, ids = source
    dest = tmp_path / "sala"
    report = write_edition(arch, dest, Audience.RESEARCHER, lang="en")
    assert report.ok and len(report.items) == 3
    withdrawn_acc = item_store.get_item(arch, ids["withdrawn"]).accession
    assert withdrawn_acc in {a for a, _ in report.left_out}
    _assert_clean(dest, ids, ids["form"])

    edition, info = open_edition(dest)
    try:
        assert (info.audience, info.scope, info.as_of) == (Audience.RESEARCHER, Scope.RESEARCH,
                                                           "2026-06-01")
        testimony = item_store.resolve_item(edition, item_store.get_item(
            arch, ids["testimony"]).accession)
        item = item_store.get_item(edition, testimony)
        assert item.title == "Relato de Rosa" and item.notes == ""
        assert [p.person.name for p in item.people] == ["Rosa"]
        [segment] = item_store.segments_of(edition, testimony)  # the withheld one is gone
        assert "[dirección]" in segment.text and segment.speaker == "Rosa"
        [audio] = item_store.media_of(edition, testimony)
        with wave.open(str(edition.path(audio.path))) as clip:
            assert clip.getnframes() == 4 * RATE  # same timeline, the withheld part silent
            clip.setpos(2 * RATE)
            assert set(clip.readframes(RATE)) == {0}
        assert audio.original_name.endswith(".wav") and "restrepo" not in audio.original_name
        # The edition's own index finds what it holds, and nothing withheld.
        engine = SearchEngine(edition)
        try:
            assert engine.search("Rosa", Audience.RESEARCHER).total >= 1
            for word in ("CANARIORETENIDO", "CALLESECRETA", "Restrepo", "NOTAINTERNA"):
                assert engine.search(word, Audience.RESEARCHER).total == 0, word
        finally:
            engine.close()
    finally:
        edition.close()
    everything = [p for p in dest.rglob("*") if p.is_file()]
    assert all(not p.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
               for p in everything)
    with pytest.raises(ArchiveError, match="edición de sala de lectura"):
        Archive.open(dest, writable=True)


def test_a_refresh_removes_what_was_withdrawn_and_reuses_the_rest(source, tmp_path):
    arch, ids = source
    dest = tmp_path / "sala"
    first = write_edition(arch, dest, Audience.RESEARCHER, lang="en")
    kept_acc = item_store.get_item(arch, ids["kept"]).accession
    assert kept_acc in first.items and first.media_made == 3
    consents.withdraw(arch, ids["luis_consent"], "lo pidió")
    assert [r.copy.dest for r in copy_store.pending_recalls(arch)] == [str(dest)]

    again = write_edition(arch, dest, Audience.RESEARCHER, lang="en")
    assert kept_acc not in again.items and again.removed == [kept_acc]
    assert (again.media_made, again.media_reused) == (0, 2)
    _assert_clean(dest, ids, ids["form"])
    assert b"Relato de Luis" not in b"".join(d for _n, d in _every_byte(dest))
    assert copy_store.pending_recalls(arch) == []  # the refresh was the recall
    assert not list(tmp_path.glob(".sala*"))  # no debris beside it


def test_the_command_line_writes_a_public_edition_and_says_what_stayed_home(source, tmp_path,
                                                                            capsys):
    arch, ids = source
    root = arch.root
    arch.close()
    dest = tmp_path / "kiosco"
    assert main(["--lang", "es", "--archive", str(root), "edition", str(dest), "--as",
                 "public"]) == 0
    out = capsys.readouterr().out
    assert "Edición escrita en" in out and "0 elementos" in out  # nothing open to the public
    assert read_edition(dest).audience is Audience.PUBLIC
    assert main(["--lang", "en", "--archive", str(root), "edition", str(dest), "--as",
                 "researcher", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["items"]) == 3 and data["ok"]
    assert main(["--lang", "en", "--archive", str(root), "edition", str(root / "x"),
                 "--as", "public"]) == 1
    assert "outside the archive folder" in capsys.readouterr().err


def test_a_destination_that_cannot_be_written_is_one_sentence(source, tmp_path, capsys):
    arch, _ids = source
    (tmp_path / "stick").write_text("not a folder")
    root = arch.root
    arch.close()
    for command in (["edition", str(tmp_path / "stick" / "sala"), "--as", "researcher"],
                    ["export-bag", "--all", str(tmp_path / "stick" / "bag"), "--as",
                     "researcher"]):
        assert main(["--lang", "es", "--archive", str(root), *command]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and "no es una carpeta" in err and "stick" in err
        assert err.count("\n") == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no debris


@pytest.mark.slow
def test_a_killed_refresh_leaves_the_previous_edition_whole(source, tmp_path):
    """Kill `memoria edition` at a few moments of a refresh: the folder always holds a
    whole edition (the old or the new), and the next run leaves no debris."""
    import os
    import signal
    import subprocess
    import sys
    import time

    arch, ids = source
    dest = tmp_path / "sala"
    write_edition(arch, dest, Audience.RESEARCHER, lang="en")
    consents.withdraw(arch, ids["luis_consent"], "lo pidió")
    root = arch.root
    arch.close()
    env = {**os.environ, "MEMORIA_LANG": "en"}
    command = [sys.executable, "-m", "memoria", "--archive", str(root), "edition", str(dest),
               "--as", "researcher"]
    for delay in (0.6, 1.2, 2.0):
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        edition, info = open_edition(dest)
        try:
            held = {r[0] for r in edition.conn.execute("SELECT accession FROM items")}
            assert len(held) in (2, 3) and info.items == len(held)
        finally:
            edition.close()
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sala")]
    assert read_edition(dest).items == 2


def test_a_place_renamed_for_one_item_is_not_borrowed_by_another(tmp_path):
    """One item's narrator renames a shared place in that item's projection; the
    edition must not give that item the other item's (unrenamed) place row."""
    from memoria.domain.model import PlaceKind
    from memoria.projection import project

    arch = Archive.create(tmp_path / "archive")
    place = authorities.add_place(arch, "Finca de Rosa", PlaceKind.NEIGHBOURHOOD)
    rosa = authorities.add_person(arch, "Rosa Quintero")
    luis = authorities.add_person(arch, "Luis Gómez")
    plain = item_store.create_item(arch, item_store.ItemFields(
        Kind.TESTIMONY, "Relato de Luis", place_ids=[place.id],
        people=[(luis.id, Role.NARRATOR)]))
    hers = item_store.create_item(arch, item_store.ItemFields(
        Kind.TESTIMONY, "Relato de la vereda", place_ids=[place.id],
        people=[(rosa.id, Role.NARRATOR)]))
    consents.record_consent(arch, luis.id, [plain], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH}))
    consents.record_consent(arch, rosa.id, [hers], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH}, anonymisation={Anonymisation.PSEUDONYM},
        pseudonym="Ana"))
    expected = {item_id: [p.name for p in project(arch, item_id, Audience.RESEARCHER).item.places]
                for item_id in (plain, hers)}
    write_edition(arch, tmp_path / "edition", Audience.RESEARCHER, lang="en")
    accessions = {i: item_store.get_item(arch, i).accession for i in (plain, hers)}
    arch.close()
    edition, _info = open_edition(tmp_path / "edition")
    try:
        for item_id, accession in accessions.items():
            got = item_store.get_item(edition, item_store.resolve_item(edition, accession))
            assert [p.name for p in got.places] == expected[item_id]
    finally:
        edition.close()
