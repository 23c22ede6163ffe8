"""Archivo > Rotar la clave del archivo…: `memoria rotate-key` from the window (custodians).

The confirmation says what happens: every file re-encrypted under a new key, the
other accounts (named) must be added again with new passphrases, backups made
before stay under the old key, and a new recovery key is shown once. The custodian's
passphrase is asked again (it wraps the new key). The rotation needs the archive
closed, so the session's connections are set aside around it (as the idle lock does,
keeping the key) and reopened with the new key after; it runs on a plain thread with
a count of files done. Refused (another window has the archive open): one sentence,
the window reopens with the key it had.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.consent import Audience
from memoria.ui.lock.new_archive import RecoveryKeyDialog
from memoria.ui.lock.unlock_dialog import ERROR_STYLE, check_off_thread, sentence
from memoria.ui.session import Session


class _Steps(QObject):
    step = Signal(str)  # emitted from the rotation's thread, received on the GUI thread


def _rotate(root: Path, account: str, passphrase: str, steps: _Steps) -> tuple[Any, Any]:
    """On a worker thread: memoria.operations.accounts.rotate_key, its steps signalled."""
    from memoria.operations import accounts as account_ops

    return account_ops.rotate_key(root, account, passphrase, steps.step.emit)


def others(root: Path, account: str) -> list[str]:
    from memoria.crypto.accounts import list_accounts

    return [a.name for a in list_accounts(root) if a.name != account]


class RotateKeyDialog(QDialog):
    """The confirmation, the passphrase, the progress; then the new recovery key."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.account = str(getattr(session.keys, "account", ""))
        self._pending: Any = None
        self._done_files = 0
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.setWindowTitle(self.tr("Rotate the archive key"))
        self.setObjectName("rotateKeyDialog")
        names = others(session.path, self.account)
        if names:
            accounts = self.tr("These accounts will stop opening the archive and must be "
                               "added again with new passphrases: {names}.").format(
                                   names=", ".join(names))
        else:
            accounts = self.tr("No other account has to be added again.")
        self.explain = QLabel("\n\n".join([
            self.tr("Every file of the archive and its catalogue will be re-encrypted under a "
                    "new key. This can take a while; if it is interrupted, running it again "
                    "continues."),
            accounts,
            self.tr("Backups made before stay under the old key: make a new backup afterwards."),
            self.tr("A new recovery key will be shown once: the old one stops working."),
        ]), self)
        self.explain.setTextFormat(Qt.TextFormat.PlainText)  # account names as typed
        self.explain.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Your &passphrase ({account}):").format(account=self.account),
                    self.passphrase)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.rotate_button = self.buttons.addButton(
            self.tr("&Rotate the key"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.rotate_button.setEnabled(False)
        self.passphrase.textChanged.connect(
            lambda t: self.rotate_button.setEnabled(bool(t) and self._pending is None))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def reject(self) -> None:
        if self._pending is None:  # no leaving while the files are being re-encrypted
            super().reject()

    def start(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase or self._pending is not None:
            return
        self.passphrase.clear()
        self.rotate_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Rotating the key..."))
        self.busy.show()
        session = self.session
        session.runner.wait()  # saves in flight finish first
        session.pause_background()
        session.set_aside()
        steps = _Steps(self)
        steps.step.connect(self._step)
        self._done_files = 0
        self._pending = check_off_thread(self._answered, _rotate, session.path, self.account,
                                         passphrase, steps)

    def _step(self, name: str) -> None:
        if name in ("media", "derived", "copies"):
            self._done_files += 1
            self.message.setText(self.tr("Rotating the key: {count} files re-encrypted...")
                                 .format(count=self.locale().toString(self._done_files)))

    def _answered(self, result: Any, error: Any) -> None:
        self._pending = None
        self.busy.hide()
        session = self.session
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        if error is not None:
            session.take_back(None)  # the key it had still opens everything
            session.resume_background()
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(sentence(error))
            return
        rotated, keys = result
        old = session.keys
        session.take_back(keys)
        forget = getattr(old, "forget", None)
        if forget is not None:
            forget()
        session.resume_background()
        self.result_ = rotated
        self.message.setText(self.tr("The key was rotated."))
        self.recovery_dialog = RecoveryKeyDialog(rotated.recovery_key, session.path.name, self)
        self.recovery_dialog.finished.connect(lambda _r: self.accept())
        self.recovery_dialog.open()


def _allowed(window: Any) -> bool:
    """Custodian at work (not an edition, not locked, not a visitor's view) on an
    encrypted archive opened with a custodian account."""
    from memoria.ui.tools import custodian_at_work

    session = window.session
    keys = session.keys
    return bool(custodian_at_work(window) and not session.sleeping
                and session.locked_to is None and session.encrypted
                and getattr(keys, "role", "") == "custodian"
                and getattr(keys, "account", ""))


def open_rotation(window: Any) -> RotateKeyDialog | None:
    if not _allowed(window):
        return None
    dialog = RotateKeyDialog(window.session, window)
    dialog.accepted.connect(window.archive_kind.refresh)
    window.rotate_dialog = dialog
    dialog.open()
    return dialog


def install_rotate_action(window: Any) -> QAction:
    """File > Rotate the archive key..., after Accounts...; custodian accounts of an
    encrypted archive only (hidden otherwise), off while locked or viewing below custody."""
    action = QAction(QCoreApplication.translate("RotateKeyDialog",
                                                "&Rotate the archive key..."), window)
    action.setObjectName("rotateKey")
    action.triggered.connect(lambda: open_rotation(window))
    actions = window.file_menu.actions()
    accounts = getattr(window, "accounts_action", None)
    after = actions[actions.index(accounts) + 1] if accounts in actions and \
        actions.index(accounts) + 1 < len(actions) else None
    window.file_menu.insertAction(after, action)
    keys = window.session.keys
    shown = (window.session.edition is None and window.session.encrypted
             and getattr(keys, "role", "") == "custodian")
    action.setVisible(shown)
    action.setEnabled(shown and window.session.audience is Audience.CUSTODIAN)
    if shown:
        window.custodian_actions.append(action)  # follows the audience and the locks
    window.rotate_action = action
    return action
