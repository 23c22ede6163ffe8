"""Files added from the item editor take the import's own path (issue 16): a hostile
file is decoded only in the limited worker and refused with the import's sentence."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from memoria.domain.model import Kind
from memoria.importing.importer import import_paths
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.ui.editors.item_editor import ItemEditor
from memoria.ui.labels import ui_lang
from tests.conftest import make_jpeg
from tests.unit.test_media_support import png_bomb
from tests.unit.test_trust_support import media_snapshot


@pytest.fixture
def editor(session, qtbot, monkeypatch):
    widget = ItemEditor(session)
    qtbot.addWidget(widget)
    monkeypatch.setattr(widget, "ask_unsaved", lambda: QMessageBox.StandardButton.Discard)
    widget.show()
    return widget


def _hostile(folder):
    folder.mkdir()
    bomb = png_bomb(folder / "bomba.png")
    cut = folder / "cortada.jpg"
    Image.effect_noise((256, 256), 80).convert("RGB").save(cut, quality=95)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    return [bomb, cut]


def test_hostile_files_added_in_the_editor_are_refused_as_in_an_import(
        editor, session, qtbot, tmp_path):
    # What an import says of these files, in a separate archive.
    other = Archive.create(tmp_path / "other")
    try:
        report = import_paths(other, _hostile(tmp_path / "for-import"))
        expected = [o.sentence(ui_lang()) for o in report.outcomes]
        assert [o.code for o in report.outcomes] == ["bomb", "truncated"]
    finally:
        other.close()

    editor.load(None, Kind.PHOTOGRAPH)
    qtbot.keyClicks(editor.form.title, "Mural de la 13")
    with qtbot.waitSignal(editor.saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    item_id = saved.args[0]
    before = media_snapshot(session.archive)

    files = _hostile(tmp_path / "for-editor")
    good = make_jpeg(tmp_path / "retrato.jpg")
    editor.media.add_paths([*files, good])

    shown = editor.media.message.text().splitlines()
    assert shown == expected  # the same sentences, by name, in the same order
    assert [m.original_name for m in item_store.media_of(session.reader, item_id)] == [
        "retrato.jpg"]
    assert editor.media.table.rowCount() == 1
    # Nothing of the refused files was stored: no original, no blob, no temporary copy.
    assert len(media_snapshot(session.archive)) == len(before) + 1
    blobs = session.reader.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
    assert blobs == 1
    assert not list((session.archive.root / "tmp").glob("*.part"))
