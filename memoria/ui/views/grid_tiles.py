"""How a grid tile is painted: the picture (or the kind's icon), the consent badge
over its corner, and the title on two lines, elided.

The badge is the list's own (widgets/consent_badge: one enum, one colour table,
one word per state), so a tile and a row say the same thing the same way. The
rest takes its colours from the palette, so tiles read in a dark theme too.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from memoria.ui.views.thumbnails import TILE_PX, ThumbnailProvider
from memoria.ui.widgets.consent_badge import BADGE_ROLE, COLOURS, status_label

CONSENT_COLUMN = 4
PAD = 6
ICON_PX = 56  # a kind's icon in the middle of an empty picture square


def tile_size(metrics: QFontMetrics) -> QSize:
    return QSize(TILE_PX + 2 * PAD + 16, TILE_PX + 3 * PAD + 2 * metrics.height() + 8)


def elide_lines(text: str, metrics: QFontMetrics, width: int, lines: int = 2) -> list[str]:
    """`text` on at most `lines` lines of `width`, cut with "…" on the last one."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if metrics.horizontalAdvance(line) > width:  # one long word: cut it here
            words.insert(0, line)
            break
        out.append(line)
    if words:
        out.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return out


class TileDelegate(QStyledItemDelegate):
    """Paints one item of the grid (the model's title column)."""

    def __init__(self, thumbnails: ThumbnailProvider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails

    # -- geometry (also for tests) ---------------------------------------------------
    @staticmethod
    def picture_rect(tile: QRect) -> QRect:
        return QRect(tile.left() + (tile.width() - TILE_PX) // 2, tile.top() + PAD,
                     TILE_PX, TILE_PX)

    @staticmethod
    def badge_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def badge_rect(self, tile: QRect, text: str, base: QFont) -> QRect:
        metrics = QFontMetrics(self.badge_font(base))
        picture = self.picture_rect(tile)
        width = min(picture.width() - 8, metrics.horizontalAdvance(text) + 14)
        return QRect(picture.left() + 4, picture.top() + 4, width, metrics.height() + 4)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return tile_size(option.fontMetrics)

    # -- painting ---------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        palette: QPalette = option.palette
        tile = option.rect.adjusted(2, 2, -2, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(tile, 6, 6)
        picture = self.picture_rect(tile)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon) and self.thumbnails.is_picture(icon):
            icon.paint(painter, picture, Qt.AlignmentFlag.AlignCenter)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(picture, 4, 4)
            if isinstance(icon, QIcon):
                square = QRect(0, 0, ICON_PX, ICON_PX)
                square.moveCenter(picture.center())
                icon.paint(painter, square, Qt.AlignmentFlag.AlignCenter,
                           QIcon.Mode.Normal)
        self._paint_badge(painter, option, index, tile)
        self._paint_title(painter, option, index, tile, picture, selected)
        if option.state & QStyle.StateFlag.State_HasFocus:
            pen = painter.pen()
            pen.setColor(palette.color(QPalette.ColorRole.Highlight).darker(130))
            pen.setWidth(1)
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tile, 6, 6)
        painter.restore()

    def _paint_badge(self, painter: QPainter, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex, tile: QRect) -> None:
        status = index.siblingAtColumn(CONSENT_COLUMN).data(BADGE_ROLE)
        if not status:
            return
        background, foreground = COLOURS.get(status, COLOURS["none"])
        text = status_label(status)
        rect = self.badge_rect(tile, text, option.font)
        font = self.badge_font(option.font)
        painter.setFont(font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                         QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                       rect.width() - 8))

    def _paint_title(self, painter: QPainter, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex, tile: QRect,
                     picture: QRect, selected: bool) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        painter.setFont(option.font)
        metrics = option.fontMetrics
        width = tile.width() - 2 * PAD
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        top = picture.bottom() + PAD
        for n, line in enumerate(elide_lines(text, metrics, width)):
            painter.drawText(QRect(tile.left() + PAD, top + n * metrics.height(), width,
                                   metrics.height()), Qt.AlignmentFlag.AlignHCenter, line)
