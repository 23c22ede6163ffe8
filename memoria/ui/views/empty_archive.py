"""An archive with no items yet shows how to start (issue 15), in place of the empty
list: import files, create an item, or open the demo archive (`memoria demo`).

Like the search's empty state, it is a panel laid over the item views, shown only
while the archive itself holds no item (not when a search or a filter finds
nothing). Its buttons trigger the window's own actions, so the audience and the
locks rule them as they rule the menus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout

from memoria.domain.model import Kind
from memoria.operations.archive import CATALOGUE
from memoria.ui.actions import ActionId
from memoria.ui.labels import kind_label

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmptyArchive", text)


class EmptyArchive(QFrame):
    def __init__(self, window: WindowApi) -> None:
        super().__init__(window.items)
        self.window_ = window
        self.setObjectName("emptyArchive")
        self.setAutoFillBackground(True)
        self.building = False

        title = QLabel(_tr("This archive has no items yet"), self)
        title.setObjectName("emptyArchiveTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(_tr(
            "Start by importing photographs, recordings or a spreadsheet of descriptions, "
            "or create an item by hand. To see how Memoria works first, open the demo "
            "archive: fictional material, in every consent state, kept apart from this "
            "archive."), self)
        text.setWordWrap(True)
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.import_button = QPushButton(_tr("Import files…"), self)
        self.import_button.setObjectName("emptyImport")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(lambda: self._trigger(ActionId.IMPORT))
        self.create_button = QPushButton(_tr("Create an item"), self)
        self.create_button.setObjectName("emptyCreate")
        kinds = QMenu(self.create_button)
        for kind in Kind:
            kinds.addAction(kind_label(kind),
                            lambda k=kind: window.editors.edit_item(None, k))
        self.create_button.setMenu(kinds)
        self.demo_button = QPushButton(_tr("Open the demo archive"), self)
        self.demo_button.setObjectName("emptyDemo")
        self.demo_button.clicked.connect(self.open_demo)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_button, self.create_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addStretch(2)
        self.hide()

        window.items.installEventFilter(self)
        # Each after the window's own slots (connected later, in its __init__) have
        # recounted the archive: the count is what says "empty".
        for signal in (window.model.loaded, window.model.modelReset,
                       window.session.catalogueChanged, window.session.audienceChanged):
            signal.connect(self._soon)
        for action_id in (ActionId.IMPORT, ActionId.OPEN_ARCHIVE):
            window.actions[action_id].changed.connect(self._soon)
        self._soon()

    def _soon(self, *_args: object) -> None:
        QTimer.singleShot(0, self, self.update_state)

    def _action(self, action_id: ActionId) -> QAction:
        return self.window_.actions[action_id]

    def _trigger(self, action_id: ActionId) -> None:
        action = self._action(action_id)
        if action.isEnabled():
            action.trigger()

    def update_state(self, *_args: object) -> None:
        window = self.window_
        total = getattr(window, "_counts", (1, 1))[0]
        empty = total == 0 and window.search.results is None and window.session.edition is None
        if empty:
            can_edit = self._action(ActionId.IMPORT).isEnabled()
            self.import_button.setEnabled(can_edit)
            self.create_button.setEnabled(can_edit)
            self.demo_button.setEnabled(self._action(ActionId.OPEN_ARCHIVE).isEnabled()
                                        and not self.building)
            self.setGeometry(window.items.rect())
            self.raise_()
        self.setVisible(empty)

    def open_demo(self) -> None:
        """Build the demo archive (once, beside the default archive) off the GUI thread,
        then open it as File > Open archive would."""
        from memoria.paths import demo_archive_path
        from memoria.ui.i18n import current_language

        if not self._action(ActionId.OPEN_ARCHIVE).isEnabled() or self.building:
            return
        path = demo_archive_path()
        window = self.window_
        if (path / CATALOGUE).exists():
            window.archiveRequested.emit(path, False)
            return
        self.building = True
        self.demo_button.setEnabled(False)
        self.note.setText(_tr("Preparing the demo archive…"))

        def done(_result: object) -> None:
            self.building = False
            self.note.clear()
            self.update_state()
            window.archiveRequested.emit(path, False)

        def failed(message: str) -> None:
            self.building = False
            self.note.setText(_tr("The demo archive could not be made: {reason}").format(
                reason=message))
            self.update_state()

        window.session.runner.run(_build_demo, path, current_language(), label=_tr("Preparing the demo archive"),
                                  on_done=done, on_error=failed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Resize and not self.isHidden():
            self.setGeometry(self.window_.items.rect())
        return False


def _build_demo(_progress: object, _cancelled: object, path: Path, lang: str) -> str:
    from memoria.demo import build_demo

    return build_demo(path, lang=lang)
