"""Where the index lives, how we know it is sound, and the rebuild process.

Layout (``<archive>/index/`` is a cache: deleting it loses nothing)::

    index/state.json     versions, catalogue generation indexed, build folder,
                         CRC-32 of every index file
    index/b<stamp>/      the whoosh index of the current build

Why a build folder named in ``state.json`` rather than rebuilding in place: a
rebuild writes a complete new folder while searches go on in the old one,
then switches by replacing ``state.json`` atomically; no folder is ever
renamed while open (which Windows refuses).

Why CRCs: whoosh only notices garbage in a segment file when a query reads
that very block, possibly as a wrong answer rather than an error. Whoosh
never rewrites a segment file, so each file's CRC is computed once, when it
appears, and checked by ``ensure_fresh`` (about 0.3 s per 100 MB).

Why a separate process for the rebuild: whoosh is pure Python, so a build
in a thread would hold the interpreter lock the GUI needs. The child is
``python -m memoria.search.store`` (see ``run_build_process``); it starts,
with the ``spawn`` method under its own ``if __name__ == "__main__"`` guard,
``procs`` part processes (both cores) that each read, apply consent and
index a share of the items; the segments are then listed in one TOC.

An encrypted archive's index is written through ``EncryptedStorage`` (STREAM
files, see ``encrypted_storage``). The keys reach the child on its stdin (one
line, then the pipe is closed) and the part processes through multiprocessing's
pipe, never through argv or the environment: see :class:`BuildKeys`.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing as mp
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage

from memoria.faults import Fault
from memoria.search.analysis import ANALYSIS_VERSION
from memoria.search.codec import SplitBlockCodec
from memoria.search.schema import INDEX_VERSION, engine_schema

if TYPE_CHECKING:
    from memoria.storage.archive import Archive

__all__ = ["WRITER_OPTIONS", "BuildKeys", "IndexState", "build_index", "file_crcs",
           "index_storage", "run_build_process"]

#: Writer options for every commit. Segment files stay separate: whoosh reads
#: a compound segment file by copying each part into a BytesIO
#: (``filedb.compound.BufferFile``), so one searcher held the whole index in
#: memory (1.1 GB at 100,000 items); separate files are read through the OS.
#: Posting blocks keep values apart from ids and weights (``codec``).
WRITER_OPTIONS = {"compound": False, "codec": SplitBlockCodec()}

#: What a build part holds of its postings in memory before it writes them to
#: a sorted run on disk (``build_pool``; about 2,500 hour-long testimonies):
#: bounds each build process's memory.
PART_POSTINGS_BYTES = 256 * 1024 * 1024

STATE = "state.json"
Progress = Callable[[int, int], None]


class IndexState:
    """The contents of ``state.json`` (all optional: a missing file is 'no index')."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data: dict = {}
        path = root / STATE
        try:
            self.data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}

    @property
    def folder(self) -> Path | None:
        name = self.data.get("folder")
        return self.root / name if name else None

    @property
    def generation(self) -> int:
        return int(self.data.get("generation", -1))

    def current_versions(self) -> bool:
        return (self.data.get("index_version") == INDEX_VERSION
                and self.data.get("analysis_version") == ANALYSIS_VERSION)

    def save(self) -> None:
        """Write atomically (temporary file + replace)."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".{STATE}.{os.getpid()}.tmp"
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w",
                       encoding="utf-8") as fh:  # owner-only, like every archive file
            fh.write(json.dumps(self.data, indent=1, sort_keys=True))
        os.replace(tmp, self.root / STATE)


@dataclass(frozen=True)
class BuildKeys:
    """What a build process needs to read an encrypted catalogue and write an
    encrypted index. Travels only through pipes (stdin of the child, pickled
    arguments of spawned part processes); its repr shows no key."""

    index: bytes | None = None   # STREAM key of the index files (subkey "index")
    master: bytes | None = None  # the archive key, to open an encrypted catalogue
    account: str = ""
    role: str = "custodian"

    def __repr__(self) -> str:
        return f"BuildKeys(encrypted={self.index is not None}, account={self.account!r})"

    @classmethod
    def of(cls, archive: Archive, index_key: bytes | None) -> BuildKeys | None:
        """The keys of this open archive (None for a plain one with a plain index)."""
        keys = getattr(archive, "keys", None)
        master = None
        if keys is not None and getattr(keys, "encrypted", False):
            master = keys._master_bytes()  # noqa: SLF001 - handed on through a pipe only
        if index_key is None and master is None:
            return None
        return cls(index_key, master, getattr(keys, "account", ""),
                   getattr(keys, "role", "custodian"))

    def encode(self) -> str:
        return json.dumps({"index": self.index.hex() if self.index else None,
                           "master": self.master.hex() if self.master else None,
                           "account": self.account, "role": self.role})

    @classmethod
    def decode(cls, line: str) -> BuildKeys | None:
        if not line.strip():
            return None
        data = json.loads(line)
        return cls(bytes.fromhex(data["index"]) if data.get("index") else None,
                   bytes.fromhex(data["master"]) if data.get("master") else None,
                   data.get("account", ""), data.get("role", "custodian"))


def open_catalogue(root: Path, keys: BuildKeys | None) -> Archive:
    """A read-only Archive, unlocked with ``keys`` when the catalogue is encrypted."""
    from memoria.storage.archive import Archive

    if keys is None or keys.master is None:
        return Archive.open(root, writable=False)
    from memoria.crypto.keys import ArchiveKeys

    return Archive.open(root, writable=False,  # type: ignore[call-arg]
                        keys=ArchiveKeys(keys.master, keys.account, keys.role))


def index_storage(folder: Path, key: bytes | None, build: str | None = None) -> FileStorage:
    """The whoosh storage of an index folder: plain files, or STREAM files when
    ``key`` is given (``build``: the build folder's name, part of each file's identity)."""
    if key is None:
        return FileStorage(str(folder))
    from memoria.search.encrypted_storage import EncryptedStorage

    return EncryptedStorage(folder, key, build or folder.name)


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def file_crcs(folder: Path, known: dict[str, int] | None = None) -> dict[str, int]:
    """CRC of each index file; reuses ``known`` values (files are immutable) except the TOC."""
    known = known or {}
    out: dict[str, int] = {}
    for entry in sorted(folder.iterdir()):
        if not entry.is_file() or entry.suffix == ".lock":
            continue
        if entry.name in known and not entry.name.endswith(".toc"):
            out[entry.name] = known[entry.name]
        else:
            out[entry.name] = _crc(entry)
    return out


def verify(folder: Path, crcs: dict[str, int]) -> str | None:
    """None if every recorded file is present and intact, else what is wrong."""
    for name, crc in crcs.items():
        path = folder / name
        if not path.exists():
            return f"{name} is missing"
        if _crc(path) != crc:
            return f"{name} is damaged"
    return None


def _index_part(archive_root: Path, folder: Path, ids: list[int], today: date | None,
                tick: Callable[[int], None], cancelled: Callable[[], bool] | None,
                keys: BuildKeys | None = None) -> bool:
    """Index ``ids`` into a new whoosh index in ``folder`` (one segment)."""
    from memoria.search.documents import DocumentBuilder

    archive = open_catalogue(archive_root, keys)
    archive.today_override = today
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        storage = index_storage(folder, keys.index if keys else None, folder.parent.name)
        ix = storage.create_index(engine_schema())
        writer = _part_writer(ix)
        builder = DocumentBuilder(archive)
        for n, item_id in enumerate(ids, 1):
            if cancelled is not None and n % 25 == 0 and cancelled():
                writer.cancel()
                return False
            for doc in builder.documents(item_id):
                writer.add_document(**doc)
            if n % 25 == 0:
                tick(25)
        tick(len(ids) % 25)
        writer.commit()
        ix.close()
        return True
    finally:
        archive.close()


def _part_writer(ix: windex.Index) -> Any:
    """A writer for a build part: postings held by ``build_pool`` instead of
    whoosh's pool, field lengths read in one go (``LengthsInOneRead``)."""
    writer = ix.writer(**WRITER_OPTIONS)
    writer.pool = _postings_pool(writer)
    plain_reader = writer.per_document_reader
    writer.per_document_reader = lambda: LengthsInOneRead(plain_reader())
    return writer


def _postings_pool(writer: Any) -> Any:
    """The pool a part's writer keeps its postings in (a test swaps in
    whoosh's own to compare the index bytes)."""
    from memoria.search.build_pool import PostingsInMemory

    return PostingsInMemory(writer._tempstorage, PART_POSTINGS_BYTES)  # noqa: SLF001


class LengthsInOneRead:
    """The per-document reader whoosh's ``add_postings`` asks, at the end of a
    build, for each posting's field length: whoosh reads that one byte from the
    lengths column per posting (1.6 million reads per 1,000 hour-long
    testimonies); here each field's column is read once. Lengths as whoosh
    gives them: ``byte_to_length`` of the stored byte, None for 0.
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._tables: dict[str, list[int | None]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        table = self._tables.get(fieldname)
        if table is None:
            from whoosh.util.numeric import byte_to_length

            from memoria.search.scoring import length_bytes_column

            count = self._reader._doccount  # noqa: SLF001 - whoosh keeps it there
            table = self._tables[fieldname] = [
                byte_to_length(b) if b else None
                for b in length_bytes_column(self._reader, count + 1, fieldname)]
        return table[docnum]

    def __getattr__(self, name: str) -> Any:  # everything else: whoosh's reader
        return getattr(self._reader, name)


def _part_child(archive_root: str, folder: str, ids: list[int], today: str | None,
                queue: mp.Queue, stop: mp.Event,  # type: ignore[type-arg]
                keys: BuildKeys | None = None) -> None:
    try:
        ok = _index_part(Path(archive_root), Path(folder), ids,
                         date.fromisoformat(today) if today else None,
                         lambda k: queue.put(("tick", k, "")), stop.is_set, keys)
        queue.put(("part", ok, ""))
    except BaseException as exc:
        from memoria.faults import describe

        queue.put(("error", False, describe(exc, "en") or f"{type(exc).__name__}: {exc}"))


def _combine(folder: Path, parts: list[Path], key: bytes | None = None) -> None:
    """Move the parts' segments into ``folder`` and list them all in one TOC.

    What whoosh's ``MpWriter(multisegment=True)`` does, but each part also
    builds its own documents (reading the catalogue and applying consent is
    a third of the work; MpWriter would leave it all to one process).
    """
    from whoosh.index import TOC

    segments = []
    for part in parts:
        segments.extend(index_storage(part, key, folder.name).open_index()
                        ._segments())  # noqa: SLF001
        for entry in part.iterdir():
            if entry.suffix not in (".toc", ".lock"):
                os.replace(entry, folder / entry.name)
        shutil.rmtree(part, ignore_errors=True)
    schema = engine_schema()
    storage = index_storage(folder, key)
    storage.create_index(schema).close()
    TOC(schema, segments, 1).write(storage, windex._DEF_INDEX_NAME)  # noqa: SLF001
    for old in folder.glob("*_0.toc"):
        old.unlink()


def build_index(archive_root: Path, index_root: Path, today: date | None, procs: int,
                progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None,
                keys: BuildKeys | None = None) -> bool:
    """Build a complete new index folder and switch ``state.json`` to it.

    With ``procs`` > 1, that many processes each index an interleaved share
    of the items into a segment of their own. Returns False if cancelled.
    """
    index_root.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = index_root / f"b{time.time_ns()}"
    folder.mkdir(mode=0o700)
    try:
        return _build_into(folder, archive_root, index_root, today, procs, progress, cancelled,
                           keys)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # a full disk leaves no half-built index
        raise


def _build_into(folder: Path, archive_root: Path, index_root: Path, today: date | None,
                procs: int, progress: Progress | None,
                cancelled: Callable[[], bool] | None, keys: BuildKeys | None = None) -> bool:
    from memoria.storage.items import all_item_ids

    with open_catalogue(archive_root, keys) as archive:
        generation = archive.generation()  # read first: later changes stay "after"
        ids = all_item_ids(archive)
    total = len(ids)
    done = 0

    def tick(k: int) -> None:
        nonlocal done
        done += k
        if progress is not None and k:
            progress(done, total)

    if procs <= 1 or total < 200:
        ok = _index_part(archive_root, folder / "p0", ids, today, tick, cancelled, keys)
        parts = [folder / "p0"]
    else:
        ctx = mp.get_context("spawn")
        queue = ctx.Queue()
        stop = ctx.Event()
        parts = [folder / f"p{k}" for k in range(procs)]
        # daemon: if this process dies, multiprocessing ends its parts too
        children = [ctx.Process(target=_part_child, name=f"memoria-index-part{k}",
                                args=(str(archive_root), str(parts[k]), ids[k::procs],
                                      today.isoformat() if today else None, queue, stop,
                                      keys),
                                daemon=True)
                    for k in range(procs)]
        for child in children:
            child.start()
        finished, ok, error = 0, True, ""
        try:
            while finished < procs:
                if cancelled is not None and cancelled():
                    stop.set()
                try:
                    kind, value, text = queue.get(timeout=0.2)
                except Exception:  # queue.Empty; a crashed child sends nothing
                    if not any(c.is_alive() for c in children):
                        error = error or "an index build process ended unexpectedly"
                        break
                    continue
                if kind == "tick":
                    tick(value)
                else:
                    finished += 1
                    ok = ok and bool(value)
                    error = error or text
        finally:
            if finished < procs:
                stop.set()
            for child in children:
                child.join(timeout=30)
                if child.is_alive():
                    child.terminate()
        if error:
            shutil.rmtree(folder, ignore_errors=True)
            raise BuildFailed(error)
    if not ok:
        shutil.rmtree(folder, ignore_errors=True)
        return False
    _combine(folder, parts, keys.index if keys else None)
    state = IndexState(index_root)
    old = state.folder
    state.data = {"index_version": INDEX_VERSION, "analysis_version": ANALYSIS_VERSION,
                  "generation": generation, "folder": folder.name,
                  "encrypted": bool(keys and keys.index),
                  "crcs": file_crcs(folder), "built_at": time.time()}
    state.save()
    _remove_old(index_root, keep=folder, old=old)
    return True


def _remove_old(index_root: Path, keep: Path, old: Path | None) -> None:
    """Delete earlier build folders (ignored while another process has them open)."""
    for entry in index_root.iterdir():
        if entry.is_dir() and entry != keep and entry.name.startswith("b"):
            shutil.rmtree(entry, ignore_errors=True)


def remove_other_builds(index_root: Path, keep: Path, live: set[str], toc: str) -> None:
    """Delete every build folder but ``keep``, and the files in ``keep`` that belong to
    none of the ``live`` segments nor the current table of contents ``toc`` (names as
    the index read through its own storage, plain or encrypted, gave them): a purge
    leaves no old segment behind."""
    _remove_old(index_root, keep=keep, old=None)
    if not live:
        return  # an empty list would name every segment file stray: never guess
    for entry in keep.iterdir():
        if entry.is_file() and entry.suffix != ".lock" and entry.name != toc and not any(
                entry.name.startswith(f"{s}.") for s in live):
            entry.unlink(missing_ok=True)


class BuildFailed(Fault, RuntimeError):
    """The index could not be built; the message is one sentence (never a child's traceback)."""


def run_build_process(archive_root: Path, index_root: Path, today: date | None, procs: int,
                      progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None,
                      keys: BuildKeys | None = None) -> bool:
    """Run :func:`build_index` in a child process; relay progress; honour cancel.

    A plain subprocess running this module (``python -m memoria.search.store``)
    rather than ``multiprocessing``: spawn re-imports the caller's main
    module, and ``python -m memoria`` has no ``__main__`` guard to stop the
    command from running again in the child. Progress comes back as lines
    on stdout; cancelling creates a stop file the child polls. ``keys`` (an
    encrypted archive) go to the child as one line on its stdin.
    """
    index_root.mkdir(parents=True, exist_ok=True, mode=0o700)
    stop = index_root / f".stop-{os.getpid()}-{time.time_ns()}"
    cmd = [sys.executable, "-m", "memoria.search.store", str(archive_root), str(index_root),
           today.isoformat() if today else "-", str(procs), str(stop), str(os.getpid()),
           KEYS_ON_STDIN]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdin is not None
    try:
        proc.stdin.write((keys.encode() if keys else "") + "\n")
        proc.stdin.close()
    except OSError:  # the child died at once: its stderr says why, below
        pass
    result, error = None, ""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    try:
        while True:
            if cancelled is not None and cancelled() and not stop.exists():
                stop.touch()
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            if line is None:
                break
            kind, _, rest = line.strip().partition(" ")
            if kind == "progress" and progress is not None:
                done, total = rest.split()
                progress(int(done), int(total))
            elif kind == "done":
                result = rest == "ok"
            elif kind == "error":
                error = rest
        proc.wait()
        if proc.stderr is not None and not error:
            # A child that died before it could say why: its last line, never a traceback.
            tail = [ln for ln in proc.stderr.read()[-2000:].splitlines() if ln.strip()]
            error = tail[-1].strip() if tail else ""
    finally:
        if proc.poll() is None:
            proc.kill()
        stop.unlink(missing_ok=True)
    if result is None:
        raise BuildFailed(f"index build failed: {error.strip() or proc.returncode}")
    if error:
        raise BuildFailed(error)
    return result


KEYS_ON_STDIN = "--keys-on-stdin"


def _main(argv: list[str]) -> int:
    """Child entry point: ARCHIVE INDEX_ROOT TODAY|- PROCS STOPFILE [PARENT_PID]
    [--keys-on-stdin] (then the first line of stdin is a :class:`BuildKeys`, or empty).

    The build stops, like a cancel, when the stop file appears, when the
    process that asked for it is gone (killed, crashed: ``getppid`` no longer
    names it), or when nobody reads the progress any more. Without this an
    app killed mid-build left both cores indexing for minutes, and the next
    start began a second build beside it.
    """
    keys = None
    if KEYS_ON_STDIN in argv:
        argv = [a for a in argv if a != KEYS_ON_STDIN]
        keys = BuildKeys.decode(sys.stdin.readline())
    archive_root, index_root, today, procs, stop, *parent = argv
    stop_file = Path(stop)
    parent_pid = int(parent[0]) if parent else os.getppid()
    lost = False

    def report(n: int, total: int) -> None:
        nonlocal lost
        try:
            print(f"progress {n} {total}", flush=True)
        except OSError:  # BrokenPipeError: the reader is gone
            lost = True

    def cancelled() -> bool:
        return lost or os.getppid() != parent_pid or stop_file.exists()

    try:
        ok = build_index(Path(archive_root), Path(index_root),
                         None if today == "-" else date.fromisoformat(today), int(procs),
                         progress=report, cancelled=cancelled, keys=keys)
    except Exception as exc:  # noqa: BLE001 - told to the parent as one sentence
        from memoria.faults import describe
        from memoria.storage.archive import ArchiveDamaged

        text = (exc.sentence("en") if isinstance(exc, ArchiveDamaged)
                else describe(exc, "en", Path(archive_root) / "catalogue.sqlite") or str(exc))
        with contextlib.suppress(OSError):
            print("error " + " ".join(text.split()), flush=True)
        return 1
    with contextlib.suppress(OSError):
        print("done ok" if ok else "done cancelled", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
