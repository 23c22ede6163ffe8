"""Promise 7: hostile or broken files never crash or hang an import.

Decoding happens in a worker process with time and memory limits
(memoria.importing.probe.SafeProbe over memoria.media.safe); the size limit
and the content sniff come first, so a 4 GB sparse file is refused in
microseconds without being read.
"""

from __future__ import annotations

import os
import shutil
import struct
import time
import unicodedata
import zlib

from bench.crash_stress import check_after_crash
from memoria.importing.importer import import_paths
from tests.conftest import DATA, make_jpeg, make_png, make_wav


def _png_bomb(path) -> None:
    """A valid PNG header declaring 50000 x 50000 pixels (7.5 GB decoded)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat)
                     + chunk(b"IEND", b""))


def _hostile_folder(tmp_path):
    folder = tmp_path / "lote hostil"
    folder.mkdir()
    good = {
        "bueno.jpg": make_jpeg(folder / "bueno.jpg"),
        "mural.png": make_png(folder / "mural.png"),
        "voz.wav": make_wav(folder / "voz.wav"),
        "en realidad foto.wav": make_jpeg(folder / "en realidad foto.wav", color=(1, 99, 1)),
        "CON.jpg": make_jpeg(folder / "CON.jpg", color=(5, 5, 200)),
        "aux.wav": make_wav(folder / "aux.wav", freq=660),
        unicodedata.normalize("NFC", "José.jpg"): make_jpeg(
            folder / unicodedata.normalize("NFC", "José.jpg"), color=(77, 1, 1)),
        unicodedata.normalize("NFD", "José.jpg"): make_jpeg(
            folder / unicodedata.normalize("NFD", "José.jpg"), color=(1, 1, 77)),
        "foto\u202egpj.exe": make_jpeg(folder / "foto\u202egpj.exe", color=(3, 3, 3)),
    }
    shutil.copy(DATA / "media" / "tone.mp3", folder / "tono.mp3")
    good["tono.mp3"] = folder / "tono.mp3"
    bad = {}
    _png_bomb(folder / "bomba.png")
    bad["bomba.png"] = "bomb"
    data = make_jpeg(tmp_path / "x.jpg", size=(400, 300)).read_bytes()
    (folder / "cortada.jpg").write_bytes(data[: len(data) // 3])
    bad["cortada.jpg"] = "truncated"
    (folder / "basura.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(300))
    bad["basura.png"] = "PNG"
    wav = make_wav(tmp_path / "x.wav", seconds=2).read_bytes()
    (folder / "cortada.wav").write_bytes(wav[:200])
    bad["cortada.wav"] = "WAV"
    (folder / "rota.mp3").write_bytes(b"ID3\x04\x00\x00\x00\x00\x00\x10" + os.urandom(64))
    bad["rota.mp3"] = "MP3"
    (folder / "vacia.jpg").write_bytes(b"")
    bad["vacia.jpg"] = "empty"
    (folder / "texto.jpg").write_text("no soy una foto")
    bad["texto.jpg"] = "not a photograph"
    os.symlink("/etc/hostname", folder / "enlace.jpg")
    bad["enlace.jpg"] = "outside"
    with open(folder / "larguisima.wav", "wb") as handle:  # a header, then 4 GB of holes
        handle.write(wav[:44])
        handle.truncate(4 * 2**30)
    bad["larguisima.wav"] = "over the import limit"
    return folder, good, bad


def test_hostile_folder_imports_the_good_and_names_the_bad(archive, tmp_path):
    folder, good, bad = _hostile_folder(tmp_path)
    archive.set_setting("import.max_file_mb", "1024")
    start = time.monotonic()
    report = import_paths(archive, [folder])
    elapsed = time.monotonic() - start
    by_name = {o.path.name: o for o in report.outcomes}
    for name in good:
        assert by_name[name].status == "imported", (name, by_name[name].reason)
    for name, why in bad.items():
        outcome = by_name[name]
        assert outcome.status == "failed", (name, outcome)
        assert why.lower() in outcome.reason.lower(), (name, outcome.reason)
    assert len(report.outcomes) == len(good) + len(bad)
    assert elapsed < 30, f"hostile import took {elapsed:.1f} s"
    technical = archive.conn.execute(
        "SELECT technical FROM blobs WHERE format = 'PNG'").fetchone()[0]
    assert '"width": 40' in technical
    archive.close()
    assert check_after_crash(archive.root) == []


def test_size_limit_default_accepts_long_recordings(archive, tmp_path):
    from memoria.importing.probe import DEFAULT_MAX_FILE_MB, SafeProbe

    probe = SafeProbe.for_archive(archive)
    try:
        assert probe.max_bytes == DEFAULT_MAX_FILE_MB << 20 >= 8 * 2**30
        assert probe(make_wav(tmp_path / "a.wav")).technical["duration"] == 0.5
    finally:
        probe.close()
