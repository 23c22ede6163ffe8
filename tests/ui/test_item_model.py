"""The item list model: lazy rows, catalogue sorting, 100,000 items."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from memoria.domain.model import Kind
from memoria.storage import items as item_store
from memoria.ui.models.item_table import SORT_KEYS, ItemTableModel


def _bulk_items(session, n: int) -> None:
    """Rows straight into the catalogue: the model is under test, not create_item."""
    conn = session.archive.conn
    kinds = ("testimony", "photograph", "audio")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO items (kind, accession, title, title_key, date_edtf, date_start,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'now', 'now')",
        ((kinds[i % 3], f"X-{i:06d}", f"Item {i}", f"item {i:06d}", f"{1950 + i % 70}",
          f"{1950 + i % 70}-01-01") for i in range(n)),
    )
    conn.execute("COMMIT")


def test_model_over_100000_items_resets_fast_and_fetches_only_visible_rows(session, qtbot):
    from PySide6.QtWidgets import QTableView

    _bulk_items(session, 100_000)
    model = ItemTableModel(session)
    started = time.perf_counter()
    model.reload()
    assert time.perf_counter() - started < 1.0
    assert model.rowCount() == 100_000
    assert model.fetches == []  # nothing read at reset

    view = QTableView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paint now: only the rows on screen ask for data
    fetched = {i for page in model.fetches for i in page}
    assert 0 < len(fetched) <= 128  # a page or two, not 100,000 rows
    assert model.index(0, 0).data() == "X-000002"  # audio first: kind, then accession

    model.index(99_999, 1).data()
    assert model.fetches[-1][-1] == model.item_id(99_999)
    assert len(model.fetches[-1]) <= 64


@pytest.mark.parametrize("column", sorted(SORT_KEYS))
def test_sorting_asks_the_catalogue(session, monkeypatch, column):
    _bulk_items(session, 30)
    model = ItemTableModel(session)
    asked: list[tuple[str, bool]] = []
    real = item_store.list_item_ids

    def spy(archive, kind=None, sort="accession", descending=False):
        asked.append((sort, descending))
        return real(archive, kind=kind, sort=sort, descending=descending)

    monkeypatch.setattr(item_store, "list_item_ids", spy)
    media_queries: list[str] = []
    session.reader.conn.set_trace_callback(media_queries.append)
    model.sort(column, Qt.SortOrder.DescendingOrder)
    session.reader.conn.set_trace_callback(None)
    key = SORT_KEYS[column]
    if key == "media":
        assert any("COUNT(*) AS n FROM media_files" in q for q in media_queries)
    elif key == "consent":
        # ordered in SQL over the stored consent summary, never row by row in Python
        assert any("consent_summary" in q and "ORDER BY CASE" in q for q in media_queries)
    else:
        assert asked == [(key, True)]
    assert model.rowCount() == 30
    if key == "title":
        assert model.index(0, 1).data() == "Item 29"


def test_kind_filter_and_row_values(session):
    item_store.create_item(session.archive, item_store.ItemFields(
        Kind.PHOTOGRAPH, "Mural", date_edtf="1998~"))
    item_store.create_item(session.archive, item_store.ItemFields(Kind.AUDIO, "Tambores"))
    model = ItemTableModel(session)
    model.kind = Kind.PHOTOGRAPH
    model.reload()
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1] == "Mural" and row[2] and row[5] == "0"
