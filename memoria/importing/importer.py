"""Import files and folders: one item per file, each in its own transaction.

A bad file is reported by name with the reason and the import goes on; a
cancelled import keeps what was finished and nothing half-done.

Decoding is the slow part, so by default it runs ahead in two limited worker
processes (`probe.SafeProbe.prefetch`): each worker job checks one file and
writes its thumbnail, access copy or waveform, while this loop (the single
catalogue writer) hashes, copies and records the files already decoded.
Embedded dates and captions pre-fill what the CSV and options left empty.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from memoria.domain.dates import DateParseError, parse_human_date
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope
from memoria.importing import ingest, messages
from memoria.importing.csv_metadata import CsvProblem, CsvRow, read_metadata_csv
from memoria.importing.ingest import DISK_FULL, ProbeFn
from memoria.importing.probe import Probed
from memoria.media import derive
from memoria.storage import authorities
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.consents import ConsentTerms, record_consent
from memoria.storage.db import transaction

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]
IMPORT_WORKERS = 2  # decoders in parallel; each can hold a decoded 12 MP photo (~150 MB)


@dataclass
class FileOutcome:
    path: Path
    status: str  # imported | duplicate | failed
    reason: str = ""
    item_id: int | None = None
    accession: str | None = None
    sha256: str | None = None
    warnings: list[str] = field(default_factory=list)
    code: str = ""  # why it failed, for programs and for the es/en sentence (ingest messages)

    def sentence(self, lang: str = "es") -> str:
        """A refused file in one sentence naming it and the cause, in `lang`."""
        return messages.refused(self.path.name, self.code, self.reason, lang)


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # not tied to one file (CSV rows...)
    cancelled: bool = False

    def with_status(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]


@dataclass
class ImportOptions:
    kind: Kind | None = None  # None: from the content (image -> photograph, audio -> audio)
    metadata_csv: Path | None = None
    languages: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    place: str = ""
    date: str = ""
    title: str = ""  # else the file's name
    description: str = ""  # when neither the CSV nor the file's embedded caption gives one
    notes: str = ""  # else the CSV's (a bag's provenance, say)
    lang: str = "es"  # of the sentences about the metadata CSV
    csv_may_match_nothing: bool = False  # the user was asked and chose to go on


class CsvMatchesNothing(ValueError):
    """The metadata CSV names none of the files being imported: nothing was imported."""


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Expand folders; refuse symlinks that lead outside what was chosen."""
    files: list[Path] = []
    refused: list[FileOutcome] = []
    for given in paths:
        given = Path(given)
        if given.is_dir():
            root = given.resolve()
            for dirpath, dirnames, filenames in os.walk(given, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if name.startswith(".") or name.lower().endswith(".csv"):
                        continue
                    path = Path(dirpath) / name
                    if path.is_symlink() and not path.resolve().is_relative_to(root):
                        refused.append(FileOutcome(
                            path, "failed", "a link to a file outside the imported folder"))
                        continue
                    files.append(path)
        elif given.exists():
            files.append(given)
        else:
            refused.append(FileOutcome(given, "failed", "no such file or folder"))
    return files, refused


def default_probe(path: Path) -> Probed:
    from memoria.importing import probe

    return probe.sniff(path)


def import_paths(
    archive: Archive,
    paths: Iterable[Path],
    options: ImportOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    probe_fn: ProbeFn | None = None,
) -> ImportReport:
    options = options or ImportOptions()
    own_probe = None
    if probe_fn is None:  # untrusted files are decoded in a limited worker process
        probe_fn = own_probe = ingest.worker_probe(archive, workers=IMPORT_WORKERS)
    try:
        return _import_files(archive, paths, options, progress, cancel, probe_fn)
    finally:
        if own_probe is not None:
            own_probe.close()


def _import_files(
    archive: Archive, paths: Iterable[Path], options: ImportOptions,
    progress: ProgressFn | None, cancel: CancelFn | None, probe_fn: ProbeFn,
) -> ImportReport:
    report = ImportReport()
    files, refused = collect_files(paths)
    report.outcomes.extend(refused)
    rows: dict[Path, CsvRow] = {}
    if options.metadata_csv:
        rows, problems = read_metadata_csv(options.metadata_csv, options.metadata_csv.parent)
        report.problems.extend(_csv_problem_text(options.metadata_csv, p) for p in problems)
        files = [f for f in files if f.resolve() != options.metadata_csv.resolve()]
        unmatched = _unmatched_rows(rows, files)
        name = options.metadata_csv.name
        if len(unmatched) == len(rows) and not options.csv_may_match_nothing:
            raise CsvMatchesNothing(messages.csv_matches_nothing(
                name, len(rows) + sum(1 for p in problems if p.line), options.lang))
        report.problems.extend(messages.csv_row_unmatched(name, r.line, r.get("file"), options.lang)
                               for r in unmatched)
    total = len(files)
    if hasattr(probe_fn, "prefetch"):
        probe_fn.prefetch(files)  # decoding runs ahead while this loop stores files
    for done, path in enumerate(files):
        if cancel and cancel():
            report.cancelled = True
            break
        if progress:
            progress(done, total, path.name)
        outcome = import_one(archive, path, options, rows.get(path.resolve()), probe_fn)
        report.outcomes.append(outcome)
        if outcome.reason.startswith(DISK_FULL):
            # Every further copy would fail too: stop, and say which files were not tried.
            rest = files[done + 1:]
            report.outcomes.extend(
                FileOutcome(p, "failed", "not imported: the disk is full") for p in rest)
            report.problems.append(
                f"{DISK_FULL} while copying {path.name}; the import stopped there "
                f"({len(report.with_status('imported'))} imported, {len(rest)} not tried). "
                "Free some space and import the folder again: finished files are skipped.")
            break
    if progress and not report.cancelled:
        progress(total, total, "")
    return report


def _unmatched_rows(rows: dict[Path, CsvRow], files: list[Path]) -> list[CsvRow]:
    have = {f.resolve() for f in files}
    return sorted((r for r in rows.values() if r.file not in have), key=lambda r: r.line)


def csv_matches(csv_path: Path, paths: Iterable[Path]) -> tuple[int, list[CsvRow]]:
    """(rows that name a file of this import, rows that name none), before importing,
    so the window can ask before an import whose spreadsheet matches nothing."""
    files, _refused = collect_files(paths)
    rows, _problems = read_metadata_csv(csv_path, csv_path.parent)
    unmatched = _unmatched_rows(rows, files)
    return len(rows) - len(unmatched), unmatched


def _csv_problem_text(csv_path: Path, problem: CsvProblem) -> str:
    where = f"{csv_path.name}, line {problem.line}" if problem.line else csv_path.name
    return f"{where}: {problem.message}"


def import_one(
    archive: Archive, path: Path, options: ImportOptions, row: CsvRow | None, probe_fn: ProbeFn
) -> FileOutcome:
    warnings = list(row.warnings) if row else []
    try:
        probed = ingest.probe(path, probe_fn)
    except ingest.Refused as exc:
        return FileOutcome(path, "failed", exc.reason, code=exc.code)
    warnings.extend(probed.warnings)
    try:
        kind = _kind_for(probed, options, row)
    except ValueError as exc:
        derive.discard(probed.derived)
        return FileOutcome(path, "failed", str(exc), warnings=warnings)
    try:
        staged = ingest.stage(archive, path, probed)
    except ingest.Refused as exc:
        derive.discard(probed.derived)
        return FileOutcome(path, "failed", exc.reason, warnings=warnings, code=exc.code)
    ingested = ingest.Ingested(path, probed, staged)
    try:
        outcome = _record(archive, ingested, kind, options, row, warnings)
    except BaseException:
        ingest.discard(archive, ingested)
        raise
    if outcome.status == "failed":
        ingest.discard(archive, ingested)
    else:  # imported, or a duplicate that may be missing its derived files
        ingest.settle(archive, ingested, outcome.warnings)
    return outcome


def _record(
    archive: Archive, ingested: ingest.Ingested, kind: Kind, options: ImportOptions,
    row: CsvRow | None, warnings: list[str],
) -> FileOutcome:
    path, staged, probed = ingested.path, ingested.staged, ingested.probed
    if not staged.is_new:
        owner = item_store.first_item_with_blob(archive, staged.sha256)
        if owner:
            return FileOutcome(
                path, "duplicate", f"the same file is already in the archive as {owner[1]}",
                owner[0], owner[1], staged.sha256, warnings,
            )
    try:
        with transaction(archive.conn):
            # People and places named by the row are created inside the same
            # transaction: a file that fails leaves no stray authority records.
            fields, consent = _fields_for(archive, path, kind, options, row, probed)
            ingest.record_blob(archive, ingested)
            accession = row.get("accession") if row else ""
            item_id = item_store.create_item(archive, fields, accession or None)
            item_store.attach_media(archive, item_id, staged.sha256, path.name)
            if consent is not None:
                person_id, terms = consent
                record_consent(archive, person_id, [item_id], terms,
                               reason="recorded from the import spreadsheet")
    except (ValueError, DateParseError) as exc:
        return FileOutcome(path, "failed", str(exc), warnings=warnings)
    accession = item_store.get_item(archive, item_id).accession
    return FileOutcome(path, "imported", "", item_id, accession, staged.sha256, warnings)


def attach_files(archive: Archive, item_id: int, paths: Iterable[Path],
                 probe_fn: ProbeFn | None = None) -> ImportReport:
    """Add files to an existing item by the import's own path: each checked and decoded in
    the limited worker, refused with the import's sentence, attached in its own transaction."""
    report = ImportReport()
    with ingest.probing(archive, probe_fn) as probe:
        for path in (Path(p) for p in paths):
            warnings: list[str] = []
            try:
                with ingest.ingest(archive, path, probe, warnings) as ingested:
                    ingest.record_blob(archive, ingested)
                    added = item_store.attach_media(archive, item_id, ingested.sha256, path.name)
            except ingest.Refused as exc:
                report.outcomes.append(FileOutcome(path, "failed", exc.reason, code=exc.code))
                continue
            accession = item_store.get_item(archive, item_id).accession
            warnings[:0] = ingested.probed.warnings
            report.outcomes.append(FileOutcome(
                path, "imported" if added else "duplicate",
                "" if added else f"the same file is already in {accession}",
                item_id, accession, ingested.sha256, warnings))
    return report


def _kind_for(probed: Probed, options: ImportOptions, row: CsvRow | None) -> Kind:
    wanted = (row.get("kind") if row else "") or (options.kind.value if options.kind else "")
    if wanted:
        kind = _parse_kind(wanted)
        if kind is Kind.PHOTOGRAPH and probed.family != "image":
            raise ValueError(f"marked as a photograph, but it is {probed.format} audio")
        if kind in (Kind.AUDIO, Kind.TESTIMONY) and probed.family != "audio":
            raise ValueError(f"marked as {kind.value}, but it is a {probed.format} file")
        return kind
    if probed.default_kind is None:
        raise ValueError(f"a {probed.format} file is not an item by itself")
    return probed.default_kind


KIND_WORDS = {
    "testimony": Kind.TESTIMONY, "testimonio": Kind.TESTIMONY, "entrevista": Kind.TESTIMONY,
    "photograph": Kind.PHOTOGRAPH, "photo": Kind.PHOTOGRAPH, "fotografia": Kind.PHOTOGRAPH,
    "fotografía": Kind.PHOTOGRAPH, "foto": Kind.PHOTOGRAPH,
    "audio": Kind.AUDIO, "grabacion": Kind.AUDIO, "grabación": Kind.AUDIO,
}


def _parse_kind(word: str) -> Kind:
    try:
        return KIND_WORDS[word.strip().lower()]
    except KeyError:
        raise ValueError(
            f"unknown kind '{word}' (use testimony/testimonio, photograph/fotografía or audio)"
        ) from None


ROLE_WORDS = {
    "narrator": Role.NARRATOR, "narrador": Role.NARRATOR, "narradora": Role.NARRATOR,
    "interviewer": Role.INTERVIEWER, "entrevistador": Role.INTERVIEWER,
    "entrevistadora": Role.INTERVIEWER, "depicted": Role.DEPICTED, "retratado": Role.DEPICTED,
    "retratada": Role.DEPICTED, "photographer": Role.PHOTOGRAPHER, "fotografo": Role.PHOTOGRAPHER,
    "fotógrafo": Role.PHOTOGRAPHER, "fotógrafa": Role.PHOTOGRAPHER,
    "fotografa": Role.PHOTOGRAPHER, "author": Role.AUTHOR, "autor": Role.AUTHOR,
    "autora": Role.AUTHOR,
}

STATUS_WORDS = {
    "pending": ConsentStatus.PENDING, "pendiente": ConsentStatus.PENDING,
    "granted": ConsentStatus.GRANTED, "otorgado": ConsentStatus.GRANTED,
    "concedido": ConsentStatus.GRANTED, "restricted": ConsentStatus.RESTRICTED,
    "restringido": ConsentStatus.RESTRICTED, "withdrawn": ConsentStatus.WITHDRAWN,
    "retirado": ConsentStatus.WITHDRAWN,
}

SCOPE_WORDS = {
    **{s.value: s for s in Scope},
    "interno": Scope.INTERNAL, "investigacion": Scope.RESEARCH,
    "investigación": Scope.RESEARCH, "exhibicion": Scope.EXHIBITION,
    "exhibición": Scope.EXHIBITION, "exposicion": Scope.EXHIBITION,
    "exposición": Scope.EXHIBITION, "impreso": Scope.PUBLICATION_PRINT,
    "en_linea": Scope.PUBLICATION_ONLINE, "en línea": Scope.PUBLICATION_ONLINE,
    "en linea": Scope.PUBLICATION_ONLINE, "web": Scope.PUBLICATION_ONLINE, "prensa": Scope.PRESS,
}


def parse_scope(word: str) -> Scope:
    try:
        return SCOPE_WORDS[word.strip().lower()]
    except KeyError:
        names = ", ".join(s.value for s in Scope)
        raise ValueError(f"unknown scope '{word}' (use one of: {names})") from None


def _people(archive: Archive, cells: list[str], kind: Kind) -> list[tuple[int, Role]]:
    """'Ana Restrepo (narradora)' -> (person, narrator); no role: by the item's kind."""
    default = {Kind.PHOTOGRAPH: Role.DEPICTED}.get(kind, Role.NARRATOR)
    found = []
    for cell in cells:
        name, role = cell, default
        if cell.endswith(")") and "(" in cell:
            name, _, role_word = cell[:-1].rpartition("(")
            role = ROLE_WORDS.get(role_word.strip().lower())
            if role is None:
                raise ValueError(f"unknown role '{role_word.strip()}' for {name.strip()}")
        person = authorities.get_or_add_person(archive, name.strip())
        found.append((person.id, role))
    return found


def _fields_for(
    archive: Archive, path: Path, kind: Kind, options: ImportOptions, row: CsvRow | None,
    probed: Probed,
) -> tuple[item_store.ItemFields, tuple[int, ConsentTerms] | None]:
    get = row.get if row else (lambda _key: "")
    date_text = get("date") or options.date
    date_edtf = parse_human_date(date_text).edtf if date_text else embedded_date(probed)
    place_text = get("place") or options.place
    places = []
    for place_path in (row.many("place") if row and get("place") else [place_text]):
        if place_path:
            place = authorities.place_by_path(archive, place_path)
            if place:
                places.append(place.id)
    people = _people(archive, row.many("people"), kind) if row else []
    fields = item_store.ItemFields(
        kind=kind,
        title=get("title") or options.title or path.stem.replace("_", " "),
        description=(get("description") or probed.technical.get("caption")
                     or options.description or ""),
        date_edtf=date_edtf,
        notes=get("notes") or options.notes,
        languages=(row.many("language") if row and get("language") else list(options.languages)),
        place_ids=places,
        people=people,
        subjects=(row.many("subjects") if row else []) + list(options.subjects),
    )
    return fields, _consent_for(archive, kind, row, fields)


_ISO_DAY = re.compile(r"(\d{4})(-\d{2}(-\d{2})?)?")


def embedded_date(probed: Probed) -> str | None:
    """The EDTF day (or month, year) the file says it was made: EXIF DateTimeOriginal
    for photographs, the date tag for recordings. A pre-fill the user may change, so
    an unreadable or blank date is simply no date rather than a failed import."""
    tech = probed.technical
    text = tech.get("date_taken") or (tech.get("tags") or {}).get("date") or ""
    found = _ISO_DAY.match(str(text).strip())
    if not found:
        return None
    try:
        return parse_human_date(found.group(0)).edtf
    except DateParseError:
        return None


def _consent_for(
    archive: Archive, kind: Kind, row: CsvRow | None, fields: item_store.ItemFields
) -> tuple[int, ConsentTerms] | None:
    if row is None or not row.get("consent_status"):
        return None
    status = STATUS_WORDS.get(row.get("consent_status").lower())
    if status is None:
        raise ValueError(f"unknown consent status '{row.get('consent_status')}'")
    narrator = row.get("narrator")
    if narrator:
        person = authorities.get_or_add_person(archive, narrator)
        role = Role.DEPICTED if kind is Kind.PHOTOGRAPH else Role.NARRATOR
        if (person.id, role) not in fields.people:
            fields.people.append((person.id, role))
        person_id = person.id
    elif fields.people:
        person_id = fields.people[0][0]
    else:
        raise ValueError("consent columns need a narrator (whose consent it is)")
    embargo = None
    if row.get("embargo"):
        from datetime import date

        try:
            embargo = date.fromisoformat(row.get("embargo"))
        except ValueError:
            raise ValueError(f"embargo '{row.get('embargo')}' is not a date (YYYY-MM-DD)") from None
    pseudonym = row.get("pseudonym") or None
    terms = ConsentTerms(
        status=status,
        scopes={parse_scope(s) for s in row.many("scopes")},
        embargo_until=embargo,
        anonymisation={Anonymisation.PSEUDONYM} if pseudonym else set(),
        pseudonym=pseudonym,
    )
    return person_id, terms
