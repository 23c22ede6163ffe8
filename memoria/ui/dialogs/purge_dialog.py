"""Suprimir…: forgetting on request, from the window (custodians only).

`PurgeDialog` is the confirmation: what will go, the items the person
shares with others (ticked: purged too; unticked: kept without the person),
the copies outside the archive and the backups that still hold the
material, the waiting period or second custodian's step, and the reason,
legal basis and request reference. Accepting records a *request*: nothing
is removed until it is carried out from `PendingPurgesDialog` by a second
custodian's account or after the waiting period; until then it can be
cancelled there. Every way in passes `_allowed` (a custodian on a live archive).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memoria.domain.consent import Audience
from memoria.operations import purge as purge_ops
from memoria.ui.session import Session
from memoria.ui.widgets.fit import fit_to_screen

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PurgeDialog(QDialog):
    """The confirmation of a purge request (see the module text)."""

    def __init__(self, session: Session, target: purge_ops.Target,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.target = target
        self.purge_id: int | None = None
        self.preview = purge_ops.preview(session.reader, session.actor, target)
        plan = self.preview.plan
        self.setWindowTitle(self.tr("Purge on request"))
        fit_to_screen(self, 680, 560)
        layout = QVBoxLayout(self)
        if target.kind == "person":
            heading = self.tr("Forget {name} and everything about them.").format(
                name=self.preview.person_name)
        else:
            heading = self.tr("Forget these items.")
        intro = QLabel(heading + " " + self.tr(
            "Nothing is removed now: the request waits for a second custodian or for the "
            "waiting period, and can be cancelled until then."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QLabel(self._summary(plan), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.items_list = self._list(self.tr("Items that go"),
                                     [f"{i.accession}  {i.title}" for i in self.preview.items],
                                     layout)
        self.shared_list = QListWidget(self)
        self.shared_list.setAccessibleName(self.tr("Items shared with other people"))
        for ref in self.preview.shared:
            entry = QListWidgetItem(f"{ref.accession}  {ref.title}", self.shared_list)
            entry.setData(ID_ROLE, ref.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
        if self.preview.shared:
            shared = QLabel(self.tr(
                "Shared with other people (a group photograph): tick those to purge too; "
                "the others are kept without this person."), self)
            shared.setWordWrap(True)
            layout.addWidget(shared)
            layout.addWidget(self.shared_list)
        else:
            self.shared_list.hide()
        outside = [self.tr("{kind} at {dest} ({date})").format(kind=c.kind, dest=c.dest,
                                                               date=c.made_at[:10])
                   for c in self.preview.copies]
        outside += [self.tr("backup at {dest} ({date}): its older generations would restore "
                            "it").format(dest=c.dest, date=c.made_at[:10])
                    for c in self.preview.backups]
        self.copies_list = self._list(self.tr("Copies outside the archive to recall"),
                                      outside, layout)
        if self.preview.accounts:
            wait = self.tr("It can be carried out in {days} days, or sooner when another "
                           "custodian confirms it with their own account.")
        else:
            wait = self.tr("It can be carried out in {days} days (this archive has no "
                           "accounts, so no second custodian can shorten the wait).")
        self.waiting = QLabel(wait.format(days=self.preview.waiting_days), self)
        self.waiting.setWordWrap(True)
        layout.addWidget(self.waiting)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.basis = QLineEdit(self)
        self.basis.setPlaceholderText(self.tr("Ley 1581 de 2012, art. 8"))
        self.request_ref = QLineEdit(self)
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Legal &basis:"), self.basis)
        form.addRow(self.tr("Request &reference:"), self.request_ref)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.request_button = QPushButton(self.tr("Request &purge"), self)
        buttons.addButton(self.request_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.request_button.clicked.connect(self.request)
        layout.addWidget(buttons)
        for field in (self.reason, self.basis):
            field.textChanged.connect(self._enable)
        self._enable()

    def _list(self, title: str, lines: list[str], layout: QVBoxLayout) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName(title)
        widget.addItems(lines)
        if lines:
            layout.addWidget(QLabel(title, self))
            layout.addWidget(widget)
        else:
            widget.hide()
        return widget

    def _enable(self) -> None:
        self.request_button.setEnabled(bool(self.reason.text().strip()
                                            and self.basis.text().strip()))

    def chosen_shared(self) -> tuple[int, ...]:
        return tuple(int(self.shared_list.item(r).data(ID_ROLE))
                     for r in range(self.shared_list.count())
                     if self.shared_list.item(r).checkState() == Qt.CheckState.Checked)

    def request(self) -> None:
        target = self.target
        if target.kind == "person":
            target = purge_ops.Target("person", person_id=target.person_id,
                                      shared_purge=self.chosen_shared())
        self.session.run(purge_ops.request, target, self.reason.text(), self.basis.text(),
                         self.request_ref.text(), label=self.tr("Recording the purge request"),
                         on_done=self._requested, on_error=self.message.setText)

    def _requested(self, purge_id: int) -> None:
        self.purge_id = purge_id
        self.accept()


    def _summary(self, plan: purge_ops.Plan) -> str:
        """What goes, counted with each noun in its number; parts with nothing left out."""
        parts = [self.tr("%n item(s)", "", len(plan.items))]
        if plan.consents:
            consents = self.tr("%n consent record(s)", "", len(plan.consents))
            if plan.forms:
                consents += " " + self.tr("(%n signed form(s))", "", plan.forms)
            parts.append(consents)
        if plan.blobs:
            parts.append(self.tr("%n file(s)", "", len(plan.blobs)))
        text = self.tr("To be removed: {parts}.").format(parts=", ".join(parts))
        if plan.unlinked:
            text += " " + self.tr("%n item(s) keep their place without this person, whose "
                                  "name in them becomes a redaction.", "", len(plan.unlinked))
        return text


class PendingPurgesDialog(QDialog):
    """Requests waiting: carry one out (second custodian, or after the wait) or cancel it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Pending purges"))
        fit_to_screen(self, 720, 360)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Request"), self.tr("What"), self.tr("Requested"),
                                   self.tr("From")])
        self.tree.setAccessibleName(self.tr("Pending purges"))
        layout.addWidget(self.tree, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.confirm_button = QPushButton(self.tr("Carry &out"), self)
        self.cancel_button = QPushButton(self.tr("Cancel &request"), self)
        for button in (self.confirm_button, self.cancel_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for request in purge_ops.pending(self.session.reader, self.session.actor):
            if request.target.kind == "person":
                what = self.tr("a person and their records")
            else:
                what = self.tr("{n} items").format(n=len(request.target.item_ids))
            row = QTreeWidgetItem([f"#{request.id}", what,
                                   f"{request.requested_by} {request.requested_at[:16]}",
                                   request.not_before[:16].replace("T", " ")])
            row.setData(0, ID_ROLE, request.id)
            self.tree.addTopLevelItem(row)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._enable()

    def count(self) -> int:
        return self.tree.topLevelItemCount()

    def _selected(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def _enable(self) -> None:
        chosen = self._selected() is not None
        self.confirm_button.setEnabled(chosen)
        self.cancel_button.setEnabled(chosen)

    def confirm_selected(self) -> None:
        purge_id = self._selected()
        if purge_id is not None:
            self.session.run(purge_ops.confirm, purge_id, label=self.tr("Purging"),
                             on_done=self._done, on_error=self.message.setText)

    def cancel_selected(self) -> None:
        purge_id = self._selected()
        if purge_id is not None:
            self.session.run(purge_ops.cancel, purge_id, on_done=lambda _v: self._cancelled(),
                             on_error=self.message.setText)

    def _cancelled(self) -> None:
        self.message.setText(self.tr("The request was cancelled; nothing was removed."))
        self.refresh()

    def _done(self, report: purge_ops.Report) -> None:
        lines = [self.tr("Carried out; the tombstone is in the audit log.")]
        if not report.finished:
            lines.append(self.tr("Its disk part finishes when the archive is next opened."))
        for copy in report.copies:
            lines.append(self.tr("Recall the copy at {dest}.").format(dest=copy.dest))
        for copy in report.backups:
            lines.append(self.tr("The backup at {dest} may still hold it.").format(
                dest=copy.dest))
        lines += report.backup_notes  # its generations, by name
        self.message.setText("\n".join(lines))
        self.refresh()


# -- the window's ways in (Tools menu, ui/tools.py; custodians on a live archive only) ----
def _allowed(window: WindowApi) -> bool:
    """Asked again on every way in, not only when the menu entry is enabled."""
    session = window.session
    return bool(session.audience is Audience.CUSTODIAN and session.edition is None
                and not getattr(session, "sleeping", False)  # the idle lock
                and getattr(session, "locked_to", None) is None)  # locked to a visitor's view


def _open(window: WindowApi, target: purge_ops.Target) -> PurgeDialog | None:
    if not _allowed(window):
        return None
    dialog = PurgeDialog(window.session, target, window)  # type: ignore[arg-type]
    dialog.open()
    return dialog


def purge_current_item(window: WindowApi) -> PurgeDialog | None:
    item_id = window.items.current_item()
    if item_id is None or not _allowed(window):
        return None
    return _open(window, purge_ops.Target("items", item_ids=(item_id,)))


def purge_person(window: WindowApi, person_id: int | None = None) -> PurgeDialog | None:
    if not _allowed(window):
        return None
    if person_id is None:
        people = purge_ops.people(window.session.reader, window.session.actor)
        names = [f"{name}  (#{pid})" for pid, name in people]
        chosen, ok = QInputDialog.getItem(
            window, QCoreApplication.translate("Purge", "Purge a person"),
            QCoreApplication.translate("Purge", "Person:"), names, 0, False)
        if not ok or not chosen:
            return None
        person_id = people[names.index(chosen)][0]
    return _open(window, purge_ops.Target("person", person_id=person_id))


def show_pending(window: WindowApi) -> PendingPurgesDialog | None:
    if not _allowed(window):
        return None
    dialog = PendingPurgesDialog(window.session, window)  # type: ignore[arg-type]
    dialog.open()
    return dialog
