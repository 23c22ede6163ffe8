"""A bounded disk cache of derived pictures under the archive's `derived/` folder.

Thumbnails are rebuildable, so the cache may forget anything at any time;
what it must never do is grow without bound, hand out a half-written file,
or let a crafted key write outside its folder. Files are named by content
hash and variant (`derived/thumbs/ab/<sha256>-<variant>.jpg`), written
atomically, and marked as used by touching their mtime (atime is unreliable
under `noatime`/`relatime`), which is what least-recently-used eviction
sorts by. Several processes may read and fill the same cache at once.

With a `vault` (storage/vault.py) the cache is the archive's: entries are
named by `vault.derived_key(sha256)` and, in an encrypted archive, stored as
ciphertext; read them with `read_bytes` and fill them with `put`.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ._fs import TEMP_PREFIX

if TYPE_CHECKING:
    from memoria.storage.vault import Vault

_SHA256 = re.compile(r"[0-9a-f]{64}")
_VARIANT = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
_SUFFIXES = (".jpg", ".png")  # PNG when a thumbnail keeps transparency


class ThumbCache:
    """Least-recently-used files keyed by (sha256, variant), within `budget_bytes`."""

    def __init__(self, derived_dir: str | os.PathLike[str], *, budget_bytes: int = 512 << 20,
                 subdir: str = "thumbs", vault: Vault | None = None):
        self.root = Path(derived_dir) / subdir
        self.vault = vault
        self.budget = budget_bytes
        self._size: int | None = None  # estimate; recounted by every eviction
        self._lock = threading.Lock()

    # --- keys and paths ---

    @staticmethod
    def _check(sha256: str, variant: str) -> None:
        if not _SHA256.fullmatch(sha256):
            raise ValueError("sha256 must be 64 lowercase hex digits.")
        if not _VARIANT.fullmatch(variant):
            raise ValueError("variant must be 1-32 of a-z, 0-9, '_' or '-'.")

    def path_for(self, sha256: str, variant: str, suffix: str = ".jpg") -> Path:
        """Where the entry lives (whether or not it exists yet)."""
        self._check(sha256, variant)
        if suffix not in _SUFFIXES:
            raise ValueError(f"suffix must be one of {_SUFFIXES}.")
        name = self._name(sha256)
        return self.root / name[:2] / f"{name}-{variant}{suffix}"

    def _name(self, sha256: str) -> str:
        return self.vault.derived_key(sha256) if self.vault is not None else sha256

    # --- reading ---

    def get(self, sha256: str, variant: str) -> Path | None:
        """The cached file, marked as just used; None on a miss.

        The path may vanish if another process evicts it before it is opened;
        `read_bytes` handles that race for callers that want the data.
        """
        for suffix in _SUFFIXES:
            path = self.path_for(sha256, variant, suffix)
            try:
                os.utime(path)
            except FileNotFoundError:
                continue
            except OSError:
                pass  # read-only media: still a hit, just not refreshed
            if path.exists():
                return path
        return None

    def read_bytes(self, sha256: str, variant: str) -> bytes | None:
        """The cached data, or None on a miss (including one caused by a concurrent eviction)."""
        path = self.get(sha256, variant)
        if path is None:
            return None
        try:
            if self.vault is not None:
                return self.vault.read_bytes(self.vault.relpath(path))
            return path.read_bytes()
        except (FileNotFoundError, PermissionError):
            return None

    def put(self, sha256: str, variant: str, data: bytes) -> Path:
        """Store `data` (a JPEG, or a PNG by its signature) as the entry, atomically."""
        suffix = ".png" if data[:8] == b"\x89PNG\r\n\x1a\n" else ".jpg"
        dest = self.path_for(sha256, variant, suffix)
        for other in _SUFFIXES:  # one entry per key: a PNG replaces a JPEG and back
            if other != suffix:
                with contextlib.suppress(FileNotFoundError, PermissionError):
                    self.path_for(sha256, variant, other).unlink()
        if self.vault is not None:
            self.vault.write(self.vault.relpath(dest), data)
        else:
            from ._fs import atomic_write

            _make_dirs(dest.parent)
            atomic_write(dest, lambda fh: fh.write(data))
        self._added(dest.stat().st_size)
        return dest

    # --- writing ---

    def ensure(self, sha256: str, variant: str, build: Callable[[Path], object]) -> Path:
        """Return the entry, building it first on a miss.

        `build(dest)` must write `dest` (it may replace the suffix with .png,
        as `images.make_thumbnail` does); it runs outside any lock, so two
        processes may build the same entry at once and the last atomic rename
        wins with identical content.
        """
        hit = self.get(sha256, variant)
        if hit is not None:
            return hit
        dest = self.path_for(sha256, variant)
        _make_dirs(dest.parent)
        build(dest)
        written = self.get(sha256, variant)
        if written is None:
            raise FileNotFoundError(f"build() did not write {dest}")
        self._added(written.stat().st_size)
        return written

    def _added(self, nbytes: int) -> None:
        with self._lock:
            if self._size is None:
                self._size = self.total_size()
            else:
                self._size += nbytes
            over = self._size > self.budget
        if over:
            self.evict()

    def invalidate(self, sha256: str, variant: str | None = None) -> int:
        """Forget one variant, or every variant of a file; returns entries removed."""
        if variant is not None:
            self._check(sha256, variant)
        elif not _SHA256.fullmatch(sha256):
            raise ValueError("sha256 must be 64 lowercase hex digits.")
        name = self._name(sha256)
        folder = self.root / name[:2]
        removed = 0
        pattern = f"{name}-{variant}.*" if variant else f"{name}-*"
        for path in folder.glob(pattern):
            with contextlib.suppress(FileNotFoundError, PermissionError):
                path.unlink()
                removed += 1
        self._size = None
        return removed

    # --- size management ---

    def _entries(self) -> list[tuple[float, int, Path]]:
        entries: list[tuple[float, int, Path]] = []
        if not self.root.is_dir():
            return entries
        for folder in os.scandir(self.root):
            if not folder.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(folder.path):
                if entry.name.startswith(TEMP_PREFIX) or not entry.is_file(follow_symlinks=False):
                    continue
                try:
                    st = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue
                entries.append((st.st_mtime, st.st_size, Path(entry.path)))
        return entries

    def total_size(self) -> int:
        return sum(size for _m, size, _p in self._entries())

    def evict(self, target_ratio: float = 0.8) -> int:
        """Delete least recently used entries until under `target_ratio` of the budget.

        Evicting below the budget (not just to it) means a busy grid does
        not trigger a full directory scan on every new thumbnail. A file
        another process holds open on Windows is skipped, not fatal.
        """
        entries = sorted(self._entries())
        total = sum(size for _m, size, _p in entries)
        removed = 0
        goal = self.budget * target_ratio
        for _mtime, size, path in entries:
            if total <= goal:
                break
            try:
                path.unlink()
            except (FileNotFoundError, PermissionError):
                continue
            total -= size
            removed += 1
        with self._lock:
            self._size = total
        return removed

    def sweep_temp(self, older_than: float = 3600.0) -> int:
        """Remove temporary files left by a crash mid-write; returns how many."""
        cutoff = time.time() - older_than
        removed = 0
        for path in self.root.glob(f"*/{TEMP_PREFIX}*"):
            with contextlib.suppress(FileNotFoundError, PermissionError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
        return removed


def _make_dirs(folder: Path) -> None:
    """Owner-only folders (0700), like every folder of an archive."""
    from memoria.storage.vault import make_dirs

    make_dirs(folder)
