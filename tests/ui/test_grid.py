"""The photo grid: placeholders first, real thumbnails into derived/ when ready."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from memoria.importing.importer import import_paths
from memoria.ui.main_window import MainWindow
from tests.conftest import make_jpeg


def test_grid_renders_a_thumbnail_into_the_archive_cache(session, settings, tmp_path, qtbot):
    photo = make_jpeg(tmp_path / "mural.jpg", size=(320, 240))
    import_paths(session.archive, [photo])
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    ready: list[int] = []
    win.thumbnails.ready.connect(ready.append)
    placeholder = win.model.index(0, 1).data(Qt.ItemDataRole.DecorationRole)
    assert placeholder is not None and not ready  # the list view never renders
    win.show()
    win.set_grid(True)
    assert win.items.is_grid()
    win.model.index(0, 1).data(Qt.ItemDataRole.DecorationRole)  # the runner is synchronous
    assert ready == [win.model.item_id(0)]
    thumbs = list((session.path / "derived" / "thumbs").rglob("*.jpg"))
    assert thumbs
    sha = win.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 2).first_sha256
    assert sha in win.thumbnails._icons


def test_dropping_files_opens_the_import_dialog(session, settings, tmp_path, qtbot, monkeypatch):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    asked: list[list] = []
    monkeypatch.setattr(win.editors, "import_files", asked.append)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    win.dropEvent(event)
    assert asked == [[tmp_path]]
