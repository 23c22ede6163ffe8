"""The consent badge: the one place the interface hard-codes colours.

Each badge carries its own background and text colour (contrast >= 4.5:1,
checked against WCAG), so it reads the same on light and dark palettes;
the word is always shown too, so colour is never the only signal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from memoria.domain.consent import Badge
from memoria.ui import labels

# badge -> (background, text); all pairs >= 4.5:1.
COLOURS: dict[str, tuple[str, str]] = {
    Badge.GRANTED: ("#1b5e20", "#ffffff"),
    Badge.RESTRICTED: ("#0d47a1", "#ffffff"),
    Badge.PENDING: ("#f9a825", "#000000"),
    Badge.REVIEW: ("#bf360c", "#ffffff"),
    Badge.EMBARGOED: ("#4a148c", "#ffffff"),
    Badge.WITHDRAWN: ("#b71c1c", "#ffffff"),
    Badge.NONE: ("#545454", "#ffffff"),
}

BADGE_ROLE = Qt.ItemDataRole.UserRole + 10  # the status word, for the delegate


def status_label(status: str) -> str:
    """The translated word for a consent badge (labels.status_label: one table)."""
    return labels.status_label(status)


def relative_luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    colour = QColor(hex_colour)
    r, g, b = (channel(v / 255) for v in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class BadgeDelegate(QStyledItemDelegate):
    """Paints the consent column as a rounded coloured pill with its word."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        status = index.data(BADGE_ROLE)
        if not status:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        background, foreground = COLOURS.get(status, COLOURS["none"])
        text = status_label(status)
        metrics = option.fontMetrics
        width = min(option.rect.width() - 6, metrics.horizontalAdvance(text) + 14)
        height = min(option.rect.height() - 4, metrics.height() + 4)
        rect = QRect(option.rect.left() + 3, option.rect.center().y() - height // 2 + 1,
                     width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class BadgeLabel(QLabel):
    """A consent badge as a label, for the detail pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("ConsentBadge", "Consent status"))
        self.set_status("none")

    def set_status(self, status: str) -> None:
        background, foreground = COLOURS.get(status, COLOURS["none"])
        self.setText(status_label(status))
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground};"
            " border-radius: 8px; padding: 2px 10px; font-weight: bold; }"
        )
        self.setAccessibleDescription(status_label(status))
