"""The exhibit editor: texts, sections and entries, consent check, outputs.

It takes the window's right pane (see docs/exhibits.md, "Desktop"): the item
list stays in the centre as the source to drag from, and the sidebar keeps
saying which exhibit is open. Every change is a session.write of an
exhibit operation (memoria.operations.exhibits); the editor then reloads from
the archive on catalogueChanged and re-runs the consent check, so what it
shows is what is stored and what may go out now.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from memoria.exhibits.model import EXHIBIT_SCOPES, Exhibit
from memoria.operations import exhibits as exhibit_ops
from memoria.operations import items as item_ops
from memoria.ui.exhibits.check_panel import CheckPanel
from memoria.ui.exhibits.entry_widgets import EntryForm, set_text_quietly
from memoria.ui.exhibits.outline import ExhibitOutline
from memoria.ui.i18n import current_language
from memoria.ui.labels import scope_label
from memoria.ui.session import Session
from memoria.ui.undo import run_undoable

TEXT_FIELDS = ("title", "subtitle", "intro")


class ExhibitEditor(QWidget):
    previewReady = Signal(str)  # path of the preview's index.html
    catalogueWritten = Signal(str, list)  # pdf path, left-out (accession, reason)

    def __init__(self, session: Session, selected_items: Callable[[], list[int]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.selected_items = selected_items
        # Set by the window (exhibits/placement.py): places many items and reports once.
        self.placer: Callable[[list[int], int | None, int | None], None] | None = None
        self.exhibit: Exhibit | None = None
        self.labels: dict[int, str] = {}
        self.preview_dir: Path | None = None
        self._loading = False
        self._select_after: tuple[str, int] | None = None
        self.setAccessibleName(self.tr("Exhibit editor"))

        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Target scope"))
        for scope in EXHIBIT_SCOPES:
            self.scope.addItem(scope_label(scope), scope)
        self.scope.activated.connect(self._scope_chosen)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("For:"), self))
        top.addWidget(self.scope)

        self.texts: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.text_tabs = QTabWidget(self)
        for lang, tab_name in (("es", self.tr("Spanish")), ("en", self.tr("English"))):
            page = QWidget(self.text_tabs)
            form = QFormLayout(page)
            for key, label in (("title", self.tr("Title")), ("subtitle", self.tr("Subtitle")),
                               ("intro", self.tr("Introduction"))):
                widget: QLineEdit | QPlainTextEdit
                if key == "intro":
                    widget = QPlainTextEdit(page)
                    widget.setTabChangesFocus(True)
                    widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 3 + 12)
                    widget.textChanged.connect(self._intro_typed)
                else:
                    widget = QLineEdit(page)
                    widget.editingFinished.connect(partial(self._save_text, f"{key}_{lang}"))
                widget.setAccessibleName(f"{label} ({tab_name})")
                form.addRow(label, widget)
                self.texts[f"{key}_{lang}"] = widget
            self.text_tabs.addTab(page, tab_name)
        self._intro_timer = QTimer(self)
        self._intro_timer.setSingleShot(True)
        self._intro_timer.setInterval(700)
        self._intro_timer.timeout.connect(self._save_intros)

        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_section_action = self.toolbar.addAction(self.tr("Add section"),
                                                         self.add_section)
        self.add_items_action = self.toolbar.addAction(self.tr("Add selected items"),
                                                       self.add_selected)
        self.add_items_action.setToolTip(self.tr("Place the items selected in the list at the "
                                                 "end of the current section"))
        self.toolbar.addSeparator()
        self.preview_action = self.toolbar.addAction(self.tr("Preview"), self.preview)
        self.export_action = self.toolbar.addAction(self.tr("Export..."), self.export)
        self.print_action = self.toolbar.addAction(self.tr("Print catalogue..."),
                                                   self.print_catalogue)

        self.outline = ExhibitOutline(self)
        self.form = EntryForm(session, self)
        self.check = CheckPanel(session, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.outline)
        splitter.addWidget(self.form)
        splitter.addWidget(self.check)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 1)
        self.splitter = splitter
        # Everything scrolls inside the pane: a chosen entry's form grows, and the main
        # window must never grow past a laptop screen for it (issue 15).
        content = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.text_tabs)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        scroll.setWidget(content)

        self.outline.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.outline.itemsDropped.connect(self.place_items)
        self.outline.entryMoved.connect(self.move_entry)
        self.outline.sectionMoved.connect(self.move_section)
        self.outline.removeRequested.connect(self.remove)
        self.outline.captionEdited.connect(self._caption_edited)
        self.outline.sectionRenamed.connect(self._section_renamed)
        self.form.retargeted.connect(lambda entry: self.outline.select("entry", entry))
        self.check.checked.connect(self.outline.mark)
        self.check.entryActivated.connect(lambda entry: self.outline.select("entry", entry))
        session.catalogueChanged.connect(self._catalogue_changed)
        self.add_items_action.setShortcut(QKeySequence("Ctrl+Shift+A"))

    def showEvent(self, event: object) -> None:
        """Give the outline most of the height the first time there is one to share."""
        super().showEvent(event)
        if not getattr(self, "_sized", False) and self.splitter.height() > 100:
            self._sized = True
            height = sum(self.splitter.sizes())
            self.splitter.setSizes([height * 50 // 100, height * 33 // 100, height * 17 // 100])

    # -- loading ---------------------------------------------------------------------------
    def open_exhibit(self, exhibit_id: int) -> None:
        if self.exhibit is None or self.exhibit.id != exhibit_id:
            self.form.commit()
            self.exhibit = None
            self.form.load(None, "")
        self.reload(exhibit_id)

    def reload(self, exhibit_id: int | None = None) -> None:
        """Read the exhibit again and re-run the consent check."""
        exhibit_id = exhibit_id or (self.exhibit.id if self.exhibit else None)
        if exhibit_id is None or self._loading:
            return
        self._loading = True
        try:
            try:
                exhibit = exhibit_ops.get_exhibit(self.session.reader, exhibit_id)
            except exhibit_ops.ExhibitError:
                self.exhibit = None
                self.setEnabled(False)
                return
            self.setEnabled(True)
            self.exhibit = exhibit
            ids = sorted({e.item_id for e in exhibit.entries})
            found = item_ops.accessions_and_titles(self.session.reader, ids)
            self.labels = {i: f"{accession} · {title}" for i, (accession, title) in found.items()}
            self.heading.setText(exhibit.title.es)
            self.scope.setCurrentIndex(EXHIBIT_SCOPES.index(exhibit.scope))
            for key in TEXT_FIELDS:
                texts = getattr(exhibit, key)
                for lang in ("es", "en"):
                    widget = self.texts[f"{key}_{lang}"]
                    if widget.hasFocus() and self._intro_timer.isActive():
                        continue
                    set_text_quietly(widget, getattr(texts, lang))
            self.outline.load(exhibit, self.labels)
            if self._select_after and self.outline.select(*self._select_after):
                self._select_after = None
            self._show_current()
        finally:
            self._loading = False
        self.check.run(exhibit.id, exhibit.scope)

    def _catalogue_changed(self, _ids: object) -> None:
        if self.exhibit is not None:
            self.reload()

    def _show_current(self) -> None:
        current = self.outline.current()
        entry = None
        if self.exhibit is not None and current and current[0] == "entry":
            entry = next((e for e in self.exhibit.entries if e.id == current[1]), None)
        self.form.load(entry, self.labels.get(entry.item_id, "") if entry else "")

    def current_section(self) -> int | None:
        current = self.outline.current()
        if current is None:
            ids = self.outline.section_ids()
            return ids[-1] if ids else None
        return current[1] if current[0] == "section" else self.outline.section_of(current[1])

    # -- writes -------------------------------------------------------------------------------
    def _write(self, operation: Callable, *args: object, label: str = "") -> None:
        run_undoable(self.session, operation, *args,
                     label=label or self.tr("Saving the exhibit"), on_error=self._failed)

    def _say(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 8000)

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Exhibit"), message)

    def _save_text(self, key: str) -> None:
        if self.exhibit is None:
            return
        field, lang = key.rsplit("_", 1)
        widget = self.texts[key]
        value = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        if value == getattr(getattr(self.exhibit, field), lang):
            return
        if key == "title_es" and not value.strip():
            set_text_quietly(widget, self.exhibit.title.es)
            return
        self._write(partial(exhibit_ops.update, **{key: value}), self.exhibit.id)

    def _intro_typed(self) -> None:
        if not self._loading:
            self._intro_timer.start()

    def _save_intros(self) -> None:
        self._save_text("intro_es")
        self._save_text("intro_en")

    def _scope_chosen(self, _row: int) -> None:
        if self.exhibit is not None and self.scope.currentData() != self.exhibit.scope:
            self._write(partial(exhibit_ops.update, scope=str(self.scope.currentData())),
                        self.exhibit.id)

    def add_section(self, title: str | None = None) -> None:
        if self.exhibit is None:
            return
        if title is None:
            title, ok = QInputDialog.getText(self, self.tr("Add section"),
                                             self.tr("Section title (Spanish):"))
            if not ok:
                return
        if title.strip():
            self._write(exhibit_ops.add_section, self.exhibit.id, title.strip())

    def add_selected(self) -> None:
        """Place the items selected in the list at the end of the current section."""
        ids = [i for i in self.selected_items() if i is not None]
        if ids:
            self.place_items(ids, self.current_section(), None)

    def place_items(self, item_ids: list[int], section_id: int | None,
                    position: int | None) -> None:
        if self.exhibit is None:
            return
        if self.placer is not None:  # the window's: one report for the whole selection
            self.placer(item_ids, section_id, position)
            return
        run_undoable(self.session, exhibit_ops.place_items, self.exhibit.id, list(item_ids),
                     section_id, position, label=self.tr("Placing items in the exhibit"),
                     on_error=self._failed,
                     on_done=lambda placed: placed and self.outline.select(
                         "entry", placed[-1]))

    def move_entry(self, entry_id: int, section_id: int, position: int) -> None:
        self._select_after = ("entry", entry_id)
        if self.outline.section_of(entry_id) == section_id:
            self._write(exhibit_ops.move_entry, entry_id, position)
        else:
            self._write(exhibit_ops.relocate_entry, entry_id, section_id, position)

    def move_section(self, section_id: int, position: int) -> None:
        self._select_after = ("section", section_id)
        self._write(exhibit_ops.move_section, section_id, position)

    def remove(self, what: str, ident: int) -> None:
        if what == "entry":  # at once, without asking: Edit > Undo puts it back
            run_undoable(self.session, exhibit_ops.remove_entry, ident,
                         label=self.tr("Saving the exhibit"), on_error=self._failed,
                         on_done=lambda _v: self._say(self.tr(
                             "Entry removed from the exhibit. Edit > Undo puts it back.")))
            return
        if self.outline.entry_ids(ident):
            answer = QMessageBox.question(
                self, self.tr("Remove section"),
                self.tr("Remove this section and its {n} entries from the exhibit? The items "
                        "stay in the archive.").format(n=len(self.outline.entry_ids(ident))))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._write(exhibit_ops.remove_section, ident)

    def _caption_edited(self, entry_id: int, text: str) -> None:
        self._write(partial(exhibit_ops.update_entry, caption_es=text), entry_id)

    def _section_renamed(self, section_id: int, title: str) -> None:
        self._write(partial(exhibit_ops.update_section, title_es=title), section_id)

    # -- outputs --------------------------------------------------------------------------------
    def preview(self) -> None:
        """Export into a temporary folder (read-only, not audited: nothing leaves)
        and open it in the system browser, which renders it as the kiosk will."""
        if self.exhibit is None:
            return
        self.form.commit()
        folder = Path(tempfile.mkdtemp(prefix="memoria-preview-")) / "exhibit"
        self.preview_dir = folder
        session, exhibit_id = self.session, self.exhibit.id
        self.session.runner.run(lambda _p, _c: _preview(session, exhibit_id, folder),
                                label=self.tr("Preparing the preview"),
                                on_done=self._preview_done, on_error=self._failed)

    def _preview_done(self, index: str) -> None:
        self.previewReady.emit(index)
        QDesktopServices.openUrl(QUrl.fromLocalFile(index))

    def export(self) -> None:
        if self.exhibit is None:
            return
        from memoria.ui.exhibits.export_dialog import ExportDialog

        self.form.commit()
        dialog = ExportDialog(self.session, self.exhibit.id, self.exhibit.scope, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        self.export_dialog = dialog

    def print_catalogue(self, path: str | None = None) -> None:
        """Ask where, build the consent-checked catalogue off the GUI thread, print it."""
        if self.exhibit is None:
            return
        self.form.commit()
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save catalogue as PDF"), f"{self.exhibit.name}.pdf",
                self.tr("PDF documents (*.pdf)"))
            if not path:
                return
        from memoria.ui.exhibits.print_catalogue import catalogue_html

        work = Path(tempfile.mkdtemp(prefix="memoria-catalogue-")) / "out"
        reading, exhibit_id, scope = self.session.reading, self.exhibit.id, self.exhibit.scope
        lang = current_language()
        self.session.runner.run(
            lambda _p, _c: catalogue_html(reading, exhibit_id, scope, work, lang),
            label=self.tr("Preparing the catalogue"),
            on_done=lambda catalogue: self._print(catalogue, Path(path)),
            on_error=self._failed)

    def _print(self, catalogue: object, path: Path) -> None:
        from memoria.ui.exhibits.print_catalogue import write_pdf

        self.catalogue_text = write_pdf(catalogue, path)
        # The printed catalogue is a copy that left the archive: into the register.
        from functools import partial

        from memoria.domain.consent import Audience
        from memoria.operations import trust as trust_ops

        record = partial(trust_ops.record_copy, scope=catalogue.scope,
                         label=f"{catalogue.name} (PDF)")
        self.session.run(record, "exhibit", list(catalogue.item_ids), Audience.PUBLIC, path,
                         label=self.tr("Recording the copy"))
        self.catalogueWritten.emit(str(path), list(catalogue.left_out))


def _preview(session: Session, exhibit_id: int, folder: Path) -> str:
    from memoria.exhibits.export import export_exhibit

    with session.reading() as reader:
        export_exhibit(reader, exhibit_id, folder, register=False)
    return str(folder / "index.html")

