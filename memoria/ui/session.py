"""One open archive in the window: its connections, audience, writer and change feed.

Writes run on the task runner's single writer thread with the writable
Archive; the GUI thread reads through a separate read-only connection (WAL
lets it see every committed change). Widgets ask the session, never SQLite.

Operations (memoria.operations) answer what they changed; the session
announces that answer. Changes made by other processes (the command line,
another window) arrive through the catalogue's change feed, which the
session follows on a short timer, and are announced the same way.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from memoria.access import CatalogueHeld, ConsentSnapshot
from memoria.domain.changes import Changes
from memoria.domain.consent import Audience
from memoria.operations.actor import Actor
from memoria.operations.archive import (
    Archive,
    SQLiteError,
    changes_since,
    latest_generation,
    open_archive,
    reading,
)
from memoria.ui.labels import ui_lang
from memoria.ui.tasks import Task, TaskRunner

FEED_POLL_MS = 250  # how often the window looks for other processes' changes

# The widest view first: an audience is "within" a ceiling when it sees no more than it.
_RANK = {audience: n for n, audience in enumerate(Audience)}


def within(audience: Audience, ceiling: Audience) -> bool:
    """True when `audience` sees no more than `ceiling` (public is within researcher)."""
    return _RANK[audience] >= _RANK[ceiling]


#: When the session checks the seal by itself if no window has asked (ms).
SEAL_CHECK_FALLBACK_MS = 3000


class Session(QObject):
    audienceChanged = Signal(object)  # Audience
    catalogueChanged = Signal(object)  # set[int] of item ids; empty set = anything may have changed
    changesArrived = Signal(object)  # Changes: the same news, with the kinds of change
    writeFailed = Signal(str)
    lockChanged = Signal(object)  # Audience the window is locked to, or None
    sleepingChanged = Signal(bool)  # True: locked (key forgotten, connections closed)
    # Around the idle lock and a key rotation: whoever opened connections of its own
    # (the search engine, one per thread) closes them, then opens new ones.
    closingConnections = Signal()
    sealChecked = Signal()  # the opening's page check is done: seal_problems are known
    connectionsReopened = Signal()

    def __init__(self, archive_path: Path, runner: TaskRunner | None = None,
                 parent: QObject | None = None, keys: object | None = None) -> None:
        super().__init__(parent)
        self.path = Path(archive_path)
        from memoria.trust.edition import read_edition

        # A reading-room edition opens read-only, locked to its audience (no writer).
        self.edition = read_edition(self.path)
        self.keys: object | None = None  # the ArchiveKeys that opened it (None: no accounts)
        self.runner = runner or TaskRunner(parent=self)
        self._open(keys)
        self._audience = self.edition.audience if self.edition else Audience.CUSTODIAN
        # Until accounts: the person at this computer, a custodian of their own archive;
        # in an edition, whoever sits at it acts with the edition's audience (no writes).
        self.actor = Actor.local(role=self._audience)
        # Locked to an audience (a visitor at the screen): no view or action above it.
        self.locked_to: Audience | None = None
        if keys is not None:
            self.adopt_account(keys)
        self.sleeping = False  # idle lock: connections closed, key forgotten
        self._snapshot: ConsentSnapshot | None = None
        # Long jobs on threads of their own (a transcription): cancelled and waited for
        # at close; each has pause() / resume().
        self.background_jobs: list[Any] = []
        self.catalogueChanged.connect(self._forget_snapshot)
        self._seen = latest_generation(self.reader)
        self._feed = QTimer(self)
        self._feed.setInterval(FEED_POLL_MS)
        self._feed.timeout.connect(self.catch_up)
        self._feed.start()

    # -- audience ------------------------------------------------------------
    @property
    def audience(self) -> Audience:
        return self._audience

    def held(self) -> str | None:
        """Why views beyond custody are closed (the catalogue lost committed changes)."""
        return self.reader.held

    @property
    def ceiling(self) -> Audience:
        """The widest audience the window may show now: the account's role, narrowed
        by a lock to an audience."""
        if self.locked_to is not None and within(self.locked_to, self.actor.role):
            return self.locked_to
        return self.actor.role

    def lock_to(self, audience: Audience) -> None:
        """Lock the window to `audience` (researcher or public) and show it. Only the
        window's controls decide who may; the operations refuse beyond it anyway."""
        self.locked_to = audience
        self._set(audience)
        self.lockChanged.emit(audience)

    def unlock_view(self) -> None:
        """Back up to the account's own view (after the window asked for a custodian)."""
        self.locked_to = None
        self.lockChanged.emit(None)
        self._set(self.actor.role)

    def set_audience(self, audience: Audience) -> None:
        if self.edition is not None:
            return  # an edition is locked to the audience it was written for
        if not within(audience, self.ceiling):
            self.audienceChanged.emit(self._audience)  # the selectors go back
            return
        if self.reader.held and audience is not Audience.CUSTODIAN:
            # A lost withdrawal could show a withdrawn item: say why, stay in custody.
            self.writeFailed.emit(CatalogueHeld(self.reader.held).sentence(ui_lang()))
            self.audienceChanged.emit(self._audience)  # the selectors go back
            return
        self._set(audience)

    def _set(self, audience: Audience) -> None:
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

    def reading(self) -> AbstractContextManager[Archive]:
        """A read-only connection of the calling (worker) thread's own, closed after use."""
        return reading(self.path, self.keys) if self.keys is not None else reading(self.path)

    # -- the change feed ---------------------------------------------------------
    def catch_up(self, also: Changes | None = None) -> Changes:
        """Announce what the feed holds past what this window has seen (and `also`).

        `also` is an operation's answer: when the feed has already been read past
        the number it committed at (a tick between its commit and this call), the
        feed announced it then, and it is not announced twice."""
        if also is not None and 0 < also.generation <= self._seen:
            also = None
        news = also or Changes()
        try:
            newest = latest_generation(self.reader)
            if newest > self._seen:
                news = news | changes_since(self.reader, self._seen, newest)
                self._seen = newest
        except SQLiteError:
            pass  # closed, or the disk refused a moment: the next tick asks again
        if news:
            self.changesArrived.emit(news)
            self.catalogueChanged.emit(news.affected_items)
        return news

    # -- writing ---------------------------------------------------------------
    def run(
        self,
        operation: Callable[..., Changes],
        *args: Any,
        label: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Task:
        """Run `operation(archive, actor, *args)` on the writer thread and announce
        the Changes it returns; `on_done` receives the operation's `.value`. An
        operation with `progress`/`cancelled` keywords is given the task's."""
        if self.edition is not None:  # no action is offered; this is the last guard
            self._failed(on_error)(self.tr("This reading-room edition is read-only."))
            return None  # type: ignore[return-value]
        wants = inspect.signature(operation).parameters
        # Refusals in the window's language; a window locked to an audience acts with
        # that audience's role, so the operation itself refuses custodian work.
        actor = replace(self.actor, lang=ui_lang(), role=self.ceiling)

        def job(progress, cancelled, *job_args):
            kwargs = {name: value for name, value in
                      (("progress", progress), ("cancelled", cancelled)) if name in wants}
            return operation(self.archive, actor, *job_args, **kwargs)

        def done(changes: Changes) -> None:
            self.catch_up(changes)
            if on_done:
                on_done(changes.value)

        return self.runner.run(job, *args, write=True, label=label, on_done=done,
                               on_error=self._failed(on_error), on_progress=on_progress)

    def _failed(self, on_error: Callable[[str], None] | None) -> Callable[[str], None]:
        """A write's refusal: said in the window (writeFailed), then to the caller."""
        def error(message: str) -> None:
            self.writeFailed.emit(message)
            if on_error:
                on_error(message)
        return error

    # -- the idle lock ---------------------------------------------------------------
    def sleep(self) -> None:
        """Lock: stop following the feed, close both connections, forget the key.
        Running work must have stopped first (the window cancels it and waits)."""
        if self.sleeping:
            return
        self._feed.stop()
        self._snapshot = None
        self.sleeping = True
        self.closingConnections.emit()
        for archive in (self.reader, self.archive):
            with contextlib.suppress(Exception):  # closing what may be closed already
                archive.close()
        if self.keys is not None:
            self.keys.forget()  # type: ignore[attr-defined]
        from memoria.search.encrypted_storage import forget_decrypted

        forget_decrypted()  # the decrypted chunks of the index kept for searching
        self.sleepingChanged.emit(True)

    def wake(self, keys: object | None = None) -> None:
        """Unlock: reopen with the keys an unlock gave, and catch up with what others
        changed meanwhile."""
        if not self.sleeping:
            return
        self._open(keys)
        self.sleeping = False
        self.connectionsReopened.emit()
        self._feed.start()
        self.sleepingChanged.emit(False)
        self.catch_up(Changes(everything=True))

    def set_aside(self) -> None:
        """Close both connections without forgetting the key or locking the window (a key
        rotation needs the archive closed); `take_back` reopens. Work must have stopped."""
        self._feed.stop()
        self._snapshot = None
        self.closingConnections.emit()
        for archive in (self.reader, self.archive):
            with contextlib.suppress(Exception):
                archive.close()

    def take_back(self, keys: object | None) -> None:
        """Reopen after `set_aside`, with `keys` (new ones after a rotation)."""
        self._open(keys if keys is not None else self.keys)
        self.connectionsReopened.emit()
        self._feed.start()
        self.catch_up(Changes(everything=True))

    def adopt_account(self, keys: object) -> None:
        """The account that unlocked acts from now on: its name in the audit log, its
        role the widest view (the recovery key acts as a custodian named "recovery")."""
        role = Audience.CURATOR if getattr(keys, "role", "") == "curator" else Audience.CUSTODIAN
        self.actor = Actor(getattr(keys, "account", "") or "recovery", role, self.actor.lang)
        if not within(self._audience, self.ceiling):
            self._set(self.ceiling)

    @property
    def encrypted(self) -> bool:
        return bool(getattr(self.keys, "encrypted", False))

    def _open(self, keys: object | None) -> None:
        extra = {"keys": keys} if keys is not None else {}
        # The seal's page check reads the whole catalogue (0.6 s per GB: most of a cold
        # start with hour-long transcripts); it runs once, on a worker, after the window
        # can paint. Lost commits (the views a custodian must reopen) are known at once.
        self.archive = open_archive(self.path, writable=self.edition is None,
                                    check_seal=False, **extra)
        self.reader = open_archive(self.path, writable=False, check_seal=False, **extra)
        self.keys = keys
        self._seal_unchecked = True
        self._seal_check: Task | None = None
        # The window asks once its list has landed (check_seal); without a window, soon.
        QTimer.singleShot(SEAL_CHECK_FALLBACK_MS, self, self.check_seal)

    def check_seal(self) -> None:
        """Check the pages of the catalogue, once per opening, on a worker. The window
        asks when its first list has landed: run during the start-up, the check held
        the interpreter lock for ~0.6 s per GB against the window's own work."""
        if not self._seal_unchecked:
            return
        self._seal_unchecked = False
        from memoria.operations.archive import changed_pages

        root, opened = self.path, (self.archive, self.reader)

        def check(_progress: object, cancelled: Callable[[], bool]) -> list | None:
            return changed_pages(root, cancelled)

        def checked(problems: list | None) -> None:
            if problems is None:  # cancelled: the session is closing
                return
            for archive in opened:
                archive.seal_problems = problems
            if self.archive is opened[0] and self.reader is opened[1]:  # not reopened since
                self.sealChecked.emit()

        self._seal_check = self.runner.run(check, on_done=checked)

    def pause_background(self) -> None:
        for job in list(self.background_jobs):
            job.pause()

    def resume_background(self) -> None:
        for job in list(self.background_jobs):
            job.resume()

    def close(self) -> None:
        self._feed.stop()
        self._seal_unchecked = False  # a check not started yet is not started after close
        if self._seal_check is not None:
            self._seal_check.cancel()  # one under way stops at its next 64 pages
        for job in list(self.background_jobs):
            job.cancel()  # finished chunks are kept: the next Transcribe resumes
            job.wait(15000)
        self.runner.wait()
        if self.sleeping:
            return  # closed when it locked (and no copy: the key is gone)
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
