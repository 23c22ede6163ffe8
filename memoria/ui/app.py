"""Starting the desktop app: language, which archive, one window per archive.

An archive that cannot be opened (missing, locked by another Memoria, not an
archive) is explained in a message box with a way forward (create it, pick
another folder, quit) instead of a traceback.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from memoria import __version__
from memoria.operations.archive import CATALOGUE, ArchiveError, ArchiveLocked
from memoria.paths import default_archive_path
from memoria.ui import i18n
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.theme import apply_theme


def _said(exc: BaseException) -> str:
    """An archive that cannot be opened or created, said in the window's language."""
    from memoria import faults
    from memoria.domain.messages import error_text
    from memoria.ui.i18n import chosen_language

    lang = chosen_language()
    return (faults.describe(exc, lang) or str(exc)) if isinstance(exc, OSError) \
        else error_text(exc, lang)

class App:
    """Holds the open session and window; replaces both when another archive opens."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self._fresh_keys: object | None = None  # a just-created archive's, not asked again

    def ask_for_archive(self, path: Path, parent: QWidget | None = None) -> Path | None:
        """`path` if it is an archive; else offer to create it or choose another."""
        while True:
            if (path / CATALOGUE).exists():
                return path
            box = QMessageBox(parent)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(QCoreApplication.translate("App", "No archive here"))
            box.setText(
                QCoreApplication.translate("App", "There is no Memoria archive in {path}.").format(
                    path=path
                )
            )
            box.setInformativeText(
                QCoreApplication.translate(
                    "App",
                    "Create a new, empty archive there, or choose the folder of an existing one?",
                )
            )
            create = box.addButton(
                QCoreApplication.translate("App", "Create archive"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            choose = box.addButton(
                QCoreApplication.translate("App", "Choose folder..."),
                QMessageBox.ButtonRole.ActionRole,
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(create)
            box.exec()
            if box.clickedButton() is create:
                created = self.create_new(path, parent)
                if created is None:
                    continue
                return created
            if box.clickedButton() is choose:
                folder = QFileDialog.getExistingDirectory(
                    parent,
                    QCoreApplication.translate("App", "Choose an archive folder"),
                    str(path.parent),
                )
                if folder:
                    path = Path(folder)
                continue
            return None

    def create_new(self, path: Path, parent: QWidget | None = None) -> Path | None:
        """The new-archive dialog (encrypted by default, the recovery key shown once);
        the folder of the new archive, or None when cancelled."""
        from memoria.ui.lock.new_archive import NewArchiveDialog

        dialog = NewArchiveDialog(parent, folder=path)
        made: list[tuple[Path, object]] = []
        dialog.created.connect(lambda where, keys: made.append((where, keys)))
        dialog.exec()
        if not made:
            return None
        self._fresh_keys = made[0][1]
        return Path(made[0][0])

    def unlock(self, path: Path, parent: QWidget | None = None) -> object | None:
        """Account and passphrase for an archive with accounts; None when cancelled."""
        from memoria.ui.lock.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(path, parent, account=str(self.settings.value(
            "archive/lastAccount", "") or ""))
        got: list[object] = []
        dialog.unlocked.connect(got.append)
        dialog.exec()
        if got:
            self.settings.setValue("archive/lastAccount", getattr(got[0], "account", ""))
        return got[0] if got else None

    def open(self, path: Path, create: bool = False, keys: object | None = None) -> bool:
        """Open (or create) the archive at `path` in a new window; False if not."""
        from memoria.ui.lock.audience_lock import has_accounts

        parent = self.window
        self._fresh_keys = None
        if (create and not (path / CATALOGUE).exists()
                and self.create_new(path, parent) is None):
            return False
        chosen = self.ask_for_archive(path, parent)
        if chosen is None:
            return False
        if self.session is not None and chosen.resolve() == self.session.path.resolve():
            return True
        keys = keys or self._fresh_keys
        self._fresh_keys = None
        if keys is None and has_accounts(chosen):
            keys = self.unlock(chosen, parent)
            if keys is None:
                return False
        try:
            session = Session(chosen, keys=keys)
        except ArchiveLocked as exc:
            message = QCoreApplication.translate(
                "App", "Another Memoria program is using this archive. Close it and try again."
            )
            QMessageBox.warning(
                parent, QCoreApplication.translate("App", "Archive in use"), f"{message}\n\n{exc}"
            )
            return False
        except (ArchiveError, OSError) as exc:
            QMessageBox.critical(
                parent, QCoreApplication.translate("App", "Cannot open the archive"), _said(exc)
            )
            return False
        old_window, old_session = self.window, self.session
        self.session = session
        self.window = MainWindow(session, self.settings)
        self.window.archiveRequested.connect(self.open)
        self.settings.setValue("archive/last", str(chosen))
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_session is not None:
            old_session.close()
        return True

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None


class _ExitAfterPaint(QObject):
    """Benchmark hook (MEMORIA_BENCH_EXIT_AFTER_PAINT=1): on the main window's
    first paint with the list filled, print the wall-clock time and quit, so
    `bench.scale_bench` can time a whole cold start from outside the process."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (not self.done and event.type() == QEvent.Type.Paint
                and self.window.model.rowCount() > 0):
            self.done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"MEMORIA_PAINTED {time.time():.6f} rows={self.window.model.rowCount()}"
              f" peak_mb={peak:.1f}", flush=True)
        QCoreApplication.exit(0)


def run(archive_path: Path | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("Memoria")
    app.setApplicationName("Memoria")
    app.setApplicationVersion(__version__)
    settings = QSettings()
    i18n.install(app, i18n.chosen_language(settings))
    apply_theme(app, settings)  # light or dark as the system says (ui/theme.py)
    last = settings.value("archive/last")
    path = (
        Path(archive_path) if archive_path else Path(str(last)) if last else default_archive_path()
    )
    if not archive_path and last and not (path / CATALOGUE).exists():
        path = default_archive_path()  # the remembered archive was moved or deleted
    controller = App(settings)
    if not controller.open(path.expanduser()):
        return 1
    if os.environ.get("MEMORIA_BENCH_EXIT_AFTER_PAINT") == "1" and controller.window:
        hook = _ExitAfterPaint(controller.window)
        controller.window.installEventFilter(hook)
        for child in controller.window.findChildren(QWidget):
            child.installEventFilter(hook)
    try:
        return app.exec()
    finally:
        controller.close()
