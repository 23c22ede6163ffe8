"""The large photo viewer: a photograph the size of the window or the screen.

Opened by View > View photograph (Space in the list or grid; Enter or a double
click on a photograph). It steps through the current selection when several
items are selected, else through the list as shown, photographs only
(Left/Right, PageUp/PageDown, Home/End), zooms (Ctrl+plus, Ctrl+minus, Ctrl+0 to
fit, the wheel) and goes full screen with F11 (Escape leaves it, then closes).

It shows exactly what the detail pane would show the current audience
(projection.project decides what is visible): staff see the access copy;
outside staff, a photograph whose consent asks for blurred faces is shown only
as its blurred copy (blur_editor.preview_job), and not at all while no regions
are marked. It follows audience changes, and as a window of the main window it
is hidden by the idle lock and closed by the visitor lock with the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from memoria import access
from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, Kind, MediaFile
from memoria.operations.media import blur_regions_for
from memoria.projection import project
from memoria.ui.actions import ActionId
from memoria.ui.i18n import current_language
from memoria.ui.icons import icon
from memoria.ui.media.blur_editor import preview_job
from memoria.ui.media.photo_viewer import PhotoViewer, load_media_photo, load_stored
from memoria.ui.models.item_table import ROW_ROLE

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

EDITORS = (Audience.CUSTODIAN, Audience.CURATOR)
SCAN_LIMIT = 2000  # items looked at for the next photograph before giving up


@dataclass(frozen=True)
class Showing:
    """What the current audience may see of one item's photograph."""

    item_id: int
    title: str
    picture: MediaFile | None
    blurred: bool  # only the blurred copy may be shown
    regions: tuple
    refused: str  # why nothing is shown, or ""


def showing(window: WindowApi, item_id: int) -> Showing | None:
    """The photograph of `item_id` as the session's audience may see it; None when the
    item is hidden from that audience or holds no picture."""
    session = window.session
    audience = session.audience
    try:
        view = project(session.reader, item_id, audience, lang=current_language())
    except access.NotVisible:
        return None
    picture = next((m for m in view.item.media if (m.mime or "").startswith("image/")), None)
    if picture is None:
        return None
    blur = (audience not in EDITORS
            and Anonymisation.BLUR_FACES in view.decision.anonymisation)
    regions = tuple(blur_regions_for(session.reader, picture.sha256)) if blur else ()
    refused = ""
    if blur and not regions:
        refused = QCoreApplication.translate(
            "PhotoWindow", "This photograph is shown only with faces blurred, and no regions "
            "have been marked yet.")
    return Showing(item_id, view.item.title, picture, blur, regions, refused)


class PhotoWindow(QWidget):
    """A window of the main window holding one large PhotoViewer."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.main = window
        self.session = window.session
        self.setObjectName("photoWindow")
        self.setAccessibleName(self.tr("Photograph viewer"))
        self.current: Showing | None = None
        self.sequence: list[int] = []
        self.viewer = PhotoViewer(self)
        self.viewer.wheel_zooms = True
        self.caption = QLabel(self)
        self.caption.setObjectName("photoCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        for name, icon_name, tip, slot in (
                ("previous", "chevron-left", self.tr("Previous photograph (Left, Page Up)"),
                 self.previous),
                ("next", "chevron-right", self.tr("Next photograph (Right, Page Down)"),
                 self.next),
                ("zoom_out", "zoom-out", self.tr("Zoom out (Ctrl+minus, wheel)"),
                 self.viewer.zoom_out),
                ("zoom_in", "zoom-in", self.tr("Zoom in (Ctrl+plus, wheel)"),
                 self.viewer.zoom_in),
                ("fit", "scan", self.tr("Fit to the window (Ctrl+0)"), self.viewer.fit),
                ("rotate", "rotate-cw", self.tr("Rotate the view 90° (R); the file is not "
                                                "changed"), self.viewer.rotate_right),
                ("full", "maximize", self.tr("Full screen (F11)"), self.toggle_full_screen)):
            button = QToolButton(self)
            button.setIcon(icon(icon_name))
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            self.buttons[name] = button
            if name == "zoom_out":
                bar.addWidget(self.caption, 1)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        keys = ((("Right", "PgDown", "Space"), self.next),
                (("Left", "PgUp", "Backspace"), self.previous),
                (("Home",), lambda: self._go_to_end(first=True)),
                (("End",), lambda: self._go_to_end(first=False)),
                (("Ctrl++", "Ctrl+="), self.viewer.zoom_in),
                (("Ctrl+-",), self.viewer.zoom_out),
                (("Ctrl+0",), self.viewer.fit),
                (("F11",), self.toggle_full_screen),
                (("Escape",), self.escape))
        for sequences, slot in keys:
            for sequence in sequences:
                shortcut = QShortcut(QKeySequence(sequence), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(slot)
        self.viewer.zoomChanged.connect(lambda _z: self._update_caption())
        self.session.audienceChanged.connect(self._audience_changed)
        self.session.catalogueChanged.connect(self._catalogue_changed)

    # -- what to show ----------------------------------------------------------------
    def open(self, item_id: int, sequence: list[int]) -> bool:
        found = showing(self.main, item_id)
        if found is None:
            return False
        self.sequence = list(sequence) if item_id in sequence else [item_id]
        if len(self.sequence) <= SCAN_LIMIT:  # "3 of 8" counts photographs only
            self.sequence = [i for i in self.sequence
                             if i == item_id or self._is_photograph(i)]
        if not self.isVisible():
            self.resize(self.main.size())
            self.showMaximized()
        self.raise_()
        self.activateWindow()
        self._show(found)
        return True

    def refresh(self) -> None:
        """The audience or the catalogue changed: show it again, or close."""
        if self.current is None or not self.isVisible():
            return
        found = showing(self.main, self.current.item_id)
        if found is None:
            self.viewer.set_image(None)
            self.current = None
            self.close()
            return
        self._show(found)

    def _audience_changed(self, _audience: object) -> None:
        self.refresh()

    def _catalogue_changed(self, changed: object) -> None:
        ids = changed if isinstance(changed, (set, frozenset, list, tuple)) else ()
        if self.current is not None and (not ids or self.current.item_id in ids):
            self.refresh()

    def _show(self, found: Showing) -> None:
        self.current = found
        self.setWindowTitle(self.tr("{title} — Memoria").format(title=found.title))
        self.main.items.select_item(found.item_id)  # closing returns to it
        self._update_caption()
        if found.refused:
            self.viewer.set_image(None)
            self._say(found.refused)
            return
        self._say("")
        picture = found.picture
        assert picture is not None

        def done(image: QImage | None, error: str) -> None:
            if self.current is not found:
                return  # another photograph, or this one for another audience, meanwhile
            self.viewer.set_image(image)
            if image is None:
                self._say(self.tr("This photograph could not be shown: {error}").format(
                    error=error))
            self._update_caption()

        vault = self.session.archive.vault
        if found.blurred:
            self.session.runner.run(
                preview_job, vault, picture.sha256, picture.path, list(found.regions),
                on_done=lambda relpath: load_stored(self.session, relpath, done),
                on_error=lambda message: done(None, message))
        else:
            load_media_photo(self.session, picture.sha256, picture.path, done)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_caption(self) -> None:
        if self.current is None:
            self.caption.clear()
            return
        parts = [self.current.title]
        if len(self.sequence) > 1 and self.current.item_id in self.sequence:
            parts.append(self.tr("{n} of {total}").format(
                n=self.sequence.index(self.current.item_id) + 1, total=len(self.sequence)))
        if self.viewer.pixmap_item is not None:
            parts.append(f"{round(self.viewer.scale_factor() * 100)} %")
        if self.current.blurred:
            parts.append(self.tr("faces blurred"))
        self.caption.setText(" · ".join(parts))

    # -- stepping ----------------------------------------------------------------------
    def next(self) -> None:
        self._step(+1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self.current is None or self.current.item_id not in self.sequence:
            return
        start = self.sequence.index(self.current.item_id)
        for n in range(1, min(len(self.sequence), SCAN_LIMIT)):
            position = start + direction * n
            if not 0 <= position < len(self.sequence):
                return  # the ends stay where they are: no wrapping round
            found = self._photograph(self.sequence[position])
            if found is not None:
                self._show(found)
                return

    def _go_to_end(self, first: bool) -> None:
        order = self.sequence if first else list(reversed(self.sequence))
        for item_id in order[:SCAN_LIMIT]:
            found = self._photograph(item_id)
            if found is not None:
                self._show(found)
                return

    def _is_photograph(self, item_id: int) -> bool:
        row = self.main.model.row_of(item_id)
        data = self.main.model.index(row, 0).data(ROW_ROLE) if row is not None else None
        return data is None or data.kind is Kind.PHOTOGRAPH

    def _photograph(self, item_id: int) -> Showing | None:
        return showing(self.main, item_id) if self._is_photograph(item_id) else None

    # -- window --------------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showMaximized()
        else:
            self.showFullScreen()
        self.buttons["full"].setIcon(icon("minimize" if self.isFullScreen() else "maximize"))

    def escape(self) -> None:
        if self.isFullScreen():
            self.toggle_full_screen()
        else:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.viewer.set_image(None)  # nothing decoded kept once the window is gone
        self.current = None
        super().closeEvent(event)


def sequence_for(window: WindowApi) -> list[int]:
    """The selection when several items are selected, else the whole list as shown."""
    selected = getattr(window, "selected_item_ids", None)
    chosen = list(selected()) if callable(selected) else []
    return chosen if len(chosen) > 1 else window.model.ids()


def view_photo(window: WindowApi, item_id: int | None = None) -> bool:
    """Open the large viewer on `item_id` (default: the current item)."""
    item_id = window.items.current_item() if item_id is None else item_id
    if item_id is None:
        return False
    viewer = getattr(window, "photo_window", None)
    if viewer is None:
        viewer = window.photo_window = PhotoWindow(window)
    if not viewer.open(item_id, sequence_for(window)):
        window.statusBar().showMessage(QCoreApplication.translate(
            "PhotoWindow", "This item has no photograph to show."), 5000)
        return False
    return True


def install_photo_viewer(window: WindowApi) -> None:
    """View > View photograph (Space in the list or grid), and Enter or a double click
    on a photograph opens it too (other kinds keep what they did)."""
    action = window.actions.add(
        ActionId.VIEW_PHOTO, QCoreApplication.translate("MainWindow", "View &photograph"),
        lambda: view_photo(window), "Space", safe=True)
    action.setIcon(icon("image"))
    # Space belongs to the list and the grid only (the player and the fields keep it).
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.items.addAction(action)
    window.view_menu.addSeparator()
    window.view_menu.addAction(action)


def activate_photograph(window: WindowApi, item_id: int) -> bool:
    """Enter or a double click on a photograph opens the large viewer (main_window
    asks here first); False for other kinds, which keep what they did."""
    row = window.model.row_of(item_id)
    data = window.model.index(row, 0).data(ROW_ROLE) if row is not None else None
    return data is not None and data.kind is Kind.PHOTOGRAPH and view_photo(window, item_id)
