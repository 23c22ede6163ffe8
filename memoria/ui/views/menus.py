"""The main window's menus and shortcuts, kept out of the window's own module."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from memoria import __version__
from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.ui.labels import audience_label, kind_label
from memoria.ui.widgets.preferences import PreferencesDialog

if TYPE_CHECKING:
    from memoria.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    text: str,
    slot,
    shortcut: QKeySequence | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    window.custodian_actions = []

    # -- File ---------------------------------------------------------------------------
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.file_menu = file_menu
    file_menu.addAction(
        _action(
            window,
            QCoreApplication.translate("MainWindow", "&New archive..."),
            lambda: _choose_archive(window, create=True),
        )
    )
    file_menu.addAction(
        _action(
            window,
            QCoreApplication.translate("MainWindow", "&Open archive..."),
            lambda: _choose_archive(window, create=False),
            QKeySequence.StandardKey.Open,
        )
    )
    file_menu.addSeparator()
    new_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "New &item"))
    window.custodian_actions.append(new_menu.menuAction())
    for n, kind in enumerate(Kind):
        action = _action(
            window,
            kind_label(kind),
            lambda _=False, k=kind: window.editors.edit_item(None, k),
            "Ctrl+N" if n == 0 else None,
        )
        new_menu.addAction(action)
        window.custodian_actions.append(action)
    import_action = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Import..."),
        lambda: _import(window),
        "Ctrl+I",
    )
    file_menu.addAction(import_action)
    window.custodian_actions.append(import_action)
    file_menu.addSeparator()
    prefs = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Preferences..."),
        lambda: PreferencesDialog(
            window.settings if isinstance(window.settings, QSettings) else QSettings(), window
        ).exec(),
        "Ctrl+,",
    )
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
    file_menu.addAction(prefs)
    file_menu.addSeparator()
    quit_action = _action(
        window, QCoreApplication.translate("MainWindow", "&Quit"), window.close, "Ctrl+Q"
    )
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(quit_action)

    # -- Edit ---------------------------------------------------------------------------
    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    undo = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Undo"),
        lambda: None,
        QKeySequence.StandardKey.Undo,
    )
    redo = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Redo"),
        lambda: None,
        QKeySequence.StandardKey.Redo,
    )
    for action in (undo, redo):
        action.setEnabled(False)  # catalogue edits are audited, not undone (yet)
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    find = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Find"),
        window.focus_search,
        QKeySequence.StandardKey.Find,
    )
    window.find_action = find
    edit_menu.addAction(find)
    clear = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Clear search"),
        window.clear_search,
        "Escape",
    )
    edit_menu.addAction(clear)
    edit_menu.addSeparator()
    edit_item = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Edit item"),
        lambda: _edit_current(window),
        "Ctrl+E",
    )
    consent = _action(
        window,
        QCoreApplication.translate("MainWindow", "&Consent..."),
        lambda: _consent_current(window),
        "Ctrl+Shift+C",
    )
    for action in (edit_item, consent):
        edit_menu.addAction(action)
        window.custodian_actions.append(action)

    # -- View ---------------------------------------------------------------------------
    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    window.view_menu = view_menu
    as_list = _action(
        window,
        QCoreApplication.translate("MainWindow", "As &list"),
        lambda: window.set_grid(False),
        "Ctrl+1",
    )
    as_grid = _action(
        window,
        QCoreApplication.translate("MainWindow", "As &grid"),
        lambda: window.set_grid(True),
        "Ctrl+2",
    )
    view_menu.addAction(as_list)
    view_menu.addAction(as_grid)
    view_menu.addSeparator()
    view_as = view_menu.addMenu(QCoreApplication.translate("MainWindow", "View &as"))
    group = QActionGroup(window)
    window.audience_actions = {}
    for n, audience in enumerate(Audience):
        action = _action(
            window,
            audience_label(audience),
            lambda _=False, a=audience: window.session.set_audience(a),
            f"Ctrl+Alt+{n + 1}",
        )
        action.setCheckable(True)
        action.setChecked(audience is window.session.audience)
        group.addAction(action)
        view_as.addAction(action)
        window.audience_actions[audience] = action
    window.session.audienceChanged.connect(lambda a: window.audience_actions[a].setChecked(True))

    # -- Help ---------------------------------------------------------------------------
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    window.help_menu = help_menu  # menus added later go before it: Help is the last menu
    about = _action(
        window,
        QCoreApplication.translate("MainWindow", "&About Memoria"),
        lambda: QMessageBox.about(
            window,
            QCoreApplication.translate("MainWindow", "About Memoria"),
            QCoreApplication.translate(
                "MainWindow",
                "<h3>Memoria {version}</h3><p>A desktop archive for testimonies, photographs "
                "and audio, kept with the consent of the people in them.</p>",
            ).format(version=__version__),
        ),
    )
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(about)
    # Harmless while the window is locked to a visitor's view (ui/lock/audience_lock.py).
    window.safe_actions = [find, clear, as_list, as_grid, about, quit_action]


def _edit_current(window: MainWindow) -> None:
    item_id = window.items.current_item()
    if item_id is not None:
        window.editors.edit_item(item_id)


def _consent_current(window: MainWindow) -> None:
    item_id = window.items.current_item()
    if item_id is not None:
        window.editors.edit_consent(item_id)


def _import(window: MainWindow) -> None:
    files, _ = QFileDialog.getOpenFileNames(
        window,
        QCoreApplication.translate("MainWindow", "Import files"),
        str(Path.home()),
        QCoreApplication.translate(
            "MainWindow",
            "Photographs and audio (*.jpg *.jpeg *.png *.tif *.tiff *.wav *.mp3 *.flac "
            "*.ogg *.m4a);;All files (*)",
        ),
    )
    if files:
        window.editors.import_files([Path(f) for f in files])


def _choose_archive(window: MainWindow, create: bool) -> None:
    title = (
        QCoreApplication.translate("MainWindow", "New archive folder")
        if create
        else QCoreApplication.translate("MainWindow", "Open archive folder")
    )
    folder = QFileDialog.getExistingDirectory(window, title, str(window.session.path.parent))
    if folder:
        window.archiveRequested.emit(Path(folder), create)
