"""The idle lock: after some minutes without use, or on Ctrl+L, the window locks.

Locking hides every view of the archive behind the lock screen (the window's
panes, toolbar, menus and its other windows), stops background work at its
next step (the index build and a transcription resume after unlocking, as
they would after a restart), then the session closes its connections and
forgets the key. Unlocking asks for an account's passphrase (an archive with
accounts; a plain one without them just continues), reopens, and puts the
window back where it was: the same item selected, the same search, the same
editors open on the same tab.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from memoria.ui.actions import ActionId, mark_safe
from memoria.ui.lock.audience_lock import has_accounts

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

IDLE_KEY = "lock/idleMinutes"
DEFAULT_IDLE_MINUTES = 10
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def idle_minutes(settings: QSettings) -> int:
    """Minutes without use before the window locks; 0 = never."""
    try:
        return max(0, int(settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


class LockScreen(QWidget):
    """What the window shows while locked: the archive's name and a way back."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.title = QLabel(self)
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explain.setFixedWidth(560)  # wrapped text needs a width to take its height
        self.status = QLabel(self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("lockScreenUnlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setMinimumWidth(200)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (self.title, self.explain, self.status):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)


class IdleLock(QObject):
    """The timer, the Ctrl+L action, and locking and unlocking the window."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.settings = window.settings
        self.locked = False
        self._state: dict = {}
        self._last_input = time.monotonic()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._timed_out)
        self.action = window.actions.add(ActionId.LOCK_NOW, self.tr("&Lock now"), self.lock,
                                         "Ctrl+L", safe=True)
        self.action.setObjectName("lockNow")
        self.action.setToolTip(self.tr("Hide the archive and forget its key until a "
                                       "passphrase is given again (Ctrl+L)"))
        mark_safe(self.action)  # locking shows less, never more
        quit_at = [a for a in window.file_menu.actions()
                   if a.menuRole() == QAction.MenuRole.QuitRole]
        window.file_menu.insertAction(quit_at[0] if quit_at else None, self.action)
        self.screen = LockScreen(window)
        self.screen.hide()
        self.screen.unlock_button.clicked.connect(self.ask_to_unlock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.arm()

    # -- the timer ---------------------------------------------------------------------
    def arm(self) -> None:
        """(Re)start the countdown with the Preferences' minutes (0: never)."""
        minutes = idle_minutes(self.settings)
        if minutes <= 0 or self.locked or self.session.edition is not None:
            self.timer.stop()
            return
        self.timer.start(minutes * 60_000)

    def set_idle_ms(self, ms: int) -> None:
        """For tests and Preferences: a countdown of `ms` from now."""
        self.timer.start(ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT and not self.locked:
            now = time.monotonic()
            if now - self._last_input > 1.0:  # at most once a second: mouse moves are many
                self._last_input = now
                if self.timer.isActive():
                    self.timer.start(self.timer.interval())
        return False

    def _timed_out(self) -> None:
        self.lock(minutes=idle_minutes(self.settings))

    # -- locking -----------------------------------------------------------------------
    def lock(self, _checked: bool = False, minutes: int | None = None) -> None:
        if self.locked or self.session.edition is not None:
            return
        self.locked = True
        self.timer.stop()
        window = self.window
        self._remember()
        # Hide every view: the panes, bars, docks and the window's other windows.
        self._state["central"] = window.takeCentralWidget()
        self._state["central"].hide()
        window.setCentralWidget(self.screen)
        self.screen.show()
        self._state["bars"] = [w for w in window.findChildren(QToolBar) + window.findChildren(
            QDockWidget) if w.isVisible()]
        self._state["bars"] += [window.menuBar(), window.statusBar()]
        self._state["windows"] = window.audience_lock._own_windows()
        for widget in self._state["bars"] + self._state["windows"]:
            widget.hide()
        window.detail.show_item(None)  # nothing decrypted left on screen
        self.screen.title.setText(self.tr("{name} is locked").format(name=self.session.path.name))
        if minutes:
            text = self.tr("Locked after {minutes} minutes without use.").format(minutes=minutes)
        else:
            text = self.tr("Locked.")
        if has_accounts(self.session.path):
            text += " " + self.tr("The key is forgotten until an account's passphrase is "
                                  "given again; background work waits.")
            self.screen.unlock_button.setText(self.tr("Unlock..."))
        else:
            text += " " + self.tr("This archive has no accounts: the lock only hides it "
                                  "from view.")
            self.screen.unlock_button.setText(self.tr("Continue"))
        self.screen.explain.setText(text)
        explain = self.screen.explain  # wrapped text: room for every line it needs
        explain.setMinimumHeight(explain.heightForWidth(explain.width()))
        self._pause()

    def _remember(self) -> None:
        window = self.window
        self._state = {
            "item": window.items.current_item(),
            "selection": window.items.selected_ids(),
            "source": window.sidebar.current_source(),
            "search": window.search_field.text(),
            "searching": window.search.results is not None,
            "indexing": bool(getattr(window.search, "_indexing", False)),
            "transcribing": [tab for tab in _transcript_tabs(window)
                             if getattr(tab, "task", None) is not None],
            "queue": getattr(getattr(window, "transcription", None), "is_running",
                             lambda: False)(),
        }

    def _pause(self) -> None:
        """Stop background work at its next step, then close and forget."""
        runner = self.session.runner
        for task in list(runner.active):
            task.cancel()
        for job in list(getattr(self.session, "background_jobs", [])):
            job.cancel()  # a transcription: its kept chunks resume after unlocking
        thumbnails = getattr(self.window, "thumbnails", None)
        if thumbnails is not None:
            thumbnails.pool.drop_queued()
        self.screen.unlock_button.setEnabled(False)
        self.screen.status.setText(self.tr("Pausing background work…"))
        self._wait_quiet()

    def _wait_quiet(self) -> None:
        if self.session.runner.active or getattr(self.session, "background_jobs", None) or (
                self.window.thumbnails.pool.pending() if hasattr(
                self.window, "thumbnails") else 0):
            QTimer.singleShot(50, self._wait_quiet)  # never block the window while waiting
            return
        if not self.locked:
            return
        self.session.sleep()  # the search engine closes its connections with it
        self.screen.status.setText("")
        self.screen.unlock_button.setEnabled(True)
        self.screen.unlock_button.setFocus()

    # -- unlocking ---------------------------------------------------------------------
    def ask_to_unlock(self) -> None:
        if not self.locked or not self.session.sleeping:
            return
        if not has_accounts(self.session.path):
            self.unlock(None)
            return
        from memoria.ui.lock.unlock_dialog import UnlockDialog

        account = getattr(self.session.actor, "name", "")
        self.dialog = UnlockDialog(self.session.path, self.window, account=account,
                                   purpose=self.tr("Unlock the archive"))
        self.dialog.unlocked.connect(self.unlock)
        self.dialog.open()

    def unlock(self, keys: object | None) -> None:
        """Reopen with `keys` and put everything back where it was."""
        if not self.locked:
            return
        window, state = self.window, self._state
        self.session.wake(keys)
        adopt = getattr(self.session, "adopt_account", None)
        if adopt is not None and keys is not None:
            adopt(keys)  # another account may have unlocked: it acts from now on
        window.takeCentralWidget()
        self.screen.hide()
        self.screen.setParent(window)
        window.setCentralWidget(state["central"])
        state["central"].show()
        for widget in state["bars"] + state["windows"]:
            widget.show()
        self.locked = False
        if state["search"] != window.search_field.text():
            window.search_field.setText(state["search"])
        window._keep = state["item"]
        if state["searching"] and state["search"].strip():
            window.search.start(state["search"].strip())
        else:
            window.reload()
        if state["item"] is not None or state["selection"]:
            # The whole selection comes back (the reload above carries it over too).
            window.items.select_items(state["selection"] or [state["item"]], state["item"])
            window.show_selection()  # the lock emptied the detail pane
        self._resume(state)
        self.arm()

    def _resume(self, state: dict) -> None:
        search = self.window.search
        if state.get("indexing"):
            search._indexing = False
            search.prepare_index()
        if state.get("queue"):
            self.window.transcription.resume()  # the window's queue, from the stopped item
        for tab in state.get("transcribing", []):
            try:
                if tab.item_id is not None:
                    tab.transcribe()  # resumes where it stopped
            except RuntimeError:
                pass  # its editor was closed meanwhile


def _transcript_tabs(window: WindowApi) -> list:
    tabs = []
    for editor in getattr(window.editors, "open_editors", []):
        tab = getattr(editor, "transcript_media", None)
        if tab is not None and hasattr(tab, "transcribe"):
            tabs.append(tab)
    return tabs


