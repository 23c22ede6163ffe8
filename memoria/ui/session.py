"""One open archive in the window: its connections, audience and writer.

Writes run on the task runner's single writer thread with the writable
Archive; the GUI thread reads through a separate read-only connection (WAL
lets it see every committed change). Widgets ask the session, never SQLite.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from memoria.access import ConsentSnapshot
from memoria.domain.consent import Audience
from memoria.storage.archive import Archive
from memoria.ui.tasks import Task, TaskRunner


class Session(QObject):
    audienceChanged = Signal(object)  # Audience
    catalogueChanged = Signal(object)  # set[int] of item ids; empty set = anything may have changed
    writeFailed = Signal(str)

    def __init__(self, archive_path: Path, runner: TaskRunner | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(archive_path)
        from memoria.trust.edition import read_edition

        # A reading-room edition opens read-only, locked to its audience (no writer).
        self.edition = read_edition(self.path)
        self.archive = Archive.open(self.path, writable=self.edition is None)
        self.reader = Archive.open(self.path, writable=False)
        self.runner = runner or TaskRunner(parent=self)
        self._audience = self.edition.audience if self.edition else Audience.CUSTODIAN
        self._snapshot: ConsentSnapshot | None = None
        self.catalogueChanged.connect(self._forget_snapshot)

    # -- audience ------------------------------------------------------------
    @property
    def audience(self) -> Audience:
        return self._audience

    def set_audience(self, audience: Audience) -> None:
        if self.edition is not None:
            return  # an edition is locked to the audience it was written for
        if audience is not self._audience:
            self._audience = audience
            self.audienceChanged.emit(audience)

    def snapshot(self) -> ConsentSnapshot:
        """Consent records read once per catalogue change, for lists and badges."""
        if self._snapshot is None:
            self._snapshot = ConsentSnapshot(self.reader)
        return self._snapshot

    def _forget_snapshot(self, _ids: object = None) -> None:
        self._snapshot = None

    # -- writing ---------------------------------------------------------------
    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        label: str = "",
        changed: set[int] | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        """Run `fn(archive, *args)` on the writer thread; announce the change after.

        `fn` may instead accept (archive, progress, cancelled, *args) when it is
        declared with `fn.reports_progress = True`.
        """
        if self.edition is not None:  # no action is offered; this is the last guard
            message = self.tr("This reading-room edition is read-only.")
            self.writeFailed.emit(message)
            if on_error:
                on_error(message)
            return None  # type: ignore[return-value]

        def job(progress, cancelled, *job_args):
            if getattr(fn, "reports_progress", False):
                return fn(self.archive, progress, cancelled, *job_args)
            return fn(self.archive, *job_args)

        def done(result: Any) -> None:
            self.catalogueChanged.emit(set(changed or ()))
            if on_done:
                on_done(result)

        def error(message: str) -> None:
            self.writeFailed.emit(message)
            if on_error:
                on_error(message)

        return self.runner.run(job, *args, write=True, label=label, on_done=done,
                               on_error=error, on_progress=on_progress)

    def close(self) -> None:
        self.runner.wait()
        if self.edition is not None:
            self.archive.close()
            self.reader.close()
            return
        try:
            # A rolling copy of the catalogue on every close, like Zotero's .bak:
            # the newest five stay in backups/auto/.
            from memoria.trust.autobackup import rolling_backup

            rolling_backup(self.archive)
        except Exception as exc:  # noqa: BLE001 - never lose a close over a spare copy
            self.writeFailed.emit(str(exc))
        self.reader.close()
        self.archive.close()
