"""The window's locks and keys, owned by one controller: the visitor's lock (View
menu, default deny), the idle lock (Ctrl+L and the minutes without use), the
archive's kind in the status bar, File > Accounts... and File > Rotate the
archive key.... Created by the window after every menu, so the visitor's lock
covers them all; each action is registered in the window's registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from memoria.ui.lock.accounts_dialog import AccountsDialog, add_accounts_action, open_accounts
from memoria.ui.lock.archive_kind import ArchiveKind
from memoria.ui.lock.audience_lock import make_audience_lock
from memoria.ui.lock.idle_lock import IdleLock
from memoria.ui.lock.rotate_key import RotateKeyDialog, add_rotate_action, open_rotation

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


class LockController(QObject):
    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.audience_lock = make_audience_lock(window)  # after every menu: covers them all
        self.idle_lock = IdleLock(window)
        self.archive_kind = ArchiveKind(window)  # "Archivo cifrado · cuenta: ana (custodio)"
        self.accounts_dialog: AccountsDialog | None = None
        self.rotate_dialog: RotateKeyDialog | None = None
        self.accounts_action = add_accounts_action(window, self.open_accounts)
        self.rotate_action = add_rotate_action(window, self.accounts_action, self.open_rotation)

    def open_accounts(self) -> AccountsDialog | None:
        self.accounts_dialog = open_accounts(self.window)
        return self.accounts_dialog

    def open_rotation(self) -> RotateKeyDialog | None:
        self.rotate_dialog = open_rotation(self.window)
        return self.rotate_dialog
