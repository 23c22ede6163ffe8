"""Files encrypted in fixed-size chunks, readable at any offset: the STREAM construction.

STREAM (Hoang, Reyhanitabar, Rogaway and Vizár, "Online Authenticated-Encryption
and its Nonce-Reuse Misuse-Resistance", CRYPTO 2015) turns an AEAD into an online
one: the plaintext is cut into segments, each sealed on its own with a nonce made
of a per-file prefix, the segment's index and a flag saying whether it is the last
one. Reordering, dropping or duplicating segments, or cutting the file at a segment
boundary, makes a segment fail to open. Here the AEAD is AES-256-GCM from
`cryptography`; nothing else is ours but the layout:

    header   MAGIC (8 bytes) | VERSION (1 byte) | salt (32 random bytes) | prefix (7 random bytes)
    chunk i  AES-256-GCM(file_key, nonce_i, plaintext_i, associated data = identity)
             plaintext_i is CHUNK bytes, except the last one (0..CHUNK bytes)

    file_key = HKDF-SHA256(key, salt=salt, info=identity)      (a fresh key for every file)
    nonce_i  = prefix (7) | i as u32 big-endian (4) | 1 if last else 0 (1)

The identity names what the file is (its place in the archive); a file copied onto
another's name fails, because both the key and the associated data change. An
empty file is one empty last chunk. The plaintext size follows from the
ciphertext's length, and the reader authenticates the last chunk when it opens, so
a truncated file is found at once. A reader decrypts only the chunks it is asked
for and keeps the most recent ones in a small cache.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections import OrderedDict
from pathlib import Path
from typing import IO, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from memoria.domain.messages import default_language

CHUNK = 64 * 1024
_SHIFT = 16  # CHUNK == 1 << _SHIFT
_MASK = CHUNK - 1
TAG = 16
SEALED = CHUNK + TAG
MAGIC = b"MEMSTRM\n"
VERSION = 1
SALT = 32
PREFIX = 7
HEADER = len(MAGIC) + 1 + SALT + PREFIX  # 48 bytes
MAX_CHUNKS = 2**32
CACHE_CHUNKS = 16

_TEXT = {
    "es": "El archivo cifrado {file} está dañado o no corresponde a este archivo "
          "({cause}); no se leyó nada de él.",
    "en": "The encrypted file {file} is damaged or does not belong here ({cause}); "
          "nothing was read from it.",
}
_CAUSES = {
    "es": {
        "header": "su encabezado no es el de un archivo cifrado de Memoria",
        "version": "fue escrito por una versión más nueva de Memoria",
        "length": "está truncado",
        "chunk": "un bloque no pasa la verificación: se cambió, se movió o se cortó, "
                 "o la llave no es la suya",
    },
    "en": {
        "header": "its header is not that of a Memoria encrypted file",
        "version": "a newer version of Memoria wrote it",
        "length": "it is truncated",
        "chunk": "a block fails verification: it was changed, moved or cut, or the key "
                 "is not its own",
    },
}


class StreamDamaged(Exception):
    """An encrypted file cannot be trusted: changed, truncated, swapped, or the wrong key.

    `sentence(lang)` names the file and the cause in Spanish or English; str() is the
    sentence in the default language. Nothing decrypted is ever part of it.
    """

    def __init__(self, file: str, cause: str) -> None:
        self.file = file
        self.cause = cause
        super().__init__(self.sentence(default_language()))

    def sentence(self, lang: str = "es") -> str:
        lang = lang if lang in _TEXT else "es"
        return _TEXT[lang].format(file=self.file, cause=_CAUSES[lang][self.cause])


def file_key(key: bytes, salt: bytes, identity: bytes) -> bytes:
    """The per-file AES-256 key: HKDF-SHA256(key, salt, info=identity)."""
    if len(key) < 32:
        raise ValueError("a STREAM key has at least 32 bytes")
    return HKDF(algorithm=SHA256(), length=32, salt=salt, info=identity).derive(bytes(key))


def nonce(prefix: bytes, index: int, last: bool) -> bytes:
    """prefix (7 bytes) | chunk index (u32 BE) | last-chunk flag (1 byte)."""
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def plaintext_size(ciphertext_size: int) -> int:
    """The plaintext length of a well-formed file of this length (ValueError if none)."""
    body = ciphertext_size - HEADER
    if body < TAG:
        raise ValueError("too short")
    chunks = -(-body // SEALED)
    last = body - (chunks - 1) * SEALED - TAG
    if last < 0:
        raise ValueError("cut inside a chunk tag")
    return (chunks - 1) * CHUNK + last


def _name_of(stream: object, default: str) -> str:
    name = getattr(stream, "name", None)
    return str(name) if isinstance(name, (str, Path)) else default


class StreamWriter(io.RawIOBase):
    """Writes an encrypted file sequentially; close() seals the last chunk.

    Whole chunks go out as soon as more than CHUNK bytes are waiting, so at most
    one chunk of plaintext is held in memory. `close_dest` closes the destination
    too (the default, as `open()` would).
    """

    def __init__(self, dest: BinaryIO | IO[bytes], key: bytes, identity: bytes,
                 close_dest: bool = True) -> None:
        super().__init__()
        self._dest = dest
        self._close_dest = close_dest
        self._identity = bytes(identity)
        salt = os.urandom(SALT)
        self._prefix = os.urandom(PREFIX)
        self._aead = AESGCM(file_key(key, salt, self._identity))
        self._buffer = bytearray()
        self._index = 0
        self._written = 0
        self.name = _name_of(dest, "")
        dest.write(MAGIC + bytes([VERSION]) + salt + self._prefix)

    def writable(self) -> bool:
        return True

    def _seal(self, data: bytes | bytearray, last: bool) -> None:
        if self._index >= MAX_CHUNKS:
            raise ValueError("file too large for one STREAM")
        n = nonce(self._prefix, self._index, last)
        self._dest.write(self._aead.encrypt(n, bytes(data), self._identity))
        self._index += 1

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.closed:
            raise ValueError("write to a closed StreamWriter")
        view = memoryview(data).cast("B")
        size = len(view)
        self._buffer += view
        if len(self._buffer) > CHUNK:
            # keep 1..CHUNK bytes back: the last chunk is only known at close()
            cut = ((len(self._buffer) - 1) // CHUNK) * CHUNK
            for start in range(0, cut, CHUNK):
                self._seal(self._buffer[start:start + CHUNK], last=False)
            del self._buffer[:cut]
        self._written += size
        return size

    def tell(self) -> int:
        return self._written

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        if self.closed:
            return
        try:
            self._seal(self._buffer, last=True)
            self._buffer = bytearray()
            self._dest.flush()
        finally:
            super().close()
            if self._close_dest:
                self._dest.close()

    def abandon(self) -> None:
        """Close without sealing (the file stays unreadable: an error path)."""
        self._buffer = bytearray()
        if not self.closed:
            super().close()
            if self._close_dest:
                self._dest.close()


class ChunkCache:
    """Decrypted chunks kept in memory, least recently used out first, up to
    `max_bytes`; one may serve many readers (a chunk is known by a digest of its
    file's key, which binds the key, the salt and the identity, and its index:
    a reader never meets a chunk it could not have decrypted itself).
    `clear()` forgets them all (when the archive locks)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._chunks: OrderedDict[tuple[bytes, int], bytes] = OrderedDict()
        self._bytes = 0

    def get(self, key: tuple[bytes, int]) -> bytes | None:
        data = self._chunks.get(key)
        if data is not None:
            try:  # noqa: SIM105 - suppress() costs two Python calls on every chunk switch
                self._chunks.move_to_end(key)
            except KeyError:  # another thread evicted it meanwhile
                pass
        return data

    def put(self, key: tuple[bytes, int], data: bytes) -> None:
        chunks = self._chunks
        if key in chunks:
            return
        chunks[key] = data
        self._bytes += len(data) + 64
        while self._bytes > self.max_bytes and len(chunks) > 1:
            try:
                _, old = chunks.popitem(last=False)
            except KeyError:  # emptied by another thread
                break
            self._bytes -= len(old) + 64

    def clear(self) -> None:
        self._chunks.clear()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._chunks)


class StreamReader(io.RawIOBase):
    """Reads an encrypted file at any offset, decrypting only the chunks it needs.

    The size comes from the ciphertext's length; the last chunk is authenticated
    when the reader opens, so a truncated file raises StreamDamaged at once. Any
    other chunk that fails raises StreamDamaged when it is read. Decrypted chunks
    are kept in `cache`: a number of chunks for this reader alone, or a
    ChunkCache shared with other readers.
    """

    def __init__(self, src: BinaryIO | IO[bytes], key: bytes, identity: bytes,
                 cache: int | ChunkCache = CACHE_CHUNKS, name: str | None = None,
                 close_src: bool = True) -> None:
        super().__init__()
        self._src = src
        self._close_src = close_src
        self._identity = bytes(identity)
        self.name = name if name is not None else _name_of(src, "?")
        self._cache = cache if isinstance(cache, ChunkCache) else ChunkCache(
            max(1, cache) * (CHUNK + 64))
        self._pos = 0
        self._cur = -1          # the chunk read last, kept at hand: most reads stay in it
        self._cur_data = b""
        try:
            src.seek(0)
            header = src.read(HEADER)
            if len(header) < HEADER or header[:len(MAGIC)] != MAGIC:
                raise StreamDamaged(self.name, "header" if len(header) >= len(MAGIC)
                                    else "length")
            if header[len(MAGIC)] != VERSION:
                raise StreamDamaged(self.name, "version")
            salt = header[len(MAGIC) + 1:len(MAGIC) + 1 + SALT]
            self._prefix = header[len(MAGIC) + 1 + SALT:HEADER]
            derived = file_key(key, salt, self._identity)
            # The cache knows a chunk by a digest of its file key (key, salt and
            # identity together) and the nonce prefix: another key, another
            # identity or a rewritten file never meets chunks it did not decrypt.
            self._salt = hashlib.sha256(b"memoria/chunk-cache\0" + derived).digest()[:16] \
                + self._prefix
            self._aead = AESGCM(derived)
            end = src.seek(0, io.SEEK_END)
            try:
                self._size = plaintext_size(end)
            except ValueError:
                raise StreamDamaged(self.name, "length") from None
            self._chunks = max(1, -(-self._size // CHUNK))
            if self._chunks > MAX_CHUNKS:
                raise StreamDamaged(self.name, "length")
            self._chunk(self._chunks - 1)  # authenticates the end: truncation shows now
        except BaseException:
            if close_src:
                src.close()
            super().close()
            raise

    @property
    def size(self) -> int:
        return self._size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def _chunk(self, index: int) -> bytes:
        key = (self._salt, index)
        data = self._cache.get(key)
        if data is None:
            last = index == self._chunks - 1
            length = (self._size - index * CHUNK if last else CHUNK) + TAG
            self._src.seek(HEADER + index * SEALED)
            sealed = self._src.read(length)
            if len(sealed) != length:
                raise StreamDamaged(self.name, "length")
            try:
                data = self._aead.decrypt(nonce(self._prefix, index, last), sealed,
                                          self._identity)
            except InvalidTag:
                raise StreamDamaged(self.name, "chunk") from None
            self._cache.put(key, data)
        self._cur, self._cur_data = index, data
        return data

    def pread(self, position: int, length: int) -> bytes:
        """Up to `length` bytes at `position` (fewer only at the end); no seek needed."""
        first, offset = divmod(position, CHUNK)
        if first == self._cur and offset + length <= CHUNK and length >= 0:
            return self._cur_data[offset:offset + length]  # the common case: no more work
        if self.closed:
            raise ValueError("read from a closed StreamReader")
        end = min(self._size, position + max(0, length))
        if position >= end:
            return b""
        if end <= (first + 1) * CHUNK:
            return self._chunk(first)[offset:offset + end - position]
        parts = []
        index = first
        while position < end:
            data = self._chunk(index)
            take = min(CHUNK - offset, end - position)
            parts.append(data[offset:offset + take])
            position += take
            index += 1
            offset = 0
        return b"".join(parts)

    def read_at(self, position: int, length: int) -> bytes:
        """seek(position) then read(length), in one call."""
        if position >> _SHIFT == self._cur and (position & _MASK) + length <= CHUNK \
                and length >= 0:  # inside the current chunk: the common case, inlined
            offset = position & _MASK
            data = self._cur_data[offset:offset + length]
        else:
            data = self.pread(position, length)
        self._pos = position + len(data)
        return data

    def read(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        pos = self._pos
        if size is None or size < 0:
            size = self._size - pos
        elif pos >> _SHIFT == self._cur and (pos & _MASK) + size <= CHUNK:
            offset = pos & _MASK  # inside the current chunk: the common case, inlined
            data = self._cur_data[offset:offset + size]
            self._pos = pos + len(data)
            return data
        data = self.pread(pos, size)
        self._pos = pos + len(data)
        return data

    def readall(self) -> bytes:
        return self.read(-1)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[:len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = self._size + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        if pos < 0:
            raise ValueError("negative seek position")
        self._pos = pos
        return pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        if self.closed:
            return
        self._cur, self._cur_data = -1, b""
        super().close()
        if self._close_src:
            self._src.close()


def open_encrypted(path: str | os.PathLike[str], key: bytes, identity: bytes,
                   mode: str = "rb", cache: int | ChunkCache = CACHE_CHUNKS) -> BinaryIO:
    """Open an encrypted file for reading ("rb", seekable) or writing ("wb").

    A file written is created owner-only (0600). Reading a damaged one raises
    StreamDamaged naming the path.
    """
    if mode == "rb":
        src = open(path, "rb")  # noqa: SIM115 - the reader owns and closes it
        return StreamReader(src, key, identity, cache=cache,  # type: ignore[return-value]
                            name=os.fspath(path))
    if mode == "wb":
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        dest = os.fdopen(fd, "wb")
        return StreamWriter(dest, key, identity)  # type: ignore[return-value]
    raise ValueError(f"mode must be 'rb' or 'wb', not {mode!r}")
