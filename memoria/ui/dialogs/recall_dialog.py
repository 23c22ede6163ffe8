"""Copies to recall: the register's queue of copies outside the archive that
still hold what a withdrawal or a re-embargo closed, until marked recalled.

Opened from "Copies to recall" in the sidebar's work queues (custodians only).
The list is read through the session's reader; marking goes through the
writer like every other change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.operations import trust as trust_ops
from memoria.trust.copies_cli import REASON, copy_line
from memoria.ui.i18n import current_language
from memoria.ui.session import Session
from memoria.ui.widgets.fit import fit_to_screen

COPY_ROLE = Qt.ItemDataRole.UserRole + 1


def recall_lines(session: Session, item_ids: set[int] | None = None) -> list[str]:
    """The copies still holding `item_ids` (all when None), one line each, for a notice."""
    lang = current_language()
    by_copy: dict[int, list[trust_ops.Recall]] = {}
    for recall in trust_ops.pending_recalls(session.reader, item_ids):
        by_copy.setdefault(recall.copy.id, []).append(recall)
    return [f"{copy_line(group[0].copy, lang)}: "
            + ", ".join(f"{r.accession} ({REASON[lang].get(r.reason, r.reason)})" for r in group)
            for group in by_copy.values()]


class RecallDialog(QDialog):
    """The queue: one row per copy, its items below; "Mark as recalled" empties it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Copies to recall"))
        fit_to_screen(self, 720, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "These copies left the archive before a withdrawal or an embargo. They still "
            "hold items their audience may no longer receive: ask for them back (or "
            "refresh the edition), then mark them as recalled."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Copy"), self.tr("Why")])
        self.tree.setAccessibleName(self.tr("Copies to recall"))
        layout.addWidget(self.tree, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.mark_button = QPushButton(self.tr("&Mark as recalled"), self)
        buttons.addButton(self.mark_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.mark_button.clicked.connect(self.mark_selected)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.refresh()

    def refresh(self) -> None:
        lang = current_language()
        self.tree.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        for recall in trust_ops.pending_recalls(self.session.reader):
            top = groups.get(recall.copy.id)
            if top is None:
                top = QTreeWidgetItem([copy_line(recall.copy, lang), ""])
                top.setData(0, COPY_ROLE, recall.copy.id)
                self.tree.addTopLevelItem(top)
                groups[recall.copy.id] = top
            child = QTreeWidgetItem([recall.accession,
                                     REASON[lang].get(recall.reason, recall.reason)])
            child.setData(0, COPY_ROLE, recall.copy.id)
            top.addChild(child)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        if groups:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.message.setText(self.tr("No copy needs recalling."))
        self._enable()

    def count(self) -> int:
        return self.tree.topLevelItemCount()

    def _enable(self) -> None:
        self.mark_button.setEnabled(self.tree.currentItem() is not None)

    def mark_selected(self) -> None:
        current = self.tree.currentItem()
        if current is None:
            return
        copy_id = int(current.data(0, COPY_ROLE))

        def done(count: object) -> None:
            self.message.setText(self.tr("%n item(s) marked as recalled.", "", int(count or 0)))
            self.refresh()

        self.session.run(trust_ops.mark_recalled, copy_id,
                         label=self.tr("Marking a copy as recalled"), on_done=done,
                         on_error=self.message.setText)
