"""Fixity: prove that every original is still exactly the file we were given.

Bit rot, a bad disk, a sync tool or a person "tidying up" media/ can change
or remove an original without anybody noticing for years. A fixity check
re-hashes every original against the SHA-256 the catalogue recorded at
ingest, lists files in media/ the catalogue does not know, asks SQLite to
check the catalogue itself, and writes the result into the audit log, so
the archive can show when it was last proven intact.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from memoria.crypto.stream import StreamDamaged
from memoria.domain.messages import Sentence, fault_text, say
from memoria.faults import describe
from memoria.storage import db
from memoria.storage import driver as sqlite3
from memoria.storage import items as item_store
from memoria.storage.archive import MARKER, Archive, utc_now
from memoria.storage.db import CATALOGUE, transaction
from memoria.storage.history import last_archive_event

ProgressFn = Callable[[int, int, str], None]  # (done, total, current relative path)
CancelFn = Callable[[], bool]
PERIOD_KEY = "fixity.period_days"
DEFAULT_PERIOD_DAYS = 90
CHUNK = 1024 * 1024
_damage_en = {"header": "not an encrypted file of this archive",
              "version": "written by a newer Memoria", "length": "the encrypted file is cut",
              "chunk": "the encrypted data was changed or moved"}


@dataclass
class FixityReport:
    """What a fixity check found; `ok` is True only when nothing at all is wrong."""

    checked: int = 0
    bytes_hashed: int = 0
    changed: list[str] = field(default_factory=list)  # relative paths whose hash differs
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)  # in media/, not in the catalogue
    integrity: list[str] = field(default_factory=list)  # PRAGMA integrity_check lines
    seal: list[str] = field(default_factory=list)  # changed pages, lost commits (storage/seal.py)
    foreign_keys: list[str] = field(default_factory=list)
    cancelled: bool = False
    not_recorded: str = ""  # why the result could not be written to the catalogue
    started_at: str = ""
    finished_at: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.unexpected or self.integrity
                    or self.seal or self.foreign_keys or self.cancelled)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["ok"] = self.ok
        return data

    def summary(self, lang: str = "es") -> str:
        """One paragraph for a person, in `lang`."""
        if self.cancelled:
            return fault_text("verify_cancelled", lang, n=self.checked)
        if self.ok:
            return fault_text("verify_ok", lang, n=self.checked,
                              mb=f"{self.bytes_hashed / 1e6:.1f}")
        parts = []
        for key, paths in (("n_changed", self.changed), ("n_missing", self.missing),
                           ("n_unexpected", self.unexpected)):
            if paths:
                parts.append(fault_text(key, lang, n=len(paths),
                                        paths=", ".join(say(p, lang) for p in paths[:10])))
        for key, found in (("p_integrity", self.integrity), ("p_seal", self.seal),
                           ("p_links", self.foreign_keys)):
            if found:
                parts.append(fault_text(key, lang, what="; ".join(say(f, lang)
                                                                  for f in found[:5])))
        return fault_text("verify_problems", lang, parts=". ".join(parts))

    def in_language(self, lang: str) -> dict:
        """to_dict() with every finding said in `lang` (the --json document)."""
        data = self.to_dict()
        for key in ("changed", "missing", "unexpected", "integrity", "seal", "foreign_keys"):
            data[key] = [say(f, lang) for f in getattr(self, key)]
        data["not_recorded"] = say(self.not_recorded, lang)
        return data


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def plaintext_sha256(archive: Archive, relpath: str) -> str:
    """The SHA-256 of an original as it was given (decrypted in an encrypted archive;
    StreamDamaged when its ciphertext was changed, cut or moved)."""
    digest = hashlib.sha256()
    with archive.vault.open_read(relpath) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _of_items(archive: Archive, sha: str) -> str:
    """'; original of T-2026-0003' (keyed names say nothing to a person)."""
    try:
        held = item_store.accessions_holding(archive, sha)
    except sqlite3.DatabaseError:
        return ""
    return f"; original of {', '.join(held)}" if held else ""


def catalogue_problems(archive: Archive) -> tuple[list[str], list[str]]:
    """SQLite's own structural check and the foreign-key check, as readable lines.

    Defensive: a catalogue too damaged to check is itself the finding.
    """
    try:
        integrity = db.structure_problems(archive.conn)
    except sqlite3.DatabaseError as exc:
        return [Sentence("cannot_check", cause=str(exc))], []
    try:
        fks: list[str] = [Sentence("link_broken", table=table, rowid=rowid, target=target)
                          for table, rowid, target in db.broken_links(archive.conn)]
    except sqlite3.DatabaseError as exc:
        fks = [Sentence("links_cannot_check", cause=str(exc))]
    return integrity, fks


def media_on_disk(root: Path) -> set[str]:
    """Every file under media/, as archive-relative paths with forward slashes."""
    media = root / "media"
    if not media.is_dir():
        return set()
    return {p.relative_to(root).as_posix() for p in media.rglob("*") if p.is_file()
            or p.is_symlink()}


def verify_archive(archive: Archive, progress: ProgressFn | None = None,
                   cancelled: CancelFn | None = None, record: bool = True,
                   lang: str = "es") -> FixityReport:
    """Re-hash every original, look for strays, check the catalogue; audit the result.

    Runs happily in a background thread of the app: `progress` is called
    before each file and `cancelled` is polled between files (a cancelled
    check records nothing, because it proves nothing). With `record` and a
    writable archive, each blob's fixity_ok/fixity_at is set, so an item can
    show a failed file, and one 'fixity' event goes to the audit log.
    """
    start = datetime.now(UTC)
    report = FixityReport(started_at=utc_now())
    try:
        rows = item_store.blobs_by_path(archive)
    except sqlite3.DatabaseError as exc:  # the list of originals itself is damaged
        rows = None
        report.integrity.append(Sentence("originals_unreadable", cause=str(exc)))
    on_disk = media_on_disk(archive.root)
    if rows is None:  # nothing to compare with: the files are neither proven nor strays
        rows, on_disk = [], set()
    results: dict[str, bool] = {}
    for done, (sha, relpath, _size) in enumerate(rows):
        if cancelled and cancelled():
            report.cancelled = True
            break
        if progress:
            progress(done, len(rows), relpath)
        on_disk.discard(relpath)
        path = archive.root / relpath
        try:
            actual = plaintext_sha256(archive, relpath)
        except StreamDamaged as exc:  # the ciphertext changed: a damaged original
            report.changed.append(f"{relpath} (damaged: {_damage_en[exc.cause]}"
                                  f"{_of_items(archive, sha)})")
            results[sha] = False
            continue
        except FileNotFoundError:
            report.missing.append(relpath)
            results[sha] = False
            continue
        except OSError as exc:
            report.changed.append(Sentence("original_unreadable", path=relpath,
                                           cause=exc.strerror or str(exc)))
            results[sha] = False
            continue
        report.checked += 1
        report.bytes_hashed += path.stat().st_size
        results[sha] = actual == sha
        if actual != sha:
            report.changed.append(relpath)
    if report.cancelled:
        return report
    if progress:
        progress(len(rows), len(rows), "")
    # Originals of an emptied trash whose removal a kill interrupted are not strays:
    # the next open removes them (memoria.storage.trash.finish_wipe).
    from memoria.storage.trash import pending_files

    report.unexpected = sorted(on_disk - {path for _sha, path in pending_files(archive)})
    integrity, report.foreign_keys = catalogue_problems(archive)
    report.integrity += integrity
    report.seal = seal_findings(archive.root, archive.conn)
    report.finished_at = utc_now()
    report.seconds = round((datetime.now(UTC) - start).total_seconds(), 3)
    if record and archive.writable:
        try:  # the report is never lost to a write the damage (or a full disk) refuses
            _record(archive, report, results)
        except (OSError, sqlite3.Error) as exc:
            report.not_recorded = describe(exc, lang, archive.root / CATALOGUE) or str(exc)
    return report


def seal_findings(root: Path, conn: sqlite3.Connection) -> list[str]:
    """Pages changed outside Memoria and commits the catalogue lost (storage/seal.py)."""
    from memoria.storage import seal

    found = []
    try:
        found += seal.check_pages(root, root / CATALOGUE)
    except OSError as exc:
        found.append(Sentence("seal_cannot_read", cause=str(exc)))
    try:
        lost = seal.lost_commits(root, conn)
    except sqlite3.DatabaseError as exc:
        lost = Sentence("history_cannot_read", cause=str(exc))
    return found + ([lost] if lost else [])


def save_report_file(root: Path, report: FixityReport) -> Path | None:
    """Where a result the catalogue could not take is kept: <archive>/reports/verify-*.json."""
    folder = root / "reports"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / f"verify-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # owner-only
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
    except OSError:
        return None
    return path


def _record(archive: Archive, report: FixityReport, results: dict[str, bool]) -> None:
    with transaction(archive.conn):
        item_store.record_fixity(archive, results, report.finished_at)
        details = {k: v for k, v in report.to_dict().items()
                   if k not in ("started_at", "cancelled")}
        archive.audit("archive", None, "fixity", details)


def last_fixity_check(archive: Archive) -> dict | None:
    """The newest recorded fixity event: {'at', 'ok', ...} or None if never checked."""
    found = last_archive_event(archive, "fixity")
    if found is None:
        return None
    at, details = found
    details["at"] = at
    return details


def fixity_period_days(archive: Archive, default: int = DEFAULT_PERIOD_DAYS) -> int:
    try:
        return int(archive.setting(PERIOD_KEY, str(default)) or default)
    except ValueError:
        return default


def fixity_overdue(archive: Archive, days: int | None = None,
                   now: datetime | None = None) -> bool:
    """True when the last check is older than the period; never checked, the period
    runs from the archive's creation (True if that is unknown).

    The period is `days`, else the 'fixity.period_days' setting, else 90.
    """
    last = last_fixity_check(archive)
    if last is not None:
        at: datetime | None = datetime.fromisoformat(last["at"])
    else:
        # Never checked: the period runs from the archive's creation, so a brand-new
        # archive does not greet its archivist with a 90-day warning (issue 15).
        at = archive_created(archive)
        if at is None:
            return True
    period = days if days is not None else fixity_period_days(archive)
    return (now or datetime.now(UTC)) - at > timedelta(days=period)


def archive_created(archive: Archive) -> datetime | None:
    """When the archive was created, from the marker file written by Archive.create
    (None when the marker is missing or unreadable)."""
    try:
        marker = json.loads((archive.root / MARKER).read_text(encoding="utf-8"))
        created = datetime.fromisoformat(str(marker["created"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return created if created.tzinfo is not None else created.replace(tzinfo=UTC)


class _DamagedCatalogue:
    """Just enough of an Archive for verify_archive over a catalogue that will not open."""

    writable = False

    def __init__(self, root: Path, conn: sqlite3.Connection) -> None:
        from memoria.storage.vault import Vault

        self.root, self.conn = root, conn
        self.vault = Vault(root)


def verify_damaged(root: Path, why: str, progress: ProgressFn | None = None,
                   key: bytes | None = None) -> FixityReport:
    """Verify an archive whose catalogue cannot be opened normally: read what can be read.

    The originals the catalogue still lists are re-hashed, SQLite's checks run
    as far as they can, and the result is saved beside the catalogue (the
    catalogue itself is not written).
    """
    catalogue = Path(root) / CATALOGUE
    report = FixityReport(started_at=utc_now())
    try:
        conn = sqlite3.connect(f"{catalogue.absolute().as_uri()}?mode=ro", uri=True, key=key)
    except sqlite3.Error as exc:
        report.integrity = [why, Sentence("cannot_open", cause=str(exc))]
        report.finished_at = utc_now()
        report.not_recorded = why
        return report
    try:
        report = verify_archive(_DamagedCatalogue(Path(root), conn),  # type: ignore[arg-type]
                                progress=progress, record=False)
    finally:
        conn.close()
    report.integrity.insert(0, why)
    report.not_recorded = why
    return report
