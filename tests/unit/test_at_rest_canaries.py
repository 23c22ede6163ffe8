"""At rest, an encrypted archive folder holds nothing readable: every byte of every file
(catalogue, WAL, media, derived, index, tmp, automatic copies, backups) is scanned for
canary words and names and for a long run of an original's bytes, and none is found.
The same scan of a plain archive finds them, so the scan can fail.

Each area is its own test case; a new kind of file the archive writes gets its area
in `AREAS` (a file in no area is checked by the "anywhere else" case).
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PIL import Image

from memoria.crypto.keys import KdfCost
from memoria.domain.model import Kind, Role, SegmentDraft
from memoria.importing.importer import ImportOptions, import_paths
from memoria.media import derive
from memoria.search.engine import SearchEngine
from memoria.storage import authorities, media_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.trust.autobackup import rolling_backup
from memoria.trust.backup import backup_archive

CANARY_WORDS = ["Quimbayacanario", "zorzalcanario", "Arrieroscanario"]
CANARY_NAME = "Eduviges Canariotorres"
EXIF_CANARY = "Exifcanario Guacharaca"
RUN = 48  # bytes of an original that must not appear anywhere in a row


def create(root: Path, encrypted: bool) -> Archive:
    """A new archive, plain or encrypted (SQLCipher catalogue, STREAM files)."""
    if not encrypted:
        return Archive.create(root)
    return Archive.create(root, encrypt=True, account="ana",
                          passphrase=PASSPHRASE, kdf=KdfCost.FOR_TESTS)


def photo(path: Path) -> Path:
    """A photograph with a canary caption in EXIF and a pixel pattern no encoder smooths."""
    im = Image.new("RGB", (640, 480))
    im.putdata([((x * 37) % 256, (y * 91) % 256, (x * y) % 256)
                for y in range(480) for x in range(640)])
    exif = Image.Exif()
    exif[0x010E] = EXIF_CANARY
    im.save(path, "JPEG", quality=95, exif=exif)
    return path


def recording(path: Path) -> Path:
    """A WAV whose samples are a pattern (a long run of them is the canary)."""
    import wave

    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"".join(struct.pack("<h", (i * 7919) % 30000 - 15000)
                                 for i in range(16000)))
    return path


def build(root: Path, tmp: Path, encrypted: bool) -> dict[str, bytes]:
    """An archive with a photograph, a recording and a testimony holding canaries; derived
    files made, index built, an automatic copy, a backup, an import stopped between the
    copy and the commit, and one killed halfway through the copy."""
    archive = create(root, encrypted)
    try:
        sources = tmp / "sources"
        sources.mkdir()
        jpg, wav = photo(sources / "foto.jpg"), recording(sources / "voz.wav")
        report = import_paths(archive, [jpg], ImportOptions(kind=Kind.PHOTOGRAPH))
        (pic,) = report.with_status("imported")
        report = import_paths(archive, [wav], ImportOptions(kind=Kind.TESTIMONY))
        (voice,) = report.with_status("imported")
        person = authorities.add_person(archive, CANARY_NAME)
        fields = item_store.ItemFields.from_item(item_store.get_item(archive, voice.item_id))
        fields.title = f"Testimonio de {CANARY_NAME}"
        fields.people = [(person.id, Role.NARRATOR)]
        item_store.update_item(archive, voice.item_id, fields)
        item_store.save_segments(archive, voice.item_id, [
            SegmentDraft(0, 1000, CANARY_NAME, " ".join(CANARY_WORDS))])
        derive.ensure_derivatives(archive, pic.sha256, force=True)  # thumbnail + access copy
        derive.ensure_derivatives(archive, voice.sha256, force=True)  # waveform
        engine = SearchEngine(archive)
        engine.ensure_fresh()
        engine.close()
        rolling_backup(archive)
        backup_archive(archive, tmp / "backup")  # a backup drive: scanned too
        media_store.stage(archive, sources / "voz.wav", "wav")  # a kill before the commit
        (sources / "second.jpg").write_bytes(jpg.read_bytes()[:-10] + b"0123456789")
        killed = media_store.stage(archive, sources / "second.jpg", "jpg")
    finally:
        archive.conn.commit()
        archive.close()
    kill_an_import(root, wav, tmp, encrypted)
    data = jpg.read_bytes()
    samples = wav.read_bytes()
    return {"photo": data[len(data) // 2:len(data) // 2 + RUN],
            "audio": samples[len(samples) // 2:len(samples) // 2 + RUN],
            # a known photograph confirmed by its SHA-256 in a file name
            "sha256 of the photo": pic.sha256.encode(),
            "sha256 of the recording": voice.sha256.encode(),
            "sha256 of a killed import": killed.sha256.encode()}


PASSPHRASE = "canario de prueba 2026"


def _open(root: Path, encrypted: bool) -> Archive:
    if not encrypted:
        return Archive.open(root)
    from memoria.crypto.keys import unlock

    return Archive.open(root, keys=unlock(root, "ana", PASSPHRASE))


def _stage_in_child(root: str, source: str, encrypted: bool) -> None:
    """Child process: copy a big file into the archive (killed halfway by the parent)."""
    archive = _open(Path(root), encrypted)
    media_store.stage(archive, Path(source), "wav")


def kill_an_import(root: Path, wav: Path, tmp: Path, encrypted: bool) -> None:
    """A process killed (SIGKILL) while it copies a recording into tmp/: what it leaves."""
    import multiprocessing
    import time

    big = tmp / "sources" / "larga.wav"
    big.write_bytes(wav.read_bytes() * 2000)  # ~64 MB: the copy takes a while
    child = multiprocessing.get_context("spawn").Process(
        target=_stage_in_child, args=(str(root), str(big), encrypted))
    child.start()
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and child.is_alive():
            parts = list((root / "tmp").glob("*.part"))
            if parts and parts[0].stat().st_size > 1 << 20:
                break
            time.sleep(0.002)
    finally:
        child.kill()
        child.join()
    assert list((root / "tmp").glob("*.part")), "the import was not caught halfway"


def canaries(runs: dict[str, bytes]) -> list[tuple[str, bytes]]:
    found = [(w, w.encode()) for w in CANARY_WORDS]
    found += [(CANARY_NAME, CANARY_NAME.encode()), (EXIF_CANARY, EXIF_CANARY.encode())]
    found += [(f"{k} bytes", v) for k, v in runs.items()]
    lower = [(f"{n} (folded)", b.lower()) for n, b in found[:5]]
    # a derived picture or waveform in the clear (thumbnails carry no EXIF: their format is
    # what gives them away)
    plain_files = [("JPEG in the clear", b"JFIF"), ("PNG in the clear", b"IHDR"),
                   ("waveform in the clear", b"MWF1")]
    return found + lower + plain_files


AREAS = {
    "catalogue": lambda rel: rel.startswith("catalogue.sqlite"),  # with -wal, -shm
    "media": lambda rel: rel.startswith("media/"),
    "derived": lambda rel: rel.startswith("derived/"),
    "index": lambda rel: rel.startswith("index/"),
    "tmp": lambda rel: rel.startswith("tmp/"),
    "automatic copies": lambda rel: rel.startswith("backups/auto/"),
    "backups": lambda rel: rel.startswith("../backup/"),  # `memoria backup`'s destination
}

def scan(root: Path, runs: dict[str, bytes]) -> dict[str, list[str]]:
    """area -> ["relative/path: canary", ...] for every canary found in every file."""
    found: dict[str, list[str]] = {area: [] for area in AREAS}
    found["other"] = []
    needles = canaries(runs)
    for path in sorted([*root.rglob("*"), *(root.parent / "backup").rglob("*")]):
        if not path.is_file():
            continue
        rel = relative(path, root)
        data = path.read_bytes()
        area = next((a for a, test in AREAS.items() if test(rel)), "other")
        folded = data.lower()
        found[area] += [f"{rel}: {name}" for name, needle in needles
                        if needle in data or needle in folded
                        or needle.decode("latin-1") in rel]  # names count too
    return found


def relative(path: Path, root: Path) -> str:
    return (path.relative_to(root).as_posix() if path.is_relative_to(root)
            else "../" + path.relative_to(root.parent).as_posix())


def files(root: Path) -> list[str]:
    return [relative(p, root) for p in [*root.rglob("*"), *(root.parent / "backup").rglob("*")]
            if p.is_file()]


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("plain")
    runs = build(tmp / "archive", tmp, encrypted=False)
    return scan(tmp / "archive", runs), tmp / "archive"


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("encrypted")
    runs = build(tmp / "archive", tmp, encrypted=True)
    return scan(tmp / "archive", runs), tmp / "archive"


@pytest.mark.parametrize("area", list(AREAS))
def test_an_encrypted_archive_holds_no_canary(encrypted, area):
    found, root = encrypted
    assert any(AREAS[area](rel) for rel in files(root)), f"nothing in {area} was scanned"
    assert found[area] == []


def test_an_encrypted_archive_holds_no_canary_anywhere_else(encrypted):
    found, _root = encrypted
    assert found["other"] == []


@pytest.mark.parametrize("area", ["catalogue", "media", "derived", "index", "tmp",
                                  "automatic copies", "backups"])
def test_the_scan_finds_the_canaries_in_a_plain_archive(plain, area):
    found, _root = plain
    assert found[area], f"the scan found nothing in a plain archive's {area}"


def test_a_killed_plain_import_leaves_the_recording_readable_in_tmp(plain):
    found, _root = plain
    assert any(line.endswith(": audio bytes") and ".part" in line for line in found["tmp"])


def test_the_plain_archive_shows_every_kind_of_canary(plain):
    found, _root = plain
    everything = "\n".join(line for lines in found.values() for line in lines)
    for needle in [*CANARY_WORDS, CANARY_NAME, EXIF_CANARY, "photo bytes", "audio bytes"]:
        assert needle in everything
