"""Layout (issue 15): the title column takes the list's spare width and keeps a width
set by hand (across sessions); the detail pane keeps one width whatever the kind."""

from __future__ import annotations

from PySide6.QtTest import QTest

from memoria.importing.importer import import_paths
from memoria.ui.main_window import MainWindow
from memoria.ui.views.list_columns import KEY
from tests.conftest import make_jpeg, make_wav


def _window(session, settings, qtbot) -> MainWindow:
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _spare(table) -> int:
    header = table.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(header.count()) if c != 1
                 and not header.isSectionHidden(c))
    return table.viewport().width() - others


def test_the_title_takes_the_spare_width_and_keeps_a_width_set_by_hand(
        session, settings, tmp_path, qtbot):
    import_paths(session.archive, [make_jpeg(tmp_path / "a.jpg")])
    win = _window(session, settings, qtbot)
    table = win.items.table
    header = table.horizontalHeader()
    for column in (2, 3, 5):  # the offscreen screen is 800 px wide: room to spare
        table.setColumnHidden(column, True)
    win.splitter.setSizes([1, 4000, 1])  # the list as wide as it can be
    QTest.qWait(20)
    sizes = win.splitter.sizes()
    win.splitter.setSizes([sizes[0], sizes[1] - 100, sizes[2] + 100])
    QTest.qWait(20)
    narrow = header.sectionSize(1)
    assert narrow == max(120, _spare(table))
    win.splitter.setSizes(sizes)
    QTest.qWait(20)
    assert header.sectionSize(1) == max(120, _spare(table)) > narrow  # it widens again

    header.resizeSection(1, 333)  # as a drag on its edge does
    win.splitter.setSizes([sizes[0], sizes[1] - 100, sizes[2] + 100])
    QTest.qWait(20)
    assert header.sectionSize(1) == 333  # kept while the list narrows
    assert int(settings.value(KEY)) == 333
    win.close()

    again = _window(session, settings, qtbot)  # the next session
    for column in (2, 3, 5):
        again.items.table.setColumnHidden(column, True)
    QTest.qWait(20)
    assert again.items.table.horizontalHeader().sectionSize(1) == 333
    again.title_column._double_clicked(1)  # a double click on the edge: spare width again
    assert settings.value(KEY) is None
    assert again.items.table.horizontalHeader().sectionSize(1) == max(
        120, _spare(again.items.table))


def test_the_detail_pane_keeps_its_width_whatever_the_kind(session, settings, tmp_path,
                                                           qtbot):
    outcomes = import_paths(session.archive, [
        make_jpeg(tmp_path / "foto.jpg", size=(1200, 300)),
        make_wav(tmp_path / "voz.wav")]).outcomes
    win = _window(session, settings, qtbot)
    widths = []
    for outcome in outcomes * 2:
        win.items.select_item(outcome.item_id)
        QTest.qWait(100)
        widths.append(win.detail.width())
    assert len(set(widths)) == 1, widths
    assert win.detail.media.isVisible()
