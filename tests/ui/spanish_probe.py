"""The Spanish window's untranslated strings (issue 15: "a test fails when a user-visible
string in the Spanish window is untranslated"). Used by fit_probe.py, which opens every
window and dialog of the app: with MEMORIA_PROBE=spanish it reports, instead of what does
not fit, every user-visible English string. Not collected by pytest.

A string is untranslated when it is an English source of memoria_es.ts whose Spanish
differs, or holds a word of KNOWN_ENGLISH (Qt's own dialogs included); proper names
in ALLOWED are not. Walked: window titles, labels, buttons, menu and toolbar actions,
tooltips, placeholders, table and tree headers, combo box entries, tab and group titles.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "memoria_es.ts"
# Words that are English and never Spanish (whole words, any case).
KNOWN_ENGLISH = frozenset(["the", "and", "of", "with", "from", "your", "you", "this", "that", "which", "what", "when", "where", "there", "into", "cancel", "open", "save", "close", "edit", "delete", "remove", "add", "export", "import", "search", "consent", "items", "item", "files", "file", "title", "date", "place", "kind", "people", "name", "look", "type", "yes", "apply", "reset", "help", "back", "next", "finish", "directory", "folder", "view", "detail", "list", "new", "show", "hide", "choose", "select", "none", "all"])
# Names and formats that are the same in both languages.
ALLOWED = frozenset({"Memoria", "BagIt", "WebVTT", "CSV", "PDF", "OHMS", "JSON", "HTML",
                     "Whisper", "SQLCipher", "Ctrl", "OK"})
# Findings that are right as they are: a language offered in its own name, so that a
# person who reads only that language finds it.
ALLOWED_FINDINGS = frozenset({"preferences: combo entry 'English'"})


def english_sources() -> set[str]:
    found = set()
    for message in ET.parse(TS).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        spanish = (translation.text or "") if translation is not None else ""
        if spanish and spanish != source:
            found.add(_norm(source))
    return {s for s in found if s and s not in ALLOWED}


def _norm(text: str) -> str:
    text = unescape(re.sub(r"<[^>]+>", " ", text)).replace("&&", "\0").replace("&", "")
    text = text.replace("\0", "&")
    return re.sub(r"\s+", " ", text).strip().rstrip(".…:").strip()


def english_words(text: str) -> list[str]:
    words = re.findall(r"[A-Za-zÁÉÍÓÚáéíóúñÑü]+", _norm(text))
    return [w for w in words if w.lower() in KNOWN_ENGLISH and w not in ALLOWED]


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every user-visible string of `top` and its children."""
    out: list[tuple[str, str]] = [("window title", top.windowTitle())]

    def actions(owner: QWidget, where: str) -> None:
        for action in QWidget.actions(owner):  # MainWindow.actions is its registry
            if action.isSeparator():
                continue
            out.append((f"{where} action", action.text()))
            out.append((f"{where} tooltip", action.toolTip() if action.toolTip() != _plain(
                action.text()) else ""))
            if action.menu() is not None:
                menu = action.menu()
                out.append((f"{where} menu", menu.title()))
                actions(menu, where)

    for widget in [top, *top.findChildren(QWidget)]:
        name = type(widget).__name__
        if widget is not top and widget.window() is not top:
            continue
        actions(widget, name)
        out.append((f"{name} tooltip", widget.toolTip()))
        out.append((f"{name} accessible name", widget.accessibleName()))
        if isinstance(widget, QLabel):
            out.append(("label", widget.text()))
        elif isinstance(widget, QAbstractButton):
            out.append(("button", widget.text()))
        elif isinstance(widget, QGroupBox):
            out.append(("group", widget.title()))
        elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            out.append(("placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            out += [("combo entry", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            out += [("tab", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            out.append(("menu", widget.title()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            header = getattr(widget, "horizontalHeader", getattr(widget, "header", None))
            header = header() if header is not None else None
            if header is not None and not header.isHidden():
                for section in range(header.count()):
                    out.append(("header", str(widget.model().headerData(
                        section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")))
            if not isinstance(top, QFileDialog):  # its cells are the disk's file names
                out += [("cell", text) for text in _cells(widget)]
    return [(where, text) for where, text in out if text and text.strip()]


def _cells(view: QAbstractItemView, rows: int = 50) -> list[str]:
    """The shown text of the first rows of a list, table or tree (top level): words the
    program puts there (history actions, field names), beside the archive's own data."""
    model = view.model()
    found = []
    columns = max(1, model.columnCount(model.index(-1, -1)) if not isinstance(
        model, QAbstractListModel) else 1)
    for row in range(min(rows, model.rowCount(model.index(-1, -1)))):
        for column in range(columns):
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                found.append(value)
    return found


def _plain(text: str) -> str:
    return text.replace("&", "")


def untranslated(name: str, top: QWidget, sources: set[str] | None = None) -> list[str]:
    sources = english_sources() if sources is None else sources
    found = []
    for where, text in visible_texts(top):
        norm = _norm(text)
        if not norm or norm in ALLOWED:
            continue
        if norm in sources or english_words(text):
            found.append(f"{name}: {where} {text!r}")
    return sorted(set(found) - ALLOWED_FINDINGS)


def more_openers(window, session, root: Path) -> dict:  # noqa: ANN001 - the probe's objects
    """Windows the fit probe does not open but a Spanish user meets: Qt's own file
    dialog and message box, the new-archive, unlock and accounts dialogs."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from memoria.ui.lock.new_archive import NewArchiveDialog

    def file_dialog() -> QFileDialog:
        dialog = QFileDialog(window, "Importar archivos", str(root),
                             "Fotografías (*.jpg);;Todos los archivos (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        return dialog

    def folder_dialog() -> QFileDialog:
        dialog = file_dialog()
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        return dialog

    def question() -> QMessageBox:
        return QMessageBox(QMessageBox.Icon.Question, "Memoria", "¿Seguir?",
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                           | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Save
                           | QMessageBox.StandardButton.Discard, window)

    def edited_item() -> QWidget:
        """The item editor of an item edited once: its History says what changed."""
        from dataclasses import replace

        from memoria.storage import items
        from memoria.ui.editors.item_editor import ItemEditorDialog

        item_id = items.create_item(session.archive, items.ItemFields(
            kind=items.Kind.PHOTOGRAPH, title="Mural"))
        fields = items.ItemFields.from_item(items.get_item(session.archive, item_id))
        items.update_item(session.archive, item_id, replace(
            fields, title="Mural del barrio", description="Pintado en 2015.",
            date_edtf="2015", subjects=["arte"]))
        return ItemEditorDialog(session, item_id)

    return {
        "item editor with history": edited_item,
        "file dialog (Qt)": file_dialog,
        "folder dialog (Qt)": folder_dialog,
        "message box (Qt)": question,
        "new archive": lambda: NewArchiveDialog(window, folder=root.parent / "nuevo"),
    }
