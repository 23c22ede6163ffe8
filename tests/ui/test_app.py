"""Start-up: archives that cannot be opened are explained, not tracebacks."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from memoria.storage.archive import Archive
from memoria.ui.app import App
from memoria.ui.widgets.consent_badge import COLOURS, contrast


def test_an_archive_another_program_is_writing_to_opens_anyway(tmp_path, settings, qtbot):
    """The write lock is taken per transaction: the command line or another window
    writing (here mid-transaction) does not keep this window out."""
    Archive.create(tmp_path / "a").close()
    holder = Archive.open(tmp_path / "a", writable=True)  # another Memoria writing
    holder.conn.execute("BEGIN IMMEDIATE")
    app = App(settings)
    try:
        assert app.open(tmp_path / "a") is True
        qtbot.addWidget(app.window)
    finally:
        holder.conn.execute("ROLLBACK")
        holder.close()
        app.window.close()
        app.close()


def test_opening_remembers_the_archive_and_shows_a_window(tmp_path, settings, qtbot):
    Archive.create(tmp_path / "b").close()
    app = App(settings)
    try:
        assert app.open(tmp_path / "b")
        qtbot.addWidget(app.window)
        assert settings.value("archive/last") == str(tmp_path / "b")
    finally:
        app.window.close()
        app.close()


def test_a_missing_archive_can_be_created_from_the_dialog(tmp_path, settings, monkeypatch,
                                                          qtbot):
    def click_create(box: QMessageBox) -> int:
        box.buttons()[0].click()  # "Create archive", the first button added
        return 0

    def plain_archive(dialog) -> int:
        """The new-archive dialog: encryption is offered first; here, a plain one."""
        assert dialog.encrypt.isChecked()
        dialog.encrypt.setChecked(False)
        dialog.create_button.click()
        qtbot.waitUntil(lambda: dialog.result() == 1, timeout=10000)
        return 1

    from memoria.ui.lock.new_archive import NewArchiveDialog

    monkeypatch.setattr(QMessageBox, "exec", click_create)
    monkeypatch.setattr(NewArchiveDialog, "exec", plain_archive)
    app = App(settings)
    try:
        assert app.open(tmp_path / "new")
        qtbot.addWidget(app.window)
        assert (tmp_path / "new" / "catalogue.sqlite").exists()
    finally:
        app.window.close()
        app.close()


def test_consent_badges_have_enough_contrast():
    for background, text in COLOURS.values():
        assert contrast(background, text) >= 4.5
