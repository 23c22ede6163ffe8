"""Shared fixtures: real archives in tmp_path, real media files made on the spot."""

from __future__ import annotations

import math
import os
import struct
import wave
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MEMORIA_USER", "test-archivist")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def archive(tmp_path):
    from memoria.storage.archive import Archive

    arch = Archive.create(tmp_path / "archive")
    arch.today_override = date(2026, 6, 1)
    yield arch
    arch.close()


def make_jpeg(path: Path, color=(180, 60, 40), size=(64, 48), exif: bytes | None = None) -> Path:
    from PIL import Image

    img = Image.new("RGB", size, color)
    img.save(path, "JPEG", quality=85, **({"exif": exif} if exif else {}))
    return path


def make_png(path: Path, color=(20, 120, 200, 255), size=(40, 40)) -> Path:
    from PIL import Image

    Image.new("RGBA", size, color).save(path, "PNG")
    return path


def make_wav(path: Path, seconds: float = 0.5, freq: float = 440.0, rate: int = 8000) -> Path:
    frames = int(seconds * rate)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(
            struct.pack("<h", int(12000 * math.sin(2 * math.pi * freq * i / rate)))
            for i in range(frames)
        ))
    return path


@pytest.fixture
def media_folder(tmp_path) -> Path:
    """A folder of real files of every format the import must take."""
    import shutil

    folder = tmp_path / "field-batch"
    folder.mkdir()
    make_jpeg(folder / "barrio.jpg")
    make_png(folder / "mural.png")
    make_wav(folder / "entrevista.wav")
    for name in ("tone.mp3", "tone.flac", "tone.ogg"):
        shutil.copy(DATA / "media" / name, folder / name)
    return folder


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(request, monkeypatch):
    """Offscreen, a modal QMessageBox waits forever. Answer every one the safe
    way (Cancel / No: never discard, never overwrite) and keep what was asked,
    so a test can assert on it through this fixture."""
    if "PySide6.QtWidgets" not in __import__("sys").modules:
        yield []
        return
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(kind):
        def static(parent, title, text, *args, **kwargs):
            asked.append(f"{kind}: {title}: {text}")
            if kind == "question":
                return QMessageBox.StandardButton.Cancel
            return QMessageBox.StandardButton.Ok
        return staticmethod(static)

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, answer(kind))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(
        f"exec: {self.text()}") or QMessageBox.StandardButton.Cancel)
    yield asked


PASSPHRASE = "frase de prueba"  # the encrypted_archive fixture's custodian "ana"


@pytest.fixture
def encrypted_archive(tmp_path):
    """A real encrypted archive (issue 13), opened by the custodian account "ana".

    Argon2id at its cheap test cost, given explicitly (memoria.crypto.keys.KdfCost.FOR_TESTS).
    """
    from memoria.crypto.keys import KdfCost
    from memoria.storage.archive import Archive

    arch = Archive.create(tmp_path / "encrypted", encrypt=True, account="ana",
                          passphrase=PASSPHRASE, kdf=KdfCost.FOR_TESTS)
    arch.today_override = date(2026, 6, 1)
    yield arch
    arch.close()
