"""The window's search on the full-text index: accents, consent, pseudonyms,
withdrawal, malformed queries, matching moments, facets, saved searches."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from memoria.domain.consent import Audience
from memoria.domain.timecode import clock as hms
from memoria.operations import consent as consent_ops
from memoria.ui.main_window import MainWindow
from tests.unit.test_search_support import sample


@pytest.fixture
def ids(archive):
    return sample(archive)


@pytest.fixture
def window(ids, session, qtbot, settings):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    return win


def search(window, text):
    window.search_field.setText(text)
    window.run_search()
    return set(window.search.results or [])


def test_index_is_prepared_and_accents_fold(window, ids):
    assert window.search.engine.problem() is None
    assert ids["english"] in search(window, "Medellin")
    assert window.search.fallback is False
    assert search(window, "Orion") == {ids["orion"]}


def test_researcher_never_gets_items_without_consent_nor_real_names(window, ids, qtbot):
    window.session.set_audience(Audience.RESEARCHER)
    found = search(window, "Medellín")
    assert ids["withdrawn"] not in found and ids["internal"] not in found
    assert ids["noconsent"] not in found and ids["pending"] not in found
    assert search(window, "Restrepo") == set()
    assert search(window, "llegué barrio") == {ids["orion"]}
    window.items.select_item(ids["orion"])
    panel = window.search_hits
    assert not panel.isHidden()
    text = panel.snippet.text()
    assert "Flor" in text and "Restrepo" not in text and "Luz" not in text
    for row in range(panel.moments.count()):
        label = panel.moments.itemWidget(panel.moments.item(row)).text()
        assert "Restrepo" not in label and "Luz Dary" not in label


def test_withdrawal_is_reflected_after_the_save(window, ids):
    window.session.set_audience(Audience.RESEARCHER)
    assert ids["orion"] in search(window, "Orión")
    started = time.monotonic()
    window.session.run(consent_ops.withdraw, ids["c_orion"], "la narradora lo pidió")
    assert ids["orion"] not in set(window.search.results)
    assert time.monotonic() - started < 1.0
    assert window.search.engine.search("Orión", Audience.RESEARCHER).item_ids == []


def test_a_malformed_query_shows_a_message(window):
    search(window, "*salado")
    assert window.search_error_action.isVisible() or window.search_error.text()
    assert window.search_error.text()
    search(window, "madres")
    assert window.search_error.text() == ""


def test_clicking_a_moment_opens_the_item_there(window, ids, monkeypatch):
    calls = []
    monkeypatch.setattr(window, "open_item_at", lambda i, ms: calls.append((i, ms)))
    window.search_hits.momentChosen.disconnect()
    window.search_hits.momentChosen.connect(window.open_item_at)
    assert search(window, "organización") == {ids["orion"]}
    window.items.select_item(ids["orion"])
    moments = window.search_hits.moments
    assert moments.count() == 1
    item = moments.item(0)
    assert "0:00:45" in moments.itemWidget(item).text()
    assert "<b>" in moments.itemWidget(item).text()
    moments.itemClicked.emit(item)
    assert calls == [(ids["orion"], 45_000)]
    assert hms(3_725_000) == "1:02:05"


def test_a_facet_click_narrows_the_results(window, ids):
    found = search(window, "Medellín")
    assert {ids["english"], ids["withdrawn"]} <= found
    tree = window.facets.tree
    english = None
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        for c in range(group.childCount()):
            if group.child(c).data(0, window.facets.FACET_ROLE) == ("language", "en"):
                english = group.child(c)
    assert english is not None
    tree.itemClicked.emit(english, 0)
    assert set(window.search.results) == {ids["english"]}
    assert window.search.filters == {"language": ["en"]}
    assert window.model.rowCount() == 1
    window.facets.clear_button.click()
    assert set(window.search.results) == found


def test_a_saved_search_appears_in_the_sidebar_and_runs_again(window, ids, monkeypatch, qtbot):
    search(window, "desplazados")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Desplazamiento", True))
    window.save_search_action.trigger()
    sidebar = window.sidebar
    entries = [s for s in sidebar._entries if s.what == "saved_search"]  # noqa: SLF001
    assert len(entries) == 1 and sidebar._names[entries[0]] == "Desplazamiento"  # noqa: SLF001
    window.clear_search()
    assert window.search.results is None
    sidebar.select(entries[0])
    assert window.search_field.text() == "desplazados"
    assert set(window.search.results) >= {ids["orion"]}
    qtbot.keyClick(sidebar, Qt.Key.Key_Delete)
    assert not [s for s in sidebar._entries if s.what == "saved_search"]  # noqa: SLF001


def test_on_real_threads_search_and_withdrawal(ids, archive, qtbot, settings):
    """The same path with real pools: index at start-up, search thread, index writes."""
    from memoria.ui.session import Session
    from memoria.ui.tasks import TaskRunner

    path = archive.root
    archive.close()
    session = Session(path, TaskRunner())
    try:
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        session.set_audience(Audience.RESEARCHER)
        qtbot.waitUntil(lambda: not window.search._indexing, timeout=20000)  # noqa: SLF001
        window.search_field.setText("Orion")
        window.run_search()
        qtbot.waitUntil(lambda: window.search.results == [ids["orion"]], timeout=5000)
        started = time.monotonic()
        session.run(consent_ops.withdraw, ids["c_orion"], "retiro")
        qtbot.waitUntil(lambda: window.search.results == [], timeout=1000)
        assert time.monotonic() - started < 1.0
    finally:
        session.runner.wait()
        window.search.search_pool.waitForDone(5000)
        window.search.index_pool.waitForDone(5000)
        session.close()


def test_facets_of_the_whole_collection_before_any_search(window, ids):
    window.session.set_audience(Audience.RESEARCHER)
    window.show()
    assert not window.facet_dock.isVisible()  # not computed while nobody sees them
    window.facet_dock.toggleViewAction().trigger()  # "Filtros" in the toolbar
    assert window.facet_dock.isVisible()
    tree = window.facets.tree
    values = {tree.topLevelItem(g).child(c).data(0, window.facets.FACET_ROLE)
              for g in range(tree.topLevelItemCount())
              for c in range(tree.topLevelItem(g).childCount())}
    assert ("kind", "photograph") in values
    assert not any(key == "consent" for key, _ in values)  # custodians only
    window.search.add_filter("kind", "photograph")
    assert set(window.search.results) == {ids["mural"]}
    window.search.add_filter("decade", "1990")
    assert set(window.search.results) == {ids["mural"]}
    window.search.add_filter("language", "en")  # keys combine with AND
    assert window.search.results == []


def test_without_an_index_the_catalogue_search_answers_and_the_index_is_prepared(
        window, ids, monkeypatch):
    from memoria.search.engine import IndexUnavailable

    def unavailable(*_a, **_k):
        raise IndexUnavailable("no index")

    prepared = []
    monkeypatch.setattr(window.search.engine, "search", unavailable)
    monkeypatch.setattr(window.search, "prepare_index", lambda: prepared.append(True))
    window.session.set_audience(Audience.RESEARCHER)
    found = search(window, "Mural")
    assert found == {ids["mural"]} and window.search.fallback
    assert prepared == [True]
    assert "index" in window.statusBar().currentMessage()


def test_an_empty_archive_searches_and_counts_nothing(session, qtbot, settings):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    assert win.search.engine.facets("", Audience.RESEARCHER)["kind"] == []
    assert search(win, "Medellín") == set() and not win.search.fallback
    assert win.search.engine.search("", Audience.CUSTODIAN).total == 0


def test_a_word_typed_without_enye_says_what_else_was_searched(window, ids, qapp):
    from PySide6.QtCore import QLocale

    from memoria.ui import i18n

    window.session.set_audience(Audience.RESEARCHER)
    assert search(window, "ninos") == {ids["mural"]}  # "pintado por niños"
    assert window.search_also_action.isVisible()
    assert window.search_also.text() == "Also searched: niños"
    assert search(window, "niños") == {ids["mural"]}
    assert not window.search_also_action.isVisible()
    previous = QLocale()
    i18n.install(qapp, "es")
    try:
        search(window, "ninos")
        assert window.search_also.text() == "También se buscó: niños"
    finally:
        i18n.uninstall(qapp)
        QLocale.setDefault(previous)
    search(window, "")
    assert not window.search_also_action.isVisible()
