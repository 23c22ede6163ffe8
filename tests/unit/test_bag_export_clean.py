"""Bags carry only verified bytes, and for researchers or the public only clean
copies: withheld audio cut out, embedded metadata stripped, faces blurred."""

from __future__ import annotations

import json
import math
import os
import shutil
import struct
import wave
from datetime import date

import bagit
import pytest
from PIL import Image

from memoria.cli import main
from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope, SegmentDraft
from memoria.importing.importer import import_paths
from memoria.storage import authorities, consents
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.exhibits import set_blur_regions
from memoria.trust.bag import export_bag
from tests.conftest import DATA, make_jpeg
from tests.unit.test_media_support import jpeg_with_exif

RATE = 8000
CANARY_SECONDS = (2.0, 4.0)  # the withheld segment's audio


def _pcm(seconds: float, freq: float) -> bytes:
    return b"".join(struct.pack("<h", int(9000 * math.sin(2 * math.pi * freq * i / RATE)))
                    for i in range(int(seconds * RATE)))


def _two_part_wav(path):
    """Two seconds of one tone, then two seconds of another (the withheld part)."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(_pcm(2.0, 440.0) + _pcm(2.0, 1234.5))
    return path


def _all_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


@pytest.fixture
def lab(tmp_path):
    arch = Archive.create(tmp_path / "archive")
    arch.today_override = date(2026, 6, 1)
    wav = _two_part_wav(tmp_path / "entrevista.wav")
    mp3 = tmp_path / "tone.mp3"
    shutil.copy(DATA / "media" / "tone.mp3", mp3)
    photo = jpeg_with_exif(tmp_path / "marcha.jpg", size=(120, 80))
    plain = make_jpeg(tmp_path / "plain.jpg")
    ids = [o.item_id for o in import_paths(arch, [wav, mp3, photo, plain]).outcomes]
    ana = authorities.add_person(arch, "Ana Restrepo")
    for item_id, kind in zip(ids, (Kind.TESTIMONY, Kind.TESTIMONY, Kind.PHOTOGRAPH,
                                   Kind.PHOTOGRAPH), strict=True):
        item_store.update_item(arch, item_id, item_store.ItemFields(
            kind, f"Ítem {item_id}", people=[(ana.id, Role.NARRATOR)]))
    segs = {}
    for item_id in ids[:2]:
        segs[item_id] = item_store.save_segments(arch, item_id, [
            SegmentDraft(0, 2000, "Ana", "Llegamos."),
            SegmentDraft(2000, 4000, "Ana", "Lo que no se cuenta.")])
    consents.record_consent(arch, ana.id, ids[:2] + [ids[3]], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH}))
    consents.record_consent(arch, ana.id, ids[:2], consents.ConsentTerms(
        ConsentStatus.RESTRICTED, {Scope.INTERNAL}),
        segment_ids=[segs[ids[0]][1], segs[ids[1]][1]])
    consents.record_consent(arch, ana.id, [ids[2]], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH}, anonymisation={Anonymisation.BLUR_FACES}))
    yield arch, ids
    arch.close()


def test_withheld_audio_is_cut_out_of_a_researcher_bag(lab, tmp_path):
    arch, ids = lab
    report = export_bag(arch, [ids[0]], tmp_path / "bag", Audience.RESEARCHER, "en")
    assert report.exported and report.ok
    clips = list((tmp_path / "bag").rglob("*.wav"))
    assert len(clips) == 1
    with wave.open(str(clips[0])) as clip:
        assert clip.getnframes() == 2 * RATE  # the allowed two seconds only
    withheld = _pcm(2.0, 1234.5)
    everything = _all_bytes(tmp_path / "bag")
    for at in range(0, len(withheld) - 64, 4000):
        assert withheld[at:at + 64] not in everything
    meta = json.loads(next((tmp_path / "bag").rglob("metadata.json")).read_text())
    assert [f["start_ms"] for f in meta["files"]] == [0]
    bagit.Bag(str(tmp_path / "bag")).validate()


def test_a_recording_that_cannot_be_cut_stays_home_and_the_user_is_told(lab, tmp_path):
    arch, ids = lab
    report = export_bag(arch, [ids[1]], tmp_path / "bag", Audience.RESEARCHER, "en")
    assert report.exported  # the item's description and allowed transcript go
    assert not list((tmp_path / "bag").rglob("*.mp3"))
    assert any("cannot be cut" in w for w in report.warnings)
    original = (DATA / "media" / "tone.mp3").read_bytes()
    assert original[-2000:-1000] not in _all_bytes(tmp_path / "bag")


def test_photos_leave_clean_and_blurred(lab, tmp_path):
    arch, ids = lab
    report = export_bag(arch, [ids[2]], tmp_path / "no-regions", Audience.RESEARCHER, "en")
    assert not list((tmp_path / "no-regions").rglob("*.jpg"))  # blur asked, nothing marked
    assert any("blur" in w for w in report.warnings)
    photo = item_store.media_of(arch, ids[2])[0]
    set_blur_regions(arch, photo.sha256, [(0.0, 0.0, 0.5, 1.0)])
    export_bag(arch, [ids[2], ids[3]], tmp_path / "bag", Audience.RESEARCHER, "en")
    copies = sorted((tmp_path / "bag").rglob("*.jpg"))
    assert len(copies) == 2
    everything = _all_bytes(tmp_path / "bag")
    for leak in (b"Canon", b"Ana Perez", b"Marcha por la paz", b"Exif"):
        assert leak not in everything
    meta = json.loads((tmp_path / "bag" / "data" / item_store.get_item(arch, ids[2]).accession
                       / "metadata.json").read_text())
    [entry] = meta["files"]
    assert entry["blurred"] is True
    with Image.open(tmp_path / "bag" / "data" / meta["accession"] / entry["file"]) as im:
        left = im.crop((0, 0, im.width // 2, im.height)).convert("RGB")
        colours = {left.getpixel((x, y)) for x in range(0, left.width, 5)
                   for y in range(0, left.height, 5)}
        assert len(colours) < 40  # blurred: the red half is a smooth field


@pytest.mark.parametrize("damage", ["truncated", "deleted"])
def test_a_bag_never_carries_a_damaged_original(lab, tmp_path, capsys, damage):
    arch, ids = lab
    victim = item_store.media_of(arch, ids[3])[0]
    path = arch.path(victim.path)
    path.chmod(0o644)
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[:200])
    else:
        path.unlink()
    acc = item_store.get_item(arch, ids[3]).accession
    root = arch.root
    arch.close()
    for audience in ("custodian", "researcher"):
        dest = tmp_path / f"bag-{audience}"
        code = main(["--lang", "en", "--archive", str(root), "export-bag", "--all", str(dest),
                     "--as", audience])
        out = capsys.readouterr()
        assert code == 1 and "Traceback" not in out.err + out.out
        cause = "missing" if damage == "deleted" else "does not match its checksum"
        assert f"{acc}: the original" in out.out and cause in out.out
        assert not (dest / "data" / acc).exists()
        bagit.Bag(str(dest)).validate()
        assert not list(tmp_path.glob(".bag-*"))  # no debris beside it
        with Archive.open(root, writable=False) as again:
            copy = copy_store.list_copies(again)[0]
            assert ids[3] not in copy_store.items_of(again, copy.id)
    es = main(["--lang", "es", "--archive", str(root), "export-bag", acc, str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert es == 1 and "No se exportó nada" in err and "el elemento quedó fuera" in err
    assert not (tmp_path / "x").exists() and not list(tmp_path.glob(".x.*"))


def test_what_a_killed_export_left_beside_the_bag_is_cleaned_by_the_next(lab, tmp_path):
    arch, ids = lab
    dead = tmp_path / ".bag.999999999-0123456789abcdef0123456789abcdef.building"
    (dead / "data").mkdir(parents=True)
    (dead / "data" / "half.jpg").write_bytes(b"half")
    (dead.with_suffix(".work")).mkdir()
    mine = tmp_path / f".bag.{os.getpid()}-0123456789abcdef0123456789abcdef.building"
    mine.mkdir()  # a live process's work is never touched
    export_bag(arch, [ids[3]], tmp_path / "bag", Audience.RESEARCHER)
    assert not dead.exists() and not dead.with_suffix(".work").exists()
    assert mine.exists()


@pytest.mark.slow
def test_a_killed_export_leaves_no_bag_or_a_whole_one(lab, tmp_path):
    import signal
    import subprocess
    import sys
    import time

    arch, _ids = lab
    root = arch.root
    arch.close()
    env = {**os.environ, "MEMORIA_LANG": "en"}
    for n, delay in enumerate((0.7, 1.5)):
        dest = tmp_path / f"bag{n}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "memoria", "--archive", str(root), "export-bag", "--all",
             str(dest), "--as", "researcher"], env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if dest.exists():
            bagit.Bag(str(dest)).validate()  # a bag is there whole, or not at all
            continue
        subprocess.run([sys.executable, "-m", "memoria", "--archive", str(root), "export-bag",
                        "--all", str(dest), "--as", "researcher"], env=env, check=True,
                       capture_output=True)
        bagit.Bag(str(dest)).validate()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(f".bag{n}.")]
