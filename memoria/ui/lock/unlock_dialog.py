"""Account and passphrase (or the recovery key) for an archive with accounts.

Argon2id makes a check cost about half a second on purpose, so it never runs
on the GUI thread: a worker thread checks, a busy bar shows meanwhile, and
the answer comes back by a queued signal. A wrong passphrase is said in one
sentence under the fields (the keys module's es/en sentence) and the
passphrase is cleared for another try.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from memoria.ui.i18n import current_language


def error_style() -> str:
    """A refusal's colour in the current scheme (the light red was hard to read in dark)."""
    from memoria.ui.theme import ERROR, colour_style

    return colour_style(ERROR, bold=True)


class _Answer(QObject):
    """Carries a worker thread's answer to the GUI thread (queued: it lives there)."""

    done = Signal(object, object)  # keys or None, error or None

    def __init__(self, answered) -> None:  # noqa: ANN001 - any callable
        super().__init__()
        self.answered = answered
        # A method of an object of the GUI thread: Qt queues the call to that thread.
        self.done.connect(self.deliver)

    def deliver(self, result: object, error: object) -> None:
        self.answered(result, error)


def check_off_thread(answered, fn, *args) -> _Answer:  # noqa: ANN001 - any keys function
    """Run `fn(*args)` on a plain thread; `answered(result, error)` on the GUI thread
    (connected before the thread starts, so a quick answer is never lost)."""
    answer = _Answer(answered)

    def work() -> None:
        try:
            result = fn(*args)
        except Exception as exc:  # noqa: BLE001 - said to the person as one sentence
            answer.done.emit(None, exc)
        else:
            answer.done.emit(result, None)

    threading.Thread(target=work, name="memoria-unlock", daemon=True).start()
    return answer


def sentence(exc: BaseException) -> str:
    """A keys error in the window's language; anything else by its message only."""
    say = getattr(exc, "sentence", None)
    return say(current_language()) if callable(say) else (str(exc) or type(exc).__name__)


class UnlockDialog(QDialog):
    """Emits `unlocked(ArchiveKeys)` and accepts once a passphrase (or recovery key) opened."""

    unlocked = Signal(object)

    def __init__(self, root: Path, parent: QWidget | None = None, *,
                 custodians_only: bool = False, purpose: str = "",
                 account: str = "") -> None:
        super().__init__(parent)
        from memoria.crypto import keys as keys_mod

        self.root = Path(root)
        self.custodians_only = custodians_only
        self._pending: _Answer | None = None
        encrypted = keys_mod.is_encrypted(self.root)
        self.setWindowTitle(purpose or self.tr("Open the archive"))
        self.setObjectName("unlockDialog")

        if custodians_only:
            intro = self.tr("A custodian's account and passphrase unlock the view.")
        elif encrypted:
            intro = self.tr("“{name}” is encrypted. Enter your account and passphrase to "
                            "open it.").format(name=self.root.name)
        else:
            intro = self.tr("“{name}” has accounts. Enter your account and passphrase to "
                            "open it.").format(name=self.root.name)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)

        self.account = QComboBox(self)
        self.account.setEditable(True)
        self.account.setAccessibleName(self.tr("Account"))
        self.account.setMinimumWidth(320)
        from memoria.crypto.accounts import list_accounts

        for known in list_accounts(self.root):
            if not custodians_only or known.role == keys_mod.CUSTODIAN:
                self.account.addItem(known.name)
        if account:
            self.account.setCurrentText(account)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.recovery = QLineEdit(self)
        self.recovery.setAccessibleName(self.tr("Recovery key"))
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-…")

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Account:"), self.account)
        self.form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.form.addRow(self.tr("&Recovery key:"), self.recovery)
        self.form.setRowVisible(self.recovery, False)

        self.error = QLabel(self)
        self.error.setObjectName("unlockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.setVisible(False)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # a moving bar: the check takes about half a second
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Checking the passphrase"))
        self.busy.setVisible(False)

        self.use_recovery = QPushButton(self.tr("Every passphrase lost? Use the recovery key"),
                                        self)
        self.use_recovery.setFlat(True)
        self.use_recovery.setObjectName("useRecoveryKey")
        self.use_recovery.clicked.connect(self.toggle_recovery)
        self.use_recovery.setVisible(encrypted and not custodians_only)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("Unlock") if custodians_only else self.tr("Open"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.use_recovery, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        (self.passphrase if self.account.currentText() else self.account).setFocus()

    @property
    def recovering(self) -> bool:
        return not self.recovery.isHidden()

    def toggle_recovery(self) -> None:
        recovering = not self.recovering
        self.form.setRowVisible(self.recovery, recovering)
        self.form.setRowVisible(self.account, not recovering)
        self.form.setRowVisible(self.passphrase, not recovering)
        self.use_recovery.setText(self.tr("Use an account and passphrase") if recovering
                                  else self.tr("Every passphrase lost? Use the recovery key"))
        self.error.setVisible(False)
        self.adjustSize()
        (self.recovery if recovering else self.passphrase).setFocus()

    def submit(self) -> None:
        """Check off the GUI thread; the answer arrives in `_answered`."""
        from memoria.crypto import keys as keys_mod

        if self._pending is not None:
            return
        if self.recovering:
            args: tuple = (keys_mod.unlock_with_recovery, self.root, self.recovery.text())
        else:
            account = self.account.currentText().strip()
            if not account or not self.passphrase.text():
                self._say(self.tr("Write the account's name and its passphrase."))
                return
            args = (keys_mod.unlock, self.root, account, self.passphrase.text())
        self._busy(True)
        self._pending = check_off_thread(self._answered, *args)

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.account, self.passphrase, self.recovery, self.open_button,
                       self.use_recovery):
            widget.setEnabled(not busy)
        if busy:
            self.error.setVisible(False)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.adjustSize()  # room for the sentence, never by squeezing the fields

    def _answered(self, keys: object, error: object) -> None:
        self._pending = None
        self._busy(False)
        if not self.isVisible():  # closed while checking: nothing is kept
            if keys is not None:
                keys.forget()  # type: ignore[attr-defined]
            return
        if error is not None:
            self._say(sentence(error))  # type: ignore[arg-type]
            self.passphrase.clear()
            (self.recovery if self.recovering else self.passphrase).setFocus()
            return
        if self.custodians_only and getattr(keys, "role", "") != "custodian":
            keys.forget()  # type: ignore[attr-defined]
            self._say(self.tr("“{account}” is a curator's account: only a custodian can "
                              "unlock the view.").format(account=getattr(keys, "account", "")))
            self.passphrase.clear()
            return
        self.passphrase.clear()
        self.recovery.clear()
        self.unlocked.emit(keys)
        self.accept()
