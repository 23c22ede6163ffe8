"""Grid tiles (issue 15): the item's own thumbnail from the family written at import,
its consent badge in the list's colours, a kind icon for sound, titles elided."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics

from memoria.importing.importer import import_paths
from memoria.media import derive
from memoria.ui.main_window import MainWindow
from memoria.ui.models.item_table import ROW_ROLE
from memoria.ui.views.grid_tiles import elide_lines
from memoria.ui.widgets.consent_badge import BADGE_ROLE, COLOURS
from tests.conftest import make_jpeg, make_wav


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in
               ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def _grid_window(session, settings, qtbot) -> MainWindow:
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1366, 700)
    win.show()
    qtbot.waitExposed(win)
    win.set_grid(True)
    return win


def test_a_tile_shows_the_stored_thumbnail_and_the_consent_badge(session, settings, tmp_path,
                                                                 qtbot):
    photo = make_jpeg(tmp_path / "mural.jpg", color=(200, 30, 30), size=(640, 480))
    import_paths(session.archive, [photo])
    win = _grid_window(session, settings, qtbot)
    index = win.model.index(0, 1)
    sha = index.data(ROW_ROLE).first_sha256
    # The grid reads the thumbnail the import wrote (derived/thumbs, thumb256): paint a
    # different picture there and the tile shows it, so no second renderer is at work.
    stored = derive.caches(session.archive.vault)[derive.THUMB]
    assert stored.get(sha, derive.THUMB) is not None
    make_jpeg(tmp_path / "green.jpg", color=(20, 160, 40), size=(256, 192))
    stored.put(sha, derive.THUMB, (tmp_path / "green.jpg").read_bytes())
    index.data(Qt.ItemDataRole.DecorationRole)  # the runner is synchronous
    assert win.thumbnails.is_picture(index.data(Qt.ItemDataRole.DecorationRole))
    win.items.grid.viewport().update()
    qtbot.wait(50)
    shot = win.items.grid.viewport().grab().toImage()
    tile = win.items.grid.visualRect(index)
    picture = win.items.tiles.picture_rect(tile.adjusted(2, 2, -2, -2))
    centre = shot.pixelColor(picture.center().x(), picture.bottom() - 20)
    assert _close(centre, QColor(20, 160, 40)), centre.name()
    status = win.model.index(0, 4).data(BADGE_ROLE)
    badge = win.items.tiles.badge_rect(tile.adjusted(2, 2, -2, -2),
                                       win.model.index(0, 4).data(), win.items.grid.font())
    inside = shot.pixelColor(badge.left() + badge.height() // 2 + 1, badge.top() + 2)
    assert _close(inside, QColor(COLOURS[status][0]), 12), (inside.name(), status)


def test_sound_gets_its_kind_icon_and_long_titles_are_elided(session, settings, tmp_path,
                                                             qtbot):
    import_paths(session.archive, [make_wav(tmp_path / "entrevista.wav")])
    win = _grid_window(session, settings, qtbot)
    icon = win.model.index(0, 1).data(Qt.ItemDataRole.DecorationRole)
    assert not win.thumbnails.is_picture(icon)
    assert icon.name() == "audio-lines"
    metrics = QFontMetrics(win.items.grid.font())
    title = "Testimonio de la señora que volvió a la vereda después de veinte años de ausencia"
    lines = elide_lines(title, metrics, 150)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 150 for line in lines)


def test_outside_staff_a_face_to_blur_shows_only_the_blurred_thumbnail(session, settings,
                                                                         tmp_path, qtbot):
    from PIL import Image

    from memoria.domain.consent import Audience
    from memoria.domain.model import Anonymisation, ConsentStatus, Role, Scope
    from memoria.storage import authorities, consents
    from memoria.storage import items as item_store
    from memoria.storage.exhibits import set_blur_regions

    board = Image.new("L", (320, 240))
    board.putdata([255 * (((x // 8) + (y // 8)) % 2) for y in range(240) for x in range(320)])
    board.convert("RGB").save(tmp_path / "vecinas.jpg", quality=95)
    [outcome] = import_paths(session.archive, [tmp_path / "vecinas.jpg"]).outcomes
    person = authorities.add_person(session.archive, "Vecina")
    fields = item_store.ItemFields.from_item(item_store.get_item(session.archive,
                                                                 outcome.item_id))
    fields.people = [(person.id, Role.DEPICTED)]
    item_store.update_item(session.archive, outcome.item_id, fields)
    consents.record_consent(session.archive, person.id, [outcome.item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH, Scope.INTERNAL},
        anonymisation={Anonymisation.BLUR_FACES}))
    set_blur_regions(session.archive, outcome.sha256, [(0.0, 0.0, 1.0, 1.0)])
    # derived/ is a cache: without its thumbnail, the grid makes it again, blurred too.
    derive.caches(session.archive.vault)[derive.THUMB].invalidate(outcome.sha256, derive.THUMB)
    win = _grid_window(session, settings, qtbot)
    session.set_audience(Audience.RESEARCHER)
    index = win.model.index(win.model.row_of(outcome.item_id), 1)
    index.data(Qt.ItemDataRole.DecorationRole)
    shown = index.data(Qt.ItemDataRole.DecorationRole)
    assert win.thumbnails.is_picture(shown)  # regions marked: the blurred thumbnail
    image = shown.pixmap(shown.availableSizes()[0]).toImage()
    values = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 3)
              for y in range(0, image.height(), 3)]
    spread = max(values) - min(values)
    assert spread < 128, spread  # a sharp board would span 0..255: this one is blurred
