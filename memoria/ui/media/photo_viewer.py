"""Look closely at a photograph without ever touching it.

The viewer shows the access copy (derived/access/, made at import) or, when
there is none, the original, read through the archive's vault (decrypted in
memory in an encrypted archive) and decoded from those bytes on the readers
pool with QImageReader: nothing decrypted is written anywhere. Zoom and rotation are transformations of the VIEW: the file
on disk is never rewritten, so turning a sideways scan to read a caption
cannot alter the archive's evidence. Blur regions are drawn here too,
in image coordinates (the scene), which rotation and zoom never change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QImageReader,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from memoria.domain.model import Kind
from memoria.media import derive
from memoria.media.derive import ACCESS
from memoria.ui.labels import kind_short
from memoria.ui.media.player import bind_key
from memoria.ui.session import Session

ZOOM_STEP = 1.25
MAX_MEGAPIXELS = 256


def decode_bytes(data: bytes) -> QImage:
    """Decode a picture held in memory, upright, with a memory ceiling against hostile files."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    QImageReader.setAllocationLimit(MAX_MEGAPIXELS * 4)
    image = reader.read()
    if image.isNull():
        raise ValueError(reader.errorString())
    return image


def decode_job(_progress: object, _cancelled: object, path: str) -> QImage:
    """Readers-pool side: decode a file outside the archive (a file being imported)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    QImageReader.setAllocationLimit(MAX_MEGAPIXELS * 4)
    image = reader.read()
    if image.isNull():
        raise ValueError(reader.errorString())
    return image


def photo_bytes(vault: Any, sha256: str, relpath: str) -> bytes:
    """The access copy, made now if it is missing (imports may leave it for the first
    viewing: see derive.ACCESS_SETTING); the original when it cannot be made. Read
    through the archive's vault: decrypted in memory in an encrypted archive.

    Made in a time-limited worker process, like every decode of an original."""
    from memoria.media.errors import MediaError
    from memoria.media.images import access_copy_bytes
    from memoria.media.safe import run_job

    cache = derive.caches(vault)[ACCESS]
    data = cache.read_bytes(sha256, ACCESS)
    if data is not None:
        return data
    try:
        fn, args = vault.job(access_copy_bytes, relpath, 1600)
        data = run_job(fn, *args, timeout=60)
    except (MediaError, OSError):
        return vault.read_bytes(relpath)
    with contextlib.suppress(OSError):  # a read-only archive still shows the photograph
        cache.put(sha256, ACCESS, data)
    return data


def access_decode_job(_progress: object, _cancelled: object, vault: Any, sha256: str,
                      relpath: str) -> QImage:
    return decode_bytes(photo_bytes(vault, sha256, relpath))


def stored_decode_job(_progress: object, _cancelled: object, vault: Any,
                      relpath: str) -> QImage:
    return decode_bytes(vault.read_bytes(relpath))


def load_media_photo(session: Session, sha256: str, relpath: str,
                     done: Callable[[QImage | None, str], None]) -> None:
    """Like `load_photo` for a stored photograph: its access copy, made if missing."""
    session.runner.run(access_decode_job, session.archive.vault, sha256, relpath,
                       on_done=lambda image: done(image, ""),
                       on_error=lambda message: done(None, message))


def load_stored(session: Session, relpath: str,
                done: Callable[[QImage | None, str], None]) -> None:
    """A picture stored in the archive (a derived file), decoded from memory."""
    session.runner.run(stored_decode_job, session.archive.vault, relpath,
                       on_done=lambda image: done(image, ""),
                       on_error=lambda message: done(None, message))


def load_photo(session: Session, path: Path, done: Callable[[QImage | None, str], None]) -> None:
    """Decode `path` (outside the archive) off the GUI thread; `done(image, error)` after."""
    session.runner.run(decode_job, str(path), on_done=lambda image: done(image, ""),
                       on_error=lambda message: done(None, message))


class PhotoViewer(QGraphicsView):
    """Zoom (Ctrl+wheel, + and -), fit, 100 %, rotate the view; optional region drawing."""

    regionDrawn = Signal(object)  # (x, y, w, h) as fractions of the picture
    zoomChanged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(kind_short(Kind.PHOTOGRAPH))
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform
                            | QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QColor("#2b2b2b"))
        self.setMinimumSize(160, 120)
        self.pixmap_item: QGraphicsPixmapItem | None = None
        self.angle = 0
        self.fitted = True
        self.wheel_zooms = False  # the large viewer zooms with the wheel alone
        self.drawing = False
        self._origin: QPointF | None = None
        self._rubber: QGraphicsRectItem | None = None
        self._overlays: list[QGraphicsRectItem] = []
        keys = (("+", self.zoom_in), ("=", self.zoom_in), ("-", self.zoom_out),
                ("F", self.fit), ("1", self.actual_size), ("R", self.rotate_right))
        for key, slot in keys:
            bind_key(self, key, slot)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Small, so showing a photo never pushes the splitter panes around."""
        return QSize(320, 240)

    # -- content --------------------------------------------------------------------------
    def set_image(self, image: QImage | None) -> None:
        self.scene().clear()
        self._overlays, self._rubber, self.pixmap_item = [], None, None
        self.resetTransform()
        self.angle = 0
        if image is None or image.isNull():
            self.scene().setSceneRect(QRectF())
            return
        self.pixmap_item = self.scene().addPixmap(QPixmap.fromImage(image))
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().setSceneRect(self.pixmap_item.boundingRect())
        self.fit()

    def image_size(self) -> tuple[float, float]:
        if self.pixmap_item is None:
            return 0.0, 0.0
        rect = self.pixmap_item.boundingRect()
        return rect.width(), rect.height()

    # -- view transformations (never the file) ----------------------------------------------
    def scale_factor(self) -> float:
        t = self.transform()
        return (t.m11() ** 2 + t.m12() ** 2) ** 0.5

    def _apply(self, scale: float) -> None:
        self.resetTransform()
        self.rotate(self.angle)
        self.scale(scale, scale)
        self.zoomChanged.emit(scale)

    def zoom_in(self) -> None:
        self.fitted = False
        self._apply(min(32.0, self.scale_factor() * ZOOM_STEP))

    def zoom_out(self) -> None:
        self.fitted = False
        self._apply(max(0.02, self.scale_factor() / ZOOM_STEP))

    def actual_size(self) -> None:
        self.fitted = False
        self._apply(1.0)

    def fit(self) -> None:
        self.fitted = True
        if self.pixmap_item is None:
            return
        self.resetTransform()
        self.rotate(self.angle)
        self.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoomChanged.emit(self.scale_factor())

    def rotate_right(self) -> None:
        """Turn the view a quarter; the picture's bytes stay exactly as they are."""
        self.angle = (self.angle + 90) % 360
        if self.fitted:
            self.fit()
        else:
            self._apply(self.scale_factor())

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.wheel_zooms or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            event.accept()
        else:
            super().wheelEvent(event)

    # -- regions -----------------------------------------------------------------------------
    def set_drawing(self, drawing: bool) -> None:
        self.drawing = drawing
        self.setDragMode(QGraphicsView.DragMode.NoDrag if drawing
                         else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if drawing
                                  else Qt.CursorShape.OpenHandCursor)

    def set_regions(self, regions: list[tuple[float, float, float, float]],
                    selected: int = -1) -> None:
        for item in self._overlays:
            self.scene().removeItem(item)
        self._overlays = []
        width, height = self.image_size()
        if not width:
            return
        for index, (x, y, w, h) in enumerate(regions):
            colour = QColor("#ffcc00") if index == selected else QColor("#e74c3c")
            pen = QPen(colour, 2)
            pen.setCosmetic(True)
            fill = QColor(colour)
            fill.setAlpha(50)
            item = self.scene().addRect(QRectF(x * width, y * height, w * width, h * height),
                                        pen, QBrush(fill))
            self._overlays.append(item)

    def _scene_point(self, event: QMouseEvent) -> QPointF:
        width, height = self.image_size()
        point = self.mapToScene(event.position().toPoint())
        return QPointF(min(max(point.x(), 0.0), width), min(max(point.y(), 0.0), height))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.drawing and self.pixmap_item and event.button() == Qt.MouseButton.LeftButton:
            self._origin = self._scene_point(event)
            pen = QPen(QColor("#ffcc00"), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._rubber = self.scene().addRect(QRectF(self._origin, self._origin), pen)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._origin is not None and self._rubber is not None:
            self._rubber.setRect(QRectF(self._origin, self._scene_point(event)).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._origin is not None and self._rubber is not None:
            rect = QRectF(self._origin, self._scene_point(event)).normalized()
            self.scene().removeItem(self._rubber)
            self._origin, self._rubber = None, None
            width, height = self.image_size()
            if rect.width() >= 2 and rect.height() >= 2 and width and height:
                self.regionDrawn.emit((rect.x() / width, rect.y() / height,
                                       rect.width() / width, rect.height() / height))
            return
        super().mouseReleaseEvent(event)
