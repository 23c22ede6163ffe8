"""Dark mode (issue 15): the window follows the system's scheme, and what paints
itself stays readable in it. Contrast is computed (WCAG) from rendered pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from memoria.ui import theme
from memoria.ui.icons import icon
from memoria.ui.main_window import MainWindow
from memoria.ui.widgets.consent_badge import BADGE_ROLE, COLOURS, contrast

AA = 4.5  # WCAG AA for normal text


@pytest.fixture
def dark(qapp):
    """The app as a dark system shows it; the light palette and style come back after."""
    follower = theme._Follower(qapp, "system")
    follower.scheme_changed(Qt.ColorScheme.Dark)
    assert theme.is_dark()
    yield follower
    follower.scheme_changed(Qt.ColorScheme.Light)
    assert not theme.is_dark()


def _colours_in(image: QImage, rect) -> list[QColor]:
    seen: dict[str, QColor] = {}
    for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1)):
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1)):
            colour = image.pixelColor(x, y)
            seen.setdefault(colour.name(), colour)
    return list(seen.values())


def _best_contrast(colours: list[QColor], against: QColor) -> float:
    return max(contrast(c.name(), against.name()) for c in colours)


def test_the_window_follows_the_system_to_dark_and_back(qapp):
    follower = theme._Follower(qapp, "system")
    light = qapp.palette().color(QPalette.ColorRole.Window).name()
    follower.scheme_changed(Qt.ColorScheme.Dark)
    assert theme.is_dark() and theme.pick(theme.ERROR) == theme.ERROR[1]
    follower.scheme_changed(Qt.ColorScheme.Light)
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == light
    assert theme.pick(theme.ERROR) == theme.ERROR[0]


def test_message_colours_and_marks_have_contrast_in_both_schemes():
    backgrounds = (QColor("#ffffff"), QColor(theme._DARK[QPalette.ColorRole.Window]))
    for n, background in enumerate(backgrounds):
        from memoria.ui.dialogs.import_dialog import GREEN

        for pair in (theme.ERROR, theme.WARNING, theme.MUTED, GREEN):
            assert contrast(pair[n], background.name()) >= AA, (pair, n)
        mark, ink = theme.MARK[n]
        assert contrast(mark, ink) >= AA


def test_badges_tiles_and_icons_are_readable_in_dark(dark, msession, settings, qtbot):
    win = MainWindow(msession, settings)
    qtbot.addWidget(win)
    win.resize(1366, 700)
    win.show()
    qtbot.waitExposed(win)
    table = win.items.table
    for column in (0, 2, 3, 5):  # the offscreen screen is small: title and consent only
        table.setColumnHidden(column, True)
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    shot = table.viewport().grab().toImage()
    statuses = set()
    for row in range(win.model.rowCount()):
        status = win.model.index(row, 4).data(BADGE_ROLE)
        cell = table.visualRect(win.model.index(row, 4))
        pill = cell.adjusted(3, 4, -3, -4)
        colours = _colours_in(shot, pill)
        background = QColor(COLOURS[status][0])
        assert any(c.name() == background.name() for c in colours), status  # own colour
        # The word on the pill: the most contrasting pixel is its text.
        assert _best_contrast(colours, background) >= AA, status
        title = _colours_in(shot, table.visualRect(win.model.index(row, 1)))
        assert _best_contrast(title, base) >= AA  # the title reads on the dark base
        statuses.add(status)
    assert len(statuses) >= 5  # the museum has an item in every consent state

    win.set_grid(True)
    qtbot.wait(50)
    grid = win.items.grid
    shot = grid.viewport().grab().toImage()
    index = win.model.index(0, 1)
    tile = grid.visualRect(index).adjusted(2, 2, -2, -2)
    picture = win.items.tiles.picture_rect(tile)
    below = tile.adjusted(0, picture.bottom() - tile.top() + 4, 0, 0)
    if grid.selectionModel().isSelected(index):
        base = QApplication.palette().color(QPalette.ColorRole.Highlight)
    assert _best_contrast(_colours_in(shot, below), base) >= AA  # the tile's title

    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    drawn = icon("search").pixmap(QSize(24, 24)).toImage()
    ink = [drawn.pixelColor(x, y) for x in range(24) for y in range(24)
           if drawn.pixelColor(x, y).alpha() == 255]
    assert ink and _best_contrast(ink, window_colour) >= AA  # icons follow the palette


def test_every_icon_the_window_names_is_shipped():
    import re
    from pathlib import Path

    import memoria.ui
    from memoria.ui.icons import ICONS
    from memoria.ui.views.look import ACTION_ICONS, SOURCE_ICONS
    from memoria.ui.views.thumbnails import KIND_ICONS

    named = set(ACTION_ICONS.values()) | set(SOURCE_ICONS.values()) | set(KIND_ICONS.values())
    for source in Path(memoria.ui.__file__).parent.rglob("*.py"):  # icon("name") and
        text = source.read_text(encoding="utf-8")  # ("key", "icon-name", tip, slot) rows
        named |= set(re.findall(r'\bicon\(\s*"([a-z0-9-]+)"', text))
        named |= set(re.findall(r'\("\w+", "([a-z0-9-]+)", self\.tr', text))
    missing = sorted(n for n in named if not (ICONS / f"{n}.svg").is_file())
    assert len(named) > 30 and missing == []
    assert (ICONS / "LICENSE").is_file() and "ISC" in (ICONS / "LICENSE").read_text()


def test_the_lock_dialogs_refusals_are_readable_in_both_schemes(dark):
    """A wrong passphrase is said in red; the light scheme's red on a dark window was
    2.6:1 (the unlock, accounts, new-archive and rotation dialogs share error_style)."""
    import re

    from memoria.ui.lock.unlock_dialog import error_style

    def red_against_window() -> float:
        red = re.search(r"color: (#[0-9a-fA-F]{6})", error_style()).group(1)
        window = QApplication.palette().color(QPalette.ColorRole.Window)
        return contrast(red, window.name())

    assert red_against_window() >= AA
    dark.scheme_changed(Qt.ColorScheme.Light)
    assert red_against_window() >= AA
