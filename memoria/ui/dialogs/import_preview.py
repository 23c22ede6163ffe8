"""What an import would bring in, judged by content before anything is copied.

The preview reads only each file's first bytes (memoria.media.detect), so it
is quick even for a card of field recordings; the importer probes again,
fully and in a limited worker, when it really imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from memoria.domain.model import Kind
from memoria.importing.importer import collect_files
from memoria.media.detect import UNKNOWN, detect_format
from memoria.media.errors import MediaError
from memoria.ui.labels import kind_label


@dataclass(frozen=True)
class PreviewRow:
    path: Path
    family: str  # image | audio | document | unknown | "" when it could not be read
    format: str
    size: int | None
    problem: str  # empty when the file looks importable


def preview(paths: list[Path]) -> list[PreviewRow]:
    files, refused = collect_files(paths)
    rows = [PreviewRow(o.path, "", "", None, o.reason) for o in refused]
    for path in files:
        try:
            size = path.stat().st_size
        except OSError:
            size = None
        try:
            fmt = detect_format(path)
        except MediaError as exc:
            rows.append(PreviewRow(path, "", "", size, exc.message))
            continue
        problem = ""
        if fmt is UNKNOWN:
            problem = QCoreApplication.translate("ImportPreview", "Not a photograph or audio format Memoria knows")
        elif fmt.family == "document":
            problem = QCoreApplication.translate("ImportPreview", "A document is not an item by itself")
        elif not fmt.supported:
            problem = QCoreApplication.translate("ImportPreview", "Recognised, but no decoder for it is installed")
        rows.append(PreviewRow(path, fmt.family, fmt.format, size, problem))
    return rows


def family_label(family: str, fmt: str) -> str:
    names = {
        "image": kind_label(Kind.PHOTOGRAPH), "audio": kind_label(Kind.AUDIO),
        "document": QCoreApplication.translate("ImportPreview", "Document"), "unknown": QCoreApplication.translate("ImportPreview", "Unknown"),
    }
    if not family:
        return "—"
    label = names.get(family, family)
    return f"{label} ({fmt})" if family in ("image", "audio", "document") else label
