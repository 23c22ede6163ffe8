"""Promise: a window opened on a catalogue that lost saved changes says so and keeps
researcher and public views closed, as the command line does."""

from __future__ import annotations

import shutil
from pathlib import Path

from memoria.cli import main
from memoria.domain.consent import Audience
from memoria.storage import consents
from memoria.storage.archive import Archive
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner


def _lost_withdrawals(tmp_path: Path) -> Path:
    """A demo archive whose last withdrawals were committed but their WAL is gone."""
    template = tmp_path / "demo"
    assert main(["demo", str(template)]) == 0
    archive = Archive.open(template)
    granted = [r for r in consents.all_records(archive) if r.status.value == "granted"]
    consents.withdraw_many(archive, [r.id for r in granted[:2]], "la persona lo pidió")
    crashed = tmp_path / "crashed"
    shutil.copytree(template, crashed, ignore=shutil.ignore_patterns(".memoria.lock"))
    archive.close()
    Path(f"{crashed / 'catalogue.sqlite'}-wal").unlink()
    return crashed


def test_a_window_on_lost_commits_says_so_and_stays_in_custody(tmp_path, qtbot, settings):
    session = Session(_lost_withdrawals(tmp_path), TaskRunner(synchronous=True))
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    notice = window.findChild(type(window.status_audience), "catalogueDamage")
    assert notice is not None and "acknowledge-loss" in notice.text()
    said: list[str] = []
    session.writeFailed.connect(said.append)
    for audience in (Audience.RESEARCHER, Audience.PUBLIC):
        session.set_audience(audience)
        assert session.audience is Audience.CUSTODIAN
    assert said and all("acknowledge-loss" in s for s in said)
    window.close()
    session.close()


def test_a_sound_archive_opens_with_no_notice(tmp_path, qtbot, settings):
    root = tmp_path / "demo"
    assert main(["demo", str(root)]) == 0
    session = Session(root, TaskRunner(synchronous=True))
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    assert window.findChild(type(window.status_audience), "catalogueDamage") is None
    session.set_audience(Audience.RESEARCHER)
    assert session.audience is Audience.RESEARCHER
    window.close()
    session.close()


def test_a_page_changed_outside_memoria_is_said_after_the_window_paints(tmp_path, qtbot,
                                                                         settings):
    """The page check reads the whole catalogue, so it runs on a worker once the
    window is up (a cold start with hour-long transcripts spent 0.6 s per GB on
    it, twice); what it finds is still said in the status bar."""
    root = tmp_path / "demo"
    assert main(["demo", str(root)]) == 0
    data = bytearray((root / "catalogue.sqlite").read_bytes())
    data[4096 + 100] ^= 0xFF  # a byte of page 2, not through SQLite
    (root / "catalogue.sqlite").write_bytes(bytes(data))
    session = Session(root, TaskRunner())
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(type(window.status_audience),
                                             "catalogueDamage") is not None, timeout=10000)
    notice = window.findChild(type(window.status_audience), "catalogueDamage")
    assert "changed outside Memoria" in notice.text() or "fuera de Memoria" in notice.text()
    assert session.reader.seal_problems and session.archive.seal_problems
    window.close()
    session.close()
