"""The full-text index of an encrypted archive: whoosh's files as STREAM files.

Whoosh reads and writes its index only through a ``Storage`` object; this one
(a ``FileStorage`` in the same folder layout) seals every file it creates with
:mod:`memoria.crypto.stream` (AES-256-GCM in 64 KiB chunks) and opens every file
it reads with a ``StreamReader``: a query decrypts only the chunks it touches, and
the most recently used decrypted chunks stay in memory (one budget for the
process, :data:`CACHE_BYTES`; :func:`forget_decrypted` empties it). Nothing
is decrypted at open beyond the last chunk of each file (its authentication)
and nothing decrypted is ever written to disk:

- the segment files, the TOC (written under a temporary name, then renamed:
  the identity is the final name, see :func:`identity`) and the deletions;
- whoosh's temporary files: the posting pool's sorted runs and the per-document
  column file (written, then read back, in a ``<index>.tmp`` folder inside the
  index folder) are sealed with a random key that exists only in this process,
  so a killed build leaves ciphertext nobody can open;
- the write lock is an empty file (an OS lock on it); no memory map is ever used
  (``supports_mmap`` is False and the files have no ``fileno``).

Identity (the associated data and the HKDF info of each file) = a label, the
build folder's name (each full build gets a new one: the index generation) and
the file's name: a file copied from another build or renamed onto another
file's name fails to open. Keys: ``ArchiveKeys.subkey("index")``.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
from typing import Any

from whoosh.filedb.filestore import FileStorage, ReadOnlyError
from whoosh.filedb.structfile import StructFile
from whoosh.util import random_name

from memoria.crypto.stream import (
    CHUNK,
    ChunkCache,
    StreamDamaged,
    StreamReader,
    StreamWriter,
    plaintext_size,
)

__all__ = ["EncryptedStorage", "forget_decrypted", "identity"]

LABEL = b"memoria/index/v1"
#: Decrypted index chunks kept in this process, all index files together (a
#: plain index leans on the OS page cache instead; see docs/benchmarks.md,
#: "Encrypted vs plain", for how the size was chosen).
CACHE_BYTES = 64 * 1024 * 1024
CACHE = ChunkCache(CACHE_BYTES)


def forget_decrypted() -> None:
    """Drop every decrypted index chunk held in memory (the archive locks)."""
    CACHE.clear()

_TOC_TEMP = re.compile(r"(.+\.toc)\.[0-9][0-9.e+-]*")


def identity(build: str, name: str) -> bytes:
    """What a file is: the build folder it belongs to and its name in it.

    Whoosh writes a TOC as ``_MAIN_N.toc.<time>`` and renames it to
    ``_MAIN_N.toc``; both names have the final one's identity.
    """
    final = _TOC_TEMP.fullmatch(name)
    return b"\0".join((LABEL, build.encode("utf-8"), (final.group(1) if final else name)
                       .encode("utf-8")))


class _SealedFile(StructFile):
    """A StructFile over a StreamReader or StreamWriter: never 'real' (no fileno,
    so no mmap and no array.tofile), and reads go straight to the reader."""

    def __init__(self, stream: Any, name: str,
                 onclose: Any = None) -> None:
        self.file = stream
        self._name = name
        self.onclose = onclose
        self.is_closed = False
        self.is_real = False
        if isinstance(stream, StreamReader):
            # bound methods: one Python call per read instead of two
            self.read = stream.read  # type: ignore[method-assign]
            self.seek = stream.seek  # type: ignore[method-assign]
            self.tell = stream.tell  # type: ignore[method-assign]
            self.get = stream.read_at  # type: ignore[method-assign]


class _Scratch:
    """A temporary file opened "w+b" that is written, then read back (whoosh's
    per-document column file): sealed while written, opened for reading at the
    first read or seek backwards."""

    def __init__(self, path: str, key: bytes, ident: bytes, excl: bool) -> None:
        self._path, self._key, self._ident = path, key, ident
        self._writer: StreamWriter | None = StreamWriter(_create(path, excl), key, ident)
        self._reader: StreamReader | None = None
        self.name = path

    def write(self, data: bytes) -> int:
        if self._writer is None:
            raise OSError(errno.EBADF, "a sealed scratch file is read-only now")
        return self._writer.write(data)

    def tell(self) -> int:
        return self._writer.tell() if self._writer is not None else self._reading().tell()

    def _reading(self) -> StreamReader:
        if self._reader is None:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            self._reader = StreamReader(open(self._path, "rb"), self._key,  # noqa: SIM115
                                        self._ident, name=self._path)
        return self._reader

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._writer is not None and whence == 0 and offset == self._writer.tell():
            return offset
        return self._reading().seek(offset, whence)

    def read(self, size: int = -1) -> bytes:
        return self._reading().read(size)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None


def _create(path: str, excl: bool) -> Any:
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if excl else os.O_TRUNC)
    flags |= getattr(os, "O_BINARY", 0)
    return os.fdopen(os.open(path, flags, 0o600), "wb")


class EncryptedStorage(FileStorage):
    """A whoosh FileStorage whose files are STREAM-encrypted (see the module doc).

    ``build`` is the index generation the files belong to (the build folder's
    name); a part folder of a build uses its build's name, so its files keep
    their identity when they move into the build folder.
    """

    supports_mmap = False

    def __init__(self, path: str | os.PathLike[str], key: bytes, build: str,
                 readonly: bool = False, cache: ChunkCache | None = None,
                 buffered: bool = False) -> None:
        super().__init__(os.fspath(path), supports_mmap=False, readonly=readonly)
        if len(key) != 32:
            raise ValueError("the index key has 32 bytes")
        self._key = bytes(key)
        self.build = build
        self.cache = cache if cache is not None else CACHE
        # whoosh's posting pool writes and reads its sorted runs one marshal item at
        # a time through raw_file(): a C buffer in between saves a Python call per item
        self.buffered = buffered

    def __repr__(self) -> str:  # never the key
        return f"EncryptedStorage({self.folder!r}, build={self.build!r})"

    def create(self) -> EncryptedStorage:
        os.makedirs(self.folder, mode=0o700, exist_ok=True)
        if not os.path.isdir(self.folder):
            raise OSError(errno.ENOTDIR, f"{self.folder!r} is not a directory")
        return self

    def create_file(self, name: str, excl: bool = False, mode: str = "wb",
                    **kwargs: Any) -> StructFile:
        if self.readonly:
            raise ReadOnlyError
        path = self._fpath(name)
        ident = identity(self.build, name)
        if "+" in mode or "r" in mode:
            return _SealedFile(_Scratch(path, self._key, ident, excl), name, **kwargs)
        writer = StreamWriter(_create(path, excl), self._key, ident)
        if self.buffered:
            return _SealedFile(io.BufferedWriter(writer, CHUNK), name, **kwargs)
        return _SealedFile(writer, name, **kwargs)

    def open_file(self, name: str, **kwargs: Any) -> StructFile:
        path = self._fpath(name)
        reader = StreamReader(open(path, "rb"), self._key, identity(self.build, name),  # noqa: SIM115
                              cache=self.cache, name=path)
        if self.buffered:
            return _SealedFile(io.BufferedReader(reader, CHUNK), name, **kwargs)
        return _SealedFile(reader, name, **kwargs)

    def lock(self, name: str) -> Any:
        """Whoosh's OS file lock, on an empty file created owner-only."""
        path = self._fpath(name)
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        return super().lock(name)

    def file_length(self, name: str) -> int:
        """The plaintext length (whoosh reads tables from a file's end)."""
        path = self._fpath(name)
        try:
            return plaintext_size(os.path.getsize(path))
        except ValueError:
            raise StreamDamaged(path, "length") from None

    def temp_storage(self, name: str | None = None) -> EncryptedStorage:
        """A folder for whoosh's temporary files, sealed with a key of this process only."""
        name = name or f"{random_name()}.tmp"
        temp = type(self)(os.path.join(self.folder, name), os.urandom(32),
                          f"{self.build}/{name}",
                          cache=ChunkCache(4 * CHUNK),  # read once, in order: keep few
                          buffered=True)
        return temp.create()
