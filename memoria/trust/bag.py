"""BagIt (RFC 8493) export and import: how a batch leaves one archive and enters another.

A field laptop exports its new items as a bag; the main archive imports it.
A bag is a plain folder any archive tool can check: data/<accession>/ holds
the item's files, metadata.json (the stable JSON of memoria.jsonview) and
dc.xml (Dublin Core); SHA-256 manifests prove nothing changed on the way.

Consent travels only in custodian bags (consent.json); a scan of a signed
consent form never leaves the archive at all (DESIGN rule 7). Bags for other
audiences are built from projection.project, so names are already
pseudonymised, and carry clean copies (memoria.trust.clean_copies): photos
without embedded metadata, blurred where consent asks; recordings without
tags, cut to the segments consent allows (a format that cannot be cut stays
home, and the report says why).

Every original is hashed as it is read and refused if it differs from the
catalogue (or is missing): the item is left out whole and named by accession
in `problems`, so a bag never carries a damaged original. Each bag is
entered in the register of copies (memoria.storage.copies).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import bagit

from memoria import __version__
from memoria.access import ConsentSnapshot, NotVisible
from memoria.domain.consent import Audience
from memoria.domain.messages import Sentence, error_text, explain, fault_text
from memoria.domain.model import (
    Anonymisation,
    ConsentStatus,
    Kind,
    Provenance,
    ProvenanceMethod,
    Role,
    Scope,
    SegmentDraft,
)
from memoria.importing import ingest
from memoria.jsonview import item_dict
from memoria.projection import project, protector_for
from memoria.protect import Protector
from memoria.storage import authorities, consents
from memoria.storage import copies as copy_store
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, ArchiveError
from memoria.storage.db import transaction
from memoria.trust import foreign_bag
from memoria.trust.clean_copies import (
    DamagedOriginal,
    beside,
    consent_forms,
    disk_sentence,
    item_media,
    safe_file_name,
    sweep_debris,
)

DC = "http://purl.org/dc/elements/1.1/"
ET.register_namespace("dc", DC)


class BagError(ArchiveError):
    """A bag cannot be written or is refused; nothing was changed."""


@dataclass
class BagReport:
    dest: str
    exported: list[str] = field(default_factory=list)  # accessions (export) / new (import)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (accession or dir, why)
    warnings: list[str] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)  # import: (payload file, accession)
    problems: list[str] = field(default_factory=list)  # damaged or missing originals
    item_ids: list[int] = field(default_factory=list)  # exported, for the register

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"dest": self.dest, "items": self.exported,
                "skipped": [{"item": a, "reason": r} for a, r in self.skipped],
                "warnings": self.warnings, "problems": self.problems, "ok": self.ok,
                "files": [{"file": f, "accession": a} for f, a in self.files]}




def dublin_core(data: dict) -> bytes:
    """Dublin Core for one item; ElementTree escapes every value properly."""
    root = ET.Element("metadata")

    def add(tag: str, value: object) -> None:
        if value not in (None, ""):
            ET.SubElement(root, f"{{{DC}}}{tag}").text = str(value)

    add("identifier", data["accession"])
    add("title", data["title"])
    add("description", data.get("description"))
    add("type", {"photograph": "StillImage", "audio": "Sound", "testimony": "Sound"}
        .get(data["kind"], "Text"))
    add("date", (data.get("date") or {}).get("edtf"))
    for person in data.get("people", []):
        add("creator" if person["role"] in ("photographer", "author") else "contributor",
            person["name"])
    for subject in data.get("subjects", []):
        add("subject", subject)
    for place in data.get("places", []):
        add("coverage", place["path"])
    for language in data.get("languages", []):
        add("language", language)
    for media in data.get("media", []):
        add("format", media["mime"])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _consent_dicts(archive: Archive, item_id: int, segment_pos: dict[int, int]) -> list[dict]:
    out = []
    for rec in consents.records_for_item(archive, item_id):
        prov = rec.provenance
        out.append({
            "id": rec.id, "person": authorities.get_person(archive, rec.person_id).name,
            "status": rec.status.value, "scopes": sorted(s.value for s in rec.scopes),
            "embargo_until": rec.embargo_until.isoformat() if rec.embargo_until else None,
            "review_date": rec.review_date.isoformat() if rec.review_date else None,
            "anonymisation": sorted(a.value for a in rec.anonymisation),
            "pseudonym": rec.pseudonym,
            "provenance": {"method": prov.method.value if prov.method else None,
                           "obtained_by": prov.obtained_by, "witness": prov.witness,
                           "obtained_at": prov.obtained_at.isoformat() if prov.obtained_at
                           else None},
            "signed_form_kept_in_source_archive": rec.form_sha256 is not None,
            "segment_positions": sorted(segment_pos[s] for s in rec.segment_ids
                                        if s in segment_pos),
        })
    return out


def _write_item(archive: Archive, item_id: int, audience: Audience, folder: Path,
                snapshot: ConsentSnapshot, lang: str, report: BagReport, forms: set[str],
                work: Path, names: Protector) -> None:
    """One item's folder: metadata.json, dc.xml, its media (originals verified for a
    custodian, clean copies for anyone else) and, for a custodian, consent.json.
    Written to a side folder first: a refused original leaves nothing of the item."""
    view = project(archive, item_id, audience, lang=lang, protector=names)
    data = item_dict(archive, view, snapshot, lang)
    acc = data["accession"]
    target = folder / safe_file_name(acc, set())
    side = folder / f".{target.name}.building"
    side.mkdir(parents=True)
    try:
        clean = item_media(archive, view, audience, side, work, lang, forms)
    except BaseException:
        shutil.rmtree(side, ignore_errors=True)
        raise
    for name, why in clean.left_out:
        report.warnings.append(f"{acc}: {name} " + ("left out" if lang == "en" else "quedó fuera")
                               + f" ({why})")
    for media in data["media"]:
        media.pop("path", None)  # where it sits inside our archive is nobody else's business
    data["files"] = clean.files
    (side / "metadata.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (side / "dc.xml").write_bytes(dublin_core(data))
    if audience is Audience.CUSTODIAN:
        pos = {s.id: s.position for s in item_store.segments_of(archive, item_id)}
        (side / "consent.json").write_text(json.dumps(
            _consent_dicts(archive, item_id, pos), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8")
    os.replace(side, target)
    report.exported.append(acc)
    report.item_ids.append(item_id)


def export_bag(archive: Archive, item_ids: list[int], dest: Path,
               audience: Audience = Audience.CUSTODIAN, lang: str = "es") -> BagReport:
    """Write a validated bag of `item_ids` to `dest` (which must not exist or be empty).

    An item whose original is missing or damaged is left out whole and named in
    `report.problems` (the bag is still written with the others); it is entered
    in the register of copies with the items it really holds."""
    dest = Path(dest).expanduser().absolute()
    if dest.exists() and any(dest.iterdir()):
        raise BagError(fault_text("bag_not_empty", lang, dest=dest))
    report = BagReport(str(dest))
    generation = archive.generation()
    sweep_debris(dest)  # what a killed export left beside it
    staging = beside(dest, "building")
    work = staging.with_suffix(".work")
    try:
        staging.mkdir(parents=True)
        snapshot = ConsentSnapshot(archive)
        forms = consent_forms(archive)
        names = protector_for(archive, audience, lang)  # read once for the whole bag
        for item_id in item_ids:
            try:
                _write_item(archive, item_id, audience, staging, snapshot, lang, report, forms,
                            work, names)
            except NotVisible as exc:
                acc = item_store.get_item(archive, item_id).accession
                report.skipped.append((acc, explain(exc.decision, lang)))
            except DamagedOriginal as exc:
                report.skipped.append((exc.accession, str(exc)))
                report.problems.append(str(exc))
        if not report.exported:
            why = "; ".join(r for _a, r in report.skipped)
            raise BagError(f"Nothing was exported to {dest}: {why}" if lang == "en" else
                            f"No se exportó nada a {dest}: {why}")
        if audience is not Audience.CUSTODIAN:
            # The last guard: no protected name in any file of the bag (media included).
            from memoria.protect import guard_tree

            guard_tree(names, staging, lang)
        bagit.make_bag(str(staging), {
            "Source-Organization": archive.setting("institution", "") or "Memoria archive",
            "External-Description": f"{len(report.exported)} items exported for "
                                    f"{audience.value}",
            "Bagging-Software": f"Memoria {__version__}",
            "Memoria-Audience": audience.value,
        }, checksums=["sha256"])
        foreign_bag.declare_version_1_0(staging)  # bagit-python writes 0.97
        bagit.Bag(str(staging)).validate()
        if dest.exists():
            dest.rmdir()
        os.replace(staging, dest)
    except OSError as exc:  # a full disk, a read-only stick, a folder gone
        shutil.rmtree(staging, ignore_errors=True)
        raise BagError(disk_sentence(exc, dest, lang)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    copy_store.record_copy(archive, "bag", report.item_ids, audience, dest,
                           generation=generation)
    return report


# -- import ------------------------------------------------------------------------
def check_bag_paths(bag_dir: Path, encoding: str = "utf-8") -> None:
    """Refuse links anywhere in the bag and manifest paths that leave it."""
    for dirpath, dirnames, filenames in os.walk(bag_dir, followlinks=False):
        for name in dirnames + filenames:
            if (Path(dirpath) / name).is_symlink():
                raise BagError(Sentence("bag_link", name=name))
    for manifest in bag_dir.glob("*manifest-*.txt"):
        for line in foreign_bag.read_tag_file(manifest, encoding).splitlines():
            if not line.strip():
                continue
            rel = line.split(None, 1)[1] if len(line.split(None, 1)) == 2 else ""
            parts = Path(rel.replace("\\", "/")).parts
            if (not rel or rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", rel)
                    or ".." in parts):
                raise BagError(Sentence("bag_path_outside", manifest=manifest.name, path=repr(rel)))


def _terms(rec: dict) -> ConsentTerms:
    prov = rec.get("provenance") or {}
    return consents.ConsentTerms(
        status=ConsentStatus(rec["status"]),
        scopes={Scope(s) for s in rec.get("scopes", [])},
        embargo_until=date.fromisoformat(rec["embargo_until"]) if rec.get("embargo_until")
        else None,
        review_date=date.fromisoformat(rec["review_date"]) if rec.get("review_date") else None,
        anonymisation={Anonymisation(a) for a in rec.get("anonymisation", [])},
        pseudonym=rec.get("pseudonym"),
        provenance=Provenance(
            ProvenanceMethod(prov["method"]) if prov.get("method") else None,
            prov.get("obtained_by", ""),
            date.fromisoformat(prov["obtained_at"]) if prov.get("obtained_at") else None,
            prov.get("witness", "")),
    )


ConsentTerms = consents.ConsentTerms


def _import_item(archive: Archive, folder: Path, bag_name: str, consent_ids: dict[int, int],
                 report: BagReport, probe: ingest.ProbeFn) -> None:
    data = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    staged: list[tuple[ingest.Ingested, dict]] = []
    try:
        for entry in data.get("files", []):
            path = folder / entry["file"]
            if not path.resolve().is_relative_to(folder.resolve()):
                raise BagError(Sentence("bag_leaves_item", file=entry["file"]))
            # The one ingest path: checked and decoded in the limited worker, whoever wrote
            # the bag; what the file is comes from its content, not from metadata.json.
            try:
                probed = ingest.probe(path, probe)
                ingested = ingest.Ingested(path, probed, ingest.stage(archive, path, probed))
            except ingest.Refused as exc:
                raise BagError(f"{entry['file']}: {exc.reason}") from None
            staged.append((ingested, entry))
            if entry["sha256"] and ingested.sha256 != entry["sha256"]:
                raise BagError(Sentence("bag_checksum", file=entry["file"]))
        if staged and all(not s.staged.is_new for s, _e in staged):
            owner = item_store.first_item_with_blob(archive, staged[0][0].sha256)
            if owner:
                report.skipped.append((data["accession"], Sentence("bag_already", acc=owner[1])))
                for s, _e in staged:
                    ingest.discard(archive, s)
                return
        with transaction(archive.conn):
            item_id = _create_item(archive, data, staged, report)
            segments = [SegmentDraft(s["start_ms"], s["end_ms"], s["speaker"], s["text"],
                                     s["title"], s["keywords"]) for s in data.get("segments", [])]
            seg_ids = item_store.save_segments(archive, item_id, segments) if segments else []
            consent_file = folder / "consent.json"
            if consent_file.is_file():
                for rec in json.loads(consent_file.read_text(encoding="utf-8")):
                    _import_consent(archive, item_id, rec, seg_ids, consent_ids, bag_name)
    except BaseException:
        for s, _e in staged:
            ingest.discard(archive, s)
        raise
    for s, _e in staged:
        ingest.settle(archive, s, report.warnings)


def _create_item(archive: Archive, data: dict, staged: list, report: BagReport) -> int:
    people = [(authorities.get_or_add_person(archive, p["name"]).id, Role(p["role"]))
              for p in data.get("people", [])]
    places = [p.id for p in (authorities.place_by_path(archive, pl["path"])
                             for pl in data.get("places", [])) if p]
    fields = item_store.ItemFields(
        kind=Kind(data["kind"]), title=data["title"], description=data.get("description", ""),
        date_edtf=(data.get("date") or {}).get("edtf"), notes=data.get("notes", ""),
        languages=list(data.get("languages", [])), place_ids=places, people=people,
        subjects=list(data.get("subjects", [])))
    wanted = data["accession"]
    free = item_store.item_id_by_accession(archive, wanted) is None
    if not free:
        report.warnings.append(f"{wanted}: accession already used here; a new one was given")
    item_id = item_store.create_item(archive, fields, wanted if free else None)
    for ingested, entry in staged:
        ingest.record_blob(archive, ingested)
        item_store.attach_media(archive, item_id, ingested.sha256, entry["original_name"])
    archive.audit("item", item_id, "import_bag", {"accession_in_bag": wanted}, item_id)
    report.exported.append(item_store.get_item(archive, item_id).accession)
    return item_id


def _import_consent(archive: Archive, item_id: int, rec: dict, seg_ids: list[int],
                    consent_ids: dict[int, int], bag_name: str) -> None:
    if rec["status"] == ConsentStatus.SUPERSEDED.value:
        return  # its successor travels too; history stays in the source archive
    if rec["id"] in consent_ids:  # one record covering several items of this bag
        consents.extend_to_item(archive, consent_ids[rec["id"]], item_id)
        return
    person = authorities.get_or_add_person(archive, rec["person"])
    segments = [seg_ids[p] for p in rec.get("segment_positions", []) if p < len(seg_ids)]
    consent_ids[rec["id"]] = consents.record_consent(
        archive, person.id, [item_id], _terms(rec), segment_ids=segments,
        reason=f"imported from bag {bag_name}", supersede=False)


def import_bag(archive: Archive, bag_dir: Path, lang: str = "es",
               probe_fn: ingest.ProbeFn | None = None) -> BagReport:
    """Validate the whole bag first, then import item by item (each its own transaction).

    A bag Memoria wrote (data/<accession>/metadata.json) comes back item by item,
    with its consent; any other bag's payload files are imported one item each
    by the normal import (`foreign_bag`). Either way every file passes the
    limited worker before it is stored.
    """
    bag_dir = Path(bag_dir).expanduser().absolute()
    if not (bag_dir / "bagit.txt").is_file():
        raise BagError(Sentence("bag_not_bagit", bag=bag_dir))
    try:
        _version, encoding = foreign_bag.read_bagit_txt(bag_dir, lang)
        check_bag_paths(bag_dir, encoding)
    except foreign_bag.BagFormatError as exc:
        raise BagError(str(exc)) from None
    try:
        bagit.Bag(str(bag_dir)).validate()
    except (bagit.BagError, bagit.BagValidationError, UnicodeError) as exc:
        raise BagError(Sentence("bag_invalid", cause=str(exc))) from exc
    report = BagReport(str(bag_dir))
    data_dir = bag_dir / "data"
    folders = sorted(p for p in data_dir.iterdir() if p.is_dir())
    if not any((f / "metadata.json").is_file() for f in folders):
        _import_foreign(archive, bag_dir, encoding, lang, report, probe_fn)
        return report
    consent_ids: dict[int, int] = {}
    with ingest.probing(archive, probe_fn) as probe:
        for folder in folders:
            if not (folder / "metadata.json").is_file():
                report.skipped.append((folder.name, Sentence("bag_no_metadata")))
                continue
            try:
                _import_item(archive, folder, bag_dir.name, consent_ids, report, probe)
            except (BagError, ValueError, KeyError) as exc:
                report.skipped.append((folder.name, error_text(exc, lang)))
    return report


def _import_foreign(archive: Archive, bag_dir: Path, encoding: str, lang: str,
                    report: BagReport, probe_fn: ingest.ProbeFn | None = None) -> None:
    try:
        outcomes, problems = foreign_bag.import_payload(archive, bag_dir, encoding, lang,
                                                        probe_fn)
    except foreign_bag.BagFormatError as exc:
        raise BagError(str(exc)) from None
    data_dir = bag_dir / "data"
    for outcome in outcomes:
        name = outcome.path.relative_to(data_dir).as_posix() \
            if outcome.path.is_relative_to(data_dir) else outcome.path.name
        if outcome.status == "imported":
            report.exported.append(outcome.accession or "")
            report.files.append((name, outcome.accession or ""))
        elif outcome.status == "duplicate":
            report.skipped.append((name, outcome.reason))
        else:
            report.skipped.append((name, outcome.sentence(lang)))
        report.warnings += [f"{name}: {w}" for w in outcome.warnings]
    report.warnings += problems
