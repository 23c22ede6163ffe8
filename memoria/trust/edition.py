"""Reading-room editions: a read-only archive holding only what one audience may receive.

`memoria edition DEST --as researcher|public [--scope S]` writes, at DEST, a
Memoria archive built only from projections (memoria.projection.project) for
that audience and scope: names already replaced, redactions cut, notes gone,
withheld segments left out, technical metadata on the allowlist, and media
as clean copies (no embedded metadata; photos blurred where consent asks;
withheld stretches of a WAV recording silenced on the same timeline, so the
transcript stays in step; a recording that cannot be cut is left out, and
the report says why). No consent form, no consent history, no audit trail of
the source, no protection list, no redaction spans, no register of copies:
the edition's own catalogue is created empty and filled from the projections.
Its items carry one synthetic grant for the edition's scope, so the consent
rules open them to that audience and nobody needs to be custodian.

Memoria opens an edition locked to its audience (memoria-edition.json says
which and when): read-only, no "View as", no editing; the window names the
edition and its date. Archive.open refuses to open it for writing.

A refresh into the same folder is incremental: clean media copies already in
the edition are reused (hard-linked, else copied) by a key of the original's
hash and what was done to it, so only new or changed media are made again.
The catalogue and the search index are built afresh each time (from a new
file, never by deleting rows, so no withdrawn text lingers in free pages or
old index segments); the new edition replaces the old one in one rename, and
whatever was withdrawn or re-embargoed since is simply not in it. Every
edition is entered in the register of copies.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import uuid
import wave
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from memoria import __version__
from memoria.access import NotVisible
from memoria.domain.consent import DEFAULT_SCOPE, Audience
from memoria.domain.messages import explain
from memoria.domain.model import Anonymisation, ConsentStatus, MediaFile, Scope, SegmentDraft
from memoria.exhibits.check import cuttable
from memoria.exhibits.copies import ExportError, MediaCopier
from memoria.media.detect import suffix_of
from memoria.projection import Projection, project, protector_for
from memoria.storage import archive as archive_module
from memoria.storage import authorities, catalogue_files, consents, db, media_store
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, ArchiveError, utc_now
from memoria.storage.exhibits import blur_regions_for
from memoria.trust.clean_copies import (
    DamagedOriginal,
    beside,
    check_original,
    consent_forms,
    disk_sentence,
    reason_text,
    sweep_debris,
)

EDITION_MARKER = archive_module.EDITION_MARKER
EDITION_FORMAT = 1
AUDIENCES = (Audience.RESEARCHER, Audience.PUBLIC)
ACTOR = "memoria-edition"
EDITION_NAME = {"es": {"researcher": "Edición de sala para investigación",
                       "public": "Edición de sala para el público"},
                "en": {"researcher": "Reading-room edition for researchers",
                       "public": "Reading-room edition for the public"}}


class EditionError(ArchiveError):
    """An edition cannot be written; DEST keeps whatever it held."""


@dataclass(frozen=True)
class EditionInfo:
    """What an edition folder says about itself (memoria-edition.json)."""

    audience: Audience
    scope: Scope | None
    as_of: str        # the day consent was evaluated
    made_at: str
    items: int

    def title(self, lang: str = "es") -> str:
        lang = "en" if lang == "en" else "es"
        return f"{EDITION_NAME[lang][self.audience.value]} · {self.as_of}"


@dataclass
class EditionReport:
    dest: str
    audience: str
    scope: str | None
    items: list[str] = field(default_factory=list)           # accessions in the edition
    left_out: list[tuple[str, str]] = field(default_factory=list)  # accession, why
    media_left_out: list[tuple[str, str]] = field(default_factory=list)  # accession, why
    problems: list[str] = field(default_factory=list)        # damaged originals
    media_made: int = 0
    media_reused: int = 0
    removed: list[str] = field(default_factory=list)         # in the last edition, not now

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"dest": self.dest, "audience": self.audience, "scope": self.scope,
                "items": self.items, "removed": self.removed,
                "left_out": [{"item": a, "reason": r} for a, r in self.left_out],
                "media_left_out": [{"item": a, "reason": r} for a, r in self.media_left_out],
                "problems": self.problems, "media_made": self.media_made,
                "media_reused": self.media_reused, "ok": self.ok}


def read_edition(path: Path) -> EditionInfo | None:
    """The edition's description if `path` is a reading-room edition, else None."""
    marker = Path(path) / EDITION_MARKER
    if not marker.is_file():
        return None
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        return EditionInfo(Audience(data["audience"]),
                           Scope(data["scope"]) if data.get("scope") else None,
                           data["as_of"], data["made_at"], int(data.get("items", 0)))
    except (OSError, ValueError, KeyError) as exc:
        raise ArchiveError(f"{marker} cannot be read ({exc}).") from exc


def open_edition(path: Path) -> tuple[Archive, EditionInfo]:
    """Open an edition read-only, with its description."""
    info = read_edition(path)
    if info is None:
        raise ArchiveError(f"{path} is not a reading-room edition.")
    return Archive.open(path, writable=False), info


# -- writing ------------------------------------------------------------------------
def write_edition(
    archive: Archive, dest: Path, audience: Audience, scope: Scope | None = None, *,
    lang: str = "es", progress: Callable[[int, int, str], None] | None = None,
) -> EditionReport:
    """Write (or refresh) the edition for `audience` under `scope` at `dest`."""
    audience = Audience(audience)
    if audience not in AUDIENCES:
        raise EditionError("An edition is for researchers or the public "
                           "(--as researcher|public)." if lang == "en" else
                           "Una edición es para investigación o para el público "
                           "(--as researcher|public).")
    scope = scope or DEFAULT_SCOPE[audience]
    dest = Path(dest).expanduser().absolute()
    if dest == archive.root or dest.is_relative_to(archive.root):
        raise EditionError(f"An edition must live outside the archive folder ({dest})."
                           if lang == "en" else
                           f"Una edición debe quedar fuera de la carpeta del archivo ({dest}).")
    old = read_edition(dest) if dest.exists() else None
    if dest.exists() and any(dest.iterdir()) and old is None:
        raise EditionError(f"{dest} is not empty and holds no edition; choose an empty folder."
                           if lang == "en" else
                           f"{dest} no está vacía y no tiene una edición; elija una carpeta vacía.")
    report = EditionReport(str(dest), audience.value, scope.value if scope else None)
    generation = archive.generation()
    reuse = _old_media(dest) if old else {}
    old_items = _old_accessions(dest) if old else set()
    sweep_debris(dest)  # what a killed run left beside it
    tmp = beside(dest, "edition")
    work = tmp.with_suffix(".work")
    try:
        built = Archive.create(tmp)
        built.actor = ACTOR
        built.today_override = archive.today()
        try:
            item_ids = _fill(archive, built, audience, scope, lang, report, reuse, work, progress)
            _index(built)
        finally:
            built.close()
        _finish_catalogue(tmp / db.CATALOGUE)
        for leftover in ("tmp", "backups", copy_store.PENDING):
            shutil.rmtree(tmp / leftover, ignore_errors=True)
        (tmp / ".memoria.lock").unlink(missing_ok=True)
        info = {"format": EDITION_FORMAT, "audience": audience.value,
                "scope": scope.value if scope else None, "as_of": archive.today().isoformat(),
                "made_at": utc_now(), "items": len(report.items),
                "software": f"Memoria {__version__}"}
        (tmp / EDITION_MARKER).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        # The last guard: no protected name in any file of the edition (catalogue, index
        # and media included), in any confirmed variant.
        from memoria.protect import guard_tree

        guard_tree(protector_for(archive, audience, lang), tmp, lang)
        _read_only(tmp)
        _swap(tmp, dest)
    except OSError as exc:  # a full disk, a read-only stick, a folder gone
        _remove(tmp)
        raise EditionError(disk_sentence(exc, dest, lang)) from None
    except BaseException:
        _remove(tmp)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.removed = sorted(old_items - set(report.items))
    copy_store.record_copy(archive, "edition", item_ids, audience, dest, scope=scope,
                           generation=generation)
    return report


def _fill(archive: Archive, built: Archive, audience: Audience, scope: Scope | None, lang: str,
          report: EditionReport, reuse: dict[str, Path], work: Path,
          progress: Callable[[int, int, str], None] | None) -> list[int]:
    protector = protector_for(archive, audience, lang)
    forms = consent_forms(archive)
    ids = item_store.list_item_ids(archive)
    reader = authorities.add_person(built, EDITION_NAME[lang if lang == "en" else "es"][
        audience.value])  # holds the edition's grants; on no item
    places: dict[tuple[int, str], int] = {}
    media_keys: dict[str, str] = {}
    copied: list[int] = []
    copier = MediaCopier(work / "out", work / "scratch")
    for n, item_id in enumerate(ids, start=1):
        try:
            view = project(archive, item_id, audience, scope, lang=lang, protector=protector)
        except NotVisible as refused:
            accession = item_store.get_item(archive, item_id).accession
            report.left_out.append((accession, explain(refused.decision, lang)))
            continue
        try:
            media = _media(archive, built, view, forms, copier, reuse, media_keys, report, lang)
        except DamagedOriginal as exc:  # the item stays home; the sentence names it
            report.problems.append(str(exc))
            continue
        _item(built, view, media, places, reader.id, scope)
        report.items.append(view.item.accession)
        copied.append(item_id)
        if progress:
            progress(n, len(ids), view.item.accession)
    built.set_setting("edition.media_keys", json.dumps(media_keys, sort_keys=True))
    return copied


def _item(built: Archive, view: Projection, media: list[tuple[str, str]],
          places: dict[tuple[int, str], int], reader_id: int,
          scope: Scope | None) -> None:
    item = view.item
    people = []
    for link in item.people:
        person = authorities.get_or_add_person(built, link.person.name)
        people.append((person.id, link.role))
    place_ids = [_place(built, view, p.id, p.name, p.kind, places) for p in item.places]
    fields = item_store.ItemFields(
        kind=item.kind, title=item.title, description=item.description,
        date_edtf=item.date_edtf, notes="", languages=list(item.languages),
        place_ids=place_ids, people=list(dict.fromkeys(people)), subjects=list(item.subjects))
    new_id = item_store.create_item(built, fields, item.accession)
    if view.segments:
        item_store.save_segments(built, new_id, [
            SegmentDraft(s.start_ms, s.end_ms, s.speaker, s.text, s.title, s.keywords)
            for s in view.segments])
    for sha, name in media:
        item_store.attach_media(built, new_id, sha, name)
    consents.record_consent(built, reader_id, [new_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {scope} if scope else set()), reason="edition", supersede=False)


def _place(built: Archive, view: Projection, place_id: int, name: str, kind: object,
           places: dict[tuple[int, str], int]) -> int:
    """The place in the edition (a projected place keeps no parent it did not show).

    Keyed by the name as this item's projection gives it: one item's people may
    rename a place that another item shows as it is, and neither may borrow the
    other's row."""
    key = (place_id, name)
    if key not in places:
        places[key] = authorities.add_place(built, name, kind).id  # type: ignore[arg-type]
    return places[key]


def _media(archive: Archive, built: Archive, view: Projection, forms: set[str],
           copier: MediaCopier, reuse: dict[str, Path], media_keys: dict[str, str],
           report: EditionReport, lang: str) -> list[tuple[str, str]]:
    """Clean copies of the item's media stored in the edition: [(sha256, name)]."""
    accession = view.item.accession
    wanted = [m for m in view.item.media if m.sha256 not in forms]
    for m in wanted:  # every original is verified before any copy of the item is made
        check_original(archive.vault.opener(m.path), m.sha256, accession, m.original_name,
                       lang)
    out = []
    for m in wanted:
        plan = _plan(archive, view, m)
        if isinstance(plan, str):
            report.media_left_out.append((accession, f"{m.original_name}: "
                                          f"{reason_text(plan, lang)}"))
            continue
        key = hashlib.sha256(json.dumps([m.sha256, plan], sort_keys=True).encode()).hexdigest()
        if key in media_keys:  # the same original on another item of this edition
            out.append((Path(media_keys[key]).stem, m.original_name))
            continue
        try:
            made = _reused(reuse.get(key), work=copier.work, n=len(media_keys))
            if made is not None:
                report.media_reused += 1
            else:
                made = _make(archive, m, plan, copier)
                report.media_made += 1
        except (ExportError, OSError, ValueError, wave.Error) as exc:
            report.media_left_out.append((accession, f"{m.original_name}: "
                                          f"{reason_text('not_clean', lang)} ({exc})"))
            continue
        sha = hashlib.sha256(made.read_bytes()).hexdigest()
        relpath = media_store.media_relpath(sha, made.suffix)
        target = built.root / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            made.unlink()
        else:
            os.replace(made, target)
        item_store.record_blob(built, sha, target.stat().st_size, relpath,
                               "image/jpeg" if plan["do"] == "photo" else m.mime,
                               "JPEG" if plan["do"] == "photo" else m.format, m.technical)
        media_keys[key] = relpath
        out.append((sha, m.original_name))
    return out


def _plan(archive: Archive, view: Projection, m: MediaFile) -> dict | str:
    """What to do with one file for this audience, or the reason it stays home."""
    wants = view.decision.anonymisation
    if m.mime.startswith("image/"):
        regions = None
        if Anonymisation.BLUR_FACES in wants:
            regions = blur_regions_for(archive, m.sha256)
            if not regions:
                return "blur_regions_missing"
        return {"do": "photo", "regions": [list(r) for r in regions or ()]}
    if m.mime.startswith("audio/"):
        if Anonymisation.NO_VOICE in wants:
            return "no_voice"
        if not view.withheld_segment_ids:
            return {"do": "audio"}
        if not cuttable(archive, m):
            return "audio_not_cuttable"
        withheld = [(s.start_ms, s.end_ms) for s in item_store.segments_of(archive, view.item.id)
                    if s.id in view.withheld_segment_ids]
        return {"do": "silence", "ranges": sorted([list(r) for r in withheld], key=str)}
    return "other_format"


def _make(archive: Archive, m: MediaFile, plan: dict, copier: MediaCopier) -> Path:
    with archive.vault.plain_path(m.path) as plain:  # in memory when encrypted
        return _make_from(Path(plain), m, plan, copier)


def _make_from(src: Path, m: MediaFile, plan: dict, copier: MediaCopier) -> Path:
    if plan["do"] == "photo":
        rel = copier.photo(src, m.sha256, plan["regions"] or None)
    elif plan["do"] == "audio":
        rel = copier.audio_whole(src, m.sha256, suffix_of(m.path, m.format))
    else:
        made = copier.work / f"s{uuid.uuid4().hex}.wav"
        silence_wav(src, made, [tuple(r) for r in plan["ranges"]])
        rel = copier.add(made)
    return copier.out / rel


def _reused(old: Path | None, work: Path, n: int) -> Path | None:
    """A clean copy from the previous edition, linked (else copied) into the work folder."""
    if old is None or not old.is_file():
        return None
    work.mkdir(parents=True, exist_ok=True)
    made = work / f"r{n}-{uuid.uuid4().hex}{old.suffix}"
    try:
        os.link(old, made)
    except OSError:
        shutil.copyfile(old, made)
    return made


def silence_wav(src: Path, dest: Path, ranges: list[tuple[int, int | None]]) -> None:
    """A PCM WAV with the frames of `ranges` (ms) replaced by silence, nothing else
    kept (the `wave` writer emits only fmt and data: no LIST/INFO, no bext)."""
    with wave.open(str(src), "rb") as reader:
        params = reader.getparams()
        frames = bytearray(reader.readframes(params.nframes))
    width = params.sampwidth * params.nchannels
    silent = b"\x80" if params.sampwidth == 1 else b"\x00"
    for start_ms, end_ms in ranges:
        first = min(params.nframes, start_ms * params.framerate // 1000)
        last = (params.nframes if end_ms is None
                else min(params.nframes, -(-end_ms * params.framerate // 1000)))
        if last > first:
            frames[first * width:last * width] = silent * ((last - first) * width)
    with wave.open(str(dest), "wb") as writer:
        writer.setnchannels(params.nchannels)
        writer.setsampwidth(params.sampwidth)
        writer.setframerate(params.framerate)
        writer.writeframes(bytes(frames))


def _index(built: Archive) -> None:
    """The edition's own search index, built from its already-anonymised catalogue."""
    from memoria.search.engine import SearchEngine

    engine = SearchEngine(built)
    try:
        engine.rebuild(procs=1)
        engine.update_items(())
    finally:
        engine.close()


def _finish_catalogue(path: Path) -> None:
    """One self-contained file a read-only Memoria can open: no WAL, no free pages."""
    catalogue_files.make_self_contained(path)


def _old_media(dest: Path) -> dict[str, Path]:
    # An unreadable old edition answers {}: everything is made again.
    keys = catalogue_files.setting_json(dest / db.CATALOGUE, "edition.media_keys")
    return {k: dest / rel for k, rel in keys.items()}


def _old_accessions(dest: Path) -> set[str]:
    return catalogue_files.accessions(dest / db.CATALOGUE)


def _read_only(folder: Path) -> None:
    """Files read-only for everyone (folders stay writable for the window's thumbnails)."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def _remove(folder: Path) -> None:
    def writable(func, path, _exc):  # noqa: ANN001 - shutil's onerror signature
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
        func(path)

    if folder.exists():
        for path in folder.rglob("*"):
            if path.is_file():
                os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
        shutil.rmtree(folder, onerror=writable)


def _swap(tmp: Path, dest: Path) -> None:
    """Replace the previous edition by the new one, never leaving a mix."""
    old = beside(dest, "old")
    if dest.exists():
        os.replace(dest, old)
    os.replace(tmp, dest)
    _remove(old)
