"""Preferences: the interface language (takes effect on the next start) and the
minutes without use after which the window locks (at once), and the
transcription model folder (checked and registered at once, through the same code as
`memoria asr model PATH`; the check hashes the model off the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from memoria.operations import transcription
from memoria.ui.labels import ui_lang
from memoria.ui.tasks import TaskRunner
from memoria.ui.theme import ERROR, colour_style


def _register(_progress: object, _cancelled: object, folder: str, lang: str) -> object:
    """The registered model, or the one sentence saying why the folder is refused."""
    try:
        return transcription.register_model_folder(folder, lang)
    except ValueError as exc:
        return str(exc)


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner or TaskRunner(parent=self)
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
        self.model_path = QLineEdit(self)
        self.model_path.setReadOnly(True)
        self.model_path.setAccessibleName(self.tr("Transcription model folder"))
        self.model_path.setMinimumWidth(320)
        self.choose_model = QPushButton(self.tr("C&hoose folder…"), self)
        self.choose_model.setToolTip(self.tr(
            "A Whisper model converted for CTranslate2 (model.bin, config.json, "
            "tokenizer.json, vocabulary): it is checked and used for every transcription"))
        self.model_status = QLabel(self)
        self.model_status.setWordWrap(True)
        self.choose_model.clicked.connect(self._choose_model)
        self._show_model(transcription.registered_model())
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
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_path, 1)
        model_row.addWidget(self.choose_model)
        model_label = QLabel(self.tr("Transcription &model:"), self)
        model_label.setBuddy(self.choose_model)
        form.addRow(model_label, model_row)
        form.addRow(self.model_status)
        form.addRow(buttons)

    def _show_model(self, info: object) -> None:
        if info is None:
            self.model_path.clear()
            self.model_status.setStyleSheet("")
            self.model_status.setText(self.tr(
                "No model yet: choose a folder, or run 'memoria asr install' once."))
            return
        self.model_path.setText(info.path)  # type: ignore[attr-defined]
        self.model_status.setStyleSheet("")
        self.model_status.setText(self.tr("Whisper %1, %2 MB, %3 languages").replace(
            "%1", info.name).replace(  # type: ignore[attr-defined]
            "%2", str(info.size_bytes // 1_000_000)).replace(  # type: ignore[attr-defined]
            "%3", str(len(info.languages))))  # type: ignore[attr-defined]

    def _choose_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the transcription model folder"), self.model_path.text())
        if folder:
            self.register_model(folder)

    def register_model(self, folder: str) -> None:
        """Check the folder (its model.bin hashed in the background) and register it."""
        self.choose_model.setEnabled(False)
        self.model_status.setStyleSheet("")
        self.model_status.setText(self.tr("Checking the model…"))
        self.runner.run(_register, folder, ui_lang(), on_done=self._registered,
                        on_error=self._refused)

    def _registered(self, info: object) -> None:
        if isinstance(info, str):
            self._refused(info)
            return
        self.choose_model.setEnabled(True)
        self._show_model(info)

    def _refused(self, sentence: str) -> None:
        self.choose_model.setEnabled(True)
        self.model_status.setStyleSheet(colour_style(ERROR))
        self.model_status.setText(sentence)

    def accept(self) -> None:
        self.settings.setValue("ui/language", self.language.currentData())
        self.settings.setValue(self.idle_key, self.idle.value())
        idle_lock = getattr(self.parent(), "idle_lock", None)
        if idle_lock is not None:
            idle_lock.arm()  # the new minutes count from now
        super().accept()
