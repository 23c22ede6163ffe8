"""Context menus: per place, the actions shown (ActionIds; None is a separator).

A menu lists registered actions only (`ActionRegistry.menu` leaves out ids
nobody registered yet, and hidden ones) and passes two rules before it opens
(`allowed_ids`): for anyone but a custodian at work (a researcher or public
view, a reading-room edition) no custodian action is listed; while the window
is locked to a visitor's view only actions marked safe are listed (default
deny, as ui/lock/audience_lock.py), and behind the idle lock no menu opens.
A right-click on a row that is not selected selects it first, so a menu acts
on what is highlighted.

Helpers that register an action add its id to the lists below; the action
itself is registered where it belongs (window.actions, or the local registry
of a widget that exists more than once, such as the transcript table). This
module imports no widget and no controller, so any widget may use it; the
window's controller of these menus is views/item_menus.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from memoria.domain.consent import Audience
from memoria.ui.actions import ActionId, ActionRegistry, is_safe

if TYPE_CHECKING:
    from memoria.ui.session import Session
    from memoria.ui.views.sidebar import Source

A = ActionId
Ids = Sequence[ActionId | None]

# -- the lists ---------------------------------------------------------------------------
ITEM_ROW: Ids = (
    A.EDIT_ITEM, A.CONSENT, A.VIEW_PHOTO, None,
    A.ADD_TO_EXHIBIT, A.TRANSCRIBE, None,
    A.BATCH_EDIT, A.BATCH_CONSENT, None,
    A.COPY_REFERENCE, None,
    A.MOVE_TO_TRASH, A.RESTORE_FROM_TRASH,
)
GRID_TILE: Ids = (
    A.VIEW_PHOTO, A.EDIT_ITEM, A.CONSENT, None,
    A.ADD_TO_EXHIBIT, A.TRANSCRIBE, None,
    A.BATCH_EDIT, A.BATCH_CONSENT, None,
    A.COPY_REFERENCE, None,
    A.MOVE_TO_TRASH, A.RESTORE_FROM_TRASH,
)
SIDEBAR_COLLECTION: Ids = (A.OPEN_SOURCE,)  # all items, a kind, a work queue, a saved search
SIDEBAR_EXHIBIT: Ids = (A.OPEN_SOURCE, None, A.RENAME_EXHIBIT, A.EXPORT_EXHIBIT)
SIDEBAR_TRASH: Ids = (A.OPEN_SOURCE, None, A.EMPTY_TRASH)
EXHIBIT_ENTRY: Ids = (A.OPEN_ENTRY_ITEM, None, A.MOVE_ENTRY_UP, A.MOVE_ENTRY_DOWN, None,
                      A.REMOVE_ENTRY)
EXHIBIT_SECTION: Ids = (A.MOVE_ENTRY_UP, A.MOVE_ENTRY_DOWN, None, A.REMOVE_ENTRY)
TRANSCRIPT_SEGMENT: Ids = (A.PLAY_FROM_HERE, A.EDIT_SEGMENT, A.SAME_SPEAKER, A.MARK_CHECKED,
                           None, A.COPY_TIME_REFERENCE)  # the item editor's transcript table
TRANSCRIPT_LINE: Ids = (A.PLAY_FROM_HERE, None, A.COPY_TIME_REFERENCE)  # the detail pane's


def sidebar_ids(source: Source | None) -> Ids:
    what = source.what if source is not None else ""
    if what == "exhibit":
        return SIDEBAR_EXHIBIT
    if what == "trash":
        return SIDEBAR_TRASH
    if what in ("all", "kind", "queue", "saved_search"):
        return SIDEBAR_COLLECTION
    return ()  # a group heading, "New exhibit...", a placeholder


# -- the rules ---------------------------------------------------------------------------
def custodian_at_work(session: Session) -> bool:
    return (session.audience is Audience.CUSTODIAN and session.edition is None
            and session.locked_to is None)


def allowed_ids(registry: ActionRegistry, ids: Ids, session: Session | None) -> list:
    """`ids` less what this person may not be offered here (see the module's text);
    separators kept only between entries."""
    if session is not None and session.sleeping:
        return []
    custodian = {id(a) for a in registry.custodian}
    at_work = session is None or custodian_at_work(session)
    locked = session is not None and session.locked_to is not None
    out: list[ActionId | None] = []
    for action_id in ids:
        if action_id is None:
            if out and out[-1] is not None:
                out.append(None)
            continue
        action = registry.get(action_id)
        if action is None or not action.isVisible():
            continue
        if (id(action) in custodian and not at_work) or (locked and not is_safe(action)):
            continue
        out.append(action_id)
    while out and out[-1] is None:
        out.pop()
    return out


def popup(registry: ActionRegistry, ids: Ids, session: Session | None, parent: QWidget,
          global_pos: QPoint) -> QMenu | None:
    """Open the menu of `ids` at `global_pos` (not blocking); None when nothing is left."""
    shown = allowed_ids(registry, ids, session)
    if not shown:
        return None
    menu = registry.menu(shown, parent)
    menu.aboutToHide.connect(menu.deleteLater)
    menu.popup(global_pos)
    return menu
