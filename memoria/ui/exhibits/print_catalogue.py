"""A printable catalogue of the exhibit, as PDF.

The content is built exactly as the export builds its pages: the same check
(blocked entries are left out and listed), the same public views, the same
rename of protected names applied to every curator text, the same
metadata-free access copies of the photographs (memoria.exhibits.export's
entry context). Nothing is read from raw items. The HTML is assembled with
every value escaped, then scanned for protected real names, as the export's
last guard does, before Qt lays it out into a QTextDocument and prints it.

`catalogue_html` does the archive and media work and runs off the GUI thread;
`write_pdf` (QTextDocument + QPrinter) runs on the GUI thread, where Qt's
text layout belongs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path

from memoria.domain.model import Scope
from memoria.exhibits.check import check_exhibit
from memoria.exhibits.copies import ExportError, MediaCopier
from memoria.exhibits.export import UI, T, _entry_context, _paragraphs, exhibit_names
from memoria.exhibits.model import Texts
from memoria.operations.archive import Archive
from memoria.operations.exhibits import get_exhibit
from memoria.protect import Protector

PHOTO_WIDTH = 420  # document pixels; the page is laid out about 600 wide


@dataclass
class Catalogue:
    """What the PDF shows, plus what was left out and why (never silently)."""

    html: str
    base: Path                       # folder the photo copies are under
    title: str
    left_out: list[tuple[str, str]] = field(default_factory=list)  # accession, reason
    item_ids: list[int] = field(default_factory=list)  # printed, for the register of copies
    scope: Scope | None = None
    name: str = ""


def catalogue_html(reading: Callable[[], AbstractContextManager[Archive]], exhibit_id: int,
                   scope: Scope | None, workdir: Path, lang: str = "es") -> Catalogue:
    """Build the catalogue's HTML and photo copies in `workdir` (a connection of this
    thread's own, from `reading`, the session's)."""
    with reading() as archive:
        return build_catalogue(archive, exhibit_id, scope, workdir, lang)


def build_catalogue(archive: Archive, exhibit_id: int, scope: Scope | None, workdir: Path,
                    lang: str = "es") -> Catalogue:
    exhibit = get_exhibit(archive, exhibit_id)
    scope = scope or exhibit.scope
    checks = check_exhibit(archive, exhibit, scope)
    names = exhibit_names(archive, checks)
    clean = names.replace

    def t(texts: Texts) -> str:
        return escape(clean(texts.get(lang)))

    def paragraphs(texts: Texts, css: str = "") -> str:
        style = f" class='{css}'" if css else ""
        return "".join(f"<p{style}>{escape(p.text)}</p>"
                       for p in _paragraphs(T(clean(texts.get(lang)), lang)))

    copier = MediaCopier(workdir, workdir.with_name(workdir.name + "-work"))
    try:
        allowed = {c.entry.id: _entry_context(archive, c, copier, clean)
                   for c in checks if c.allowed}
    finally:
        copier.cleanup()
    parts = [f"<h1 class='cover'>{t(exhibit.title)}</h1>"]
    if exhibit.subtitle.get(lang):
        parts.append(f"<h2 class='cover'>{t(exhibit.subtitle)}</h2>")
    parts.append(paragraphs(exhibit.intro))
    parts.append("<p class='toc'>" + "<br>".join(
        f"{n + 1}. {t(s.title)}" for n, s in enumerate(exhibit.sections)) + "</p>")
    for number, section in enumerate(exhibit.sections):
        parts.append(f"<h2 style='page-break-before: always'>{number + 1}. "
                     f"{t(section.title)}</h2>")
        parts.append(paragraphs(section.intro))
        for entry in section.entries:
            ctx = allowed.get(entry.id)
            if ctx is None:
                continue
            heading = clean(entry.caption.get(lang)) or ctx["item_title"].text
            parts.append(f"<h3>{escape(heading)}</h3>")
            for src in ctx["photos"]:
                # Absolute path: QTextDocument.print_ lays out a clone, which loses baseUrl.
                path = (workdir / src).resolve().as_posix()
                parts.append(f"<p><img src='{escape(path)}' width='{PHOTO_WIDTH}'></p>")
            if ctx["photos"] and ctx["credit"]:
                parts.append(f"<p class='credit'>{escape(UI[lang]['credit'])} "
                             f"{escape(ctx['credit'])}</p>")
            if ctx["quote"] is not None:
                speaker = f"<br>— {escape(ctx['speaker'])}" if ctx.get("speaker") else ""
                parts.append(f"<blockquote><i>“{escape(ctx['quote'].text)}”</i>{speaker}"
                             "</blockquote>")
            for line in ctx["transcript"]:
                speaker = f"<b>{escape(line['speaker'])}:</b> " if line["speaker"] else ""
                parts.append(f"<p class='line'>[{escape(line['time'])}] {speaker}"
                             f"{escape(line['text'].text)}</p>")
            if entry.kind.value == "item":
                parts.extend(f"<p>{escape(p.text)}</p>" for p in ctx["description"])
            parts.append(paragraphs(entry.text))
            parts.append(f"<p class='ref'>{escape(ctx['item_title'].text)} · "
                         f"{escape(ctx['accession'])}</p>")
    html = ("<html><head><style>h1.cover{font-size:28pt;margin-top:120px}"
            "h2.cover{font-size:18pt;color:#444}p.ref{color:#555;font-size:9pt}"
            "p.line{margin-left:12px}p.credit{color:#555;font-size:9pt}blockquote{margin:12px 24px}</style></head><body>"
            + "".join(parts) + "</body></html>")
    _guard(html, names)
    left_out = [(c.accession, c.explain(lang)) for c in checks if not c.allowed]
    return Catalogue(html, workdir, clean(exhibit.title.get(lang)), left_out,
                     sorted({c.entry.item_id for c in checks if c.allowed}), scope, exhibit.name)


def _guard(html: str, names: Protector) -> None:
    """No protected name in the catalogue, in any confirmed variant (as the export)."""
    if names.found(re.sub(r"<[^>]+>", " ", html)) or names.found(unescape(html)):
        raise ExportError("A protected name would appear in the catalogue; printing "
                          "stopped.")


def write_pdf(catalogue: Catalogue, path: Path) -> str:
    """Lay the catalogue out and print it to `path`; returns the document's plain
    text (what the PDF says), for checks."""
    from PySide6.QtCore import QMarginsF, QUrl
    from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
    from PySide6.QtPrintSupport import QPrinter

    document = QTextDocument()
    document.setBaseUrl(QUrl.fromLocalFile(str(catalogue.base) + "/"))
    document.setHtml(catalogue.html)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, catalogue.title)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait,
                                      QMarginsF(18, 18, 18, 18)))
    printer.setDocName(catalogue.title)
    printer.setCreator("Memoria")
    document.print_(printer)
    return document.toPlainText()
