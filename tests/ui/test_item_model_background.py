"""The item list loads sorts and filters on a reader thread when asked to, so a
100,000-item sort never freezes the window; a newer load wins over an older one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from memoria.ui.models.item_table import ItemTableModel
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner


@pytest.fixture
def async_session(archive, qtbot):
    path = archive.root
    conn = archive.conn
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO items (kind, accession, title, title_key, created_at, updated_at)"
        " VALUES ('photograph', ?, ?, ?, 'now', 'now')",
        ((f"F-{i:05d}", f"Foto {i}", f"foto {999 - i:05d}") for i in range(1000)),
    )
    conn.execute("COMMIT")
    archive.close()
    sess = Session(path, TaskRunner(synchronous=False))
    yield sess
    sess.close()


def test_background_sort_lands_later_and_in_order(async_session, qtbot):
    model = ItemTableModel(async_session)
    model.background = True
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    assert model.rowCount() == 1000
    assert model.index(0, 0).data() == "F-00000"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(1, Qt.SortOrder.AscendingOrder)  # title_key runs backwards
        assert model.loading  # the call returned before the query finished
    assert model.index(0, 0).data() == "F-00999"


def test_a_newer_load_makes_the_older_answer_stale(async_session, qtbot):
    model = ItemTableModel(async_session)
    model.background = True
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    landed: list[int] = []
    model.loaded.connect(lambda: landed.append(model.rowCount()))
    model.allowed = {1, 2, 3}
    model.reload()
    model.allowed = {4, 5}
    model.reload()
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    qtbot.wait(100)
    assert landed == [2]  # only the newest answer was applied
    assert model.ids() == [4, 5]


def test_synchronous_runner_keeps_loads_inline(session):
    model = ItemTableModel(session)
    model.background = True
    model.reload()
    assert not model.loading
