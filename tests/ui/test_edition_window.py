"""The window on a reading-room edition: locked to its audience, nothing to edit,
the edition and its date named."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from memoria.domain.consent import Audience
from memoria.operations import search as search_ops
from memoria.trust.edition import write_edition
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner
from tests.unit.test_edition import source  # noqa: F401 - the fixture


@pytest.fixture
def edition_session(source, tmp_path, qtbot):  # noqa: F811 - the fixture above
    arch, _ids = source
    dest = tmp_path / "sala"
    write_edition(arch, dest, Audience.RESEARCHER, lang="en")
    sess = Session(dest, TaskRunner(synchronous=True))
    yield sess
    sess.close()


def test_the_window_on_an_edition_offers_no_custodian_action(edition_session, settings, qtbot):
    window = MainWindow(edition_session, settings)
    qtbot.addWidget(window)
    window.show()
    assert edition_session.audience is Audience.RESEARCHER
    assert "Reading-room edition for researchers, 2026-06-01" in window.windowTitle()
    assert window.edition_label.isVisible() and "read-only" in window.edition_label.text()
    # No "View as": neither in the toolbar nor in the menu, and asking changes nothing.
    assert not window.audience_selector.isVisible()
    assert not any(a.isVisible() or a.isEnabled() for a in window.audience_actions.values())
    edition_session.set_audience(Audience.CUSTODIAN)
    assert edition_session.audience is Audience.RESEARCHER
    # No way to edit: every custodian action gone, the detail pane's buttons off.
    assert window.custodian_actions
    assert not any(a.isEnabled() or a.isVisible() for a in window.custodian_actions)
    assert window.model.rowCount() == 3
    assert window.items.select_item(window.model.item_id(0))
    assert not window.detail.edit_button.isVisible()
    assert not window.detail.consent_button.isVisible()
    sidebar = window.sidebar
    assert sidebar.isRowHidden(sidebar._queues.row(), QModelIndex())
    assert sidebar.isRowHidden(sidebar._exhibits.row(), QModelIndex())
    refused = []
    edition_session.run(search_ops.delete, 1, on_error=refused.append)
    assert refused == ["This reading-room edition is read-only."]


def test_a_custodian_writes_and_refreshes_an_edition_from_the_window(source, tmp_path,  # noqa: F811
                                                                      settings, qtbot):
    from memoria.storage import copies as copy_store

    arch, _ids = source
    path = arch.root
    arch.close()
    session = Session(path, TaskRunner(synchronous=True))
    try:
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        assert window.edition_action.isEnabled()
        window.tools.edition(tmp_path / "sala", "researcher")
        assert len(window.last_edition.items) == 3
        [copy] = copy_store.list_copies(session.reader)
        assert (copy.kind, copy.audience) == ("edition", Audience.RESEARCHER)
        session.set_audience(Audience.RESEARCHER)
        assert not window.edition_action.isEnabled()  # custodians only
    finally:
        session.close()
