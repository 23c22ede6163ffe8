"""The window as a new archivist meets it on a laptop (issue 15): no traceback on an
audience switch after a dialog closed, custodian actions out of reach of other
audiences, a fresh archive that does not nag."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

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


def _age_archive(session, days: int) -> None:
    """Pretend the archive was created `days` ago (the marker Archive.create wrote)."""
    import json
    from datetime import UTC, datetime, timedelta

    marker = session.path / "memoria-archive.json"
    data = json.loads(marker.read_text(encoding="utf-8"))
    data["created"] = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    marker.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("audience", [Audience.RESEARCHER, Audience.PUBLIC])
def test_no_custodian_action_is_reachable_for_another_audience(
        session, settings, qtbot, tmp_path, audience):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    from PySide6.QtTest import QTest

    from memoria.trust.fixity import last_fixity_check

    _age_archive(session, 100)
    item_id = _item(session, "Testimonio")
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.fixity_reminder is not None and win.fixity_reminder.isVisible()

    session.set_audience(audience)
    assert not win.fixity_reminder.isVisible()
    assert not any(a.isEnabled() for a in win.custodian_actions)
    # Every way in: the status-bar link, the tool functions, shortcuts, double-click, drop.
    win.fixity_reminder.click()
    win.tools.verify()
    win.tools.backup(tmp_path / "backup")
    win.tools.edition(tmp_path / "edition", "public")
    assert last_fixity_check(session.reader) is None
    assert not (tmp_path / "backup").exists() and not (tmp_path / "edition").exists()
    win.items.select_item(item_id)
    for key in ("Ctrl+N", "Ctrl+I", "Ctrl+E"):
        QTest.keySequence(win, key)
    win._activated(item_id)
    assert win.editors.edit_item(item_id) is None
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    win.dropEvent(drop)
    assert win.editors.open_editors == []

    session.set_audience(Audience.CUSTODIAN)  # back: the reminder is the custodian's again
    assert win.fixity_reminder.isVisible()
    win.fixity_reminder.click()
    assert last_fixity_check(session.reader) is not None


def test_a_new_archive_does_not_say_it_was_never_verified(session, window):
    """The 90 days count from the archive's creation, not from the beginning of time."""
    assert getattr(window, "fixity_reminder", None) is None


@pytest.fixture
def spanish(qapp):
    from PySide6.QtCore import QLocale

    from memoria.ui import i18n

    previous = QLocale()
    i18n.install(qapp, "es")
    yield
    i18n.uninstall(qapp)
    QLocale.setDefault(previous)


def test_one_spanish_in_the_window(spanish, session, settings, qtbot):
    """Plural forms, the glossary's words, Help the last menu, four-digit years, and
    Qt's own file dialog without Spain's "fichero" (docs/glossary.md)."""
    from PySide6.QtCore import QCoreApplication

    from memoria.ui.editors.history_view import HistoryView

    item_id = _item(session, "Testimonio")
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.show()
    assert win.count_label.text() == "1 mostrado · 1 elemento en el archivo"
    second = _item(session, "Otro")
    session.catalogueChanged.emit({item_id, second})
    assert win.count_label.text() == "2 mostrados · 2 elementos en el archivo"
    menus = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert menus[-1] == "Ayuda" and "Herramientas" in menus
    file_menu = win.menuBar().actions()[0].menu()
    entries = [a.text().replace("&", "") for a in file_menu.actions()]
    assert "Nuevo archivo de Memoria..." in entries and "Abrir archivo de Memoria..." in entries
    assert "2026" in HistoryView.when("2026-12-06T11:42:00+00:00")
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "Archivos de tipo:"
    assert win.sidebar.model().findItems("(ninguna todavía)", Qt.MatchFlag.MatchRecursive)


def test_consent_dates_show_four_digit_years(spanish, qtbot):
    from PySide6.QtCore import QDate

    from memoria.ui.editors.consent_form import OptionalDate

    field = OptionalDate("Ningún embargo", "Embargo hasta")
    qtbot.addWidget(field)
    field.edit.setDate(QDate(2026, 12, 6))
    assert "2026" in field.edit.text()
