"""Bags from other institutions (RFC 8493): a payload of ordinary files, each an item.

A bag that Memoria did not write has no metadata.json per item: its payload
is a folder of files. Each file is imported by the normal import (the same
limited worker, kind from content, one transaction per file) and reported
by name; metadata comes from what the bag says where it maps onto an item:
bag-info.txt (External-Description, and Title, Date, Subject, Language when a
bag carries them), a Dublin Core record and a metadata CSV if the bag has
them. Tag files are read in the encoding bagit.txt declares (UTF-16 and
ISO-8859-1 bags exist), and bagit.txt itself is checked as RFC 8493 §2.1.1
asks before anything else is read.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from memoria.domain.dates import DateParseError, parse_human_date
from memoria.importing.importer import (
    CsvMatchesNothing,
    FileOutcome,
    ImportOptions,
    ProbeFn,
    collect_files,
    import_paths,
)
from memoria.storage.archive import Archive, ArchiveError

DC = "http://purl.org/dc/elements/1.1/"
MAX_TAG_BYTES = 4 << 20  # a tag file is a few lines; a huge one is refused, not read
# RFC 8493 §2.1.1: exactly these two lines, "label: value" with one space after the colon.
_VERSION_LINE = re.compile(r"BagIt-Version: (\d+)\.(\d+)")
_ENCODING_LINE = re.compile(r"Tag-File-Character-Encoding: (\S+)")
_SUMMARY = ("Source-Organization", "External-Identifier", "Bag-Group-Identifier",
            "Internal-Sender-Identifier", "Contact-Name", "Bagging-Date")


class BagFormatError(ArchiveError):
    """bagit.txt or a tag file breaks RFC 8493; nothing was imported."""


def _say(lang: str, es: str, en: str) -> str:
    return es if lang == "es" else en


def read_bagit_txt(bag_dir: Path, lang: str = "es") -> tuple[tuple[int, int], str]:
    """(version, tag-file encoding) from bagit.txt, validated per RFC 8493 §2.1.1."""
    path = bag_dir / "bagit.txt"
    where = f"{bag_dir.name}/bagit.txt"
    try:
        raw = path.read_bytes()[:MAX_TAG_BYTES + 1]
    except OSError as exc:
        raise BagFormatError(_say(
            lang, f"No se puede leer {where}: {exc.strerror or exc}.",
            f"{where} cannot be read: {exc.strerror or exc}.")) from None
    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise BagFormatError(_say(
            lang, f"{where} no es válido: empieza con una marca de orden de bytes (BOM), "
                  "que RFC 8493 no permite.",
            f"{where} is invalid: it starts with a byte-order mark, which RFC 8493 forbids."))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BagFormatError(_say(lang, f"{where} no es válido: no está en UTF-8.",
                                  f"{where} is invalid: it is not UTF-8.")) from None
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    version = _VERSION_LINE.fullmatch(lines[0]) if lines else None
    encoding = _ENCODING_LINE.fullmatch(lines[1]) if len(lines) > 1 else None
    if len(lines) != 2 or not version or not encoding:
        wrong = [line for line, ok in zip(lines, (version, encoding), strict=False) if not ok]
        shown = (wrong or lines[2:] or [""])[0]
        raise BagFormatError(_say(
            lang, f"{where} no es válido: debe tener exactamente las líneas "
                  "«BagIt-Version: M.N» y «Tag-File-Character-Encoding: ...», sin espacio "
                  f"antes de los dos puntos (se encontró «{shown[:60]}»).",
            f"{where} is invalid: it must hold exactly the lines \"BagIt-Version: M.N\" and "
            "\"Tag-File-Character-Encoding: ...\", with no space before the colon "
            f"(found \"{shown[:60]}\")."))
    name = encoding.group(1)
    try:
        codecs.lookup(name)
    except LookupError:
        raise BagFormatError(_say(
            lang, f"{where} declara una codificación desconocida ({name}).",
            f"{where} declares an unknown encoding ({name}).")) from None
    return (int(version.group(1)), int(version.group(2))), name


def declare_version_1_0(bag_dir: Path) -> None:
    """Make a bag bagit-python wrote declare RFC 8493 (1.0) and refresh its tag manifests."""
    import bagit

    (bag_dir / "bagit.txt").write_bytes(
        b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    for manifest in sorted(bag_dir.glob("tagmanifest-*.txt")):
        algorithm = manifest.name[len("tagmanifest-"):-len(".txt")]
        bagit._make_tagmanifest_file(algorithm, str(bag_dir))  # noqa: SLF001 - no public API


def read_tag_file(path: Path, encoding: str, lang: str = "es") -> str:
    """A tag file's text in the bag's declared encoding; one sentence if it is not."""
    try:
        raw = path.read_bytes()
        if len(raw) > MAX_TAG_BYTES:
            raise BagFormatError(_say(
                lang, f"{path.name} es demasiado grande para ser un archivo de etiquetas.",
                f"{path.name} is too large to be a tag file."))
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise BagFormatError(_say(
            lang, f"{path.name} no está en la codificación que declara bagit.txt ({encoding}).",
            f"{path.name} is not in the encoding bagit.txt declares ({encoding}).")) from None
    except OSError as exc:
        raise BagFormatError(_say(lang, f"No se puede leer {path.name}: {exc.strerror or exc}.",
                                  f"{path.name} cannot be read: {exc.strerror or exc}.")) from None


def bag_info(bag_dir: Path, encoding: str, lang: str = "es") -> dict[str, list[str]]:
    """bag-info.txt as label -> values (labels repeat; continuation lines are folded)."""
    path = bag_dir / "bag-info.txt"
    if not path.is_file():
        return {}
    info: dict[str, list[str]] = {}
    last: tuple[str, int] | None = None
    for line in read_tag_file(path, encoding, lang).lstrip("\ufeff").splitlines():
        if line[:1] in (" ", "\t") and last is not None:
            label, index = last
            info[label][index] += " " + line.strip()
            continue
        label, colon, value = line.partition(":")
        if not colon or not label.strip():
            continue
        values = info.setdefault(label.strip(), [])
        values.append(value.strip())
        last = (label.strip(), len(values) - 1)
    return info


@dataclass
class BagMetadata:
    """What the bag says about every file in it, mapped onto import options."""

    title: str = ""
    description: str = ""
    date: str = ""
    subjects: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    csv: Path | None = None
    sidecars: set[Path] = field(default_factory=set)  # metadata files, not items


def _first(info: dict[str, list[str]], *labels: str) -> str:
    for label in labels:
        for key, values in info.items():
            if key.lower() == label.lower() and values and values[0]:
                return values[0]
    return ""


def _all(info: dict[str, list[str]], *labels: str) -> list[str]:
    return [v for label in labels for key, values in info.items()
            if key.lower() == label.lower() for v in values if v]


def dublin_core(path: Path) -> dict[str, list[str]] | None:
    """The dc:* elements of an XML file, or None if it holds no Dublin Core."""
    try:
        if path.stat().st_size > MAX_TAG_BYTES:
            return None
        root = ET.parse(path).getroot()  # expat >= 2.4 refuses entity-expansion bombs
    except (OSError, ET.ParseError):
        return None
    found: dict[str, list[str]] = {}
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith(f"{{{DC}}}"):
            text = (element.text or "").strip()
            if text:
                found.setdefault(element.tag[len(DC) + 2:], []).append(text)
    return found or None


def bag_metadata(bag_dir: Path, encoding: str, lang: str = "es") -> BagMetadata:
    info = bag_info(bag_dir, encoding, lang)
    meta = BagMetadata(
        title=_first(info, "Title", "DC-Title"),
        description=_first(info, "External-Description", "Description"),
        date=_first(info, "Date", "DC-Date"),
        subjects=_all(info, "Subject", "Keywords"),
        languages=_all(info, "Language"),
    )
    summary = [f"{label}: {value}" for label in _SUMMARY if (value := _first(info, label))]
    meta.notes.append(f"BagIt {bag_dir.name}" + (f" ({'; '.join(summary)})" if summary else ""))
    candidates = sorted(bag_dir.glob("*.xml")) + sorted((bag_dir / "data").rglob("*.xml"))
    for xml in candidates:
        dc = dublin_core(xml)
        if dc is None:
            continue
        meta.sidecars.add(xml.resolve())
        meta.title = meta.title or (dc.get("title") or [""])[0]
        meta.description = meta.description or (dc.get("description") or [""])[0]
        meta.date = meta.date or (dc.get("date") or [""])[0]
        meta.subjects += dc.get("subject", [])
        meta.languages += dc.get("language", [])
        people = dc.get("creator", []) + dc.get("contributor", [])
        extra = [f"{k}: {', '.join(dc[k])}" for k in ("identifier", "coverage", "rights", "source")
                 if dc.get(k)]
        if people:
            extra.insert(0, f"creator/contributor: {', '.join(people)}")
        if extra:
            meta.notes.append(f"Dublin Core ({xml.name}): " + "; ".join(extra))
        break
    csvs = sorted((bag_dir / "data").rglob("*.csv")) + sorted(bag_dir.glob("*.csv"))
    meta.csv = csvs[0] if csvs else None
    return meta


def _options(meta: BagMetadata, files: int, lang: str) -> tuple[ImportOptions, list[str]]:
    warnings: list[str] = []
    date = meta.date
    if date:
        try:
            parse_human_date(date)
        except DateParseError:
            date = ""
            warnings.append(_say(lang, f"la fecha del bag «{meta.date}» no se entendió; "
                                       "los elementos quedan sin fecha",
                                 f"the bag's date \"{meta.date}\" was not understood; "
                                 "the items have no date"))
    options = ImportOptions(
        metadata_csv=meta.csv, lang=lang, date=date,
        subjects=list(dict.fromkeys(meta.subjects)),
        languages=list(dict.fromkeys(x.strip().lower() for x in meta.languages)),
        description=meta.description, notes="\n".join(meta.notes),
        title=meta.title if files == 1 else "",
    )
    return options, warnings


def import_payload(archive: Archive, bag_dir: Path, encoding: str, lang: str = "es",
                   probe_fn: ProbeFn | None = None) -> tuple[list[FileOutcome], list[str]]:
    """Import every payload file as an item; (one outcome per file, bag-level problems)."""
    meta = bag_metadata(bag_dir, encoding, lang)
    files, refused = collect_files([bag_dir / "data"])
    files = [f for f in files if f.resolve() not in meta.sidecars]
    options, problems = _options(meta, len(files), lang)
    try:
        report = import_paths(archive, files, options, probe_fn=probe_fn)
    except (CsvMatchesNothing, ValueError) as exc:  # a CSV of something else: go on without
        problems.append(str(exc))
        options.metadata_csv = None
        report = import_paths(archive, files, options, probe_fn=probe_fn)
    return refused + report.outcomes, problems + report.problems
