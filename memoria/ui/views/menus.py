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
from memoria.ui.actions import ActionId
from memoria.ui.labels import audience_label, kind_label
from memoria.ui.views.batch_actions import install_batch_actions
from memoria.ui.widgets.preferences import PreferencesDialog

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


def build_menus(window: WindowApi) -> None:
    """The menu bar, from the window's action registry (ui/actions.py)."""
    tr = QCoreApplication.translate
    actions = window.actions
    add = actions.add
    bar = window.menuBar()

    # -- File ---------------------------------------------------------------------------
    file_menu = bar.addMenu(tr("MainWindow", "&File"))
    window.file_menu = file_menu
    file_menu.addAction(add(ActionId.NEW_ARCHIVE, tr("MainWindow", "&New archive..."),
                            lambda: _choose_archive(window, create=True)))
    file_menu.addAction(add(ActionId.OPEN_ARCHIVE, tr("MainWindow", "&Open archive..."),
                            lambda: _choose_archive(window, create=False),
                            QKeySequence.StandardKey.Open))
    file_menu.addSeparator()
    new_menu = file_menu.addMenu(tr("MainWindow", "New &item"))
    actions.custodian.append(new_menu.menuAction())
    for n, kind in enumerate(Kind):
        action = QAction(kind_label(kind), window)
        if n == 0:
            action.setShortcut(QKeySequence("Ctrl+N"))
        action.triggered.connect(lambda _=False, k=kind: window.editors.edit_item(None, k))
        new_menu.addAction(action)
        actions.custodian.append(action)
    file_menu.addAction(add(ActionId.IMPORT, tr("MainWindow", "&Import..."),
                            lambda: _import(window), "Ctrl+I", custodian=True))
    file_menu.addSeparator()
    prefs = add(
        ActionId.PREFERENCES,
        tr("MainWindow", "&Preferences..."),
        lambda: PreferencesDialog(
            window.settings if isinstance(window.settings, QSettings) else QSettings(), window
        ).exec(),
        "Ctrl+,",
    )
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
    file_menu.addAction(prefs)
    file_menu.addSeparator()
    quit_action = add(ActionId.QUIT, tr("MainWindow", "&Quit"), window.close, "Ctrl+Q",
                      safe=True)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(quit_action)

    # -- Edit ---------------------------------------------------------------------------
    edit_menu = bar.addMenu(tr("MainWindow", "&Edit"))
    window.edit_menu = edit_menu
    for action_id, text, key in (
        (ActionId.UNDO, tr("MainWindow", "&Undo"), QKeySequence.StandardKey.Undo),
        (ActionId.REDO, tr("MainWindow", "&Redo"), QKeySequence.StandardKey.Redo),
    ):
        action = add(action_id, text, lambda: None, key)  # ui/undo.py connects them
        action.setEnabled(False)  # until there is something to undo or redo
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    window.find_action = add(ActionId.FIND, tr("MainWindow", "&Find"), window.focus_search,
                             QKeySequence.StandardKey.Find, safe=True)
    edit_menu.addAction(window.find_action)
    edit_menu.addAction(add(ActionId.CLEAR_SEARCH, tr("MainWindow", "&Clear search"),
                            window.clear_search, "Escape", safe=True))
    edit_menu.addAction(add(ActionId.SELECT_ALL, tr("MainWindow", "Select &all"),
                            window.items.select_all, QKeySequence.StandardKey.SelectAll,
                            safe=True))
    edit_menu.addSeparator()
    edit_menu.addAction(add(ActionId.EDIT_ITEM, tr("MainWindow", "&Edit item"),
                            lambda: _edit_current(window), "Ctrl+E", custodian=True))
    edit_menu.addAction(add(ActionId.CONSENT, tr("MainWindow", "&Consent..."),
                            lambda: _consent_current(window), "Ctrl+Shift+C",
                            custodian=True))
    install_batch_actions(window)  # Edit selection..., Consent for the selection...

    # -- View ---------------------------------------------------------------------------
    view_menu = bar.addMenu(tr("MainWindow", "&View"))
    window.view_menu = view_menu
    view_menu.addAction(add(ActionId.AS_LIST, tr("MainWindow", "As &list"),
                            lambda: window.set_grid(False), "Ctrl+1", safe=True))
    view_menu.addAction(add(ActionId.AS_GRID, tr("MainWindow", "As &grid"),
                            lambda: window.set_grid(True), "Ctrl+2", safe=True))
    view_menu.addSeparator()
    view_as = view_menu.addMenu(tr("MainWindow", "View &as"))
    group = QActionGroup(window)
    window.audience_actions = {}
    for n, audience in enumerate(Audience):
        action = QAction(audience_label(audience), window)
        action.setShortcut(QKeySequence(f"Ctrl+Alt+{n + 1}"))
        action.triggered.connect(lambda _=False, a=audience: window.session.set_audience(a))
        action.setCheckable(True)
        action.setChecked(audience is window.session.audience)
        group.addAction(action)
        view_as.addAction(action)
        window.audience_actions[audience] = action
    window.session.audienceChanged.connect(lambda a: window.audience_actions[a].setChecked(True))

    # -- Help ---------------------------------------------------------------------------
    help_menu = bar.addMenu(tr("MainWindow", "&Help"))
    window.help_menu = help_menu  # menus added later go before it: Help is the last menu
    about = add(
        ActionId.ABOUT,
        tr("MainWindow", "&About Memoria"),
        lambda: QMessageBox.about(
            window,
            tr("MainWindow", "About Memoria"),
            tr(
                "MainWindow",
                "<h3>Memoria {version}</h3><p>A desktop archive for testimonies, photographs "
                "and audio, kept with the consent of the people in them.</p>",
            ).format(version=__version__),
        ),
        safe=True,
    )
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(about)


def _edit_current(window: WindowApi) -> None:
    item_id = window.items.current_item()
    if item_id is not None:
        window.editors.edit_item(item_id)


def _consent_current(window: WindowApi) -> None:
    item_id = window.items.current_item()
    if item_id is not None:
        window.editors.edit_consent(item_id)


def _import(window: WindowApi) -> None:
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


def _choose_archive(window: WindowApi, create: bool) -> None:
    title = (
        QCoreApplication.translate("MainWindow", "New archive folder")
        if create
        else QCoreApplication.translate("MainWindow", "Open archive folder")
    )
    folder = QFileDialog.getExistingDirectory(window, title, str(window.session.path.parent))
    if folder:
        window.archiveRequested.emit(Path(folder), create)
