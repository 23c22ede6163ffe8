"""The catalogue's seal: a changed byte and a lost commit never pass silently.

SQLite pages carry no checksum, and `integrity_check` sees only structure:
most flipped bytes in `catalogue.sqlite` read back as plausible data. And a
damaged WAL makes SQLite drop the commits after the damage without a word
(a withdrawal vanishes, the item is granted again). Two small files beside
the catalogue close both holes:

    catalogue.seal     CRC-32 of every page of the main file, as our own
                       checkpoint left it. Pages only change when a checkpoint
                       copies them from the WAL, and the WAL's frame headers
                       name those pages, so after each checkpoint only they are
                       re-sealed. At open every page not waiting in the WAL
                       must match: one pass of CRC-32 over the file (about
                       1 GB/s), cheap enough for every open.
    catalogue.commits  the highest audit-log id ever committed (every write
                       audits itself), rewritten and fsynced after each
                       commit. A catalogue whose audit log ends lower lost
                       committed changes (a damaged WAL, an old file copied
                       back): it says so, and researcher and public views stay
                       closed until a custodian acknowledges it.

Why not SQLite's checksum VFS: it is a loadable extension Python's sqlite3
cannot rely on, and it needs a reserved-bytes VACUUM of every archive. The
protected-archive issue brings SQLCipher, whose per-page HMAC does the
seal's job for encrypted archives; `check`/`after_checkpoint` are then the
only two calls to replace. SQLite's automatic checkpoints are turned off on
our connections (`wal_autocheckpoint = 0`) so that no page changes behind
the seal; we checkpoint after each burst of writes (a WAL over WAL_LIMIT)
and when an archive closes, which keeps the WAL short.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import time
import zlib
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from memoria.domain.messages import Sentence
from memoria.storage import driver as sqlite3
from memoria.storage.db import CATALOGUE, register_after_commit, unregister_after_commit

if TYPE_CHECKING:
    from memoria.storage.handle import ArchiveHandle

SEAL = "catalogue.seal"
COMMITS = "catalogue.commits"
WAL_LIMIT = 1024 * 1024  # checkpoint once the WAL holds this much
BURST = 64  # ... or after this many commits
_BURSTS: dict[int, list[int]] = {}  # id(conn) -> [commits since the seal, WAL size then]
_MAGIC = b"MEMORIA-SEAL 1\n"
_WAL_MAGIC = (0x377F0682, 0x377F0683)


@contextlib.contextmanager
def _locked(root: Path, exclusive: bool) -> Iterator[None]:
    """Serialise sealing against checking, across processes."""
    if os.name != "posix":
        yield
        return
    import fcntl

    try:
        handle = open(root / f".{SEAL}.lock", "a+b",  # noqa: SIM115 - closed below
                      opener=lambda p, f: os.open(p, f, 0o600))
    except OSError:  # a read-only copy of an archive: nobody can be sealing it
        yield
        return
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def wal_pages(catalogue: Path) -> set[int]:
    """Page numbers the current WAL holds (frames of its current salt), or empty."""
    wal = Path(f"{catalogue}-wal")
    pages: set[int] = set()
    try:
        handle = open(wal, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return pages
    with handle:
        header = handle.read(32)
        if len(header) < 32:
            return pages
        magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", header[:24])
        if magic not in _WAL_MAGIC or page_size < 512:
            return pages
        offset = 32
        while True:
            handle.seek(offset)
            frame = handle.read(24)
            if len(frame) < 24:
                break
            page, _commit, s1, s2 = struct.unpack(">4I", frame[:16])
            if (s1, s2) != (salt1, salt2):
                break
            pages.add(page)
            offset += 24 + page_size
    return pages


class _Cancelled(Exception):
    """``cancelled()`` said to stop reading."""


def page_crcs(catalogue: Path, page_size: int, rest: float = 0.0,
              cancelled: Callable[[], bool] | None = None) -> array:
    """The CRC-32 of each page of the main file (raises _Cancelled when
    ``cancelled()`` says so).

    zlib holds the interpreter lock for a page-sized buffer, so a worker
    computing these took half the interpreter from the GUI thread for the
    whole read: the list's first screen at 100,000 items went from 194 to
    419-485 ms while the 1 GB catalogue was checked after opening. Every 64
    pages the lock is handed back (``time.sleep``), and a background check
    passes ``rest`` (seconds) to leave the window most of it.
    """
    crcs = array("I")
    with open(catalogue, "rb") as handle:
        while block := handle.read(page_size * 64):
            view = memoryview(block)
            for start in range(0, len(block), page_size):
                crcs.append(zlib.crc32(view[start:start + page_size]))
            time.sleep(rest)
            if cancelled is not None and cancelled():
                raise _Cancelled
    return crcs


def _differing(a: array, b: array, chunk: int = 4096) -> list[int]:
    """Indexes below both lengths where ``a`` and ``b`` differ, compared a
    chunk at a time in C: a Python loop over 250,000 pages held the
    interpreter for ~70 ms against the window (GUI stalls near 100 ms)."""
    out: list[int] = []
    for low in range(0, min(len(a), len(b)), chunk):
        high = min(low + chunk, len(a), len(b))
        if a[low:high] != b[low:high]:
            out.extend(n for n in range(low, high) if a[n] != b[n])
    return out


def _settled(catalogue: Path, page_size: int, draft: array, expected: array) -> array:
    """``draft`` (CRCs read without the lock) brought up to date: every page
    that disagrees with ``expected`` or lies past either is read again. A
    page a checkpoint rewrote meanwhile was re-sealed, so it disagrees too."""
    count = -(-catalogue.stat().st_size // page_size)
    actual = array("I", draft[:count])
    common = min(count, len(draft), len(expected))
    with open(catalogue, "rb") as handle:
        for n in [*_differing(draft[:common], expected[:common]), *range(common, count)]:
            handle.seek(n * page_size)
            crc = zlib.crc32(handle.read(page_size))
            if n < len(actual):
                actual[n] = crc
            else:
                actual.append(crc)
    return actual


def _read_seal(root: Path) -> tuple[int, array] | None:
    try:
        data = (root / SEAL).read_bytes()
    except FileNotFoundError:
        return None
    if not data.startswith(_MAGIC):
        return 0, array("I")  # unreadable seal: reported, then replaced at the next seal
    head, _, body = data[len(_MAGIC):].partition(b"\n")
    try:
        page_size = int(json.loads(head)["page_size"])
    except (ValueError, KeyError, TypeError):
        return 0, array("I")
    crcs = array("I")
    crcs.frombytes(body[:len(body) - len(body) % 4])
    return page_size, crcs


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "wb", opener=lambda p, f: os.open(p, f, 0o600)) as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    if os.name == "posix":
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_seal(root: Path, page_size: int, crcs: array) -> None:
    head = json.dumps({"page_size": page_size, "pages": len(crcs)}).encode()
    _write_atomic(root / SEAL, _MAGIC + head + b"\n" + crcs.tobytes())


def check_pages(root: Path, catalogue: Path) -> list[str]:
    """Pages of the main file that changed since the last seal (not through the WAL)."""
    return _check(root, catalogue, None)


def check_pages_in_background(root: Path, catalogue: Path, rest: float,
                              cancelled: Callable[[], bool] | None = None) -> list[str] | None:
    """``check_pages`` for a worker while the window is in use (None if cancelled).

    The long read rests (see :func:`page_crcs`) and is made without the seal
    lock, so a commit or a close that seals is not kept waiting for it; then,
    under the lock, only the pages that disagree with the seal are read again.
    """
    with _locked(root, exclusive=False):
        sealed = _read_seal(root)
    if sealed is None or not sealed[0]:
        return _check(root, catalogue, None)  # nothing to read at length
    try:
        return _check(root, catalogue, (sealed[0], page_crcs(catalogue, sealed[0], rest,
                                                              cancelled)))
    except _Cancelled:
        return None


def _check(root: Path, catalogue: Path, draft: tuple[int, array] | None) -> list[str]:
    with _locked(root, exclusive=False):
        sealed = _read_seal(root)
        if sealed is None:
            return []  # never sealed (an archive older than the seal): sealed at next write
        page_size, expected = sealed
        if page_size == 0:
            return [Sentence("seal_unreadable", path=root / SEAL)]
        pending = wal_pages(catalogue)
        if draft is not None and draft[0] == page_size:
            actual = _settled(catalogue, page_size, draft[1], expected)
        else:
            actual = page_crcs(catalogue, page_size)
    changed = [n + 1 for n in _differing(actual, expected) if n + 1 not in pending]
    problems: list[str] = [Sentence("page_changed", n=n) for n in changed[:20]]
    if len(changed) > 20:
        problems.append(Sentence("more_pages", n=len(changed) - 20))
    extra = [n for n in range(len(expected) + 1, len(actual) + 1) if n not in pending]
    if extra:
        problems.append(Sentence("grew", n=len(extra)))
    if len(actual) < len(expected) and not pending:
        problems.append(Sentence("shrank", n=len(expected) - len(actual)))
    return problems


def checkpoint_and_seal(conn: sqlite3.Connection, root: Path, catalogue: Path,
                        mode: str = "PASSIVE", wait: float = 10.0,
                        key: bytes | None = None) -> bool:
    """Copy the WAL into the catalogue and re-seal the pages it changed; True if all copied.

    A second connection holds the write lock meanwhile, so no other writer (another
    process, once writers take turns per transaction) adds frames between reading
    the WAL's page list and the checkpoint copying them. `key`: an encrypted
    catalogue's key, which the guard connection needs too.
    """
    guard = sqlite3.connect(f"{catalogue.absolute().as_uri()}?mode=rw", uri=True, key=key,
                            isolation_level=None, timeout=wait)
    try:
        guard.execute("BEGIN IMMEDIATE")
        return _seal_locked(conn, root, catalogue, mode)
    finally:
        if guard.in_transaction:
            guard.execute("ROLLBACK")
        guard.close()


def _seal_locked(conn: sqlite3.Connection, root: Path, catalogue: Path, mode: str) -> bool:
    with _locked(root, exclusive=True):
        pending = wal_pages(catalogue)
        busy, log, done = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        sealed = _read_seal(root)
        if sealed is None or sealed[0] != page_size:
            crcs = page_crcs(catalogue, page_size)  # first seal: the file as it is now
        else:
            crcs = sealed[1]
            actual_pages = catalogue.stat().st_size // page_size
            del crcs[actual_pages:]
            if pending or len(crcs) < actual_pages:
                with open(catalogue, "rb") as handle:
                    for page in sorted(pending | set(range(len(crcs) + 1, actual_pages + 1))):
                        if page > actual_pages:
                            continue
                        handle.seek((page - 1) * page_size)
                        value = zlib.crc32(handle.read(page_size))
                        while len(crcs) < page:
                            crcs.append(0)
                        crcs[page - 1] = value
        _write_seal(root, page_size, crcs)
    return not busy and (log == done or log <= 0)


# -- the commit counter --------------------------------------------------------------
def committed_mark(conn: sqlite3.Connection) -> int:
    """What the catalogue itself says was committed last: its newest audit record."""
    row = conn.execute("SELECT MAX(id) FROM audit_log").fetchone()
    return int(row[0] or 0)


def recorded_mark(root: Path) -> int | None:
    try:
        return int(json.loads((root / COMMITS).read_text(encoding="utf-8"))["audit"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return -1


def record_mark(root: Path, mark: int, *, lower: bool = False) -> None:
    """Write the counter (fsynced); never lowers it unless a custodian acknowledged a loss.

    Rewritten in place (one fsync, 64 bytes: within one sector) rather than by
    rename, because it happens after every commit.
    """
    with _locked(root, exclusive=True):
        current = recorded_mark(root)
        if not lower and current is not None and current >= mark:
            return
        text = json.dumps({"audit": mark}).encode().ljust(63) + b"\n"
        fd = os.open(root / COMMITS, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            grows = os.fstat(fd).st_size != len(text)
            os.pwrite(fd, text, 0)
            if grows:  # the first time: the size is metadata, so a full fsync
                os.ftruncate(fd, len(text))
                os.fsync(fd)
            else:  # same size, same blocks: the data alone must reach the disk
                getattr(os, "fdatasync", os.fsync)(fd)
        finally:
            os.close(fd)


# -- what Archive calls ------------------------------------------------------------
def on_open(archive: ArchiveHandle, pages: bool = True) -> None:
    """Check the seal and the counter; a writable archive then seals what its WAL holds.

    ``pages=False`` leaves the pages to the connection that checked them when
    the process opened the archive (see ``Archive.open``)."""
    catalogue = archive.root / CATALOGUE
    archive.seal_problems = check_pages(archive.root, catalogue) if pages else []
    archive.held = lost_commits(archive.root, archive.conn)
    if archive.writable:
        try:
            checkpoint_and_seal(archive.conn, archive.root, catalogue, wait=0.5,
                                key=archive.catalogue_key())
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            # Another Memoria is mid-transaction: it seals its own frames; we seal later.
        if recorded_mark(archive.root) is None:
            record_mark(archive.root, committed_mark(archive.conn))
        register_after_commit(archive.conn, lambda: after_commit(archive))


def after_commit(archive: ArchiveHandle) -> None:
    """After each top-level commit: the counter, and a checkpoint after a burst of writes.

    A burst ends after BURST commits or when the WAL file grows past WAL_LIMIT
    (a passive checkpoint does not shrink the file: new frames reuse it).
    """
    try:
        record_mark(archive.root, committed_mark(archive.conn))
        state = _BURSTS.setdefault(id(archive.conn), [0, 0])
        state[0] += 1
        wal = Path(f"{archive.root / CATALOGUE}-wal")
        size = wal.stat().st_size if wal.exists() else 0
        if state[0] >= BURST or size > max(WAL_LIMIT, state[1]):
            checkpoint_and_seal(archive.conn, archive.root, archive.root / CATALOGUE, wait=1.0,
                                key=archive.catalogue_key())
            state[:] = [0, wal.stat().st_size if wal.exists() else 0]
    except (OSError, sqlite3.Error, ValueError):  # ValueError: the key was forgotten
        pass  # the commit stands; the next commit or open records and seals it


def on_close(archive: ArchiveHandle) -> None:
    unregister_after_commit(archive.conn)
    _BURSTS.pop(id(archive.conn), None)
    if not archive.writable:
        return
    with contextlib.suppress(OSError, sqlite3.Error, ValueError):  # ValueError: key forgotten
        record_mark(archive.root, committed_mark(archive.conn))
        # PASSIVE: a TRUNCATE would wait out the busy timeout behind our own guard. With
        # every frame copied and sealed, SQLite removes the WAL when the last one closes.
        checkpoint_and_seal(archive.conn, archive.root, archive.root / CATALOGUE, wait=2.0,
                            key=archive.catalogue_key())


def acknowledge_loss(archive: ArchiveHandle, reason: str) -> None:
    """A custodian has looked at a catalogue that lost commits: open its views again."""
    from memoria.storage.db import transaction

    lost = archive.held
    with transaction(archive.conn):
        archive.audit("archive", None, "acknowledge_loss", {"reason": reason, "found": lost})
    record_mark(archive.root, committed_mark(archive.conn), lower=True)
    archive.held = None


def lost_commits(root: Path, conn: sqlite3.Connection) -> str | None:
    """A sentence when the catalogue ends before what was committed, else None."""
    recorded = recorded_mark(root)
    if recorded is None:
        return None
    if recorded < 0:
        return Sentence("commits_unreadable", path=root / COMMITS)
    present = committed_mark(conn)
    if present >= recorded:
        return None
    return Sentence("lost_commits", present=present, recorded=recorded)


def truncate_and_seal(conn: sqlite3.Connection, root: Path, catalogue: Path) -> bool:
    """Copy the whole WAL into the catalogue, empty it, and seal every page anew
    (after a purge's VACUUM rewrote them all). True when the WAL is left empty;
    False when a reader in another process still holds old pages (nothing lost:
    the pages copied are sealed, the rest waits in the WAL)."""
    with _locked(root, exclusive=True):
        busy, log, done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        _write_seal(root, page_size, page_crcs(catalogue, page_size))
    wal = Path(f"{catalogue}-wal")
    return not busy and (not wal.exists() or wal.stat().st_size == 0)
