"""Herramientas: verify the archive's originals and back it up, from the window.

Both run on the writer thread (verification records its result in the
catalogue; a backup reads a consistent catalogue), report progress in the
status bar and can be cancelled. Saves made meanwhile wait their turn.
`ToolsController` owns the Tools menu, its actions (registered in the window's
registry), the overdue-verification reminder and the last edition written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton

from memoria.domain.consent import Audience
from memoria.operations import trust as trust_ops
from memoria.trust.fixity import FixityReport, fixity_overdue, fixity_period_days
from memoria.ui.actions import ActionId
from memoria.ui.dialogs import purge_dialog

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


def _tr(text: str) -> str:
    return QCoreApplication.translate("Tools", text)


def custodian_at_work(window: WindowApi) -> bool:
    """Custodian actions run only for a custodian on a live archive: every way in
    (menu, shortcut, status-bar link) passes here, not only the enabled menu entry."""
    return (window.session.audience is Audience.CUSTODIAN
            and window.session.edition is None)


class ToolsController(QObject):
    """Created by the window after its menus (the Tools menu goes before Help)."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.fixity_reminder: QPushButton | None = None
        self.last_edition: object | None = None
        self.menu = QMenu(_tr("&Tools"), window)  # type: ignore[arg-type]
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)  # Help stays last
        add = window.actions.add
        self.verify_action = add(ActionId.VERIFY, _tr("&Verify archive..."),
                                 lambda: self.verify(), custodian=True)
        self.backup_action = add(ActionId.BACK_UP, _tr("&Back up archive..."),
                                 lambda: self.backup(), custodian=True)
        self.protections_action = add(ActionId.PROTECTED_NAMES, _tr("&Protected names..."),
                                      lambda: self.open_protections(), custodian=True)
        self.edition_action = add(ActionId.READING_ROOM_EDITION,
                                  _tr("Reading-room &edition..."), lambda: self.edition(),
                                  custodian=True)
        for action in (self.verify_action, self.backup_action, self.protections_action,
                       self.edition_action):
            self.menu.addAction(action)
        # Suprimir…: items, a person, pending (custodians on a live archive, every way in).
        tr = QCoreApplication.translate
        self.menu.addSeparator()
        self.purge_actions = [
            add(ActionId.PURGE_ITEM, tr("Purge", "Purge &item..."),
                lambda: purge_dialog.purge_current_item(window), custodian=True),
            add(ActionId.PURGE_PERSON, tr("Purge", "Purge a &person..."),
                lambda: purge_dialog.purge_person(window), custodian=True),
            add(ActionId.PENDING_PURGES, tr("Purge", "Pending pur&ges..."),
                lambda: purge_dialog.show_pending(window), custodian=True),
        ]
        for action in self.purge_actions:
            self.menu.addAction(action)
        self.remind_fixity()  # one indexed query: cheap enough to do while building
        window.session.audienceChanged.connect(self.show_fixity_reminder)

    def open_protections(self) -> None:
        """Custodians only: the names and terms replaced on every path out."""
        from memoria.ui.dialogs.protections_dialog import ProtectionsDialog

        if self.window.session.audience is not Audience.CUSTODIAN:
            return
        ProtectionsDialog(self.window.session, self.window).exec()  # type: ignore[arg-type]

    def verify(self) -> None:
        window = self.window
        if not custodian_at_work(window):
            return
        window.session.run(
            trust_ops.verify,
            label=QCoreApplication.translate("Tools", "Verifying originals"),
            on_done=lambda report: self._show_fixity(report),
            on_error=lambda message: QMessageBox.critical(window, QCoreApplication.translate("Tools", "Verification failed"), message),
        )

    def _show_fixity(self, report: FixityReport) -> None:
        window = self.window
        if report.cancelled:
            window.statusBar().showMessage(QCoreApplication.translate("Tools", "Verification cancelled: nothing was recorded."), 8000)
            return
        self.hide_fixity_reminder()
        if report.ok:
            QMessageBox.information(
                window, QCoreApplication.translate("Tools", "Archive verified"),
                QCoreApplication.translate("Tools", "All {count} originals are intact and the catalogue is consistent.").format(
                    count=window.locale().toString(report.checked)),
            )
            return
        from memoria.domain.messages import say
        from memoria.ui.i18n import current_language

        lang = current_language()
        lines = [QCoreApplication.translate("Tools", "Changed: {path}").format(path=say(p, lang))
                 for p in report.changed]
        lines += [QCoreApplication.translate("Tools", "Missing: {path}").format(path=p) for p in report.missing]
        lines += [QCoreApplication.translate("Tools", "Not in the catalogue: {path}").format(path=p) for p in report.unexpected]
        lines += [QCoreApplication.translate("Tools", "Catalogue: {problem}").format(problem=say(p, lang))
                  for p in (*report.integrity, *report.foreign_keys, *report.seal)]
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Tools", "Problems found"),
                          QCoreApplication.translate("Tools", "The verification found problems. Restore the affected files from a "
                             "backup; the result is recorded in the archive's history."), parent=window)
        box.setDetailedText("\n".join(lines))
        box.exec()

    def backup(self, dest: Path | None = None) -> None:
        window = self.window
        if not custodian_at_work(window):
            return
        if dest is None:
            chosen = QFileDialog.getExistingDirectory(window, QCoreApplication.translate("Tools", "Back up the archive to"))
            if not chosen:
                return
            dest = Path(chosen)
        window.session.run(
            trust_ops.back_up, dest,
            label=QCoreApplication.translate("Tools", "Backing up"),
            on_done=lambda report: window.statusBar().showMessage(
                QCoreApplication.translate("Tools", "Backup done: {copied} new originals copied, {skipped} already there.").format(
                    copied=report.media_copied, skipped=report.media_skipped), 15000),
            on_error=lambda message: QMessageBox.critical(window, QCoreApplication.translate("Tools", "Backup failed"), message),
        )

    def edition(self, dest: Path | None = None, audience: str | None = None) -> None:
        """Write or refresh a read-only reading-room edition (as `memoria edition`)."""
        from PySide6.QtWidgets import QInputDialog

        from memoria.ui.i18n import current_language

        window = self.window
        if not custodian_at_work(window):
            return
        if audience is None:
            labels = {QCoreApplication.translate("Tools", "Researchers (reading room)"): "researcher",
                      QCoreApplication.translate("Tools", "The public"): "public"}
            chosen, ok = QInputDialog.getItem(
                window, QCoreApplication.translate("Tools", "Reading-room edition"),
                QCoreApplication.translate("Tools", "For whom is the edition?"), list(labels), 0,
                False)
            if not ok:
                return
            audience = labels[chosen]
        if dest is None:
            folder = QFileDialog.getExistingDirectory(
                window, QCoreApplication.translate("Tools", "Write the edition to (empty folder, or "
                                                            "an earlier edition to refresh)"))
            if not folder:
                return
            dest = Path(folder)

        def done(report: object) -> None:
            window.statusBar().showMessage(QCoreApplication.translate(
                "Tools", "Edition written: {items} items, {removed} no longer in it.").format(
                    items=len(report.items), removed=len(report.removed)), 15000)  # type: ignore[attr-defined]
            self.last_edition = report

        window.session.run(
            trust_ops.write_edition, dest, Audience(audience), current_language(),
            label=QCoreApplication.translate("Tools", "Writing the edition"), on_done=done,
            on_error=lambda message: QMessageBox.critical(
                window, QCoreApplication.translate("Tools", "Edition failed"), message))

    def remind_fixity(self) -> None:
        """Say so when the last full check is older than the archive's period (default 90 days)."""
        window = self.window
        reader = window.session.reader
        if window.session.edition is not None or not fixity_overdue(reader):
            return
        button = QPushButton(
            QCoreApplication.translate("Tools", "No full verification in the last {days} days: verify now").format(
                days=fixity_period_days(reader)),
            window,
        )
        button.setFlat(True)
        button.setAccessibleName(QCoreApplication.translate("Tools", "Verify the archive now"))
        button.clicked.connect(lambda: self.verify())
        window.statusBar().addWidget(button)
        self.fixity_reminder = button
        self.show_fixity_reminder()

    def show_fixity_reminder(self, *_args: object) -> None:
        """The reminder is a custodian action: shown to custodians only (asked again on
        every audience change)."""
        window = self.window
        button = self.fixity_reminder
        if button is not None:
            button.setVisible(window.session.audience is Audience.CUSTODIAN)

    def hide_fixity_reminder(self) -> None:
        window = self.window
        button = self.fixity_reminder
        if button is not None:
            window.statusBar().removeWidget(button)
            button.deleteLater()
            self.fixity_reminder = None
