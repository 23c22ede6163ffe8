"""Edit > Transcribe: every testimony or audio item of the selection, one after another.

Each item runs as the editor's own TranscriptionJob (its thread, the engine in a
child process, finished chunks kept), so the queue adds only the order and the
progress in the status bar: "Transcribing 2 of 5: <title> — 12.0 of 48.0 min".
Cancel stops the item being transcribed (its finished chunks are kept) and the
queue; Resume continues with that item, where it stopped. Items without a
recording are skipped and named; one that the core refuses (consent withdrawn)
is named with its reason and the queue goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.operations import items as item_ops
from memoria.ui.actions import ActionId
from memoria.ui.media.item_media import first_media
from memoria.ui.media.transcription_job import TranscriptionJob

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

TRANSCRIBABLE = (Kind.TESTIMONY, Kind.AUDIO)


class TranscriptionQueue(QObject):
    finished = Signal()  # the queue ran out (not on cancel)
    itemDone = Signal(int)  # item id: its draft is written

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.pending: list[int] = []  # still to do, the current one first
        self.total = 0  # items queued in this run (for "2 of 5")
        self.done = 0  # items taken from the queue (transcribed or refused)
        self.transcribed = 0
        self.job: TranscriptionJob | None = None
        self.notes: list[str] = []  # skipped and refused items, said at the end
        self.action = window.actions.add(ActionId.TRANSCRIBE, self.tr("Tra&nscribe"),
                                         self.transcribe_selection, "Ctrl+Shift+T",
                                         custodian=True)
        self.action.setToolTip(self.tr(
            "Draft transcripts of the selected testimonies and recordings on this computer, "
            "one after another (nothing leaves it)"))
        window.edit_menu.addAction(self.action)

        self.bar = QWidget(window)
        self.bar.setObjectName("transcriptionQueue")
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self.bar)
        self.status.setMaximumWidth(560)
        self.status.setAccessibleName(self.tr("Transcription progress"))
        self.progress = QProgressBar(self.bar)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.bar)
        self.resume_button = QPushButton(self.tr("Resume"), self.bar)
        self.close_button = QPushButton(self.tr("Close"), self.bar)
        for widget in (self.status, self.progress, self.cancel_button, self.resume_button,
                       self.close_button):
            row.addWidget(widget)
        self.cancel_button.clicked.connect(self.cancel)
        self.resume_button.clicked.connect(self.resume)
        self.close_button.clicked.connect(self._dismiss)
        window.statusBar().addPermanentWidget(self.bar)
        self.bar.hide()
        self._wanted = False  # the bar has something to say (shown to custodians only)
        # It names the items being transcribed: nothing of it for a researcher's or a
        # visitor's view, even while the job goes on behind them.
        self.session.audienceChanged.connect(self._place_bar)
        self.session.lockChanged.connect(self._place_bar)

    # -- queueing ---------------------------------------------------------------------
    def transcribe_selection(self) -> None:
        self.queue(self.window.selected_item_ids())

    def queue(self, item_ids: list[int]) -> None:
        """Queue the items with a recording, in order; the others are named as skipped.
        While a queue runs, new items join its end."""
        reader = self.session.reader
        rows = item_ops.accessions_and_titles(reader, item_ids)
        kinds = item_ops.kinds_of(reader, item_ids)
        fresh = self.job is None and not self.pending
        if fresh:
            self.notes, self.total, self.done, self.transcribed = [], 0, 0, 0
        skipped = []
        for item_id in dict.fromkeys(item_ids):
            if item_id in self.pending:
                continue
            sound = None
            if kinds.get(item_id) in TRANSCRIBABLE:
                sound = first_media(item_ops.media_of(reader, item_id), "audio")
            if sound is None:
                skipped.append(rows.get(item_id, (str(item_id), ""))[0])
                continue
            self.pending.append(item_id)
            self.total += 1
        if skipped:
            self.notes.append(self.tr("Without a recording, skipped: {items}.").format(
                items=", ".join(skipped)))
        self._wanted = True
        self._place_bar()
        if not self.pending:
            self._show_end()
            return
        if self.job is None:
            self._next()
        else:
            self._say_current()

    def cancel(self) -> None:
        """Stop the item being transcribed (finished chunks are kept) and the queue."""
        if self.job is not None:
            self.job.cancel()
            self._say(self.tr("Cancelling… finished parts are kept"))
            self.cancel_button.setEnabled(False)

    def resume(self) -> None:
        """Continue the queue with the item that was stopped, where it stopped."""
        if self.job is None and self.pending:
            self._next()

    def is_running(self) -> bool:
        return self.job is not None

    # -- one item after another -----------------------------------------------------------
    def _language(self, item_id: int) -> str:
        try:
            languages = item_ops.get_item(self.session.reader, item_id).languages
        except Exception:  # noqa: BLE001 - removed meanwhile: the job says it
            return "auto"
        return next((lang for lang in languages if lang in ("es", "en")), "auto")

    def _next(self) -> None:
        if not self.pending:
            self._show_end()
            self.finished.emit()
            return
        item_id = self.pending[0]
        self.job = TranscriptionJob(self.session, item_id, self._language(item_id))
        self.job.progressed.connect(self._progress)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.resume_button.hide()
        self.close_button.hide()
        self._say_current(self.tr("loading the model…"))
        self.job.start()

    def _title(self, item_id: int) -> str:
        found = item_ops.accessions_and_titles(self.session.reader, [item_id]).get(item_id)
        return found[1] if found else str(item_id)

    def _say_current(self, what: str = "") -> None:
        if not self.pending:
            return
        text = self.tr("Transcribing {n} of {total}: {title}").format(
            n=self.done + 1, total=self.total, title=self._title(self.pending[0]))
        self._say(f"{text} — {what}" if what else text)

    def _progress(self, done_s: int, total_s: int, _left_min: str) -> None:
        if self.job is None or self.job.is_paused():
            return
        locale = QLocale()
        self.progress.setRange(0, total_s)
        self.progress.setValue(done_s)
        self._say_current(self.tr("{done} of {total} min").format(
            done=locale.toString(done_s / 60, "f", 1), total=locale.toString(total_s / 60, "f", 1)))

    def _end_job(self) -> None:
        job, self.job = self.job, None
        if job is not None:
            job.wait(15000)
            if job.changes is not None:
                self.session.catch_up(job.changes)
            job.deleteLater()

    def _succeeded(self, result: object) -> None:
        self._end_job()
        if getattr(result, "finished", False):
            item_id = self.pending.pop(0)
            self.done += 1
            self.transcribed += 1
            self.itemDone.emit(item_id)
            self._next()
            return
        # Cancelled: the item keeps its finished chunks and stays first in the queue.
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        left = len(self.pending)
        self._say(self.tr(
            "Cancelled; %n item(s) left. Resume continues where it stopped.", "", left))
        self.cancel_button.hide()
        self.resume_button.show()
        self.close_button.show()

    def _failed(self, message: str) -> None:
        """A refusal or a failure for this item: named, and the queue goes on."""
        self._end_job()
        item_id = self.pending.pop(0)
        self.done += 1
        found = item_ops.accessions_and_titles(self.session.reader, [item_id]).get(item_id)
        name = found[0] if found else str(item_id)
        self.notes.append(f"{name}: {message}" if name not in message else message)
        self._next()

    def _show_end(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if self.done else 0)
        text = self.tr("%n item(s) transcribed; drafts are ready to check.", "",
                       self.transcribed)
        if self.notes:
            text += " " + " ".join(self.notes)
        self._say(text)
        self.cancel_button.hide()
        self.resume_button.hide()
        self.close_button.show()

    def _say(self, text: str) -> None:
        """Elided to the bar's room; the whole sentence in the tooltip."""
        self.status.setToolTip(text)
        self.status.setText(self.status.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideMiddle, self.status.maximumWidth()))

    def _place_bar(self, _why: object = None) -> None:
        self.bar.setVisible(self._wanted and self.session.audience is Audience.CUSTODIAN
                            and self.session.locked_to is None)

    def text(self) -> str:
        return self.status.toolTip()

    def _dismiss(self) -> None:
        if self.job is None:
            self.pending.clear()
            self._wanted = False
            self._place_bar()
