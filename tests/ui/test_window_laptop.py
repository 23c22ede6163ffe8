"""The window as a new archivist meets it on a laptop (issue 15): no traceback on an
audience switch after a dialog closed, custodian actions out of reach of other
audiences, a fresh archive that does not nag."""

from __future__ import annotations

import pytest

from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.storage import items as item_store
from memoria.ui.main_window import MainWindow


@pytest.fixture
def window(session, settings, qtbot):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _item(session, title: str) -> int:
    return item_store.create_item(session.archive, item_store.ItemFields(
        Kind.TESTIMONY, title, description=f"{title}."))


def test_audience_switch_after_the_consent_dialog_closed_raises_nothing(
        session, window, qtbot):
    item_id = _item(session, "Testimonio")
    session.catalogueChanged.emit({item_id})
    dialog = window.editors.edit_consent(item_id)
    assert dialog is not None
    dialog.close()  # WA_DeleteOnClose: the C++ dialog and its combo box go
    qtbot.waitUntil(lambda: dialog not in window.editors.open_editors)
    # pytest-qt fails the test on any exception raised inside a slot.
    session.set_audience(Audience.RESEARCHER)
    session.catalogueChanged.emit({item_id})
    session.set_audience(Audience.CUSTODIAN)


def test_no_lambda_hangs_on_a_session_signal():
    """The root of the traceback above: a lambda connected to a session signal is
    never disconnected when its dialog dies. Only the main window (which lives as
    long as its session) may do it."""
    import re
    from pathlib import Path

    import memoria.ui

    root = Path(memoria.ui.__file__).parent
    pattern = re.compile(r"session\.\w+\.connect\(\s*lambda")
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name not in {"main_window.py", "menus.py"}
                 and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
