"""Herramientas: verify the archive's originals and back it up, from the window.

Both run on the writer thread (verification records its result in the
catalogue; a backup reads a consistent catalogue), report progress in the
status bar and can be cancelled. Saves made meanwhile wait their turn.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton

from memoria.domain.consent import Audience
from memoria.operations import trust as trust_ops
from memoria.trust.fixity import FixityReport, fixity_overdue, fixity_period_days

if TYPE_CHECKING:
    from memoria.ui.main_window import MainWindow




def install_tools_menu(window: MainWindow) -> None:
    menu = QMenu(QCoreApplication.translate("Tools", "&Tools"), window)
    window.menuBar().insertMenu(window.help_menu.menuAction(), menu)  # Help stays last
    verify = QAction(QCoreApplication.translate("Tools", "&Verify archive..."), window)
    verify.triggered.connect(lambda: start_verify(window))
    backup = QAction(QCoreApplication.translate("Tools", "&Back up archive..."), window)
    backup.triggered.connect(lambda: start_backup(window))
    protected = QAction(QCoreApplication.translate("Tools", "&Protected names..."), window)
    protected.triggered.connect(lambda: open_protections(window))
    edition = QAction(QCoreApplication.translate("Tools", "Reading-room &edition..."), window)
    edition.triggered.connect(lambda: start_edition(window))
    window.edition_action = edition
    for action in (verify, backup, protected, edition):
        menu.addAction(action)
        window.custodian_actions.append(action)
    window.protections_action = protected
    from memoria.ui.dialogs.purge_dialog import install_purge_actions

    install_purge_actions(window, menu, custodian_at_work)  # Suprimir…: items, a person, pending
    window.verify_action = verify
    remind_fixity(window)  # one indexed query: cheap enough to do while building


def open_protections(window: MainWindow) -> None:
    """Custodians only: the names and terms replaced on every path out."""
    from memoria.domain.consent import Audience
    from memoria.ui.dialogs.protections_dialog import ProtectionsDialog

    if window.session.audience is not Audience.CUSTODIAN:
        return
    ProtectionsDialog(window.session, window).exec()


def custodian_at_work(window: MainWindow) -> bool:
    """Custodian actions run only for a custodian on a live archive: every way in
    (menu, shortcut, status-bar link) passes here, not only the enabled menu entry."""
    return (window.session.audience is Audience.CUSTODIAN
            and window.session.edition is None)


def start_verify(window: MainWindow) -> None:
    if not custodian_at_work(window):
        return
    window.session.run(
        trust_ops.verify,
        label=QCoreApplication.translate("Tools", "Verifying originals"),
        on_done=lambda report: _show_fixity(window, report),
        on_error=lambda message: QMessageBox.critical(window, QCoreApplication.translate("Tools", "Verification failed"), message),
    )


def _show_fixity(window: MainWindow, report: FixityReport) -> None:
    if report.cancelled:
        window.statusBar().showMessage(QCoreApplication.translate("Tools", "Verification cancelled: nothing was recorded."), 8000)
        return
    hide_fixity_reminder(window)
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


def start_backup(window: MainWindow, dest: Path | None = None) -> None:
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


def start_edition(window: MainWindow, dest: Path | None = None,
                  audience: str | None = None) -> None:
    """Write or refresh a read-only reading-room edition (as `memoria edition`)."""
    from PySide6.QtWidgets import QInputDialog

    from memoria.ui.i18n import current_language

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
        window.last_edition = report

    window.session.run(
        trust_ops.write_edition, dest, Audience(audience), current_language(),
        label=QCoreApplication.translate("Tools", "Writing the edition"), on_done=done,
        on_error=lambda message: QMessageBox.critical(
            window, QCoreApplication.translate("Tools", "Edition failed"), message))


def remind_fixity(window: MainWindow) -> None:
    """Say so when the last full check is older than the archive's period (default 90 days)."""
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
    button.clicked.connect(lambda: start_verify(window))
    window.statusBar().addWidget(button)
    window.fixity_reminder = button
    show_fixity_reminder(window)


def show_fixity_reminder(window: MainWindow) -> None:
    """The reminder is a custodian action: shown to custodians only (the window calls
    this on every audience change)."""
    button = getattr(window, "fixity_reminder", None)
    if button is not None:
        button.setVisible(window.session.audience is Audience.CUSTODIAN)


def hide_fixity_reminder(window: MainWindow) -> None:
    button = getattr(window, "fixity_reminder", None)
    if button is not None:
        window.statusBar().removeWidget(button)
        button.deleteLater()
        window.fixity_reminder = None
