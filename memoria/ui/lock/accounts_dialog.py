"""Accounts (custodians only): list, add, remove, reset a passphrase; change my own.

Each change is one of memoria.crypto.accounts' operations (a key slot rewritten
in keys.json; nothing re-encrypted) run off the GUI thread, since every new
passphrase costs an Argon2id derivation. A plain archive without accounts
gets its first (custodian) account here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.consent import Audience
from memoria.domain.messages import value_title
from memoria.ui.actions import ActionId
from memoria.ui.labels import ui_lang
from memoria.ui.lock.passphrase_form import PassphraseForm
from memoria.ui.lock.unlock_dialog import check_off_thread, error_style, sentence
from memoria.ui.session import Session


class AccountForm(QDialog):
    """One question: a new account, a reset, or my own passphrase."""

    def __init__(self, title: str, parent: QWidget | None = None, **fields: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = PassphraseForm(self, **fields)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        problem = self.form.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.adjustSize()
            return
        super().accept()


class AccountsDialog(QDialog):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None,
                 kdf: Any = None) -> None:
        super().__init__(parent)
        from memoria.crypto.keys import KdfCost

        self.session = session
        self.root = session.path
        self.kdf = kdf or KdfCost.DEFAULT
        self._pending = None
        self.setWindowTitle(self.tr("Accounts"))
        self.setObjectName("accountsDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Role")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("&Add..."), self)
        self.reset_button = QPushButton(self.tr("&Reset passphrase..."), self)
        self.remove_button = QPushButton(self.tr("Re&move..."), self)
        self.mine_button = QPushButton(self.tr("&Change my passphrase..."), self)
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset)
        self.remove_button.clicked.connect(self.remove)
        self.mine_button.clicked.connect(self.change_mine)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.mine_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(close)
        self.resize(640, 420)
        self.table.itemSelectionChanged.connect(self._enable)
        self.refresh()

    # -- what is shown -------------------------------------------------------------------
    def accounts(self) -> list[tuple[str, str]]:
        from memoria.crypto.accounts import list_accounts

        return [(a.name, a.role) for a in list_accounts(self.root)]

    def refresh(self) -> None:
        listed = self.accounts()
        self.table.setRowCount(len(listed))
        for row, (name, role) in enumerate(listed):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(
                value_title("account_role", "custodian" if role == "custodian" else "curator",
                            ui_lang())))
        if not listed:
            self.intro.setText(self.tr(
                "This archive has no accounts yet. The first account is a custodian's; "
                "from then on opening the archive asks for an account and its passphrase. "
                "The archive stays unencrypted: accounts protect against mistakes only."))
        elif self.session.encrypted:
            self.intro.setText(self.tr(
                "Each account's passphrase opens the archive's key. Removing an account "
                "removes its key slot; nothing is re-encrypted."))
        else:
            self.intro.setText(self.tr(
                "This archive is not encrypted: accounts say who made each change and "
                "keep curators from custodian work, but protect against mistakes only."))
        self._enable()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).text() if rows else None

    def _custodian(self) -> bool:
        keys = self.session.keys
        return keys is None or getattr(keys, "role", "") == "custodian"

    def _enable(self) -> None:
        idle = self._pending is None
        has_accounts = bool(self.table.rowCount())
        chosen = self.selected() is not None
        self.add_button.setEnabled(idle and self._custodian())
        self.reset_button.setEnabled(idle and has_accounts and chosen and self._custodian())
        self.remove_button.setEnabled(idle and has_accounts and chosen and self._custodian())
        self.mine_button.setEnabled(idle and self.session.keys is not None
                                    and bool(getattr(self.session.keys, "account", "")))
        self.add_button.setText(self.tr("&Add...") if has_accounts
                                else self.tr("&Create the first account..."))

    # -- changes -------------------------------------------------------------------------
    def _run(self, done_text: str, fn: Callable[..., Any], *args: Any,
             then: Callable[[Any], None] | None = None) -> None:
        self.busy.show()
        self.message.setText("")
        self._enable()

        def answered(result: Any, error: Any) -> None:
            self._pending = None
            self.busy.hide()
            if error is not None:
                self.message.setStyleSheet(error_style())
                self.message.setText(sentence(error))
            else:
                self.message.setStyleSheet("")
                self.message.setText(done_text)
                if then is not None:
                    then(result)
                self.changed.emit()
            self.refresh()

        self._pending = check_off_thread(answered, fn, *args)
        self._enable()

    def _ask(self, dialog: AccountForm) -> AccountForm:
        """Shown window-modal, answered by signal (tests fill it like a person would)."""
        self.form_dialog = dialog
        dialog.open()
        return dialog

    def add(self) -> None:
        first = not self.table.rowCount()
        dialog = self._ask(AccountForm(self.tr("New account"), self, role=not first))
        dialog.accepted.connect(lambda: self._add(dialog, first))

    def _add(self, dialog: AccountForm, first: bool) -> None:
        from memoria.operations import accounts as account_ops

        name = dialog.form.account.text().strip()
        passphrase = dialog.form.first.text()
        dialog.form.clear()
        if first:
            self._run(self.tr("Account “{name}” created: from now on it opens the archive.")
                      .format(name=name), account_ops.first_account, self.root, name, passphrase,
                      self.kdf, then=self._adopt)
            return
        role = dialog.form.role.currentData()
        self._run(self.tr("Account “{name}” added.").format(name=name), account_ops.add,
                  self.root, self.session.keys, name, role, passphrase, self.kdf)

    def _adopt(self, keys: Any) -> None:
        self.session.keys = keys
        self.session.adopt_account(keys)

    def reset(self) -> None:
        name = self.selected()
        if name is None:
            return
        dialog = self._ask(AccountForm(self.tr("New passphrase for “{name}”").format(
            name=name), self, name=False, role=False))
        dialog.accepted.connect(lambda: self._reset(dialog, name))

    def _reset(self, dialog: AccountForm, name: str) -> None:
        from memoria.operations import accounts as account_ops

        passphrase = dialog.form.first.text()
        dialog.form.clear()
        self._run(self.tr("The passphrase of “{name}” was reset.").format(name=name),
                  account_ops.reset, self.root, self.session.keys, name, passphrase,
                  self.kdf)

    def remove(self) -> None:
        from memoria.operations import accounts as account_ops

        name = self.selected()
        if name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove account"),
            self.tr("Remove the account “{name}”? Its passphrase will no longer open the "
                    "archive. Copies of the archive made before keep its old key slot."
                    ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(self.tr("Account “{name}” removed.").format(name=name),
                  account_ops.remove, self.root, self.session.keys, name)

    def change_mine(self) -> None:
        if self.session.keys is None:
            return
        dialog = self._ask(AccountForm(self.tr("My passphrase"), self, name=False, role=False,
                                       old=True))
        dialog.accepted.connect(lambda: self._change_mine(dialog))

    def _change_mine(self, dialog: AccountForm) -> None:
        from memoria.operations import accounts as account_ops

        keys = self.session.keys
        name = getattr(keys, "account", "")
        old, new = dialog.form.old.text(), dialog.form.first.text()
        dialog.form.clear()

        def changed(fresh: Any) -> None:
            forget = getattr(fresh, "forget", None)
            if forget is not None and fresh is not keys:
                forget()  # the session keeps its own copy of the key

        self._run(self.tr("Your passphrase was changed."), account_ops.change_own,
                  self.root, name, old, new, self.kdf, then=changed)


def open_accounts(window: Any) -> AccountsDialog | None:
    """Custodians manage every account; anyone with an account (a curator too) changes
    their own passphrase there. Refused in an edition, while locked or asleep."""
    session = window.session
    keys = session.keys
    own_account = keys is not None and bool(getattr(keys, "account", ""))
    if (session.edition is not None or session.locked_to is not None or session.sleeping
            or not (session.actor.role is Audience.CUSTODIAN or own_account)):
        return None
    dialog = AccountsDialog(session, window)
    dialog.changed.connect(window.archive_kind.refresh)
    dialog.open()
    return dialog


def add_accounts_action(window: Any, slot: Callable[[], object]) -> QAction:
    """File > Accounts..., before Preferences; hidden in a reading-room edition."""
    action = window.actions.add(
        ActionId.ACCOUNTS, QCoreApplication.translate("AccountsDialog", "A&ccounts..."), slot)
    action.setObjectName("accounts")
    prefs = [a for a in window.file_menu.actions()
             if a.menuRole() == QAction.MenuRole.PreferencesRole]
    window.file_menu.insertAction(prefs[0] if prefs else None, action)
    if window.session.edition is not None:
        action.setVisible(False)
        action.setEnabled(False)
    return action
