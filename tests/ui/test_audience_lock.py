"""Lock to a visitor's view: nothing above it is reachable, and going back up asks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu, QMessageBox

from memoria.domain.consent import Audience
from memoria.operations import trust as trust_ops
from memoria.ui.lock.audience_lock import is_safe
from memoria.ui.main_window import MainWindow


@pytest.fixture
def window(msession, settings, qtbot):
    win = MainWindow(msession, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def _every_action(window) -> list[QAction]:
    """Every QAction a person could reach: the window's own and all its menus', deep."""
    found: dict[int, QAction] = {id(a): a for a in window.findChildren(QAction)}
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            found[id(action)] = action
            if action.menu():
                menus.append(action.menu())
    for toolbar_action in window.toolbar.actions():
        found[id(toolbar_action)] = toolbar_action
    return list(found.values())


def _audit_rows(session) -> int:
    return session.reader.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def _open_windows(window) -> list:
    return [w for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible() and not isinstance(w, QMenu)]


def _press_every_shortcut(window, qtbot) -> None:
    for action in _every_action(window):
        if window.audience_lock.allowed(action):
            continue  # quit, find, list/grid, the visitor's views: harmless
        for sequence in action.shortcuts():
            QTest.keySequence(window, sequence)
    for shortcut in window.findChildren(QShortcut):
        if not is_safe(shortcut):
            QTest.keySequence(window, shortcut.key())
    qtbot.wait(10)


def test_locked_to_researchers_no_custodian_action_is_reachable(msession, window, qtbot,
                                                                no_blocking_message_boxes):
    lock = window.audience_lock
    first = window.model.item_id(0)
    window.items.select_item(first)
    # The check can fail: before locking, Ctrl+E opens the item editor.
    QTest.keySequence(window, QKeySequence("Ctrl+E"))
    assert window.editors.open_editors, "the shortcut check does not reach the window"
    opened = window.editors.open_editors[0]
    qtbot.waitExposed(opened)

    assert lock.lock_actions[Audience.RESEARCHER].isEnabled()
    lock.lock_actions[Audience.RESEARCHER].trigger()
    assert msession.locked_to is Audience.RESEARCHER
    assert msession.audience is Audience.RESEARCHER
    assert not opened.isVisible()  # the editor (custodian material) was closed
    # A visitor sees what is shown, not how many items the archive holds beyond it.
    visible = window.model.rowCount()
    assert window.count_label.text().split()[0] == str(visible)
    assert "of" not in window.count_label.text() and "in the archive" not in \
        window.count_label.text()
    assert "Unlock" in lock.notice.text() and lock.notice.isVisible()

    # Every action enabled while locked is a harmless one, or a visitor's own view.
    enabled = [a for a in _every_action(window)
               if a.isEnabled() and not a.isSeparator() and not lock.allowed(a)]
    assert enabled == []
    views = {a: action.isEnabled() for a, action in window.audience_actions.items()}
    assert views == {Audience.CUSTODIAN: False, Audience.CURATOR: False,
                     Audience.RESEARCHER: True, Audience.PUBLIC: True}
    assert not any(s.isEnabled() for s in window.findChildren(QShortcut) if not is_safe(s))
    # Nothing in the status bar runs custodian work ("verificar ahora" did).
    buttons = [b for b in window.statusBar().findChildren(QAbstractButton) if b.isVisible()]
    assert buttons == [lock.notice]
    window.items.select_item(window.model.item_id(0))
    assert not window.detail.edit_button.isVisible()
    assert not window.detail.consent_button.isVisible()

    # Pressing every shortcut of every other action does nothing: no task, no window,
    # no audit row.
    started = []
    msession.runner.started.connect(started.append)
    before = _audit_rows(msession)
    _press_every_shortcut(window, qtbot)
    assert started == []
    assert _open_windows(window) == []
    assert _audit_rows(msession) == before
    assert msession.audience is Audience.RESEARCHER

    # An owner switching its action on, or a context menu built while locked: off again.
    window.verify_action.setEnabled(True)
    assert not window.verify_action.isEnabled()
    menu = QMenu(window)
    edit = menu.addAction("Edit these items")
    menu.popup(window.mapToGlobal(window.rect().center()))
    assert not edit.isEnabled()
    menu.close()

    # "View as" cannot go above the lock, and the operations refuse behind the controls.
    msession.set_audience(Audience.CUSTODIAN)
    window.audience_selector.setCurrentIndex(
        window.audience_selector.findData(Audience.CUSTODIAN.value))
    assert msession.audience is Audience.RESEARCHER
    refused = []
    msession.run(trust_ops.verify, on_error=refused.append)
    assert refused and "only a custodian" in refused[0]
    msession.set_audience(Audience.PUBLIC)  # further down is allowed
    assert msession.audience is Audience.PUBLIC

    # The exhibits (edited in place) are out of the sidebar.
    from PySide6.QtCore import QModelIndex

    assert window.sidebar.isRowHidden(window.sidebar._exhibits.row(), QModelIndex())


def test_going_back_up_without_accounts_asks_and_says_it_only_prevents_mistakes(
        msession, window, qtbot, monkeypatch):
    lock = window.audience_lock
    assert lock.lock(Audience.PUBLIC)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or answer[0])
    lock.notice.click()
    assert msession.locked_to is Audience.PUBLIC  # cancelled: still locked
    assert "mistakes only" in asked[0]
    answer[0] = QMessageBox.StandardButton.Yes
    assert lock.unlock_action.isEnabled()
    lock.unlock_action.trigger()
    assert msession.locked_to is None
    assert msession.audience is Audience.CUSTODIAN
    assert window.verify_action.isEnabled() and window.edition_action.isEnabled()
    assert not lock.notice.isVisible() and not lock.unlock_action.isVisible()
    assert all(a.isEnabled() for a in window.audience_actions.values())
    # The status bar says which kind of archive this is.
    assert window.archive_kind.label.text() == "Unencrypted archive"


def test_the_lock_outlives_quitting(msession, window, settings, qtbot):
    """Closing the window and starting again does not go back up."""
    assert window.audience_lock.lock(Audience.RESEARCHER)
    window.close()
    msession.locked_to = None  # a new start: nothing in memory
    msession.set_audience(Audience.CUSTODIAN)
    again = MainWindow(msession, settings)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: msession.locked_to is Audience.RESEARCHER, timeout=2000)
    assert msession.audience is Audience.RESEARCHER
    assert not again.verify_action.isEnabled()
