"""The main window's context menus of list rows, grid tiles and sidebar entries, and
the actions only they offer (copy a reference, open a sidebar entry). The lists
and the rules are in ui/context_menus.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from memoria.ui.actions import ActionId as A
from memoria.ui.context_menus import GRID_TILE, ITEM_ROW, Ids, popup, sidebar_ids

if TYPE_CHECKING:
    from memoria.ui.views.sidebar import Source
    from memoria.ui.window_api import WindowApi


class ContextMenus(QObject):
    """Created by the window; registers its actions in `window.actions`."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.session = window.session
        self.last: QMenu | None = None  # the menu opened last (tests and accessibility)
        actions = window.actions
        actions.add(A.COPY_REFERENCE, self.tr("Copy &reference"), self.copy_reference,
                    safe=True)
        actions.add(A.OPEN_SOURCE, self.tr("&Open"), self.open_source, safe=True)
        window.items.menuRequested.connect(self.item_menu)
        window.sidebar.menuRequested.connect(self.sidebar_menu)

    def _popup(self, ids: Ids, parent: QWidget, pos: QPoint) -> QMenu | None:
        self.last = popup(self.window.actions, ids, self.session, parent, pos)
        return self.last

    def item_menu(self, global_pos: QPoint) -> QMenu | None:
        items = self.window.items
        return self._popup(GRID_TILE if items.is_grid() else ITEM_ROW, items.view(), global_pos)

    def sidebar_menu(self, source: Source, global_pos: QPoint) -> QMenu | None:
        return self._popup(sidebar_ids(source), self.window.sidebar, global_pos)

    # -- actions -------------------------------------------------------------------------
    def _selected(self) -> list[int]:
        chosen = getattr(self.window, "selected_item_ids", None)
        if chosen is not None:
            return list(chosen())
        current = self.window.items.current_item()
        return [] if current is None else [current]

    def copy_reference(self) -> str:
        """The selected items' accession numbers and titles as the list shows them (so
        never more than this audience sees), one per line, on the clipboard."""
        model = self.window.model
        lines = []
        for item_id in self._selected():
            row = model.row_of(item_id)
            if row is None:
                continue
            accession = model.index(row, 0).data()
            title = model.index(row, 1).data()
            lines.append(f"{accession} · {title}" if title else str(accession))
        text = "\n".join(lines)
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def open_source(self) -> None:
        source = self.window.sidebar.menu_source
        if source is not None:
            self.window.sidebar.select(source)
