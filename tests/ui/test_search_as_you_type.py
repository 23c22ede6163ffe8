"""Search as you type (issue 15): a search runs after a short pause, once for fast
typing, never for one character, at once on Enter; the syntax is one click away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from memoria.ui.actions import ActionId
from memoria.ui.main_window import MainWindow
from memoria.ui.views.search_syntax import PAUSE_MS
from tests.unit.test_search_support import sample


@pytest.fixture
def ids(archive):
    return sample(archive)


@pytest.fixture
def window(ids, session, qtbot, settings):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1366, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def searches(window):
    """Every search the window ran, by its words (each answer lands once)."""
    ran: list[str] = []
    window.search.resultsReady.connect(lambda _ids: ran.append(window.search.text))
    return ran


def test_typing_runs_one_search_after_the_pause(window, searches, qtbot):
    everything = window.model.rowCount()
    window.search_field.setFocus()
    QTest.keyClicks(window.search_field, "Medellin")  # eight keys, faster than the pause
    assert searches == []  # nothing while typing
    qtbot.waitUntil(lambda: searches == ["Medellin"], timeout=PAUSE_MS * 10)
    QTest.qWait(PAUSE_MS * 2)
    assert searches == ["Medellin"]  # one search for the whole word, not eight
    assert 0 < window.model.rowCount() < everything
    assert window.search_field.hasFocus()  # typing goes on in the field


def test_enter_runs_at_once_and_the_pause_adds_nothing(window, searches):
    window.search_field.setFocus()
    QTest.keyClicks(window.search_field, "madres")
    QTest.keyClick(window.search_field, Qt.Key.Key_Return)
    assert searches == ["madres"]  # the runner is synchronous: done on Enter
    QTest.qWait(PAUSE_MS * 2)
    assert searches == ["madres"]


def test_one_character_does_not_search(window, searches):
    window.search_field.setFocus()
    QTest.keyClicks(window.search_field, "m")
    QTest.qWait(PAUSE_MS * 2)
    assert searches == []
    assert window.search.results is None


def test_a_newer_query_supersedes_an_older_one(window, searches, qtbot):
    window.search_field.setFocus()
    QTest.keyClicks(window.search_field, "madres")
    qtbot.waitUntil(lambda: searches == ["madres"], timeout=PAUSE_MS * 10)
    QTest.keyClick(window.search_field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(window.search_field, "Medellin")
    qtbot.waitUntil(lambda: searches[-1:] == ["Medellin"], timeout=PAUSE_MS * 10)
    assert window.search.text == "Medellin"


def test_the_syntax_popover_from_the_field_and_the_help_menu(window, qtbot):
    help_action = window.actions[ActionId.SEARCH_SYNTAX]
    assert help_action in window.help_menu.actions()
    assert help_action in window.safe_actions  # only text: usable under a visitor lock
    assert not window.search_syntax_button.icon().isNull()  # the "?" is drawn in the field
    window.search_syntax_button.trigger()
    popover = window.search_syntax
    qtbot.waitUntil(popover.isVisible, timeout=2000)
    text = popover.label.text()
    for example in ("OR", "-paramilitares", "&quot;casa quemada&quot;", "lugar:", "año:",
                    "Medellin"):
        assert example in text
    screen = window.screen().availableGeometry()
    assert screen.contains(popover.frameGeometry())  # whole on a 1366x768 screen
    popover.hide()
    help_action.trigger()
    qtbot.waitUntil(popover.isVisible, timeout=2000)
    popover.hide()


def test_an_older_answer_never_replaces_a_newer_one(ids, archive, qtbot):
    """Real threads: three searches asked at once; only the last one's answer lands."""
    from memoria.ui.session import Session
    from memoria.ui.tasks import TaskRunner
    from memoria.ui.views.search import SearchController

    path = archive.root
    archive.close()
    session = Session(path, TaskRunner(synchronous=False))
    controller = SearchController(session)
    try:
        controller.engine.ensure_fresh()
        landed: list[tuple[str, list[int]]] = []
        controller.resultsReady.connect(lambda found: landed.append((controller.text,
                                                                     list(found))))
        for words in ("madres", "huerta", "Medellin"):
            controller.start(words)
        qtbot.waitUntil(lambda: bool(landed), timeout=20000)
        qtbot.wait(500)  # time for any older answer to (wrongly) arrive
        assert [text for text, _ids in landed] == ["Medellin"]
        assert landed[0][1] == controller.engine.search(
            "Medellin", session.audience, page_size=5000).item_ids
    finally:
        controller.search_pool.waitForDone(20000)
        controller.index_pool.waitForDone(20000)
        session.close()


def test_an_answer_asked_for_the_custodian_never_lands_in_a_visitor_view(ids, archive, qtbot):
    """Review: a search asked as a custodian and still running when the window was
    locked to the public landed afterwards (same generation), listing custodian-only
    items in the visitor's view. Real threads."""
    from memoria.domain.consent import Audience
    from memoria.ui.session import Session
    from memoria.ui.tasks import TaskRunner
    from memoria.ui.views.search import SearchController

    path = archive.root
    archive.close()
    session = Session(path, TaskRunner(synchronous=False))
    controller = SearchController(session)
    try:
        controller.engine.ensure_fresh()
        public = set(controller.engine.search("Medellin", Audience.PUBLIC,
                                              page_size=5000).item_ids)
        staff = set(controller.engine.search("Medellin", Audience.CUSTODIAN,
                                             page_size=5000).item_ids)
        assert staff - public  # the custodian finds more
        landed: list[set[int]] = []
        controller.resultsReady.connect(lambda found: landed.append(set(found)))
        controller.start("Medellin")
        session.lock_to(Audience.PUBLIC)  # before the answer arrives
        qtbot.waitUntil(lambda: bool(landed), timeout=20000)
        qtbot.wait(500)
        assert all(found <= public for found in landed), landed
        assert controller.results is not None and set(controller.results) <= public
    finally:
        controller.search_pool.waitForDone(20000)
        controller.index_pool.waitForDone(20000)
        session.close()
