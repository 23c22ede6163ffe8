"""Every read and write of an archive's media/, derived/ and tmp/ goes through here.

A plain archive keeps plain files, exactly as before. In an encrypted archive
every byte under those folders is ciphertext: each file is a STREAM file
(`memoria.crypto.stream`, AES-256-GCM per 64 KiB chunk) under a per-file key
derived from the archive's "files" subkey, with the file's place in the archive
(its relative path, "media/ab/<name>") as its identity, so a file copied onto
another's name does not open. Originals are stored under a keyed name,
HMAC-SHA256 with the "names" subkey over the SHA-256, without extension: a
seized drive does not let anyone confirm that a known photograph is here by
hashing it. Derived files are keyed the same way (`derived_key`).

Decrypted bytes never touch the disk: readers get a seekable file object that
decrypts the chunks asked for; a limited worker process (media/safe.py) that
must decode an original gets a `Sealed` description (path, key, identity)
through its pipe and decrypts into anonymous memory (`memfd`) there
(`worker_call`). Writers write a temporary sibling under the final name's
identity and rename it into place, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from memoria.crypto.sealed import Sealed, materialised, worker_call
from memoria.storage.durable import fsync_dir as _fsync_dir

if TYPE_CHECKING:
    from memoria.crypto.keys import ArchiveKeys

TEMP_PREFIX = ".tmp-memoria-"  # the same prefix media/_fs.py and the sweeps know
CHUNK = 1024 * 1024
FILE_MODE = 0o600
READ_ONLY = 0o400
DIR_MODE = 0o700


class VaultError(OSError):
    """A file of the archive cannot be read or written through the vault."""


class VaultLocked(VaultError):
    """An encrypted archive's files were asked for without its keys."""


def make_dirs(path: Path) -> None:
    """Create `path` and its missing parents owner-only (0700)."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)


def plain_relpath(sha256: str, extension: str) -> str:
    """A plain archive's name for an original: media/ab/<sha256>.<ext>."""
    ext = extension.lower().lstrip(".")
    suffix = f".{ext}" if ext and ext.isalnum() and len(ext) <= 5 else ""
    return f"media/{sha256[:2]}/{sha256}{suffix}"


class Vault:
    """The files of one archive (media/, derived/, tmp/), plain or encrypted."""

    def __init__(self, root: Path, keys: Callable[[], ArchiveKeys | None] | None = None) -> None:
        self.root = Path(root)
        self._source = keys or (lambda: None)
        self._sealed_on_disk: bool | None = None  # keys.json says encrypted (read once)
        # While a key rotation moves the files (storage/rotation.py), those not moved
        # yet are still under the old key: reads try the current key, then this one.
        self.previous: ArchiveKeys | None = None

    # -- what kind ---------------------------------------------------------------
    def _keys(self) -> ArchiveKeys | None:
        """The archive's keys; None for a plain archive. An encrypted archive without
        its keys (locked, or opened by code that forgot them) raises: it never falls
        back to writing or reading plain files."""
        keys = self._source()
        if keys is None and self._encrypted_on_disk():
            raise VaultLocked(f"{self.root}: the archive is locked; unlock it first")
        return keys

    def _encrypted_on_disk(self) -> bool:
        if self._sealed_on_disk is None:
            try:
                from memoria.crypto.keys import is_encrypted
            except ImportError:
                self._sealed_on_disk = False
            else:
                try:
                    self._sealed_on_disk = bool(is_encrypted(self.root))
                except Exception:  # noqa: BLE001 - a damaged keys.json: assume the worst
                    self._sealed_on_disk = True
        return self._sealed_on_disk

    @property
    def keys(self) -> ArchiveKeys | None:
        return self._keys()

    @property
    def encrypted(self) -> bool:
        return self._keys() is not None

    def _subkey(self, purpose: str) -> bytes:
        keys = self._keys()
        if keys is None:
            raise VaultError("this archive is not encrypted")
        return bytes(keys.subkey(purpose))

    # -- names -------------------------------------------------------------------
    def derived_key(self, sha256: str) -> str:
        """The 64-hex-digit name a file's derived pictures and peaks are stored under:
        the SHA-256 itself in a plain archive, its keyed hash in an encrypted one."""
        if not self.encrypted:
            return sha256
        return hmac.new(self._subkey("names"), b"derived:" + sha256.encode("ascii"),
                        hashlib.sha256).hexdigest()

    def derived_names(self, sha256: str) -> set[str]:
        """Every name a file's derived files may have now: `derived_key`, and during a
        key rotation the old key's name for those not moved yet (a deletion meanwhile
        must find them too, or the rotation would carry them over)."""
        names = {self.derived_key(sha256)}
        previous = self.previous
        if self.encrypted and previous is not None and not previous.forgotten:
            names.add(hmac.new(bytes(previous.subkey("names")),
                               b"derived:" + sha256.encode("ascii"), hashlib.sha256).hexdigest())
        return names

    def stored_name(self, sha256: str, extension: str = "") -> str:
        """Where an original with this SHA-256 is stored (relative to the archive)."""
        if not self.encrypted:
            return plain_relpath(sha256, extension)
        name = hmac.new(self._subkey("names"), b"media:" + sha256.encode("ascii"),
                        hashlib.sha256).hexdigest()
        return f"media/{name[:2]}/{name}"

    def path(self, relpath: str) -> Path:
        """The file's place on disk (ciphertext in an encrypted archive)."""
        rel = Path(relpath)
        if rel.is_absolute() or ".." in rel.parts:
            raise VaultError(f"{relpath}: a path outside the archive")
        return self.root / rel

    def relpath(self, path: str | os.PathLike[str]) -> str:
        p = Path(path)
        return (p.relative_to(self.root) if p.is_absolute() else p).as_posix()

    # -- reading -----------------------------------------------------------------
    def open_read(self, relpath: str) -> BinaryIO:
        """The plaintext, seekable; StreamDamaged when ciphertext was changed."""
        path = self.path(relpath)
        if not self.encrypted:
            return open(path, "rb")  # noqa: SIM115 - the caller closes it
        from memoria.crypto.stream import StreamReader

        src = open(path, "rb")  # noqa: SIM115 - the reader owns it
        return StreamReader(src, self._files_key(relpath),  # type: ignore[return-value]
                            self.relpath(relpath).encode("utf-8"), name=self.relpath(relpath))

    def _files_key(self, relpath: str) -> bytes:
        """The "files" key this file is under: the current one, or during a rotation
        the old one for a file not moved yet (STREAM authenticates: exactly one opens
        it; if neither does, the current key's reader reports the damage)."""
        key = self._subkey("files")
        previous = self.previous
        if previous is None or previous.forgotten:  # forgotten: the rotation has ended
            return key
        from memoria.crypto.stream import StreamDamaged, StreamReader

        identity = self.relpath(relpath).encode("utf-8")
        for candidate in (key, bytes(previous.subkey("files"))):
            try:
                with open(self.path(relpath), "rb") as src, \
                        StreamReader(src, candidate, identity, close_src=False):
                    return candidate
            except (StreamDamaged, ValueError, OSError):
                continue
        return key

    def read_bytes(self, relpath: str) -> bytes:
        with self.open_read(relpath) as handle:
            return handle.read()

    def source(self, relpath: str) -> str | Sealed:
        """What a worker process needs to decode this file (see `worker_call`)."""
        path = self.path(relpath)
        if not self.encrypted:
            return str(path)
        rel = self.relpath(relpath)
        return Sealed(str(path), self._files_key(rel), rel.encode("utf-8"), rel)

    def job(self, fn: Callable[..., Any], relpath: str, *args: Any) -> tuple[Any, tuple]:
        """(function, args) for a worker job that runs `fn(path, *args)` on this file's
        plaintext: `safe.Job(*vault.job(make_thumbnail_bytes, relpath, 256))`."""
        return worker_call, (fn, self.source(relpath), *args)

    def plain_path(self, relpath: str) -> contextlib.AbstractContextManager[str]:
        """A path to this file's plaintext while the block runs, for code that needs a
        path (decoders, copiers on a way out): the file itself in a plain archive, an
        anonymous memory file of this process in an encrypted one (readable by its
        worker processes too; never a file on disk)."""
        return materialised(self.source(relpath))

    def opener(self, relpath: str) -> Callable[[], BinaryIO]:
        """A function that opens the plaintext (for `clean_copies.check_original`)."""
        return lambda: self.open_read(relpath)

    def exists(self, relpath: str) -> bool:
        return self.path(relpath).is_file()

    def size(self, relpath: str) -> int:
        """The plaintext size."""
        on_disk = self.path(relpath).stat().st_size
        if not self.encrypted:
            return on_disk
        from memoria.crypto.stream import plaintext_size

        try:
            return plaintext_size(on_disk)
        except ValueError:
            from memoria.crypto.stream import StreamDamaged

            raise StreamDamaged(self.relpath(relpath), "length") from None

    # -- writing -----------------------------------------------------------------
    def sealing(self, dest: BinaryIO, relpath: str) -> BinaryIO:
        """A writer over `dest` that encrypts for `relpath` (or `dest` itself if plain).
        Closing it seals the last chunk and closes `dest`."""
        if not self.encrypted:
            return dest
        from memoria.crypto.stream import StreamWriter

        return StreamWriter(dest, self._subkey("files"),  # type: ignore[return-value]
                            self.relpath(relpath).encode("utf-8"))

    @contextlib.contextmanager
    def create(self, relpath: str, *, durable: bool = False,
               read_only: bool = False, temp_dir: str | None = None) -> Iterator[BinaryIO]:
        """Write `relpath` whole: a temporary file (in `temp_dir`, default the same
        folder) written under the final identity, renamed into place on success,
        removed on failure. Files are owner-only."""
        dest = self.path(relpath)
        self._keys()  # a locked archive refuses before anything is created
        make_dirs(dest.parent)
        folder = self.path(temp_dir) if temp_dir else dest.parent
        make_dirs(folder)
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=folder)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
        raw = os.fdopen(fd, "wb")
        out: BinaryIO = raw
        try:
            out = self.sealing(raw, relpath)
            yield out
            if self.encrypted:
                out.close()  # seals the last chunk and closes raw
                if durable:
                    with open(tmp, "rb") as again:
                        os.fsync(again.fileno())
            else:
                raw.flush()
                if durable:
                    os.fsync(raw.fileno())
                raw.close()
            if read_only:
                os.chmod(tmp, READ_ONLY)
            os.replace(tmp, dest)
            if durable:
                _fsync_dir(dest.parent)
        except BaseException:
            with contextlib.suppress(Exception):
                abandon = getattr(out, "abandon", None)
                abandon() if abandon else out.close()
            with contextlib.suppress(Exception):
                raw.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def write(self, relpath: str, source: bytes | BinaryIO, *, durable: bool = False) -> int:
        """Store `source` (bytes or a readable file) at `relpath`; returns its size."""
        size = 0
        with self.create(relpath, durable=durable) as out:
            if isinstance(source, bytes | bytearray | memoryview):
                out.write(bytes(source))
                size = len(source)
            else:
                while chunk := source.read(CHUNK):
                    out.write(chunk)
                    size += len(chunk)
        return size

    def remove(self, relpath: str) -> bool:
        """Remove a file (read-only originals included); False if it was not there."""
        path = self.path(relpath)
        try:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)
            path.unlink()
        except FileNotFoundError:
            return False
        return True

    def copy_out(self, relpath: str, dest: BinaryIO) -> int:
        """Plaintext of `relpath` into `dest` (for a way out that is plain by design)."""
        size = 0
        with self.open_read(relpath) as src:
            while chunk := src.read(CHUNK):
                dest.write(chunk)
                size += len(chunk)
        return size
