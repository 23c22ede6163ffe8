"""Windows that fit the screen they open on (issue 15: a 1366x768 laptop, 125-150% scale).

A window asks for its preferred size; it gets at most the screen's available
geometry (minus room for the title bar), never more, so no button sits below
the screen edge.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QScrollArea, QWidget

FRAME = 40  # title bar and borders the window manager adds around the client area


def available(widget: QWidget) -> QSize:
    """The room for `widget`'s client area on its screen (or the primary one)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 768)
    area = screen.availableGeometry().size()
    return QSize(area.width(), max(200, area.height() - FRAME))


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the preferred width x height, capped to the available screen."""
    room = available(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))


def cap_to_screen(widget: QWidget) -> None:
    """Never let the window grow past the screen (a big child size hint cannot push it)."""
    room = available(widget)
    widget.setMaximumSize(room)


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` inside a frameless scroll area: a long form scrolls inside itself."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area
