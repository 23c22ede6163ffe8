"""Preferences: the interface language (takes effect on the next start) and the
minutes without use after which the window locks (at once)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)


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
        from memoria.ui.lock.idle_lock import IDLE_KEY, idle_minutes

        self.idle_key = IDLE_KEY
        self.idle = QSpinBox(self)
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("Never"))
        self.idle.setValue(idle_minutes(settings))
        self.idle.setAccessibleName(self.tr("Lock after minutes without use"))
        idle_label = QLabel(self.tr("Loc&k after:"), self)
        idle_label.setBuddy(self.idle)
        form.addRow(idle_label, self.idle)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.setValue("ui/language", self.language.currentData())
        self.settings.setValue(self.idle_key, self.idle.value())
        idle_lock = getattr(self.parent(), "idle_lock", None)
        if idle_lock is not None:
            idle_lock.arm()  # the new minutes count from now
        super().accept()
