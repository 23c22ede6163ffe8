"""An archive with no items shows how to start (issue 15): import, create, the demo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.operations.archive import CATALOGUE
from memoria.storage import items as item_store
from memoria.ui import i18n
from memoria.ui.main_window import MainWindow


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


def test_an_empty_archive_offers_import_create_and_the_demo(window, qtbot):
    panel = window.empty_archive
    qtbot.waitUntil(panel.isVisible)
    assert panel.geometry() == window.items.rect()  # in place of the empty list
    assert panel.import_button.text() == "Importar archivos…"
    assert panel.demo_button.text() == "Abrir el archivo de demostración"
    kinds = [a.text() for a in panel.create_button.menu().actions()]
    assert kinds == ["Testimonio", "Fotografía", "Grabación de audio"]
    assert all(b.isEnabled() for b in (panel.import_button, panel.create_button,
                                       panel.demo_button))


def test_create_opens_the_editor_and_the_first_item_hides_the_start(window, session, qtbot):
    panel = window.empty_archive
    editor = window.editors.edit_item(None, Kind.PHOTOGRAPH)
    assert editor is not None
    editor.close()
    panel.create_button.menu().actions()[1].trigger()  # Fotografía
    item = item_store.create_item(session.archive, item_store.ItemFields(
        Kind.PHOTOGRAPH, "Mural de la esquina"))
    session.catalogueChanged.emit({item})
    qtbot.waitUntil(lambda: not panel.isVisible())
    assert window.model.rowCount() == 1


def test_a_visitor_view_cannot_import_or_open_another_archive(window, session, qtbot):
    session.set_audience(Audience.PUBLIC)
    panel = window.empty_archive
    qtbot.wait(10)
    assert panel.isVisible()
    assert not panel.import_button.isEnabled() and not panel.create_button.isEnabled()


def test_the_demo_is_built_once_and_opened(window, qtbot, tmp_path, monkeypatch):
    demo = tmp_path / "demo"
    monkeypatch.setenv("MEMORIA_DEMO_ARCHIVE", str(demo))
    with qtbot.waitSignal(window.archiveRequested, timeout=60000) as asked:
        window.empty_archive.demo_button.click()
    assert asked.args == [demo, False]
    assert (demo / CATALOGUE).exists()
    with qtbot.waitSignal(window.archiveRequested, timeout=5000):  # already there: opened
        window.empty_archive.demo_button.click()


def test_the_demo_opens_in_the_app_in_place_of_the_empty_archive(
        spanish, tmp_path, settings, qtbot, monkeypatch):
    from memoria.operations.archive import create
    from memoria.ui.app import App

    create(tmp_path / "vacio").close()
    monkeypatch.setenv("MEMORIA_DEMO_ARCHIVE", str(tmp_path / "demo"))
    app = App(settings)
    try:
        assert app.open(tmp_path / "vacio")
        first = app.window
        qtbot.waitUntil(lambda: first.empty_archive.isVisible())
        first.empty_archive.demo_button.click()
        qtbot.waitUntil(lambda: app.window is not first, timeout=120000)
        qtbot.addWidget(app.window)
        assert app.session.path == tmp_path / "demo"
        qtbot.waitUntil(lambda: app.window.model.rowCount() == 17, timeout=30000)
        qtbot.waitUntil(lambda: not app.window.empty_archive.isVisible(), timeout=5000)
    finally:
        app.session.runner.wait() if app.session else None
        if app.window is not None:
            app.window.close()
        app.close()
