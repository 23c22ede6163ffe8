"""Several processes on one archive: a change made on the command line while the
window is open reaches the window's list and the search index through the
catalogue's change feed, within a second."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from memoria.domain.consent import Audience
from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner
from memoria.ui.widgets.consent_badge import BADGE_ROLE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shared(archive):
    """An archive with one testimony open to research; its folder, item and accession."""
    person = authorities.add_person(archive, "Rosa Elena Marín").id
    item_id = item_store.create_item(archive, item_store.ItemFields(
        Kind.TESTIMONY, "Las mareas de Tumaco", description="La marea subía en la noche.",
        people=[(person, Role.NARRATOR)]))
    consents.record_consent(archive, person, [item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH}))
    accession = item_store.get_item(archive, item_id).accession
    path = archive.root
    archive.close()
    return path, item_id, accession


def _memoria(path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "memoria", "--archive", str(path), *args],
                          capture_output=True, text=True, env=env, timeout=60)


def _researcher_finds(window, item_id: int) -> bool:
    found = window.search.engine.search("marea", Audience.RESEARCHER)
    return item_id in {hit.item_id for hit in found.hits}


def test_a_withdrawal_on_the_command_line_reaches_the_open_window_and_index(
        shared, settings, qtbot):
    path, item_id, accession = shared
    session = Session(path, TaskRunner(synchronous=True))
    try:
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        window.show()
        window.search.engine.ensure_fresh()
        assert _researcher_finds(window, item_id)
        session.set_audience(Audience.RESEARCHER)
        assert item_id in window.model.ids()

        result = _memoria(path, "consent", "withdraw", accession, "--reason", "lo pidió")
        assert result.returncode == 0, result.stderr  # the window holds no lifelong lock
        committed = time.monotonic()

        qtbot.waitUntil(lambda: item_id not in window.model.ids(), timeout=1000)
        assert time.monotonic() - committed < 1.0  # the feed said so; the index re-did it
        assert not _researcher_finds(window, item_id)

        session.set_audience(Audience.CUSTODIAN)
        row = window.model.row_of(item_id)
        assert window.model.index(row, 4).data(BADGE_ROLE) == "withdrawn"
        # The audit log names who acted, in the process that acted.
        entries = session.reader.conn.execute(
            "SELECT action FROM audit_log WHERE entity_type = 'consent' ORDER BY id").fetchall()
        assert entries[-1][0] == "status"
    finally:
        session.close()


def test_the_window_hears_of_the_change_from_the_feed_not_from_a_guess(shared, qtbot):
    path, item_id, accession = shared
    session = Session(path, TaskRunner(synchronous=True))
    heard = []
    session.changesArrived.connect(heard.append)
    try:
        assert _memoria(path, "consent", "withdraw", accession, "--reason", "x").returncode == 0
        qtbot.waitUntil(lambda: bool(heard), timeout=1000)
        assert heard[0].item_ids == {item_id}
        assert [k.value for k in heard[0].kinds] == ["consent"]
    finally:
        session.close()


def test_a_search_saved_in_another_process_reaches_the_open_sidebar(shared, settings, qtbot):
    from memoria.operations import Actor
    from memoria.operations import search as saved_searches
    from memoria.storage.archive import Archive

    path, _item_id, _accession = shared
    session = Session(path, TaskRunner(synchronous=True))
    try:
        window = MainWindow(session, settings)
        qtbot.addWidget(window)

        def names() -> list[str]:
            sidebar = window.sidebar
            return [sidebar._names[s] for s in sidebar._entries  # noqa: SLF001
                    if s.what == "saved_search"]

        assert names() == []
        other = Archive.open(path)  # another window or process, on its own connection
        try:
            saved_searches.save(other, Actor.local(), "Mareas", "marea", Audience.CUSTODIAN, {})
        finally:
            other.close()
        qtbot.waitUntil(lambda: names() == ["Mareas"], timeout=1000)
    finally:
        session.close()


def test_a_copy_entered_in_the_register_elsewhere_is_heard_through_the_feed(shared, qtbot):
    from memoria.domain.changes import ChangeKind
    from memoria.operations import Actor, trust
    from memoria.storage.archive import Archive

    path, item_id, _accession = shared
    session = Session(path, TaskRunner(synchronous=True))
    heard = []
    session.changesArrived.connect(heard.append)
    try:
        other = Archive.open(path)
        try:
            trust.record_copy(other, Actor.local(), "edition", [item_id], Audience.RESEARCHER,
                              path.parent / "catalogo.pdf", label="Catálogo impreso")
        finally:
            other.close()
        qtbot.waitUntil(lambda: bool(heard), timeout=1000)
        assert heard[0].touches(ChangeKind.COPIES)
        assert not heard[0].everything  # the register changed, not every item
    finally:
        session.close()


def test_an_operation_is_announced_once_when_a_feed_tick_comes_first(shared, qtbot):
    from memoria.operations import Actor
    from memoria.operations import consent as consent_ops

    path, item_id, _accession = shared
    session = Session(path, TaskRunner(synchronous=True))
    heard = []
    session.catalogueChanged.connect(heard.append)
    try:
        session._feed.stop()  # noqa: SLF001 - the ticks are called by hand below
        from memoria.storage.consent_records import records_for_item

        consent_id = records_for_item(session.reader, item_id)[0].id
        changes = consent_ops.withdraw(session.archive, Actor.local(), consent_id, "lo pidió")
        assert changes.generation > 0
        session.catch_up()  # the feed's tick, between the commit and the callback
        session.catch_up(changes)  # the operation's callback: already announced
        assert heard == [{item_id}]
    finally:
        session.close()
