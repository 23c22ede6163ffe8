"""The idle lock: hides everything, closes the connections, comes back where it was."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from memoria.ui.main_window import MainWindow


@pytest.fixture
def window(msession, settings, qtbot):
    win = MainWindow(msession, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def _visible_windows(window) -> list:
    return [w for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible() and not isinstance(w, QMenu)]


def test_idle_lock_hides_the_archive_and_comes_back_where_it_was(msession, window, qtbot):
    window.search_field.setText("Mural")
    window.run_search()
    assert window.model.rowCount() == 1
    item = window.model.item_id(0)
    assert window.items.select_item(item)
    editor = window.editors.edit_item(item)
    editor.tabs.setCurrentIndex(1)
    assert window.detail.item_id == item

    from memoria.search.encrypted_storage import CACHE

    CACHE.put((b"an index chunk", 0), b"decrypted words")  # as an encrypted index leaves them
    from memoria.storage.archive import Archive

    # the search ran on its own thread, with a catalogue connection of its own
    engine_archives = [a for a in window.search.engine.handle.held if isinstance(a, Archive)]
    assert engine_archives and all(a.is_open() for a in engine_archives)
    window.idle_lock.set_idle_ms(50)  # the Preferences' minutes, shortened
    qtbot.waitUntil(lambda: msession.sleeping, timeout=5000)
    assert len(CACHE) == 0  # the lock forgot them with the key
    # ... and closed every connection the search engine opened, on every thread (an
    # open SQLCipher connection keeps the key in memory)
    assert not any(a.is_open() for a in engine_archives)
    screen = window.idle_lock.screen
    assert window.centralWidget() is screen and screen.isVisible()
    assert not window.menuBar().isVisible() and not window.toolbar.isVisible()
    assert not window.statusBar().isVisible()
    assert _visible_windows(window) == []  # the editor is hidden too
    assert window.detail.item_id is None
    with pytest.raises(Exception):  # noqa: B017 - closed: any sqlite error will do
        msession.reader.conn.execute("SELECT 1")
    QTest.keySequence(window, QKeySequence("Ctrl+E"))  # no way around the lock screen
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+C"))
    assert _visible_windows(window) == []
    assert "no accounts" in screen.explain.text()

    screen.unlock_button.click()  # a plain archive without accounts just continues
    assert not msession.sleeping
    assert window.centralWidget() is window.splitter
    assert window.menuBar().isVisible() and window.toolbar.isVisible()
    assert editor.isVisible() and editor.tabs.currentIndex() == 1
    assert window.search_field.text() == "Mural"
    assert window.model.rowCount() == 1
    assert window.items.current_item() == item
    assert window.detail.item_id == item
    assert msession.reader.conn.execute("SELECT 1").fetchone()[0] == 1


def test_ctrl_l_locks_at_once(msession, window, qtbot):
    QTest.keySequence(window, QKeySequence("Ctrl+L"))
    qtbot.waitUntil(lambda: msession.sleeping, timeout=5000)
    assert window.idle_lock.locked


def test_locking_waits_for_running_work_without_blocking_the_window(museum, settings, qtbot):
    """Background work stops at its next step; the window locks at once and closes the
    connections only when the work has stopped."""
    import time

    from memoria.domain.changes import Changes
    from memoria.ui.session import Session
    from memoria.ui.tasks import TaskRunner

    path = museum.arch.root
    museum.arch.close()
    session = Session(path, TaskRunner())  # real threads
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    seen = {"steps": 0, "cancelled": False}

    def long_job(archive, actor, progress, cancelled):
        for step in range(2000):
            if cancelled():
                seen["cancelled"] = True
                return Changes()
            seen["steps"] = step
            progress(step, 2000, "")
            time.sleep(0.005)
        return Changes()

    try:
        session.run(long_job, label="long")
        qtbot.waitUntil(lambda: seen["steps"] > 3, timeout=5000)
        started = time.monotonic()
        window.idle_lock.lock()
        assert time.monotonic() - started < 0.5  # the window never waits on the work
        assert window.centralWidget() is window.idle_lock.screen  # hidden at once
        qtbot.waitUntil(lambda: session.sleeping, timeout=10000)
        assert seen["cancelled"] and seen["steps"] < 1999
        assert not session.runner.active
        window.idle_lock.screen.unlock_button.click()
        assert not session.sleeping
    finally:
        window.close()
        session.close()


def test_preferences_set_the_minutes_and_never(window, settings, qtbot):
    from memoria.ui.widgets.preferences import PreferencesDialog

    assert window.idle_lock.timer.interval() == 10 * 60_000  # the default
    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.idle.setValue(3)
    dialog.accept()
    assert window.idle_lock.timer.isActive() and window.idle_lock.timer.interval() == 3 * 60_000
    dialog = PreferencesDialog(settings, window)
    qtbot.addWidget(dialog)
    assert dialog.idle.value() == 3
    dialog.idle.setValue(0)  # "Never"
    assert dialog.idle.text() == "Never"
    dialog.accept()
    assert not window.idle_lock.timer.isActive()
