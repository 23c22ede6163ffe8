"""Mark what must be blurred in a photograph, and see the result before it goes out.

Regions are stored as fractions of the upright picture (storage.exhibits), so
they hold for the access copy, the original and any export size. The
preview is the blurred picture (`derive.blurred_copy`) made in a limited
worker process from the access copy (or original) and stored through the
archive's vault in derived/blur-preview/: the original is only ever read. Audiences that may not edit see the blurred copy when
consent asks for blurred faces.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.model import MediaFile
from memoria.operations import media as media_ops
from memoria.operations.media import Region, blur_regions_for
from memoria.ui.media.photo_viewer import (
    PhotoViewer,
    load_media_photo,
    load_stored,
)
from memoria.ui.session import Session

PREVIEW_DIR = "blur-preview"


def preview_path(vault: Any, sha256: str, regions: list[Region]) -> str:
    """One derived file per set of regions, so a stale preview is never shown
    (relative to the archive; named by the vault's key for the photograph)."""
    key = hashlib.sha256(repr([tuple(round(v, 5) for v in r) for r in regions])
                         .encode()).hexdigest()[:12]
    name = vault.derived_key(sha256)
    return f"derived/{PREVIEW_DIR}/{name[:2]}/{name}-{key}.jpg"


def preview_job(_progress: object, _cancelled: object, vault: Any, sha256: str, relpath: str,
                regions: list[Region]) -> str:
    """Readers-pool side: the blurred derived copy, made in a safe worker if missing,
    from the access copy (or the original), stored through the vault."""
    from memoria.media import derive
    from memoria.media.safe import run_job

    dest = preview_path(vault, sha256, regions)
    if not vault.exists(dest):
        access = derive.caches(vault)[derive.ACCESS].get(sha256, derive.ACCESS)
        source = vault.relpath(access) if access is not None else relpath
        fn, args = vault.job(derive.blurred_copy, source, list(regions))
        data = run_job(fn, *args, timeout=60)
        vault.write(dest, data)
    return dest


class BlurEditor(QWidget):
    """The photo viewer with its view tools, plus the region list for editors."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.media: MediaFile | None = None
        self.item_id: int | None = None
        self.regions: list[Region] = []
        self.editable = False
        self._showing = 0  # bumped by each show_photo: a late picture of an older one is dropped
        self.last_preview: Path | None = None
        self.viewer = PhotoViewer(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        for name, text, tip, slot in (
                ("zoom_in", "+", self.tr("Zoom in (+, Ctrl+wheel)"), self.viewer.zoom_in),
                ("zoom_out", "−", self.tr("Zoom out (-, Ctrl+wheel)"), self.viewer.zoom_out),
                ("fit", self.tr("Fit"), self.tr("Fit to window (F)"), self.viewer.fit),
                ("actual", "100%", self.tr("Actual size (1)"), self.viewer.actual_size),
                ("rotate", "↻", self.tr("Rotate the view 90° (R); the file is not changed"),
                 self.viewer.rotate_right)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            tools.addWidget(button)
            self.buttons[name] = button
        tools.addStretch(1)
        self.draw_button = QToolButton(self)
        self.draw_button.setText(self.tr("Mark region to blur"))
        self.draw_button.setToolTip(self.tr("Drag a rectangle over a face or a name to blur it"))
        self.draw_button.setCheckable(True)
        self.preview_button = QToolButton(self)
        self.preview_button.setText(self.tr("Preview blurred"))
        self.preview_button.setToolTip(self.tr(
            "Show a blurred copy as it will leave the archive (the original is untouched)"))
        self.preview_button.setCheckable(True)
        # The editors' two buttons on a row of their own: the detail pane keeps one
        # width whatever the item kind (issue 15), so this row must fit in it.
        marking = QHBoxLayout()
        marking.setContentsMargins(0, 0, 0, 0)
        marking.addWidget(self.draw_button)
        marking.addWidget(self.preview_button)
        marking.addStretch(1)
        self.region_list = QListWidget(self)
        self.region_list.setAccessibleName(self.tr("Regions to blur"))
        self.region_list.setMaximumHeight(64)
        self.delete_button = QPushButton(self.tr("&Delete region"), self)
        self.editor_row = QWidget(self)
        row = QHBoxLayout(self.editor_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.region_list, 1)
        row.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addLayout(marking)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.editor_row)

        self.draw_button.toggled.connect(self.viewer.set_drawing)
        self.preview_button.toggled.connect(self._preview_toggled)
        self.viewer.regionDrawn.connect(self.add_region)
        self.delete_button.clicked.connect(self.delete_current)
        self.region_list.currentRowChanged.connect(
            lambda row: self.viewer.set_regions(self.regions, row))

    def _say(self, text: str) -> None:
        """A status line only while there is something to say (no empty gap under the photo)."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    # -- showing ---------------------------------------------------------------------------
    def show_photo(self, media: MediaFile | None, item_id: int | None, editable: bool,
                   blurred_only: bool = False) -> None:
        """Show `media`; editors get the region tools, others maybe only the blurred copy."""
        same = media is not None and self.media is not None and media.sha256 == self.media.sha256
        self.media, self.item_id, self.editable = media, item_id, editable
        # A picture still decoding for the previous showing (perhaps unblurred, for staff)
        # must not land in this one (perhaps a researcher's, blurred only).
        self._showing += 1
        self.regions = blur_regions_for(self.session.reader, media.sha256) if media else []
        for widget in (self.draw_button, self.preview_button, self.editor_row):
            widget.setVisible(editable)
        if not editable:
            self.draw_button.setChecked(False)
        self._fill_list()
        if media is None:
            self.viewer.set_image(None)
            return
        if blurred_only and not self.regions:
            # Consent asks for faces to be blurred and nobody has marked them yet:
            # showing the photograph now would show the faces.
            self.viewer.set_image(None)
            self._say(self.tr("This photograph is shown only with faces blurred, and no "
                              "regions have been marked yet."))
            return
        if blurred_only:
            self._start_preview()
        elif same and not self.preview_button.isChecked() and self.viewer.pixmap_item:
            self.viewer.set_regions(self.regions if editable else [])
        else:
            self.preview_button.setChecked(False)
            self._load_media()

    def _load_media(self) -> None:
        assert self.media is not None
        self._load(None)

    def _load(self, path: Path | None, overlays: bool = True) -> None:
        """Show `path`, or with None the current photograph's access copy."""
        self._say(self.tr("Opening the photograph…"))
        sha = self.media.sha256 if self.media else ""
        showing = self._showing

        def done(image: QImage | None, error: str) -> None:
            if self.media is None or self.media.sha256 != sha or showing != self._showing:
                return  # another photograph, or another audience's showing, meanwhile
            self.viewer.set_image(image)
            self._say(self.tr("This photograph could not be shown: %1")
                                .replace("%1", error) if image is None else "")
            if overlays and self.editable:
                self.viewer.set_regions(self.regions, self.region_list.currentRow())
        if path is None and self.media is not None:
            load_media_photo(self.session, self.media.sha256, self.media.path, done)
        elif path is not None:
            load_stored(self.session, self.session.archive.vault.relpath(path), done)

    def _fill_list(self) -> None:
        self.region_list.clear()
        for index, (x, y, w, h) in enumerate(self.regions, 1):
            self.region_list.addItem(self.tr("Region %1: %2% × %3% at %4%, %5%")
                                     .replace("%1", str(index)).replace("%2", f"{w * 100:.0f}")
                                     .replace("%3", f"{h * 100:.0f}")
                                     .replace("%4", f"{x * 100:.0f}")
                                     .replace("%5", f"{y * 100:.0f}"))
        self.delete_button.setEnabled(bool(self.regions))
        self.preview_button.setEnabled(bool(self.regions))
        self.editor_row.setVisible(self.editable and bool(self.regions))

    # -- editing -----------------------------------------------------------------------------
    def add_region(self, region: Region) -> None:
        if self.editable and self.media is not None:
            self.regions.append(tuple(round(v, 5) for v in region))  # type: ignore[arg-type]
            self._save()

    def delete_current(self) -> None:
        row = self.region_list.currentRow()
        if row < 0 and self.regions:
            row = len(self.regions) - 1
        if 0 <= row < len(self.regions):
            del self.regions[row]
            self._save()

    def _save(self) -> None:
        assert self.media is not None
        self._fill_list()
        self.viewer.set_regions(self.regions, self.region_list.currentRow())
        if self.preview_button.isChecked():
            self.preview_button.setChecked(bool(self.regions))
            if self.regions:
                self._start_preview()
        self.session.run(media_ops.set_blur_regions, self.media.sha256, list(self.regions),
                         label=self.tr("Saving blur regions"))

    # -- preview --------------------------------------------------------------------------------
    def _preview_toggled(self, on: bool) -> None:
        if self.media is None:
            return
        if on and self.regions:
            self.draw_button.setChecked(False)
            self._start_preview()
        else:
            self._load_media()

    def _start_preview(self) -> None:
        assert self.media is not None
        self._say(self.tr("Blurring a copy…"))
        sha = self.media.sha256
        showing = self._showing

        def done(relpath: str) -> None:
            if self.media is not None and self.media.sha256 == sha and showing == self._showing:
                self.last_preview = self.session.archive.vault.path(relpath)
                self._load(self.last_preview, overlays=False)

        self.session.runner.run(
            preview_job, self.session.archive.vault, sha, self.media.path, list(self.regions),
            on_done=done, on_error=lambda msg: self._say(
                self.tr("The blurred copy could not be made: %1").replace("%1", msg)))
