"""Herramientas: verification and backup from the window, and the overdue reminder."""

from __future__ import annotations

import os
import stat

from memoria.operations import media as media_ops
from memoria.storage.archive import Archive
from memoria.trust.fixity import last_fixity_check
from memoria.ui.main_window import MainWindow
from tests.conftest import make_jpeg


def _created_days_ago(session, days: int) -> None:
    import json
    from datetime import UTC, datetime, timedelta

    marker = session.path / "memoria-archive.json"
    data = json.loads(marker.read_text(encoding="utf-8"))
    data["created"] = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    marker.write_text(json.dumps(data), encoding="utf-8")


def _window(session, settings, qtbot):
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    return window


def test_verify_from_the_menu_records_fixity_and_clears_the_reminder(
        session, settings, qtbot, tmp_path, no_blocking_message_boxes):
    session.run(media_ops.import_files, [make_jpeg(tmp_path / "a.jpg")])
    _created_days_ago(session, 100)  # never verified, and older than the 90-day period
    window = _window(session, settings, qtbot)
    assert "90" in window.fixity_reminder.text()
    window.verify_action.trigger()
    assert last_fixity_check(session.reader)["ok"] is True
    assert window.fixity_reminder is None  # removed from the status bar
    assert any("intact" in m for m in no_blocking_message_boxes)


def test_verify_reports_a_changed_original(session, settings, qtbot, tmp_path,
                                           no_blocking_message_boxes):
    outcome = []
    session.run(media_ops.import_files, [make_jpeg(tmp_path / "a.jpg")],
                on_done=lambda report: outcome.extend(report.outcomes))
    [copy] = list((session.path / "media").rglob("*.jpg"))
    os.chmod(copy, stat.S_IWUSR | stat.S_IRUSR)
    copy.write_bytes(copy.read_bytes() + b"tampered")
    window = _window(session, settings, qtbot)
    window.verify_action.trigger()
    assert last_fixity_check(session.reader)["ok"] is False
    assert any("Problems found" in m or "problems" in m for m in no_blocking_message_boxes)


def test_backup_from_the_window_and_rolling_copy_on_close(session, settings, qtbot, tmp_path):
    session.run(media_ops.import_files, [make_jpeg(tmp_path / "a.jpg")])
    window = _window(session, settings, qtbot)
    window.tools.backup(tmp_path / "copia")
    with Archive.open(tmp_path / "copia", writable=False) as copy:
        assert copy.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 1
    path = session.path
    session.close()
    assert list((path / "backups" / "auto").glob("catalogue-*.sqlite"))
    session.close = lambda: None  # the fixture closes it again
