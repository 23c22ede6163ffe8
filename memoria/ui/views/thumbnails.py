"""Grid thumbnails: a kind icon now, the real picture when it is ready.

The pictures are the one thumbnail family an import writes (derive.THUMB,
256 px, derived/thumbs/, read through the vault), loaded off the GUI thread
by one long-lived ThumbnailPool (ui/media/thumbnail_pool.py), which makes a
missing one again with the import's own function. Requests still queued when
the grid scrolls or the list changes are dropped; a picture that arrives for
an older list is kept but not announced. The grid shows them at TILE_PX (at
150 % scaling that is 240 device pixels: the 256 px family is enough).

What each audience sees: the thumbnail in derived/ is made from the blurred
picture when a photograph has blur regions (derive.blur_thumbnail). Outside
staff, a photograph whose consent asks for blurred faces shows its picture
only when regions have been marked (so the stored thumbnail is the blurred
one); without regions it keeps the kind icon, as the detail pane shows nothing.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, Kind
from memoria.listing import ItemRow
from memoria.ui.icons import icon as svg_icon
from memoria.ui.media.thumbnail_pool import ThumbnailPool
from memoria.ui.session import Session

TILE_PX = 160  # the picture's side in a grid tile, in device-independent pixels
THUMB_PX = TILE_PX  # the name the item views used
MEMORY_ICONS = 600
KIND_ICONS = {Kind.PHOTOGRAPH: "image", Kind.AUDIO: "audio-lines", Kind.TESTIMONY: "mic"}


def kind_icon(kind: Kind) -> QIcon:
    """The kind's icon of the window's set, in the palette's colours."""
    return svg_icon(KIND_ICONS[kind])


class ThumbnailProvider(QObject):
    """Icons for ItemRows; `ready(item_id)` when a real picture arrives."""

    ready = Signal(int)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.enabled = False  # only the grid asks for pictures
        self._icons: OrderedDict[str, QIcon] = OrderedDict()
        self._pictures: set[int] = set()  # cacheKey of the icons that are real pictures
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self.generation = 0
        self._placeholders: dict[Kind, QIcon] = {}
        self._items: dict[str, tuple[int, int]] = {}  # sha -> (item id, list generation)
        self._shown: dict[int, str] = {}  # item id -> sha of its picture in memory
        self._marked: dict[str, bool] = {}  # sha -> blur regions marked (forgotten on change)
        self.pool = ThumbnailPool(session.path, synchronous=session.runner.synchronous,
                                  vault=lambda: session.archive.vault,
                                  regions=self._regions_of, parent=self)
        self.pool.rendered.connect(self._done)
        self.pool.failed.connect(self._failure)
        session.catalogueChanged.connect(self._catalogue_changed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.pool.close)

    def _regions_of(self, sha256: str) -> list:
        """The pool's thread: blur regions of a photograph whose thumbnail is missing."""
        from memoria.operations.media import blur_regions_for

        with self.session.reading() as reader:
            return list(blur_regions_for(reader, sha256))

    def watch(self, view: QAbstractScrollArea) -> None:
        """Scrolling `view` drops queued renders: only what is on screen is decoded."""
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.scrolled())

    def scrolled(self) -> None:
        self.pool.drop_queued()
        self._pending.clear()  # rows scrolled back into view ask again

    def placeholder(self, kind: Kind) -> QIcon:
        if kind not in self._placeholders:
            self._placeholders[kind] = kind_icon(kind)
        return self._placeholders[kind]

    def is_picture(self, icon: QIcon | None) -> bool:
        """True for a real thumbnail, False for a kind icon."""
        return icon is not None and icon.cacheKey() in self._pictures

    def icon(self, row: ItemRow) -> QIcon:
        sha = row.first_sha256
        if not (self.enabled and sha and row.first_path and (row.first_mime or "")
                .startswith("image/")) or self._withheld(row):
            return self.placeholder(row.kind)
        if sha in self._icons:
            self._icons.move_to_end(sha)
            return self._icons[sha]
        if sha not in self._pending and sha not in self._failed:
            self._pending.add(sha)
            self._items[sha] = (row.id, self.generation)
            self.pool.request(sha, row.first_path)
        return self.placeholder(row.kind)

    def _withheld(self, row: ItemRow) -> bool:
        """Outside staff, a photograph whose consent asks for blurred faces shows its
        (blurred) thumbnail only once regions are marked; else the kind icon."""
        from memoria.operations.media import blur_regions_for

        audience = self.session.audience
        if audience in (Audience.CUSTODIAN, Audience.CURATOR):
            return False
        decision = self.session.snapshot().decide(row.id, audience)
        if Anonymisation.BLUR_FACES not in decision.anonymisation:
            return False
        sha = row.first_sha256
        if not sha:
            return True
        if sha not in self._marked:  # asked once per photograph, not on every paint
            self._marked[sha] = bool(blur_regions_for(self.session.reader, sha))
        return not self._marked[sha]

    def reset(self) -> None:
        """A new list: renders still running for the old one are not announced."""
        self.generation += 1
        self._pending.clear()
        self.pool.drop_queued()

    def _catalogue_changed(self, changed: object) -> None:
        """Blur regions drawn or removed change the stored thumbnail: read it again."""
        ids = changed if isinstance(changed, (set, frozenset, list, tuple)) else ()
        self._marked.clear()
        for item_id in ids:
            sha = self._shown.pop(item_id, None)
            if sha is not None:
                dropped = self._icons.pop(sha, None)
                if dropped is not None:
                    self._pictures.discard(dropped.cacheKey())
                self._failed.discard(sha)

    def _done(self, sha: str, image: QImage) -> None:
        self._pending.discard(sha)
        item_id, generation = self._items.pop(sha, (0, -1))
        picture = QIcon(QPixmap.fromImage(image))
        self._icons[sha] = picture
        self._pictures.add(picture.cacheKey())
        if item_id:
            self._shown[item_id] = sha
        while len(self._icons) > MEMORY_ICONS:
            _old, dropped = self._icons.popitem(last=False)
            self._pictures.discard(dropped.cacheKey())
        if generation == self.generation:
            self.ready.emit(item_id)

    def _failure(self, sha: str) -> None:
        self._pending.discard(sha)
        self._items.pop(sha, None)
        self._failed.add(sha)  # a broken file keeps its placeholder, tried once
