"""Run in a subprocess by test_fits_laptop.py under a given screen and scale: open every
window and dialog of the app and print, as JSON, each one that exceeds the screen or
leaves a button outside its window (issue 15). Not collected by pytest."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


SPANISH = os.environ.get("MEMORIA_PROBE") == "spanish"  # test_spanish_everywhere.py


def problems(name: str, top: QWidget) -> list[str]:
    app = QApplication.instance()
    top.show()
    for _ in range(3):
        app.processEvents()
    if SPANISH:  # the untranslated strings instead of what does not fit
        from tests.ui.spanish_probe import untranslated

        found = untranslated(name, top)
        top.close()
        return found
    screen = (top.screen() or app.primaryScreen()).availableGeometry()
    found = []
    size, least = top.size(), top.minimumSizeHint().expandedTo(top.minimumSize())
    if size.width() > screen.width() or size.height() > screen.height():
        found.append(f"{name}: opens at {size.width()}x{size.height()} on a "
                     f"{screen.width()}x{screen.height()} screen")
    if least.width() > screen.width() or least.height() > screen.height():
        found.append(f"{name}: needs at least {least.width()}x{least.height()} on a "
                     f"{screen.width()}x{screen.height()} screen")
    for button in top.findChildren(QAbstractButton):
        if not button.isVisible() or _in_scroll_area(button, top) or button.window() is not top:
            continue
        at = button.mapTo(top, QPoint(0, 0))
        inside = (at.x() >= 0 and at.y() >= 0 and at.x() + button.width() <= top.width()
                  and at.y() + button.height() <= top.height()
                  and at.y() + button.height() <= screen.height())
        if not inside or button.height() < 10:
            found.append(f"{name}: button {button.text()!r} is cut or below the edge")
    top.close()
    return found


def main() -> None:
    app = QApplication(sys.argv)
    from memoria.domain.model import Kind, Role, Scope
    from memoria.storage import authorities, exhibits, items
    from memoria.storage.archive import Archive
    from memoria.ui.i18n import install as install_translators
    from memoria.ui.session import Session
    from memoria.ui.tasks import TaskRunner

    install_translators(app, "es")
    root = Path(tempfile.mkdtemp()) / "archivo"
    arch = Archive.create(root)
    ana = authorities.add_person(arch, "Ana Restrepo")
    item = items.create_item(arch, items.ItemFields(
        kind=Kind.TESTIMONY, title="Testimonio de Ana", people=[(ana.id, Role.NARRATOR)]))
    exhibit = exhibits.create_exhibit(arch, "barrio", "El barrio")
    arch.close()
    photo = root.parent / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0")
    session = Session(root, TaskRunner(synchronous=True))
    settings = QSettings(str(root.parent / "settings.ini"), QSettings.Format.IniFormat)

    from memoria.ui.dialogs.import_dialog import ImportDialog
    from memoria.ui.dialogs.protections_dialog import ProtectionsDialog
    from memoria.ui.dialogs.recall_dialog import RecallDialog
    from memoria.ui.editors.batch_consent import BatchConsentDialog
    from memoria.ui.editors.batch_edit import BatchEditDialog
    from memoria.ui.editors.consent_editor import ConsentEditor
    from memoria.ui.editors.item_editor import ItemEditorDialog
    from memoria.ui.exhibits.export_dialog import ExportDialog
    from memoria.ui.exhibits.new_exhibit import NewExhibitDialog
    from memoria.ui.help.help_window import show_help
    from memoria.ui.main_window import MainWindow
    from memoria.ui.media.photo_window import PhotoWindow
    from memoria.ui.views.sidebar import Source
    from memoria.ui.widgets.preferences import PreferencesDialog

    window = MainWindow(session, settings)
    found = problems("main window", window)
    window.show()
    window.sidebar.select(Source("exhibit", exhibit=exhibit))  # the exhibit editor's pane
    app.processEvents()
    found += problems("main window with an exhibit", window)
    from memoria.ui.views.sidebar import TRASH

    window.sidebar.select(TRASH)  # the trash view (issue 15)
    app.processEvents()
    found += problems("main window with the trash", window)
    openers = {
        "consent dialog": lambda: ConsentEditor(session, item_id=item),
        "item editor": lambda: ItemEditorDialog(session, item),
        "new item": lambda: ItemEditorDialog(session, None, Kind.PHOTOGRAPH),
        "import dialog": lambda: ImportDialog(session, [photo]),
        "protected names": lambda: ProtectionsDialog(session),
        "recall queue": lambda: RecallDialog(session),
        "preferences": lambda: PreferencesDialog(settings),
        "new exhibit": lambda: NewExhibitDialog(),
        "exhibit export": lambda: ExportDialog(session, exhibit, Scope.EXHIBITION),
        "photo viewer": lambda: PhotoWindow(window),
        "batch edit": lambda: BatchEditDialog(session, [item]),
        "batch consent": lambda: BatchConsentDialog(session, [item]),
        "help": lambda: show_help(window, "archivist"),
        "move to trash": lambda: window.trash.move_box([item] * 12),
    }
    if SPANISH:
        from tests.ui.spanish_probe import more_openers

        openers.update(more_openers(window, session, root))
    for name, opener in openers.items():
        try:
            found += problems(name, opener())
        except Exception as error:  # noqa: BLE001 - a dialog that will not open is a finding
            found.append(f"{name}: did not open ({type(error).__name__}: {error})")
    window.close()
    session.close()
    print(json.dumps(found))


if __name__ == "__main__":
    main()
