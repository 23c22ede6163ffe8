"""In-app help (issue 15): the Help menu, the guide in Spanish and English with its
screenshots, a shortcuts sheet walked from the window itself, the search syntax."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from memoria.search.querylang import QueryParser
from memoria.ui import i18n
from memoria.ui.actions import ActionId
from memoria.ui.help.pages import GUIDE, HELP, page_path, shortcut_rows
from memoria.ui.main_window import MainWindow
from memoria.ui.views.search_syntax import syntax_rows


@pytest.fixture
def spanish(qapp):
    previous = QLocale()
    i18n.install(qapp, "es")
    yield
    i18n.uninstall(qapp)
    QLocale.setDefault(previous)


@pytest.fixture
def window(spanish, session, settings, qtbot):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_help_is_the_last_menu_with_guide_shortcuts_syntax_and_about_last(window):
    menus = [a for a in window.menuBar().actions() if a.menu() is not None]
    assert menus[-1].menu() is window.help_menu
    assert window.help_menu.title() == "Ay&uda" or "yuda" in window.help_menu.title()
    entries = [a for a in window.help_menu.actions() if not a.isSeparator()]
    texts = [a.text().replace("&", "") for a in entries]
    assert texts[:3] == ["Guía de uso", "Atajos de teclado", "Sintaxis de búsqueda"]
    assert entries[-1] is window.actions[ActionId.ABOUT]
    assert window.actions[ActionId.USER_GUIDE].shortcut() == QKeySequence("F1")
    for action_id in (ActionId.USER_GUIDE, ActionId.SHORTCUTS, ActionId.SEARCH_SYNTAX,
                      ActionId.ABOUT):
        assert window.actions[action_id] in window.safe_actions  # readable while locked


def test_f1_opens_the_spanish_guide_and_its_links_stay_inside(window, qtbot):
    QTest.keyClick(window, Qt.Key.Key_F1)
    help_window = window.help_window
    qtbot.waitExposed(help_window)
    assert help_window.windowTitle() == "Memoria — Ayuda"
    assert "Guía de uso de Memoria" in help_window.browser.toPlainText()
    help_window.browser.anchorClicked.emit(QUrl("curator.html"))
    assert help_window.topic == "curator"
    assert "Armar una exposición" in help_window.browser.toPlainText()
    assert help_window.contents.currentItem().text() == "Curaduría: exposiciones"
    help_window.go_back()
    assert help_window.topic == "index"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_guide_page_exists_with_its_screenshots_and_links(lang):
    for topic in (*GUIDE, "search"):
        text = page_path(topic, lang).read_text(encoding="utf-8")
        images = re.findall(r'<img src="([^"]+)"', text)
        assert all((HELP / src).is_file() for src in images), (topic, images)
        links = re.findall(r'<a href="([^"]+)"', text)
        assert all(link.removesuffix(".html") in (*GUIDE, "search", "shortcuts")
                   for link in links), links
    assert any(re.findall(r"<img ", page_path(t, lang).read_text(encoding="utf-8"))
               for t in ("archivist", "curator", "researcher"))


def test_the_shortcuts_sheet_is_walked_from_the_window_and_cannot_drift(window):
    window.actions[ActionId.SHORTCUTS].trigger()
    text = window.help_window.browser.toPlainText()
    for _, action in window.actions.items():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys and action.isVisible():
            assert keys in text, action.text()
    import_keys = window.actions[ActionId.IMPORT].shortcut().toString(
        QKeySequence.SequenceFormat.NativeText)
    assert "Importar" in text and import_keys in ("Ctrl+I", "Control+I")
    assert "Guía de uso" in text and "F1" in text
    # An action added later shows up without anyone editing a page.
    window.help_menu.addAction("Nueva cosa").setShortcut(QKeySequence("Ctrl+Alt+Y"))
    rows = dict((title, dict(entries)) for title, entries in shortcut_rows(window))
    assert rows["Ayuda"]["Nueva cosa"] in ("Ctrl+Alt+Y", "Control+Alt+Y")


def test_the_search_syntax_page_shows_the_popovers_examples(window, qtbot):
    window.help_window = None
    window.show_help("search")
    text = window.help_window.browser.toPlainText()
    assert "Sintaxis de búsqueda" in text and "Bueno saber" in text
    rows = syntax_rows()
    assert rows and rows[1][1] == "La frase exacta."  # translated, as in the popover
    for query, says in rows:
        assert " ".join(query.split()) in text and says[:30] in text
    # Help > Search syntax opens the popover, whose link leads to this longer page.
    window.help_window.close()
    window.actions[ActionId.SEARCH_SYNTAX].trigger()
    assert window.search_syntax.isVisible()
    window.search_syntax.label.linkActivated.emit("help:search")
    assert not window.search_syntax.isVisible()
    assert window.help_window.isVisible() and window.help_window.topic == "search"


def test_every_syntax_example_parses(spanish):
    parser = QueryParser()
    for query, says in syntax_rows():
        for example in query.split("  "):
            assert parser.parse(example) is not None, example
        assert says


def test_help_stays_readable_while_locked_to_a_visitor_and_the_demo_does_not_open(
        window, session, qtbot, no_blocking_message_boxes):
    from memoria.domain.consent import Audience

    window.audience_lock.lock_actions[Audience.PUBLIC].trigger()
    assert session.locked_to is Audience.PUBLIC
    for action_id in (ActionId.USER_GUIDE, ActionId.SHORTCUTS, ActionId.SEARCH_SYNTAX):
        assert window.actions[action_id].isEnabled()
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert window.help_window.isVisible()
    qtbot.wait(10)
    panel = window.empty_archive  # an empty archive, still: its start offers nothing
    assert panel.isVisible()
    assert not panel.demo_button.isEnabled() and not panel.import_button.isEnabled()
    with qtbot.assertNotEmitted(window.archiveRequested):
        panel.open_demo()
