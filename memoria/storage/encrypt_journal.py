"""The switch of `memoria encrypt`: a plain archive becomes an encrypted one, never a mix.

`memoria encrypt` (memoria.trust.encrypt) builds everything encrypted inside
a journal folder of the archive, `.memoria-encrypt/`, while the plain archive
stays exactly as it was:

    .memoria-encrypt/state.json      "building", then "ready" (written atomically)
    .memoria-encrypt/keys.json       the new key slots
    .memoria-encrypt/catalogue.sqlite  the SQLCipher catalogue (sqlcipher_export),
                                     its originals' paths already the keyed names
    .memoria-encrypt/media/...       every original, STREAM-encrypted, keyed names
    .memoria-encrypt/plain.json      what the plain archive's leftovers are
    .memoria-encrypt/.lock           held (flock) by the run that builds it

"ready" is the one moment of decision. Before it, the journal is thrown away
(the plain archive was never touched); from it on, the switch is carried to
its end by whoever meets the journal first (the run itself, or the next open
after a kill): originals moved into media/ (keyed names never collide with
plain ones), the catalogue moved over the plain one, then keys.json (from
that rename on the folder says "encrypted"), then the plain leftovers removed
(plain originals, derived/, index/, plain automatic copies). Each step can be
repeated, so a kill during the switch is finished by the next open.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from pathlib import Path

from memoria.storage.durable import fsync_dir as _fsync_dir

JOURNAL = ".memoria-encrypt"
STATE = "state.json"
PLAIN = "plain.json"
LOCK = ".lock"
KEYS = "keys.json"
CATALOGUE = "catalogue.sqlite"


def write_state(journal: Path, state: str) -> None:
    tmp = journal / f".{STATE}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(json.dumps({"state": state}) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, journal / STATE)
    _fsync_dir(journal)


def read_state(journal: Path) -> str:
    try:
        return str(json.loads((journal / STATE).read_text(encoding="utf-8"))["state"])
    except (OSError, ValueError, KeyError, TypeError):
        return "building"  # unreadable or absent: the decision was never written


def take_lock(journal: Path) -> object | None:
    """Hold the journal's lock (the handle keeps it); None if another process holds it."""
    handle = open(journal / LOCK, "a+b")  # noqa: SIM115 - kept open while the lock is held
    if sys.platform == "win32":
        return handle
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def settle(root: Path) -> str | None:
    """Finish or undo an encryption a kill interrupted; what was done ("undone",
    "finished"), "busy" when a live run holds the journal, None when there was none."""
    journal = Path(root) / JOURNAL
    if not journal.is_dir():
        return None
    lock = take_lock(journal)
    if lock is None:
        return "busy"
    try:
        if read_state(journal) != "ready":
            shutil.rmtree(journal, ignore_errors=True)
            return "undone"
        roll_forward(Path(root))
        return "finished"
    finally:
        with contextlib.suppress(OSError):
            lock.close()  # type: ignore[attr-defined]


def _move_tree(src: Path, dest: Path) -> None:
    for path in sorted(src.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            target = dest / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.replace(path, target)
    for folder in {p.parent for p in dest.rglob("*")}:
        with contextlib.suppress(OSError):
            _fsync_dir(folder)


def roll_forward(root: Path) -> None:
    """Carry a "ready" journal to its end (every step may be repeated)."""
    journal = root / JOURNAL
    if (journal / "media").is_dir():
        _move_tree(journal / "media", root / "media")
    if (journal / CATALOGUE).is_file():
        # The plain catalogue's page seal would call every new page changed: gone first
        # (an archive without a seal is sealed at its next write).
        (root / "catalogue.seal").unlink(missing_ok=True)
        for side in ("-wal", "-shm", "-journal"):
            (root / (CATALOGUE + side)).unlink(missing_ok=True)
        os.replace(journal / CATALOGUE, root / CATALOGUE)
        _fsync_dir(root)
    if (journal / KEYS).is_file():
        os.replace(journal / KEYS, root / KEYS)  # from here on the folder says "encrypted"
        _fsync_dir(root)
    _mark_encrypted(root)
    remove_plain_leftovers(root, journal)
    shutil.rmtree(journal, ignore_errors=True)
    _fsync_dir(root)


def _mark_encrypted(root: Path) -> None:
    """memoria-archive.json (what the folder is, for a person browsing it) says so too."""
    marker = root / "memoria-archive.json"
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(data, dict) or data.get("encrypted") is True:
        return
    data["encrypted"] = True
    tmp = marker.with_name(f".{marker.name}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(json.dumps(data, indent=2) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, marker)


def remove_plain_leftovers(root: Path, journal: Path) -> list[str]:
    """Unlink what the plain archive held (see plain.json); rebuildable folders emptied."""
    removed: list[str] = []
    try:
        plain = json.loads((journal / PLAIN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        plain = {}
    for rel in plain.get("files", []):
        path = root / rel
        if ".." in Path(rel).parts or not path.is_file():
            continue
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
        path.unlink(missing_ok=True)
        removed.append(rel)
    for folder in ("derived", "index", "tmp"):
        target = root / folder
        if target.is_dir():
            for entry in list(target.iterdir()):
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
    backups = root / "backups"
    if backups.is_dir():  # the plain automatic copies of the catalogue
        for copy in list(backups.rglob("*.sqlite")):
            copy.unlink(missing_ok=True)
            removed.append(copy.relative_to(root).as_posix())
    return removed


# -- the SQL of the build (memoria.trust.encrypt drives it) -------------------------------
def export_catalogue(conn: object, dest: Path, key: bytes) -> list[tuple[str, str]]:
    """Copy the open plain catalogue into `dest`, SQLCipher-keyed with `key`
    (`sqlcipher_export`, after a full checkpoint); the (sha256, path) of its originals."""
    from memoria.storage import db
    from memoria.storage.driver import key_pragma

    c = conn  # a memoria.storage.driver connection to the plain catalogue
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[attr-defined]
    os.close(os.open(dest, os.O_WRONLY | os.O_CREAT, 0o600))  # owner-only before any byte
    attach = key_pragma(key).replace("PRAGMA key = ", "ATTACH DATABASE ? AS enc KEY ")
    c.execute(attach, (str(dest),))  # type: ignore[attr-defined]
    try:
        c.execute("SELECT sqlcipher_export('enc')")  # type: ignore[attr-defined]
        c.execute(f"PRAGMA enc.user_version = {db.current_version(c):d}")  # type: ignore[attr-defined,arg-type]
        c.execute(f"PRAGMA enc.application_id = {db.APPLICATION_ID:d}")  # type: ignore[attr-defined]
        return [(r[0], r[1]) for r in c.execute(  # type: ignore[attr-defined]
            "SELECT sha256, path FROM blobs ORDER BY path")]
    finally:
        c.execute("DETACH DATABASE enc")  # type: ignore[attr-defined]


def finish_catalogue(dest: Path, key: bytes, moves: list[tuple[str, str]]) -> list[str]:
    """Point the encrypted catalogue's originals at their keyed names ((new path, sha256)),
    leave it standing alone (no WAL) and check it whole; what is wrong (empty: sound)."""
    from memoria.storage import db, driver

    conn = driver.connect(str(dest), key=key, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("UPDATE blobs SET path = ? WHERE sha256 = ?", moves)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = DELETE")
        return db.structure_problems(conn)
    finally:
        conn.close()
