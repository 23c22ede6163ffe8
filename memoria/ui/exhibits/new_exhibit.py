"""Asking for a new exhibit: its handle, title (es/en) and target scope."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from memoria.domain.folding import handle_fold
from memoria.exhibits.model import EXHIBIT_SCOPES
from memoria.ui.labels import scope_label


def slug(title: str) -> str:
    """A default handle from the title (scripts use it: `memoria exhibit export NAME`)."""
    return handle_fold(title)


class NewExhibitDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New exhibit"))
        self.title_es = QLineEdit(self)
        self.title_en = QLineEdit(self)
        self.name = QLineEdit(self)
        self._name_edited = False
        self.name.textEdited.connect(lambda _t: setattr(self, "_name_edited", True))
        self.title_es.textChanged.connect(self._suggest_name)
        self.scope = QComboBox(self)
        for scope in EXHIBIT_SCOPES:
            self.scope.addItem(scope_label(scope), scope)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Title (Spanish):"), self.title_es)
        form.addRow(self.tr("Title (English, optional):"), self.title_en)
        form.addRow(self.tr("Short name (for scripts):"), self.name)
        form.addRow(self.tr("Target scope:"), self.scope)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, 200)

    def _suggest_name(self, title: str) -> None:
        if not self._name_edited:
            self.name.setText(slug(title))

    def _accept(self) -> None:
        if not self.title_es.text().strip() or not self.name.text().strip():
            self.error.setText(self.tr("An exhibit needs a Spanish title and a short name."))
            return
        self.accept()

    def values(self) -> dict:
        return {"name": self.name.text().strip(), "title": self.title_es.text().strip(),
                "title_en": self.title_en.text().strip(), "scope": self.scope.currentData()}
