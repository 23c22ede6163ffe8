"""The main window on real archives: audiences, consent changes, counts, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner


@pytest.fixture
def window(session, settings, qtbot):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _item(session, title: str, people=()) -> int:
    return item_store.create_item(session.archive, item_store.ItemFields(
        Kind.TESTIMONY, title, description=f"{title}.", people=list(people)))


def _grant(session, person_id: int, item_id: int, *, pseudonym: str | None = None) -> int:
    terms = consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH},
        anonymisation={Anonymisation.PSEUDONYM} if pseudonym else set(), pseudonym=pseudonym)
    return consents.record_consent(session.archive, person_id, [item_id], terms)


def _shown(win) -> set[int]:
    return set(win.model.ids())


def test_researcher_sees_consented_items_only_and_withdrawal_hides_at_once(
        session, window, qtbot):
    person = authorities.add_person(session.archive, "Rosa Elena Marín").id
    open_item = _item(session, "Con consentimiento", [(person, Role.NARRATOR)])
    closed_item = _item(session, "Sin consentimiento")
    consent_id = _grant(session, person, open_item)
    session.catalogueChanged.emit(set())
    assert _shown(window) == {open_item, closed_item}  # custodian: everything

    window.audience_selector.setCurrentIndex(
        window.audience_selector.findData(Audience.RESEARCHER.value))
    assert session.audience is Audience.RESEARCHER
    assert _shown(window) == {open_item}
    assert "Viewing as" in window.banner.text() or "Viendo como" in window.banner.text()
    assert window.status_audience.text() == window.banner.text()

    consents.withdraw(session.archive, consent_id, "asked by phone")
    session.catalogueChanged.emit({open_item})
    assert _shown(window) == set()
    assert window.detail.item_id is None


def test_detail_pane_never_shows_the_real_name_behind_a_pseudonym(session, window):
    person = authorities.add_person(session.archive, "Rosa Elena Marín").id
    item_id = _item(session, "Testimonio de Rosa Elena Marín", [(person, Role.NARRATOR)])
    _grant(session, person, item_id, pseudonym="Doña Flor")
    session.catalogueChanged.emit(set())

    session.set_audience(Audience.RESEARCHER)
    assert window.items.select_item(item_id)
    assert window.detail.item_id == item_id
    text = window.detail.body.toPlainText() + window.detail.explanation.text()
    assert "Doña Flor" in text
    for part in ("Rosa", "Elena", "Marín"):
        assert part not in text
    assert not window.detail.edit_button.isVisible()

    session.set_audience(Audience.CUSTODIAN)
    assert window.items.select_item(item_id)
    assert "Rosa Elena Marín" in window.detail.body.toPlainText()


def test_search_replaces_the_list_and_clearing_restores_it(session, window):
    first = _item(session, "La huerta de las madres")
    _item(session, "Escaleras eléctricas")
    session.catalogueChanged.emit(set())
    window.search_field.setText("huerta")
    window.run_search()
    assert _shown(window) == {first}
    window.search_field.clear()
    assert len(_shown(window)) == 2


def test_ctrl_f_focuses_the_search_field(window, qtbot):
    window.items.table.setFocus()
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search_field.hasFocus(), timeout=2000)


def test_window_opens_the_demo_with_counts_in_the_status_bar(tmp_path, settings, qtbot):
    from memoria.demo import build_demo

    build_demo(tmp_path / "demo")
    sess = Session(tmp_path / "demo", TaskRunner(synchronous=True))
    try:
        win = MainWindow(sess, settings)
        qtbot.addWidget(win)
        win.show()
        total = len(item_store.list_item_ids(sess.reader))
        assert total > 10
        assert win.model.rowCount() == total
        assert str(total) in win.count_label.text()
        sess.set_audience(Audience.PUBLIC)
        assert win.model.rowCount() < total
        assert str(total) in win.count_label.text()
        win.close()
    finally:
        sess.close()


def test_window_remembers_geometry_and_splitter(session, settings, qtbot):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(760, 520)  # inside the offscreen screen (800x600)
    win.show()
    win.splitter.setSizes([150, 400, 200])
    sizes = win.splitter.sizes()
    win.close()
    again = MainWindow(session, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == sizes


def test_edit_and_consent_buttons_open_the_editors_when_present(session, window, qtbot):
    from memoria.ui.views import editor_bridge

    item_id = _item(session, "Para editar")
    session.catalogueChanged.emit(set())
    assert window.items.select_item(item_id)
    with qtbot.waitSignal(window.detail.editRequested):
        window.detail.edit_button.click()
    if editor_bridge.item_editor_class() is not None:
        assert window.editors.open_editors
    for editor in list(window.editors.open_editors):
        editor.close()


def test_background_work_shows_progress_and_can_be_cancelled(session, window, qtbot):
    import threading

    from memoria.ui.tasks import TaskRunner
    from memoria.ui.widgets.task_progress import TaskProgress

    runner = TaskRunner()  # a real thread, so the task is running while we look
    progress = TaskProgress(runner)
    qtbot.addWidget(progress)
    release = threading.Event()

    def job(report, cancelled):
        report(1, 10, "Importando")
        while not cancelled() and not release.is_set():
            release.wait(0.01)
        return cancelled()

    results: list[bool] = []
    runner.run(job, label="Import", on_done=results.append)
    assert progress.isVisibleTo(progress.parentWidget() or progress) or progress.tasks
    qtbot.waitUntil(lambda: progress.bar.maximum() == 10, timeout=3000)
    progress.cancel.click()
    qtbot.waitUntil(lambda: results == [True], timeout=3000)
    qtbot.waitUntil(lambda: not progress.tasks, timeout=3000)
    runner.wait()


def test_sorting_by_a_header_keeps_the_selected_item(session, window):
    ids = [_item(session, title) for title in ("Árbol", "Casa", "Bote")]
    session.catalogueChanged.emit(set())
    assert window.items.select_item(ids[1])
    window.items.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert window.items.current_item() == ids[1]
    assert window.detail.item_id == ids[1]
    assert [window.model.index(r, 1).data() for r in range(3)] == ["Casa", "Bote", "Árbol"]
