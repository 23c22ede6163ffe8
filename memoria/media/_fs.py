"""Atomic file writes shared by every producer of derived or exported files.

A thumbnail half-written when the app is killed would be shown as a broken
picture forever; an export half-written could leak a partly stripped file.
Writing to a temporary sibling and `os.replace`-ing it means readers only
ever see the old file or the complete new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".tmp-memoria-"


def atomic_write(dest: Path, write: Callable[[BinaryIO], None], *, durable: bool = False) -> Path:
    """Call `write(fileobj)` on a temporary sibling of `dest`, then move it into place.

    `durable=True` fsyncs before the rename, for exports that leave the machine;
    rebuildable caches skip it because it costs a disk flush per file.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=dest.suffix, dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return dest


def temp_sibling(dest: Path) -> Path:
    """A new empty file next to `dest` under a name start-up sweeps recognise."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=dest.suffix, dir=dest.parent)
    os.close(fd)
    return Path(tmp)


def copy_to_temp_sibling(src: Path, dest: Path) -> Path:
    """Copy `src` next to `dest` under a temporary name, for edit-then-rename."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=dest.suffix, dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
            while chunk := inp.read(1 << 20):
                out.write(chunk)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)
