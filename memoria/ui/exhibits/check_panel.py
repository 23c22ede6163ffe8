"""Consent, before anything leaves: every entry checked for the target scope.

The check (memoria.exhibits.check, the same function the export uses) runs
on the readers pool with its own read-only connection, fresh from the
consent records each time; the editor re-runs it on every catalogue change,
so a consent withdrawn after an entry was placed shows that entry blocked at
once. Results cross threads as plain tuples; a stale answer (an older run
finishing after a newer one started) is dropped by a generation counter.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from memoria.domain.model import Scope
from memoria.ui.i18n import current_language
from memoria.ui.labels import scope_label
from memoria.ui.session import Session
from memoria.ui.widgets.consent_badge import COLOURS

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 40


@dataclass(frozen=True)
class Verdict:
    """One entry's answer, as plain data for the GUI thread."""

    entry_id: int
    accession: str
    allowed: bool
    reasons: tuple[str, ...]
    explanation: str  # in the interface language


def check_verdicts(session: Session, exhibit_id: int, scope: Scope | None,
                   lang: str) -> list[Verdict]:
    """Run the exhibit check on a connection of this thread's own."""
    from memoria.exhibits.check import check_exhibit
    from memoria.operations.exhibits import get_exhibit

    with session.reading() as reader:
        exhibit = get_exhibit(reader, exhibit_id)
        return [Verdict(c.entry.id, c.accession, c.allowed, c.reasons, c.explain(lang))
                for c in check_exhibit(reader, exhibit, scope)]


class CheckPanel(QWidget):
    """A summary line and the list of blocked entries with their reasons."""

    checked = Signal(object)      # dict: entry id -> (allowed, explanation)
    entryActivated = Signal(int)  # a blocked entry clicked: show it in the outline

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.verdicts: list[Verdict] = []
        self._generation = 0
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Consent check summary"))
        self.blocked_list = QListWidget(self)
        self.blocked_list.setAccessibleName(self.tr("Entries that cannot go out"))
        self.blocked_list.setWordWrap(True)
        self.blocked_list.itemActivated.connect(self._activated)
        self.blocked_list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.blocked_list, 1)

    def run(self, exhibit_id: int, scope: Scope) -> None:
        """Check again (off the GUI thread); results arrive through `checked`."""
        self._generation += 1
        generation = self._generation
        self.summary.setText(self.tr("Checking consent for {scope}…").format(
            scope=scope_label(scope)))
        session, lang = self.session, current_language()
        self.session.runner.run(
            lambda _p, _c: check_verdicts(session, exhibit_id, scope, lang),
            label=self.tr("Checking consent"),
            on_done=lambda verdicts: self._done(generation, scope, verdicts),
            on_error=lambda message: self._failed(generation, message),
        )

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.summary.setText(self.tr("The check failed: {message}").format(message=message))

    def _done(self, generation: int, scope: Scope, verdicts: list[Verdict]) -> None:
        if generation != self._generation:
            return
        self.verdicts = verdicts
        blocked = [v for v in verdicts if not v.allowed]
        if not verdicts:
            text = self.tr("No entries yet: drag items here from the list.")
        elif blocked:
            text = self.tr("{blocked} of {total} entries cannot go out as {scope}; they will "
                           "be left out of the export, the preview and the catalogue.").format(
                blocked=len(blocked), total=len(verdicts), scope=scope_label(scope))
        else:
            text = self.tr("All {total} entries may go out as {scope}.").format(
                total=len(verdicts), scope=scope_label(scope))
        self.summary.setText(text)
        self.blocked_list.clear()
        background, foreground = COLOURS["withdrawn"]
        for verdict in blocked:
            row = QListWidgetItem(self.tr("Blocked · {accession}: {reason}").format(
                accession=verdict.accession, reason=verdict.explanation))
            row.setData(ENTRY_ROLE, verdict.entry_id)
            row.setBackground(QBrush(QColor(background)))
            row.setForeground(QBrush(QColor(foreground)))
            self.blocked_list.addItem(row)
        self.blocked_list.setVisible(bool(blocked))
        self.checked.emit({v.entry_id: (v.allowed, v.explanation) for v in verdicts})

    def blocked_texts(self) -> list[str]:
        return [self.blocked_list.item(r).text() for r in range(self.blocked_list.count())]

    def _activated(self, row: QListWidgetItem) -> None:
        entry_id = row.data(ENTRY_ROLE)
        if entry_id is not None:
            self.entryActivated.emit(int(entry_id))
