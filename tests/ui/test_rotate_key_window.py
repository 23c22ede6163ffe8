"""Rotating the archive key from the window (issue 13): a custodian confirms, the files
are re-encrypted off the GUI thread, the window reopens under the new key, the new
recovery key is shown once; a curator is never offered it."""

from __future__ import annotations

import pytest

from memoria.crypto import accounts
from memoria.crypto.keys import KdfCost, unlock
from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.importing.importer import ImportOptions, import_paths
from memoria.storage import db, rotation
from memoria.storage.archive import Archive
from memoria.ui.lock.rotate_key import open_rotation
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner
from tests.conftest import make_jpeg

ANA = "una frase larga de Ana"
LUIS = "otra frase de Luis"


@pytest.fixture
def archive_root(tmp_path):
    root = tmp_path / "cifrado"
    arch = Archive.create(root, encrypt=True, account="ana", passphrase=ANA,
                          kdf=KdfCost.FOR_TESTS)
    photo = make_jpeg(tmp_path / "foto.jpg", size=(320, 240))
    import_paths(arch, [photo], ImportOptions(kind=Kind.PHOTOGRAPH))
    accounts.add_account(root, arch.keys, "luis", "curator", LUIS, KdfCost.FOR_TESTS)
    arch.close()
    return root, photo.read_bytes()


def _window(root, account, passphrase, settings, qtbot):
    session = Session(root, TaskRunner(synchronous=True), keys=unlock(root, account, passphrase))
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    return win


def test_a_custodian_rotates_from_the_window_and_it_reopens_under_the_new_key(
        archive_root, settings, qtbot):
    root, original = archive_root
    win = _window(root, "ana", ANA, settings, qtbot)
    session = win.session
    old_catalogue_key = bytes(session.keys.subkey("catalogue"))
    try:
        assert win.rotate_action.isVisible() and win.rotate_action.isEnabled()
        session.lock_to(Audience.RESEARCHER)  # a visitor's view: off
        assert not win.rotate_action.isEnabled() and open_rotation(win) is None
        session.unlock_view()
        assert win.rotate_action.isEnabled()
        win.rotate_action.trigger()
        dialog = win.rotate_dialog
        text = dialog.explain.text()
        assert "luis" in text  # named: he must be added again with a new passphrase
        assert "Backups made before stay under the old key" in text
        assert not dialog.rotate_button.isEnabled()  # the passphrase first
        qtbot.keyClicks(dialog.passphrase, ANA)
        dialog.rotate_button.click()
        # the part done alone, then the files in the background (inline here: the
        # test's runner is synchronous), then the new recovery key, once
        qtbot.waitUntil(lambda: getattr(win, "rotation_job", None) is not None
                        and win.rotation_job.recovery_dialog is not None
                        or bool(dialog.message.styleSheet()), timeout=60000)
        assert dialog.result() == 1, dialog.message.text()
        shown = win.rotation_job.recovery_dialog
        recovery = shown.key_label.text()
        assert not rotation.pending(root)
        assert rotation.key_id(unlock(root, "ana", ANA)) == rotation.key_id(session.keys)
        assert rotation.key_id(rotation.keyslots.unlock_with_recovery(root, recovery)) == \
            rotation.key_id(session.keys)
        # the window reads again: the catalogue and the original, under the new key
        row = session.reader.conn.execute("SELECT sha256, path FROM blobs").fetchone()
        assert session.reader.vault.read_bytes(row["path"]) == original
        assert session.reader.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 1
        # and so does its search, which opened connections of its own under the old key
        engine = win.search.engine
        engine.ensure_fresh()
        assert [h.item_id for h in engine.search("foto", Audience.CUSTODIAN).hits] == [1]
        # the old key opens the catalogue no more
        assert not rotation._catalogue_opens(root / db.CATALOGUE, old_catalogue_key)
        assert [a.name for a in accounts.list_accounts(root)] == ["ana"]
        shown.kept.setChecked(True)
        shown.done_button.click()
    finally:
        session.close()


def test_a_rotation_stopped_while_moving_files_goes_on_in_the_background_of_a_working_window(
        archive_root, settings, qtbot):
    """Killed after the catalogue switched (a crash, the window closed): the archive opens
    with the old passphrase, the window reads and searches at once, and the files move
    on a thread of their own until the new recovery key is shown."""
    root, original = archive_root

    class Killed(Exception):
        pass

    def kill(step):
        if step == "media":
            raise Killed(step)

    with pytest.raises(Killed):
        rotation.rotate(root, unlock(root, "ana", ANA), ANA, kdf=KdfCost.FOR_TESTS, hook=kill)
    assert rotation.files_pending(root)
    session = Session(root, TaskRunner(), keys=unlock(root, "ana", ANA))
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    try:
        row = session.reader.conn.execute("SELECT sha256, path FROM blobs").fetchone()
        assert session.reader.vault.read_bytes(row["path"]) == original  # moved or not
        qtbot.waitUntil(lambda: win.rotation_job.recovery_dialog is not None, timeout=60000)
        assert not rotation.pending(root)
        assert [a.name for a in accounts.list_accounts(root)] == ["ana"]
        assert rotation.key_id(unlock(root, "ana", ANA)) == rotation.key_id(session.keys)
        row = session.reader.conn.execute("SELECT sha256, path FROM blobs").fetchone()
        new_files = session.keys.subkey("files")
        assert rotation._opens(root / row["path"], new_files, row["path"].encode())
        assert session.reader.vault.read_bytes(row["path"]) == original
        assert win.rotation_job not in session.background_jobs
    finally:
        session.close()


def test_no_account_changes_while_a_rotation_is_under_way(archive_root):
    root, _ = archive_root

    def stop(step):
        if step == "media":
            raise RuntimeError(step)

    with pytest.raises(RuntimeError):
        rotation.rotate(root, unlock(root, "ana", ANA), ANA, kdf=KdfCost.FOR_TESTS, hook=stop)
    with pytest.raises(accounts.AccountError) as refused:
        accounts.add_account(root, unlock(root, "ana", ANA), "eva", "curator", "frase de eva",
                             KdfCost.FOR_TESTS)
    assert "rotación de la llave en curso" in refused.value.sentence("es")


def test_refused_while_another_window_has_it_open_in_one_sentence(archive_root, settings,
                                                                   qtbot):
    root, original = archive_root
    win = _window(root, "ana", ANA, settings, qtbot)
    other = Archive.open(root, writable=True, keys=unlock(root, "ana", ANA))
    try:
        win.rotate_action.trigger()
        dialog = win.rotate_dialog
        qtbot.keyClicks(dialog.passphrase, ANA)
        dialog.rotate_button.click()
        qtbot.waitUntil(lambda: dialog._pending is None, timeout=30000)
        assert dialog.recovery_dialog is None
        message = dialog.message.text()
        assert "open" in message and "\n" not in message and message.count(". ") == 0
        # the window still reads with the key it had; nothing was rotated
        row = win.session.reader.conn.execute("SELECT path FROM blobs").fetchone()
        assert win.session.reader.vault.read_bytes(row["path"]) == original
        assert not rotation.pending(root)
    finally:
        other.close()
        win.session.close()


def test_a_curator_is_not_offered_the_rotation(archive_root, settings, qtbot):
    root, _ = archive_root
    win = _window(root, "luis", LUIS, settings, qtbot)
    try:
        assert not win.rotate_action.isVisible()
        win.rotate_action.trigger()
        assert open_rotation(win) is None  # any other way in is refused all the same
        assert getattr(win, "rotate_dialog", None) is None
    finally:
        win.session.close()
