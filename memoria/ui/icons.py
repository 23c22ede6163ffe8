"""The window's icons: one SVG set (Lucide, ISC; resources/icons/README.md), painted
in the palette's colours when drawn, so they follow a light or dark system theme.

`icon("search")` gives a QIcon whose engine renders the SVG with its
`currentColor` replaced by the application palette's text colour (the
disabled text colour for a disabled action, the highlighted text colour for a
selected one). Nothing is rendered ahead of time: a theme switch repaints the
same QIcon in the new colours.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


@functools.cache
def _svg(name: str) -> str:
    return (ICONS / f"{name}.svg").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=512)
def _renderer(name: str, colour: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))


def _colour(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    palette = palette or QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


class SvgIconEngine(QIconEngine):
    """Draws one Lucide SVG in the current palette's colour for the icon's mode."""

    def __init__(self, name: str, colour: QColor | None = None) -> None:
        super().__init__()
        self.name = name
        self.fixed = colour

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        colour = self.fixed if self.fixed is not None else _colour(mode)
        side = min(rect.width(), rect.height())
        target = QRectF(rect.x() + (rect.width() - side) / 2,
                        rect.y() + (rect.height() - side) / 2, side, side)
        _renderer(self.name, colour.name()).render(painter, target)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name, self.fixed)

    def key(self) -> str:
        return "memoria-svg"

    def iconName(self) -> str:  # noqa: N802 - Qt override
        return self.name


def icon(name: str, _widget: QWidget | None = None, colour: QColor | None = None) -> QIcon:
    """The named icon of resources/icons; an empty QIcon if the file is missing."""
    if not (ICONS / f"{name}.svg").is_file():
        return QIcon()
    return QIcon(SvgIconEngine(name, colour))


def names() -> list[str]:
    return sorted(p.stem for p in ICONS.glob("*.svg"))
