"""Metadata for a batch of files, from a spreadsheet saved as CSV.

Spreadsheets in Spanish locales write semicolons and sometimes Windows-1252;
both are accepted. Cells are data, never evaluated: a cell that looks like a
formula is stored as plain text and reported. File paths may not leave the
folder being imported.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from memoria.domain.folding import privacy_fold

# Column names people may use (Spanish or English, accents optional) -> ours.
ALIASES = {
    "file": "file", "archivo": "file", "fichero": "file",
    "kind": "kind", "tipo": "kind",
    "title": "title", "titulo": "title",
    "description": "description", "descripcion": "description",
    "date": "date", "fecha": "date",
    "place": "place", "places": "place", "lugar": "place", "lugares": "place",
    "people": "people", "personas": "people",
    "subjects": "subjects", "subject": "subjects", "temas": "subjects", "tema": "subjects",
    "language": "language", "languages": "language", "idioma": "language",
    "idiomas": "language",
    "notes": "notes", "notas": "notes",
    "accession": "accession", "signatura": "accession",
    "consent_status": "consent_status", "status": "consent_status",
    "estado": "consent_status", "consentimiento": "consent_status",
    "scopes": "scopes", "alcances": "scopes", "usos": "scopes",
    "embargo": "embargo", "embargo_until": "embargo",
    "narrator": "narrator", "narrador": "narrator", "narradora": "narrator",
    "pseudonym": "pseudonym", "seudonimo": "pseudonym", "pseudonimo": "pseudonym",
}

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CsvError(ValueError):
    """The CSV as a whole cannot be read (not one bad row: those are reported)."""


@dataclass
class CsvRow:
    line: int
    file: Path
    values: dict[str, str]
    warnings: list[str] = field(default_factory=list)

    def get(self, key: str) -> str:
        return self.values.get(key, "").strip()

    def many(self, key: str) -> list[str]:
        """Cells holding several values separate them with '|' (or ';' in a comma CSV)."""
        raw = self.get(key)
        for sep in ("|", ";"):
            raw = raw.replace(sep, "\x00")
        return [v.strip() for v in raw.split("\x00") if v.strip()]


@dataclass
class CsvProblem:
    line: int
    message: str


def _key(header: str) -> str:
    folded = privacy_fold(header.strip())
    return ALIASES.get(folded.replace(" ", "_"), folded)


def _decode(raw: bytes) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), (
            "the file is not UTF-8; it was read as Windows-1252 (check accents)"
        )


def read_metadata_csv(
    csv_path: Path, base: Path
) -> tuple[dict[Path, CsvRow], list[CsvProblem]]:
    """Rows keyed by the resolved file they describe, plus the rows that failed."""
    try:
        raw = csv_path.read_bytes()
    except OSError as exc:
        raise CsvError(f"Cannot read {csv_path.name}: {exc.strerror or exc}") from exc
    text, warning = _decode(raw)
    problems = [CsvProblem(0, warning)] if warning else []
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as exc:
        raise CsvError(f"{csv_path.name} is empty.") from exc
    keys = [_key(h) for h in header]
    if "file" not in keys:
        raise CsvError(f"{csv_path.name} has no 'file' (archivo) column naming the files.")
    base_resolved = base.resolve()
    rows: dict[Path, CsvRow] = {}
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(keys):
            problems.append(CsvProblem(line, "more cells than columns in the header"))
            continue
        row_values = dict(zip(keys, values, strict=False))
        name = row_values.get("file", "").strip()
        if not name:
            problems.append(CsvProblem(line, "no file name in the 'file' column"))
            continue
        candidate = Path(name)
        if candidate.is_absolute() or ".." in candidate.parts:
            problems.append(CsvProblem(line, f"'{name}' points outside the imported folder"))
            continue
        resolved = (base / candidate).resolve()
        if not resolved.is_relative_to(base_resolved):
            problems.append(CsvProblem(line, f"'{name}' points outside the imported folder"))
            continue
        row = CsvRow(line, resolved, row_values)
        for column, value in row_values.items():
            if value.startswith(FORMULA_START) and not _is_number_or_date(value):
                row.warnings.append(
                    f"cell '{column}' looks like a spreadsheet formula; kept as plain text"
                )
        if resolved in rows:
            problems.append(CsvProblem(line, f"'{name}' is described twice; the first row wins"))
            continue
        rows[resolved] = row
    return rows, problems


def _is_number_or_date(value: str) -> bool:
    stripped = value.lstrip("+-").replace(".", "").replace(",", "").replace("-", "")
    return stripped.isdigit()
