"""The window shows an encrypted archive's photographs from memory: the grid thumbnail,
the photo viewer's access copy and the blur preview are made and stored as ciphertext
under keyed names, and read back through the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt

from memoria.importing.importer import import_paths
from memoria.storage import items as item_store
from memoria.ui.main_window import MainWindow
from tests.conftest import make_jpeg
from tests.unit.test_vault import TestKeys


def _no_plain_pictures(root) -> None:
    for path in (root / "derived").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"JFIF" not in data and b"IHDR" not in data, path


def test_an_encrypted_photograph_is_shown_from_memory(session, settings, tmp_path, qtbot):
    session.archive.keys = TestKeys()  # as an unlock gives (keys: memoria.crypto.keys)
    photo = make_jpeg(tmp_path / "mural.jpg", size=(2400, 1800))
    [outcome] = import_paths(session.archive, [photo]).outcomes
    (media,) = item_store.media_of(session.archive, outcome.item_id)
    assert outcome.sha256 not in media.path
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    ready: list[int] = []
    win.thumbnails.ready.connect(ready.append)
    win.set_grid(True)
    win.model.index(0, 1).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: bool(ready), timeout=10000)
    assert outcome.sha256 in win.thumbnails._icons
    win.open_item_at(outcome.item_id, 0)
    viewer = win.detail.media.photo
    qtbot.waitUntil(lambda: viewer.viewer.image_size() == (1600.0, 1200.0), timeout=15000)
    viewer.add_region((0.25, 0.1, 0.5, 0.4))
    viewer.preview_button.setChecked(True)
    qtbot.waitUntil(lambda: viewer.last_preview is not None, timeout=15000)
    assert outcome.sha256 not in viewer.last_preview.name
    for path in (session.path / "derived").rglob("*"):
        assert outcome.sha256 not in path.name
    _no_plain_pictures(session.path)
