"""People on an item with their roles: a small table, one row per person.

Names complete from the authority list; a name that is not there becomes a
new person when the item is saved (by the writer, in the same transaction).
A loaded row keeps its person id while its name is unchanged, so two people
who share a name are never merged by editing something else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)

from memoria.domain.model import Role
from memoria.operations.items import PersonRow
from memoria.ui.labels import role_label

__all__ = ["PeopleTable", "PersonRow"]

class PeopleTable(QWidget):
    changed = Signal()

    def __init__(self, suggest: Callable[[str], list[tuple[str, int]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggest = suggest
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName(self.tr("People and their roles"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(140)
        self.add_button = QPushButton(self.tr("Add person"), self)
        self.remove_button = QPushButton(self.tr("Remove person"), self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 0, 0, 3, 1)
        layout.addWidget(self.add_button, 0, 1)
        layout.addWidget(self.remove_button, 1, 1)
        self.setFocusProxy(self.table)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_current)

    def add_row(self, name: str = "", role: Role = Role.NARRATOR,
                person_id: int | None = None) -> QLineEdit:
        row = self.table.rowCount()
        self.table.insertRow(row)
        edit = QLineEdit(name, self.table)
        edit.setAccessibleName(self.tr("Person's name"))
        edit.setProperty("person_id", person_id)
        edit.setProperty("loaded_name", name)
        model = QStringListModel([n for n, _ in self._suggest("")], edit)
        completer = QCompleter(model, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
        edit.textEdited.connect(lambda text: model.setStringList([n for n, _ in self._suggest(text)]))
        edit.textChanged.connect(self.changed)
        combo = QComboBox(self.table)
        combo.setAccessibleName(self.tr("Role"))
        for value in Role:
            combo.addItem(role_label(value), value)
        combo.setCurrentIndex(combo.findData(role))
        combo.currentIndexChanged.connect(self.changed)
        self.table.setCellWidget(row, 0, edit)
        self.table.setCellWidget(row, 1, combo)
        self.table.setCurrentCell(row, 0)
        edit.setFocus()
        self.changed.emit()
        return edit

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def name_edit(self, row: int) -> QLineEdit:
        return self.table.cellWidget(row, 0)  # type: ignore[return-value]

    def role_combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, 1)  # type: ignore[return-value]

    def rows(self) -> list[PersonRow]:
        found = []
        for row in range(self.table.rowCount()):
            edit = self.name_edit(row)
            name = " ".join(edit.text().split())
            if not name:
                continue
            same = name == edit.property("loaded_name")
            found.append(PersonRow(name, Role(self.role_combo(row).currentData()),
                                   edit.property("person_id") if same else None))
        return found

    def set_rows(self, rows: list[PersonRow]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self.add_row(row.name, row.role, row.person_id)
