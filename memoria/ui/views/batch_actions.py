"""Edit > Edit selection... and Edit > Consent for the selection... (issue 15).

Both act on `window.selected_item_ids()` (the list's selection, in list order)
and are custodian actions: disabled for other views, editions and locks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from memoria.ui.actions import ActionId

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


def selection(window: WindowApi) -> list[int]:
    """The selected items; the current one alone until the window has a selection API."""
    selected = getattr(window, "selected_item_ids", None)
    if callable(selected):
        return list(selected())
    current = window.items.current_item()
    return [current] if current is not None else []


def install_batch_actions(window: WindowApi) -> None:
    tr = QCoreApplication.translate
    add = window.actions.add
    window.edit_menu.addAction(add(
        ActionId.BATCH_EDIT, tr("MainWindow", "Edit &selection..."),
        lambda: window.editors.batch_edit(selection(window)), "Ctrl+Shift+E", custodian=True))
    window.edit_menu.addAction(add(
        ActionId.BATCH_CONSENT, tr("MainWindow", "Consent for the selec&tion..."),
        lambda: window.editors.batch_consent(selection(window)), custodian=True))
