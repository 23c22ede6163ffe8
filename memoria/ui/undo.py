"""Edit > Undo and Redo: the window's QUndoStack of the core's undo steps (issue 15).

An edit that can be undone (an item save, an exhibit's structure or texts; texts
typed in bursts merge into one step) runs through
`run_undoable`; the core answers the step that undoes it and it is pushed on
`window.undo_stack`. Undo and redo run that step through the session on the writer
thread, like a save (`memoria.operations.undo.apply`: role check, one transaction,
audited as the undo or redo of that change); the list, detail, index and open
editors follow the Changes it answers. The stack only moves once the core has done
it: a refusal (the thing changed since, elsewhere) is said and nothing moves.

The actions follow the stack, the role (custodian or curator, as the step's edit
allows), the lock to a visitor's view (disabled) and the idle lock (which forgets the
key: the stack is cleared with it, as when the window closes its archive).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from memoria.domain.changes import Changes
from memoria.domain.consent import Audience
from memoria.operations import undo as undo_ops
from memoria.ui.actions import ActionId
from memoria.ui.labels import ui_lang
from memoria.ui.session import Session

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

NAME_CHARS = 40  # a title longer than this is cut in the Edit menu (it must fit a laptop)


class StepCommand(QUndoCommand):
    """One step on the stack. It does nothing itself when the stack moves: the
    controller has applied the step in the core first (and holds its opposite)."""

    def __init__(self, step: undo_ops.Step, text: str) -> None:
        super().__init__(text)
        self.step = step

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass

    def id(self) -> int:  # noqa: A003 - Qt's name
        """Texts typed into an exhibit merge: saved at each pause, undone as one."""
        return 1 if self.step.what == "update_texts" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        step = undo_ops.merged(self.step, other.step) if isinstance(
            other, StepCommand) else None
        if step is None:
            return False
        self.step = step
        self.setText(other.text())  # named as it is now
        return True


class UndoController(QObject):
    """Owns the undo stack (`window.undo_stack`) and drives Edit > Undo / Redo; created
    by the window as `window.undoer`."""

    applied = Signal(object)  # the Step now on the stack after an undo or redo

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window = window
        self.session: Session = window.session
        self.stack = QUndoStack(window)
        self.stack.setObjectName("undoStack")
        self.busy = False
        self.undo_action = window.actions[ActionId.UNDO]
        self.redo_action = window.actions[ActionId.REDO]
        for action, slot in ((self.undo_action, self.undo), (self.redo_action, self.redo)):
            action.triggered.disconnect()
            action.triggered.connect(slot)
        self.stack.indexChanged.connect(self.update)
        self.stack.cleanChanged.connect(self.update)
        session = self.session
        session.undo_controller = self  # the editors' way in (run_undoable)
        session.audienceChanged.connect(self.update)
        session.lockChanged.connect(self.update)
        session.sleepingChanged.connect(self._sleeping)
        self.update()

    # -- pushing -----------------------------------------------------------------------
    def run(self, operation: Callable[..., Changes], *args: Any, label: str = "",
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[str], None] | None = None) -> object:
        """`session.run(operation, ...)`, pushing the step the core answers (if any)."""
        def job(archive: object, actor: object, *job_args: Any) -> Changes:
            changes = operation(archive, actor, *job_args)
            return changes.with_value((changes.value, changes.undo))

        def done(answer: tuple[Any, undo_ops.Step | None]) -> None:
            value, step = answer
            if step is not None:
                self.push(step)
            if on_done:
                on_done(value)

        return self.session.run(job, *args, label=label, on_done=done, on_error=on_error)

    def push(self, step: undo_ops.Step) -> None:
        self.stack.push(StepCommand(step, self.describe(step)))

    def describe(self, step: undo_ops.Step) -> str:
        """"editar «Las mareas»": what Edit > Undo and Redo name (a long title cut short,
        an & in it shown as itself, not as a menu accelerator)."""
        title = step.name if len(step.name) <= NAME_CHARS else (
            step.name[:NAME_CHARS - 1].rstrip() + "…")
        title = title.replace("&", "&&")
        if step.target.subject == undo_ops.ITEMS:
            if step.count > 1:
                return self.tr("edit %n item(s)", "", step.count)
            return self.tr("edit «{title}»").format(title=title)
        texts = {
            "add_section": self.tr("add a section to «{title}»"),
            "update_section": self.tr("rename a section of «{title}»"),
            "move_section": self.tr("move a section of «{title}»"),
            "remove_section": self.tr("remove a section from «{title}»"),
            "add_entry": self.tr("add to «{title}»"),
            "update_entry": self.tr("change an entry of «{title}»"),
            "move_entry": self.tr("move an entry of «{title}»"),
            "remove_entry": self.tr("remove an entry from «{title}»"),
            "update_texts": self.tr("change the texts of «{title}»"),
        }
        text = texts.get(step.what, self.tr("change «{title}»"))
        return text.format(title=title)

    # -- undoing and redoing -------------------------------------------------------------
    def undo(self) -> None:
        if self.stack.canUndo() and self._may(self.stack.command(self.stack.index() - 1)):
            self._apply(self.stack.command(self.stack.index() - 1), self.stack.undo,
                        self.tr("Undoing"))

    def redo(self) -> None:
        if self.stack.canRedo() and self._may(self.stack.command(self.stack.index())):
            self._apply(self.stack.command(self.stack.index()), self.stack.redo,
                        self.tr("Redoing"))

    def _apply(self, command: QUndoCommand, move: Callable[[], None], label: str) -> None:
        assert isinstance(command, StepCommand)
        self.busy = True
        self.update()

        def done(opposite: undo_ops.Step) -> None:
            self.busy = False
            command.step = opposite
            move()  # the commands do nothing: the core has done it
            self.update()
            self._refresh_editors(opposite)
            self.applied.emit(opposite)

        def failed(_message: str) -> None:  # said in the status bar by the session
            self.busy = False
            self.update()

        self.session.run(undo_ops.apply, command.step, label=label, on_done=done,
                         on_error=failed)

    def _refresh_editors(self, step: undo_ops.Step) -> None:
        """An open item editor without edits of its own shows the item as it is now."""
        if step.target.subject != undo_ops.ITEMS:
            return
        for widget in list(getattr(self.window.editors, "open_editors", [])):
            editor = getattr(widget, "editor", widget)
            if getattr(editor, "item_id", None) in step.target.ids and hasattr(
                    editor, "has_unsaved_changes") and not editor.has_unsaved_changes():
                editor.load(editor.item_id)

    # -- what is allowed -----------------------------------------------------------------
    def _may(self, command: QUndoCommand | None) -> bool:
        return not self.busy and self._shown(command)

    def _shown(self, command: QUndoCommand | None) -> bool:
        """Whether this view may read the step's name (a title of a custodian-only item
        must not show in the Edit menu of a researcher's or a visitor's view)."""
        session = self.session
        if (command is None or session.sleeping or session.locked_to is not None
                or session.edition is not None
                or session.audience not in (Audience.CUSTODIAN, Audience.CURATOR)):
            return False
        assert isinstance(command, StepCommand)
        return replace(session.actor, role=session.ceiling).may(command.step.action)

    def update(self, *_args: object) -> None:
        stack = self.stack
        before = stack.command(stack.index() - 1) if stack.canUndo() else None
        after = stack.command(stack.index()) if stack.canRedo() else None
        before = before if self._shown(before) else None
        after = after if self._shown(after) else None
        self.undo_action.setEnabled(self._may(before))
        self.redo_action.setEnabled(self._may(after))
        self.undo_action.setText(self.tr("&Undo: {what}").format(what=before.text())
                                 if before is not None else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo: {what}").format(what=after.text())
                                 if after is not None else self.tr("&Redo"))
        # Asked what cannot be undone: consent records (the core's sentence).
        self.undo_action.setToolTip(undo_ops.not_undoable(ui_lang()))
        self.undo_action.setStatusTip(undo_ops.not_undoable(ui_lang()))

    def _sleeping(self, sleeping: bool) -> None:
        """The idle lock forgot the key: what was done before it is not undone after."""
        if sleeping:
            self.stack.clear()
        self.update()


def run_undoable(session: Session, operation: Callable[..., Changes], *args: Any,
                 **kwargs: Any) -> object:
    """Run an operation whose step goes on the window's undo stack (plain `session.run`
    for an editor without a window)."""
    controller = getattr(session, "undo_controller", None)
    if controller is None:
        return session.run(operation, *args, **kwargs)
    return controller.run(operation, *args, **kwargs)
