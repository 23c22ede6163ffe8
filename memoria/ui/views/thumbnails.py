"""Grid thumbnails: a placeholder now, the real picture when it is ready.

Pictures are rendered by one long-lived ThumbnailPool (two limited worker
processes, memoria.media.safe, because the files come from strangers) into
the archive's bounded cache in derived/, fed in batches; requests still
queued when the grid scrolls or the list changes are dropped. A render
that finishes for an older list is cached but not announced. Kinds
without a picture get a per-kind icon.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QStyle

from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, Kind
from memoria.listing import ItemRow
from memoria.ui.media.thumbnail_pool import ThumbnailPool
from memoria.ui.session import Session

THUMB_PX = 160
VARIANT = "grid160"
MEMORY_ICONS = 600


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
        self._items: dict[str, tuple[int, int]] = {}  # sha -> (item id, list generation)
        self.pool = ThumbnailPool(session.path, VARIANT, THUMB_PX,
                                  synchronous=session.runner.synchronous,
                                  vault=lambda: session.archive.vault, parent=self)
        self.pool.rendered.connect(self._done)
        self.pool.failed.connect(self._failure)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.pool.close)

    def watch(self, view: QAbstractScrollArea) -> None:
        """Scrolling `view` drops queued renders: only what is on screen is decoded."""
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.scrolled())

    def scrolled(self) -> None:
        self.pool.drop_queued()
        self._pending.clear()  # rows scrolled back into view ask again

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
                .startswith("image/")) or self._faces_must_be_blurred(row.id):
            return self.placeholder(row.kind)
        if sha in self._icons:
            self._icons.move_to_end(sha)
            return self._icons[sha]
        if sha not in self._pending and sha not in self._failed:
            self._pending.add(sha)
            self._items[sha] = (row.id, self.generation)
            self.pool.request(sha, row.first_path)
        return self.placeholder(row.kind)

    def _faces_must_be_blurred(self, item_id: int) -> bool:
        """Thumbnails are made from the original: outside staff, a photograph whose
        consent asks for blurred faces keeps its placeholder in the grid."""
        audience = self.session.audience
        if audience in (Audience.CUSTODIAN, Audience.CURATOR):
            return False
        decision = self.session.snapshot().decide(item_id, audience)
        return Anonymisation.BLUR_FACES in decision.anonymisation

    def reset(self) -> None:
        """A new list: renders still running for the old one are not announced."""
        self.generation += 1
        self._pending.clear()
        self.pool.drop_queued()

    def _done(self, sha: str, image: QImage) -> None:
        self._pending.discard(sha)
        item_id, generation = self._items.pop(sha, (0, -1))
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
        self._items.pop(sha, None)
        self._failed.add(sha)  # a broken file keeps its placeholder, tried once
