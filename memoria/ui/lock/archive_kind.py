"""The status bar says which kind of archive is open, and as which account."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from memoria.domain.messages import value_label
from memoria.ui.labels import ui_lang

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


class ArchiveKind(QObject):
    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window = window
        self.label = QLabel(window)
        self.label.setObjectName("archiveKind")
        self.label.setAccessibleName(self.tr("Kind of archive"))
        window.statusBar().addPermanentWidget(self.label)
        window.session.sleepingChanged.connect(self._sleeping_changed)
        self.refresh()
        keys = window.session.keys
        if keys is not None and not getattr(keys, "account", ""):
            window.statusBar().showMessage(self.tr(
                "Opened with the recovery key: give your account a new passphrase in "
                "File > Accounts."))

    def text(self) -> str:
        session = self.window.session
        kind = (self.tr("Encrypted archive") if session.encrypted
                else self.tr("Unencrypted archive"))
        if session.keys is None:
            return kind
        role = value_label("account_role", "custodian" if getattr(session.keys, "role", "")
                           == "custodian" else "curator", ui_lang())
        account = (session.actor.name if getattr(session.keys, "account", "")
                   else self.tr("the recovery key"))
        return self.tr("{kind} · account: {account} ({role})").format(
            kind=kind, account=account, role=role)

    def _sleeping_changed(self, _sleeping: bool) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.label.setText(self.text())
        self.label.setToolTip(self.tr(
            "Encrypted: the catalogue, files and index are unreadable without a passphrase "
            "or the recovery key.") if self.window.session.encrypted else self.tr(
            "Not encrypted: anyone with the folder can read it; accounts here protect "
            "against mistakes only."))
