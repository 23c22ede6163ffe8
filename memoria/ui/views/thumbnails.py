"""Grid thumbnails: a placeholder now, the real picture when it is ready.

Pictures are rendered off the GUI thread (session.runner's readers pool),
each decode in a limited worker process (memoria.media.safe) because the
files come from strangers, into the archive's bounded cache in derived/.
A render that finishes after the archive was closed or the list changed
generation is dropped. Kinds without a picture get a per-kind icon.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from memoria.domain.model import Kind
from memoria.listing import ItemRow
from memoria.ui.session import Session

THUMB_PX = 160
VARIANT = "grid160"
MEMORY_ICONS = 600


def _render(_progress: object, cancelled: object, root: str, sha256: str, relpath: str) -> QImage:
    """Worker side: ensure the cached thumbnail, load it as a QImage (thread-safe)."""
    from memoria.media.images import make_thumbnail
    from memoria.media.safe import run_job
    from memoria.media.thumbcache import ThumbCache

    cache = ThumbCache(Path(root) / "derived")
    source = Path(root) / relpath

    def build(dest: Path) -> None:
        run_job(make_thumbnail, str(source), str(dest), THUMB_PX, timeout=30)

    path = cache.ensure(sha256, VARIANT, build)
    image = QImage(str(path))
    if image.isNull():
        raise ValueError(f"unreadable thumbnail {path.name}")
    return image


class ThumbnailProvider(QObject):
    """Icons for ItemRows; `ready(item_id)` when a real picture arrives."""

    ready = Signal(int)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.enabled = False  # only the grid asks for pictures
        self._icons: OrderedDict[str, QIcon] = OrderedDict()
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self.generation = 0
        self._placeholders: dict[Kind, QIcon] = {}

    def placeholder(self, kind: Kind) -> QIcon:
        if kind not in self._placeholders:
            style = QApplication.style()
            pixmap = {
                Kind.PHOTOGRAPH: QStyle.StandardPixmap.SP_FileDialogContentsView,
                Kind.AUDIO: QStyle.StandardPixmap.SP_MediaVolume,
                Kind.TESTIMONY: QStyle.StandardPixmap.SP_FileDialogDetailedView,
            }[kind]
            self._placeholders[kind] = style.standardIcon(pixmap)
        return self._placeholders[kind]

    def icon(self, row: ItemRow) -> QIcon:
        sha = row.first_sha256
        if not (self.enabled and sha and row.first_path and (row.first_mime or "")
                .startswith("image/")):
            return self.placeholder(row.kind)
        if sha in self._icons:
            self._icons.move_to_end(sha)
            return self._icons[sha]
        if sha not in self._pending and sha not in self._failed:
            self._pending.add(sha)
            generation = self.generation
            self.session.runner.run(
                _render, str(self.session.path), sha, row.first_path,
                on_done=lambda image, s=sha, i=row.id, g=generation: self._done(s, i, g, image),
                on_error=lambda _msg, s=sha: self._failure(s),
            )
        return self.placeholder(row.kind)

    def reset(self) -> None:
        """A new list: renders still running for the old one are not announced."""
        self.generation += 1
        self._pending.clear()

    def _done(self, sha: str, item_id: int, generation: int, image: QImage) -> None:
        self._pending.discard(sha)
        pixmap = QPixmap.fromImage(image).scaled(
            QSize(THUMB_PX, THUMB_PX), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self._icons[sha] = QIcon(pixmap)
        while len(self._icons) > MEMORY_ICONS:
            self._icons.popitem(last=False)
        if generation == self.generation:
            self.ready.emit(item_id)

    def _failure(self, sha: str) -> None:
        self._pending.discard(sha)
        self._failed.add(sha)  # a broken file keeps its placeholder, tried once
