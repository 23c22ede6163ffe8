"""Archivo > Rotar la clave del archivo…: `memoria rotate-key` from the window (custodians).

The confirmation says what happens: every file re-encrypted under a new key, the
other accounts (named) must be added again with new passphrases, backups made
before stay under the old key, and a new recovery key is shown once. The custodian's
passphrase is asked again (it wraps the new key). The first part needs the archive
closed (the catalogue is copied under the new key), so the session's connections
are set aside around it, as the idle lock does, keeping the key. Then the window
works again while `BackgroundRotation` moves the files in the background (progress
in the status bar, cancellable; the idle lock pauses it and unlocking resumes it;
so does opening the archive again after a crash or closing the window); at its end
the window holds the new key and shows the new recovery key. Refused (another
window has the archive open): one sentence, the window reopens with the key it had.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
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
from memoria.ui.actions import ActionId
from memoria.ui.lock.new_archive import RecoveryKeyDialog
from memoria.ui.lock.unlock_dialog import check_off_thread, error_style, sentence
from memoria.ui.session import Session


class _Steps(QObject):
    step = Signal(str)  # emitted from the rotation's thread, received on the GUI thread


def _begin(root: Path, account: str, passphrase: str, steps: _Steps) -> Any:
    """On a worker thread: memoria.operations.accounts.begin_rotation, steps signalled."""
    from memoria.operations import accounts as account_ops

    return account_ops.begin_rotation(root, account, passphrase, steps.step.emit)


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
        self._pending = check_off_thread(self._answered, _begin, session.path, self.account,
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
            self.message.setStyleSheet(error_style())
            self.message.setText(sentence(error))
            return
        if result is not session.keys:
            result.forget()  # the same old key the window holds: one copy is enough
        # The old key opens the archive again: the catalogue is read under the new key
        # (from the rotation's record) and files not moved yet under the old.
        session.take_back(None)
        session.resume_background()
        self.background = background_rotation(session, self.parentWidget())
        self.background.start()
        self.message.setText(self.tr(
            "The catalogue is under the new key. The files are being re-encrypted in the "
            "background: you can go on working. The new recovery key will be shown when "
            "it ends."))
        self.accept()


class BackgroundRotation(QObject):
    """The files of a rotation under way, moved on a thread of their own while the
    window works; paused by the idle lock and resumed at unlocking (a session
    background job), resumed when the archive is opened again."""

    finished = Signal(object)  # the RotationResult

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.window = parent
        self.task: Any = None
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        session.connectionsReopened.connect(self.start)

    def start(self) -> None:
        """Run (or go on with) the files of a rotation under way, if there is one."""
        from memoria.operations.accounts import rotation_files_pending as files_pending

        session = self.session
        if self.task is not None or session.sleeping or not session.encrypted or \
                getattr(session.keys, "role", "") != "custodian" or \
                not files_pending(session.path):
            return
        total = _files(session.path)
        label = QCoreApplication.translate("RotateKeyDialog", "Re-encrypting the archive's files")
        keys = session.keys

        def job(progress: Any, cancelled: Any) -> Any:
            from memoria.operations import accounts as account_ops

            done = [0]

            def step(name: str) -> None:
                if name in ("media", "derived"):
                    done[0] += 1
                    progress(done[0], max(total, done[0]), label)

            # None: paused; moved files stay moved, the rest goes on later
            return account_ops.finish_rotation(session.path, keys, step, cancelled)

        session.background_jobs.append(self)
        self.task = session.runner.run(job, label=label, pool=self.pool,
                                       on_done=self._done, on_error=self._failed)

    # -- a session background job ------------------------------------------------
    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def pause(self) -> None:
        self.cancel()

    def resume(self) -> None:
        self.start()

    def wait(self, msecs: int = 30000) -> None:
        self.pool.waitForDone(msecs)

    def _stopped(self) -> None:
        self.task = None
        if self in self.session.background_jobs:
            self.session.background_jobs.remove(self)

    def _failed(self, message: str) -> None:
        self._stopped()
        if self.window is not None:
            self.window.statusBar().showMessage(message, 15000)

    def _done(self, answer: Any) -> None:
        self._stopped()
        if answer is None:
            return  # paused (idle lock, closing): resumed at the next opening
        result, keys = answer
        session = self.session
        old, session.keys = session.keys, keys  # reopening from now on: the new key
        forget = getattr(old, "forget", None)
        if forget is not None:
            forget()
        self.finished.emit(result)
        self.recovery_dialog = RecoveryKeyDialog(result.recovery_key, session.path.name,
                                                 self.window)
        self.recovery_dialog.open()


def _files(root: Path) -> int:
    """How many files a rotation may move (for its progress): originals and derived."""
    return sum(1 for folder in ("media", "derived") for p in (root / folder).rglob("*")
               if p.is_file())


def background_rotation(session: Session, window: QWidget | None) -> BackgroundRotation:
    """The window's one BackgroundRotation (made on first use)."""
    job = getattr(window, "rotation_job", None) if window is not None else None
    if job is None:
        job = BackgroundRotation(session, window)
        if window is not None:
            window.rotation_job = job  # type: ignore[attr-defined]
    return job


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
    dialog.open()
    return dialog


def add_rotate_action(window: Any, after: QAction | None,
                      slot: Callable[[], object]) -> QAction:
    """File > Rotate the archive key..., after `after` (Accounts...); custodian accounts
    of an encrypted archive only (hidden otherwise), off while locked or viewing below
    custody."""
    keys = window.session.keys
    shown = (window.session.edition is None and window.session.encrypted
             and getattr(keys, "role", "") == "custodian")
    action = window.actions.add(
        ActionId.ROTATE_KEY,
        QCoreApplication.translate("RotateKeyDialog", "&Rotate the archive key..."), slot,
        custodian=shown)  # when shown, it follows the audience and the locks
    action.setObjectName("rotateKey")
    actions = window.file_menu.actions()
    following = actions[actions.index(after) + 1] if after in actions and \
        actions.index(after) + 1 < len(actions) else None
    window.file_menu.insertAction(following, action)
    action.setVisible(shown)
    action.setEnabled(shown and window.session.audience is Audience.CUSTODIAN)
    if shown:
        # A rotation stopped while its files moved (the window closed, a crash) goes on.
        background_rotation(window.session, window).start()
    return action
