"""Pick several values from an authority list, or add new ones (places, subjects).

A line edit with a completer plus a list keeps everything on the keyboard:
type, Enter to add, Delete button to remove. New values are kept as text and
created by the writer when the item is saved, so nothing is written early.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)


class TokenList(QWidget):
    """Values as (text, data); data is an id for known records, None for new text."""

    changed = Signal()

    def __init__(self, name: str, suggest: Callable[[str], list[tuple[str, Any]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggest = suggest
        self._known: dict[str, Any] = {}
        self.input = QLineEdit(self)
        self.input.setAccessibleName(name)
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("%1 chosen").replace("%1", name))
        self.list.setMaximumHeight(90)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.input, 0, 0)
        layout.addWidget(self.add_button, 0, 1)
        layout.addWidget(self.list, 1, 0)
        layout.addWidget(self.remove_button, 1, 1, Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.input)
        self.input.textEdited.connect(self.refresh_suggestions)
        self.input.returnPressed.connect(self.add_current)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh_suggestions("")

    def refresh_suggestions(self, text: str = "") -> None:
        pairs = self._suggest(text)
        self._known.update({label: data for label, data in pairs})
        self.model.setStringList([label for label, _ in pairs])

    def add_current(self) -> None:
        text = " ".join(self.input.text().split())
        if text:
            self.add_value(text, self._known.get(text))
            self.input.clear()

    def add_value(self, text: str, data: Any = None) -> None:
        if any(label == text for label, _ in self.values()):
            return
        entry = QListWidgetItem(text)
        entry.setData(Qt.ItemDataRole.UserRole, data)
        self.list.addItem(entry)
        self.changed.emit()

    def remove_selected(self) -> None:
        for entry in self.list.selectedItems():
            self.list.takeItem(self.list.row(entry))
        self.changed.emit()

    def values(self) -> list[tuple[str, Any]]:
        return [
            (self.list.item(i).text(), self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
        ]

    def set_values(self, values: list[tuple[str, Any]]) -> None:
        self.list.clear()
        for text, data in values:
            self.add_value(text, data)
