"""What the window's controllers may use of the main window (a Protocol).

Controllers (tools, search, locks, exhibits, context menus) are created by
`MainWindow.__init__` and depend on this, never on main_window.py itself, so
no module under ui/ imports the window back (tests/unit/test_layering.py
checks that, `TYPE_CHECKING` imports included). It names widgets, the
session and the action registry: nothing here imports a controller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QLineEdit,
        QMenu,
        QMenuBar,
        QSplitter,
        QStatusBar,
        QToolBar,
        QWidget,
    )

    from memoria.domain.model import Kind
    from memoria.ui.actions import ActionRegistry
    from memoria.ui.models.item_table import ItemTableModel
    from memoria.ui.session import Session
    from memoria.ui.views.detail_pane import DetailPane
    from memoria.ui.views.item_views import ItemViews
    from memoria.ui.views.sidebar import Sidebar, Source


class EditorsApi(Protocol):
    """The window's EditorBridge as controllers use it (named here rather than imported:
    the editors import the undo controller, which names this module)."""

    open_editors: list[QWidget]

    def edit_item(self, item_id: int | None, kind: Kind | None = None) -> QWidget | None: ...

    def edit_consent(self, item_id: int) -> QWidget | None: ...

    def import_files(self, paths: list[Path]) -> QWidget | None: ...

    def has_unsaved_changes(self) -> bool: ...


class WindowApi(Protocol):
    """The main window as its controllers see it."""

    session: Session
    settings: QSettings
    actions: ActionRegistry
    custodian_actions: list[QAction]
    source: Source
    sidebar: Sidebar
    items: ItemViews
    model: ItemTableModel
    detail: DetailPane
    editors: EditorsApi
    splitter: QSplitter
    toolbar: QToolBar
    search_field: QLineEdit
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt's name

    def reload(self) -> None: ...

    def open_item_at(self, item_id: int, ms: int) -> None: ...

    def selected_item_ids(self) -> list[int]: ...

    def show_selection(self) -> None: ...
