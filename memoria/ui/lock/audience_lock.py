"""Lock the window to a visitor's view (researcher or public), and go back up.

A custodian showing the archive to a visitor locks the window to what the
visitor may see. While locked nothing above that view is reachable: the
rule is default-deny, so every QAction of the window (menus, toolbars,
context menus, shortcuts) and every QShortcut is switched off unless it was
marked safe with `mark_safe` (finding, viewing as list or grid, the
visitor's own audiences, quitting). An action that its owner enables again
while locked, or a context menu built while locked, is switched off again.
Behind the controls, the session acts with the locked audience's role, so
the operations themselves refuse custodian work.

Going back up asks for a custodian's passphrase when the archive has
accounts; without accounts it asks for a confirmation that says plainly it
protects against mistakes only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
    QWidgetAction,
)

from memoria.domain.consent import Audience
from memoria.ui.actions import SAFE, ActionId, is_safe, mark_safe  # noqa: F401 - SAFE's home before
from memoria.ui.labels import audience_label
from memoria.ui.session import within

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

VISITOR_VIEWS = (Audience.RESEARCHER, Audience.PUBLIC)


class AudienceLock(QObject):
    """The lock's menu entries, the status-bar notice, and the default-deny rule."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self._was: dict[int, tuple[QObject, bool]] = {}  # id -> (action, enabled before)
        self._forcing = False
        self._build()
        self.session.lockChanged.connect(self._lock_changed)
        remembered = str(window.settings.value(self._key(), "") or "")
        if remembered in {a.value for a in VISITOR_VIEWS} and self.session.edition is None:
            # Locked when the window closed: quitting and starting again is no way up.
            QTimer.singleShot(0, lambda: self._relock(Audience(remembered)))
        self.session.sleepingChanged.connect(self._sleeping_changed)
        self.session.audienceChanged.connect(self._audience_changed)

    # -- building -------------------------------------------------------------------
    def _build(self) -> None:
        window = self.window
        menu = window.view_menu
        menu.addSeparator()
        self.lock_actions: dict[Audience, QAction] = {}
        for audience in VISITOR_VIEWS:
            text = (self.tr("Lock to &researcher view...") if audience is Audience.RESEARCHER
                    else self.tr("Lock to &public view..."))
            action_id = (ActionId.LOCK_TO_RESEARCHER if audience is Audience.RESEARCHER
                         else ActionId.LOCK_TO_PUBLIC)
            action = window.actions.add(action_id, text,
                                        lambda _=False, a=audience: self.lock(a),
                                        custodian=True)
            action.setObjectName(f"lockTo{audience.value.title()}")
            action.setToolTip(self.tr("Show the archive to a visitor: nothing above this "
                                      "view can be reached until a custodian unlocks it"))
            menu.addAction(action)
            self.lock_actions[audience] = action
        self.unlock_action = window.actions.add(ActionId.UNLOCK_VIEW,
                                                self.tr("&Unlock the view..."),
                                                lambda: self.go_back_up(), safe=True)
        self.unlock_action.setObjectName("unlockView")
        self.unlock_action.setVisible(False)
        mark_safe(self.unlock_action)
        menu.addAction(self.unlock_action)

        self.notice = QPushButton(window)
        self.notice.setObjectName("viewLockNotice")
        self.notice.setFlat(True)
        self.notice.setAccessibleName(self.tr("Unlock the view"))
        self.notice.clicked.connect(self.go_back_up)
        self.notice.setVisible(False)
        window.statusBar().addPermanentWidget(self.notice)

    # -- locking ----------------------------------------------------------------------
    def lock(self, audience: Audience) -> bool:
        """Lock to `audience`; False (and said why) when it cannot be done now."""
        session, window = self.session, self.window
        if (session.edition is not None or session.locked_to is not None
                or session.audience is not Audience.CUSTODIAN):
            return False
        if session.held():
            window.statusBar().showMessage(self.tr(
                "The catalogue lost changes that had been saved: researcher and public "
                "views stay closed until a custodian has checked the consents."), 10000)
            return False
        if window.editors.has_unsaved_changes():
            QMessageBox.information(window, self.tr("Lock the view"), self.tr(
                "An editor has changes that are not saved. Save or close it first."))
            return False
        for widget in self._own_windows():
            widget.close()  # editors and dialogs show custodian material
        session.lock_to(audience)
        return True

    def _key(self) -> str:
        import hashlib

        digest = hashlib.sha256(str(self.session.path.resolve()).encode()).hexdigest()[:16]
        return f"viewLock/{digest}"

    def _relock(self, audience: Audience) -> None:
        if self.session.locked_to is None and not self.session.held():
            self.session.lock_to(audience)

    def _own_windows(self) -> list[QWidget]:
        """The window's other open windows (editors, dialogs, viewers), not menus."""
        found = []
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible() or isinstance(widget, QMenu):
                continue
            parent = widget.parentWidget()
            while parent is not None and parent is not self.window:
                parent = parent.parentWidget()
            if parent is self.window:
                found.append(widget)
        return found

    def go_back_up(self) -> bool:
        """Back to the custodian's view: a custodian's passphrase, or (no accounts)
        a confirmation that says what the lock was worth."""
        if self.session.locked_to is None:
            return True
        if has_accounts(self.session.path):
            from memoria.ui.lock.unlock_dialog import UnlockDialog

            dialog = UnlockDialog(self.session.path, self.window, custodians_only=True,
                                  purpose=self.tr("Unlock the view"))
            dialog.unlocked.connect(self._unlocked_by)
            dialog.open()
            self.dialog = dialog
            return False  # answered when the passphrase has been checked
        answer = QMessageBox.question(
            self.window, self.tr("Unlock the view"),
            self.tr("Go back to the custodian's view? This archive has no accounts, so the "
                    "lock protects against mistakes only, not against someone who wants "
                    "to see more."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.session.unlock_view()
        return True

    def _unlocked_by(self, keys: object) -> None:
        forget = getattr(keys, "forget", None)
        if forget is not None and keys is not self.session_keys():
            forget()  # only the passphrase mattered: the window keeps its own key
        self.session.unlock_view()

    def session_keys(self) -> object:
        return getattr(self.session, "keys", None)

    # -- the rule -----------------------------------------------------------------------
    def _lock_changed(self, locked_to: Audience | None) -> None:
        window = self.window
        window.settings.setValue(self._key(), locked_to.value if locked_to else "")
        app = QApplication.instance()
        if self.restricted():
            app.installEventFilter(self)
        if locked_to is not None:
            text = self.tr("View locked: {audience} · Unlock...").format(
                audience=audience_label(locked_to))
            self.notice.setText(text)
            self.notice.setToolTip(self.tr("Going back to the custodian's view asks for a "
                                           "custodian"))
            if window.source.what == "exhibit":
                from memoria.ui.views.sidebar import ALL

                window.sidebar.select(ALL)
        if not self.restricted():
            app.removeEventFilter(self)
        window.sidebar.set_exhibits_visible(locked_to is None)
        self.unlock_action.setVisible(locked_to is not None)
        self.notice.setVisible(locked_to is not None)
        self.enforce()

    def _audience_changed(self, _audience: object) -> None:
        self.enforce()

    def _sleeping_changed(self, _sleeping: bool) -> None:
        app = QApplication.instance()
        if self.restricted():
            app.installEventFilter(self)
        elif self.session.locked_to is None:
            app.removeEventFilter(self)
        self.enforce()

    def _controls(self) -> list[QObject]:
        window = self.window
        found: list[QObject] = list(window.findChildren(QAction))
        found += window.findChildren(QShortcut)
        return found

    def allowed(self, thing: QObject) -> bool:
        """May `thing` be enabled under the current lock?"""
        if self.session.sleeping:
            return False  # behind the idle lock nothing at all
        locked_to = self.session.locked_to
        if locked_to is None or is_safe(thing):
            return True
        menu = thing.menu() if isinstance(thing, QAction) else None
        if menu is not None:  # a submenu opens when something inside it is allowed
            return any(self.allowed(a) for a in menu.actions() if not a.isSeparator())
        audience = {id(a): aud for aud, a in getattr(self.window, "audience_actions",
                                                    {}).items()}.get(id(thing))
        return audience is not None and within(audience, locked_to)

    def restricted(self) -> bool:
        """Locked to a visitor's view, or behind the idle lock (where nothing is allowed)."""
        return self.session.locked_to is not None or self.session.sleeping

    def enforce(self, things: list[QObject] | None = None) -> None:
        """Switch off what the lock forbids; give back what it allows again."""
        restricted = self.restricted()
        self._forcing = True
        try:
            for thing in things if things is not None else self._controls():
                key = id(thing)
                if restricted and _alive(thing) and not self.allowed(thing):
                    if key not in self._was:
                        self._was[key] = (thing, thing.isEnabled())
                        if isinstance(thing, QAction):
                            thing.enabledChanged.connect(
                                lambda _on, t=thing: self._owner_changed(t))
                    thing.setEnabled(False)
            for key, (thing, enabled) in list(self._was.items()):
                try:
                    if restricted and not self.allowed(thing):
                        continue
                    thing.setEnabled(enabled)
                except RuntimeError:
                    pass  # deleted meanwhile: nothing to give back
                del self._was[key]
        finally:
            self._forcing = False

    def _owner_changed(self, thing: QAction) -> None:
        """An owner switched an action on or off while locked: remember its wish and
        keep it off until the view is unlocked."""
        if self._forcing or not self.restricted():
            return
        key = id(thing)
        if key in self._was:
            self._was[key] = (thing, thing.isEnabled())
        if thing.isEnabled():
            QTimer.singleShot(0, lambda: self.enforce([thing]))
            self._forcing = True
            try:
                thing.setEnabled(False)
            finally:
                self._forcing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """While locked: every menu about to show (context menus built on the spot
        included) and every new child of the window passes the rule first."""
        if event.type() == QEvent.Type.Show and isinstance(watched, QMenu):
            self.enforce(list(watched.actions()) + list(watched.findChildren(QAction)))
        elif event.type() == QEvent.Type.ChildAdded and watched is self.window:
            QTimer.singleShot(0, self.enforce)
        return False


def _alive(thing: QObject) -> bool:
    try:
        thing.objectName()
    except RuntimeError:
        return False
    return True


def has_accounts(root: object) -> bool:
    """An archive with accounts keeps its key slots in keys.json (keys' contract)."""
    from pathlib import Path

    return (Path(str(root)) / "keys.json").exists()


def make_audience_lock(window: WindowApi) -> AudienceLock:
    """Called once the window's menus exist: marks the window's harmless actions safe."""
    for name in ("find_action", "grid_action"):
        action = getattr(window, name, None)
        if action is not None:
            mark_safe(action)
    for action in getattr(window, "safe_actions", []):
        mark_safe(action)
    for action in window.toolbar.actions():  # the search field, "View as", the banner
        widget = action.defaultWidget() if isinstance(action, QWidgetAction) else None
        if widget is not None and not isinstance(widget, QAbstractButton):
            mark_safe(action)
    dock = getattr(window, "facet_dock", None)
    if dock is not None:
        mark_safe(dock.toggleViewAction())
    return AudienceLock(window)
