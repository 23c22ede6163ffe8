"""The window's actions, one registry keyed by an enum (as Picard's `MainWindow.actions`).

Menus, toolbars, context menus and shortcuts all take their QAction from here,
so an action exists once, with one text, one shortcut and one rule for who may
run it: `custodian=True` actions follow the audience and the locks (disabled for
researchers, the public, a reading-room edition and a locked window);
`safe=True` actions stay usable while the window is locked to a visitor's view.
Everything else is denied by that lock (ui/lock/audience_lock.py: default deny).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum, auto

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


class ActionId(Enum):
    # File
    NEW_ARCHIVE = auto()
    OPEN_ARCHIVE = auto()
    IMPORT = auto()
    PREFERENCES = auto()
    QUIT = auto()
    # Edit
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    CLEAR_SEARCH = auto()
    SELECT_ALL = auto()
    EDIT_ITEM = auto()
    CONSENT = auto()
    BATCH_EDIT = auto()
    BATCH_CONSENT = auto()
    MOVE_TO_TRASH = auto()
    RESTORE_FROM_TRASH = auto()
    EMPTY_TRASH = auto()
    ADD_TO_EXHIBIT = auto()
    TRANSCRIBE = auto()
    COPY_REFERENCE = auto()
    # View
    AS_LIST = auto()
    AS_GRID = auto()
    VIEW_PHOTO = auto()
    # Help
    USER_GUIDE = auto()
    SHORTCUTS = auto()
    SEARCH_SYNTAX = auto()
    ABOUT = auto()
    # Tools (ui/tools.py)
    VERIFY = auto()
    BACK_UP = auto()
    PROTECTED_NAMES = auto()
    READING_ROOM_EDITION = auto()
    PURGE_ITEM = auto()
    PURGE_PERSON = auto()
    PENDING_PURGES = auto()
    # Locks and keys (ui/lock/controller.py)
    LOCK_NOW = auto()
    LOCK_TO_RESEARCHER = auto()
    LOCK_TO_PUBLIC = auto()
    UNLOCK_VIEW = auto()
    ACCOUNTS = auto()
    ROTATE_KEY = auto()
    # Context menus (ui/context_menus.py): a sidebar entry, an exhibit's entries, a transcript
    OPEN_SOURCE = auto()
    RENAME_EXHIBIT = auto()
    EXPORT_EXHIBIT = auto()
    OPEN_ENTRY_ITEM = auto()
    MOVE_ENTRY_UP = auto()
    MOVE_ENTRY_DOWN = auto()
    REMOVE_ENTRY = auto()
    PLAY_FROM_HERE = auto()
    EDIT_SEGMENT = auto()
    SAME_SPEAKER = auto()
    MARK_CHECKED = auto()
    COPY_TIME_REFERENCE = auto()


SAFE = "memoriaSafeWhenLocked"  # the property the visitor's lock reads (default deny)


def mark_safe(*things: QObject) -> None:
    """Keep these enabled while the window is locked to a visitor's view: they
    neither change the archive nor show more than the visitor's audience."""
    for thing in things:
        thing.setProperty(SAFE, True)


def is_safe(thing: QObject) -> bool:
    return bool(thing.property(SAFE))


class ActionRegistry:
    """Every QAction of the main window, by `ActionId`; owned by the window."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._actions: dict[ActionId, QAction] = {}
        self.custodian: list[QAction] = []  # the window's `custodian_actions`
        self.safe: list[QAction] = []  # the window's `safe_actions`

    def add(
        self,
        action_id: ActionId,
        text: str,
        slot: Callable[..., object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        custodian: bool = False,
        safe: bool = False,
        checkable: bool = False,
    ) -> QAction:
        if action_id in self._actions:
            raise ValueError(f"action {action_id.name} registered twice")
        action = QAction(text, self._parent)
        action.setObjectName(f"action{action_id.name.title().replace('_', '')}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self._actions[action_id] = action
        if custodian:
            self.custodian.append(action)
        if safe:
            self.safe.append(action)
        return action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: object) -> bool:
        return action_id in self._actions

    def get(self, action_id: ActionId) -> QAction | None:
        return self._actions.get(action_id)

    def items(self) -> list[tuple[ActionId, QAction]]:
        """Every registered action, in the order registered (the shortcuts sheet's source)."""
        return list(self._actions.items())

    def menu(self, ids: Iterable[ActionId | None], parent: QWidget | None = None) -> QMenu:
        """A context menu of registered actions (None: a separator); ids not
        registered, and actions hidden, are left out."""
        menu = QMenu(parent or self._parent)
        for action_id in ids:
            if action_id is None:
                menu.addSeparator()
                continue
            action = self._actions.get(action_id)
            if action is not None and action.isVisible():
                menu.addAction(action)
        return menu
