"""The "Description" tab: what an archivist types about one item.

Kept apart from the editor's save logic so the form can be laid out (and
tab-ordered) in one place; the editor only reads `state()` and `draft()`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from memoria.domain.model import Item, Kind
from memoria.ui.editors.date_field import DateField
from memoria.ui.editors.people_table import PeopleTable, PersonRow
from memoria.ui.editors.suggest import people_names, place_paths, subject_terms
from memoria.ui.editors.token_list import TokenList
from memoria.ui.labels import kind_label
from memoria.ui.session import Session
from memoria.ui.theme import ERROR, colour_style


class ItemFieldsForm(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        reader = session.reader
        self.kind = QComboBox(self)
        for kind in Kind:
            self.kind.addItem(kind_label(kind), kind)
        self.accession = QLineEdit(self)
        self.title = QLineEdit(self)
        self.title_error = QLabel(self)
        self.title_error.setStyleSheet(colour_style(ERROR))
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(100)
        self.date = DateField(self)
        self.places = TokenList(self.tr("Place"), lambda _text: place_paths(reader), self)
        self.places.input.setPlaceholderText(
            self.tr("Choose a place, or type a new one: Colombia > Antioquia > Medellín"))
        self.people = PeopleTable(lambda text: people_names(reader, text), self)
        self.subjects = TokenList(self.tr("Subject"), lambda text: subject_terms(reader, text),
                                  self)
        self.languages = QLineEdit(self)
        self.languages.setPlaceholderText(self.tr("Language codes, e.g. es, en"))
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)

        form = QFormLayout(self)
        rows: list[tuple[str, str, QWidget, QWidget]] = [
            (self.tr("&Kind:"), self.tr("Kind"), self.kind, self.kind),
            (self.tr("&Accession number:"), self.tr("Accession number"), self.accession,
             self.accession),
            (self.tr("&Title:"), self.tr("Title"), self.title, self.title),
            (self.tr("D&escription:"), self.tr("Description"), self.description,
             self.description),
            (self.tr("&Date:"), self.tr("Date"), self.date, self.date.edit),
            (self.tr("&Places:"), self.tr("Place"), self.places, self.places.input),
            (self.tr("Pe&ople:"), self.tr("People and their roles"), self.people,
             self.people.table),
            (self.tr("&Subjects:"), self.tr("Subject"), self.subjects, self.subjects.input),
            (self.tr("&Languages:"), self.tr("Languages"), self.languages, self.languages),
            (self.tr("&Notes (internal):"), self.tr("Internal notes"), self.notes, self.notes),
        ]
        for text, name, widget, buddy in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            buddy.setAccessibleName(name)
            form.addRow(label, widget)
            if widget is self.title:
                form.addRow("", self.title_error)
        order = [self.kind, self.accession, self.title, self.description, self.date.edit,
                 self.places.input, self.places.add_button, self.places.list,
                 self.places.remove_button, self.people.table, self.people.add_button,
                 self.people.remove_button, self.subjects.input, self.subjects.add_button,
                 self.subjects.list, self.subjects.remove_button, self.languages, self.notes]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        for signal in (self.kind.currentIndexChanged, self.accession.textChanged,
                       self.title.textChanged, self.description.textChanged, self.date.edited,
                       self.places.changed, self.people.changed, self.subjects.changed,
                       self.languages.textChanged, self.notes.textChanged):
            signal.connect(self.changed)
        self.title.textChanged.connect(self._check_title)

    def _check_title(self) -> None:
        self.title_error.setText("" if self.title.text().strip()
                                 else self.tr("Every item needs a title."))

    def show_item(self, item: Item | None, kind: Kind, places: list[tuple[str, int]]) -> None:
        """Fill the form; `places` are the item's places as (full path, id)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.setEnabled(item is None)
        self.accession.setReadOnly(item is not None)
        self.accession.setPlaceholderText(
            "" if item else self.tr("Leave empty to number it automatically"))
        self.accession.setText(item.accession if item else "")
        self.title.setText(item.title if item else "")
        self.description.setPlainText(item.description if item else "")
        self.date.set_edtf(item.date_edtf if item else None)
        self.places.set_values(list(places))
        self.people.set_rows([PersonRow(p.person.name, p.role, p.person.id)
                              for p in (item.people if item else ())])
        self.subjects.set_values([(s, None) for s in (item.subjects if item else ())])
        self.languages.setText(", ".join(item.languages) if item else "")
        self.notes.setPlainText(item.notes if item else "")
        self._check_title()

    def current_kind(self) -> Kind:
        return Kind(self.kind.currentData())

    def language_list(self) -> list[str]:
        text = self.languages.text().replace(";", ",")
        return [part.strip().lower() for part in text.split(",") if part.strip()]

    def is_valid(self) -> bool:
        return bool(self.title.text().strip()) and self.date.is_valid()

    def state(self) -> tuple:
        return (
            self.current_kind(), self.accession.text().strip(), self.title.text().strip(),
            self.description.toPlainText(), self.date.edit.text().strip(),
            tuple(self.places.values()), tuple(self.people.rows()),
            tuple(t for t, _ in self.subjects.values()), tuple(self.language_list()),
            self.notes.toPlainText(),
        )
