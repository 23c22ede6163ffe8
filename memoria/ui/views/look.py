"""One icon set on the window: menus and toolbar (by ActionId), the search field, the
sidebar's entries (kept as entries come and go). Icons are Lucide's (ui/icons.py),
painted in the palette's colours, so they follow a dark theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QToolBar

from memoria.ui.actions import ActionId
from memoria.ui.icons import icon
from memoria.ui.views.list_columns import TitleColumn
from memoria.ui.views.sidebar import SOURCE_ROLE, Source
from memoria.ui.views.thumbnails import KIND_ICONS

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

DETAIL_MIN = 320  # the detail pane's own minimum: its content never widens it

ACTION_ICONS: dict[str, str] = {
    "NEW_ARCHIVE": "folder-plus",
    "OPEN_ARCHIVE": "folder-open",
    "IMPORT": "import",
    "PREFERENCES": "settings",
    "QUIT": "log-out",
    "UNDO": "undo-2",
    "REDO": "redo-2",
    "FIND": "search",
    "CLEAR_SEARCH": "x",
    "EDIT_ITEM": "pencil",
    "BATCH_EDIT": "pencil",
    "CONSENT": "shield-check",
    "BATCH_CONSENT": "shield-check",
    "MOVE_TO_TRASH": "trash-2",
    "EMPTY_TRASH": "trash-2",
    "RESTORE_FROM_TRASH": "archive-restore",
    "ADD_TO_EXHIBIT": "presentation",
    "AS_LIST": "list",
    "AS_GRID": "layout-grid",
    "VIEW_PHOTO": "image",
    "USER_GUIDE": "book-open",
    "SHORTCUTS": "keyboard",
    "SEARCH_SYNTAX": "circle-question-mark",
    "ABOUT": "info",
}

SOURCE_ICONS: dict[str, str] = {
    "all": "library",
    "new_exhibit": "presentation",
    "exhibit": "presentation",
    "saved_search": "bookmark",
    "queue": "inbox",
    "recalls": "undo-2",
    "trash": "trash-2",
}


def source_icon_name(source: Source) -> str | None:
    if source.what == "kind" and source.kind is not None:
        return KIND_ICONS[source.kind]
    return SOURCE_ICONS.get(source.what)


def install_look(window: WindowApi) -> None:
    """Icons on whatever the window has registered by now, and on sidebar entries as
    they are added (exhibits, saved searches)."""
    for action_id in ActionId:
        action = window.actions.get(action_id)
        name = ACTION_ICONS.get(action_id.name)
        if action is not None and name and action.icon().isNull():
            action.setIcon(icon(name))
    window.grid_action.setIcon(icon("layout-grid"))
    for name, attribute in (("funnel", "facet_dock"), ("bookmark-plus", "save_search_action")):
        target = getattr(window, attribute, None)
        if target is None:
            continue
        action = target.toggleViewAction() if hasattr(target, "toggleViewAction") else target
        action.setIcon(icon(name))
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.toolbar.installEventFilter(_CompactToolbar(window.toolbar))
    window.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)

    # Layout: the title takes the list's spare width (or the width dragged by hand);
    # the detail pane keeps its width whatever the item kind shows in it.
    window.title_column = TitleColumn(window.items.table, window.settings)
    window.detail.setMinimumWidth(DETAIL_MIN)

    model = window.sidebar.model()
    if isinstance(model, QStandardItemModel):
        def decorate(parent: QModelIndex, first: int, last: int) -> None:
            for row in range(first, last + 1):
                _decorate(model, model.index(row, 0, parent))

        for row in range(model.rowCount()):
            _decorate(model, model.index(row, 0))
        model.rowsInserted.connect(decorate)


class _CompactToolbar(QObject):
    """Words beside the toolbar's icons while they fit; icons alone (with their
    tooltips) on a narrow window, such as 1366x768 at 150 %, so no button falls
    into the overflow menu."""

    def __init__(self, bar: QToolBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.wide_enough = 0  # the width the words needed, measured once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Resize:
            bar = self.bar
            words = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if not self.wide_enough and bar.toolButtonStyle() == words:
                self.wide_enough = bar.sizeHint().width()
            style = (words if bar.width() >= self.wide_enough
                     else Qt.ToolButtonStyle.ToolButtonIconOnly)
            if bar.toolButtonStyle() != style:
                bar.setToolButtonStyle(style)
        return False


def _decorate(model: QStandardItemModel, index: QModelIndex) -> None:
    source = index.data(SOURCE_ROLE)
    if isinstance(source, Source):
        name = source_icon_name(source)
        item = model.itemFromIndex(index)
        if name and item is not None and item.icon().isNull():
            item.setIcon(icon(name))
    for row in range(model.rowCount(index)):
        _decorate(model, model.index(row, 0, index))
