"""Preferences: the interface language (takes effect on the next start)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("Español", "es")
        self.language.addItem("English", "en")
        current = str(settings.value("ui/language", "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        note = QLabel(self.tr("The new language is used the next time Memoria starts."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        label = QLabel(self.tr("&Language:"), self)
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        form.addRow(note)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue("ui/language", self.language.currentData())
        super().accept()
