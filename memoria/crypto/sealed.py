"""What a limited worker process gets to decode an encrypted stored file, and how it does.

The parent (storage/vault.py) sends a `Sealed` description (path, per-purpose key,
identity) through the worker's pipe, never a decrypted copy on disk. The worker
decrypts into an anonymous memory file (Linux `memfd_create`: no name on any
disk, gone when closed) and hands its /proc path to decoders that want a path
(Pillow, libsndfile, the stdlib wave module). A system without anonymous memory
files refuses rather than writing a temporary file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

CHUNK = 1024 * 1024


class SealedUnavailable(OSError):
    """Decoding an encrypted file in a worker is not possible on this system."""


@dataclass(frozen=True)
class Sealed:
    """An encrypted stored file as a worker process receives it (through its pipe)."""

    path: str
    key: bytes
    identity: bytes
    name: str  # the relative path, for messages


def open_sealed(sealed: Sealed) -> BinaryIO:
    from memoria.crypto.stream import StreamReader

    src = open(sealed.path, "rb")  # noqa: SIM115 - the reader owns it
    return StreamReader(src, sealed.key, sealed.identity, name=sealed.name)  # type: ignore[return-value]


@contextlib.contextmanager
def materialised(source: str | Sealed) -> Iterator[str]:
    """A path a decoder can open: the file itself, or its plaintext in anonymous memory.

    The memory file (Linux `memfd_create`) has no name on any disk and vanishes
    when closed; where the system has none, decoding an encrypted original in a
    worker is refused rather than written to a temporary file.
    """
    if isinstance(source, str):
        yield source
        return
    if not hasattr(os, "memfd_create") or not sys.platform.startswith("linux"):
        raise SealedUnavailable("decoding an encrypted original needs anonymous memory "
                                "files (Linux); this system has none")
    fd = os.memfd_create("memoria", os.MFD_CLOEXEC)
    try:
        with open_sealed(source) as reader:
            while chunk := reader.read(CHUNK):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view):]
        os.lseek(fd, 0, os.SEEK_SET)
        yield f"/proc/{os.getpid()}/fd/{fd}"
    finally:
        os.close(fd)


def worker_call(fn: Callable[..., Any], source: str | Sealed, *args: Any, **kwargs: Any) -> Any:
    """Worker side: `fn(path, *args)` with `path` readable plaintext of `source`."""
    with materialised(source) as path:
        return fn(path, *args, **kwargs)
