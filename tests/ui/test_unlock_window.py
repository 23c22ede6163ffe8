"""An encrypted archive in the window: unlocking, the idle lock with the key, going back
up from a visitor's view with a custodian's passphrase, accounts made, used and removed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from memoria.crypto.keys import KdfCost, unlock
from memoria.domain.consent import Audience
from memoria.domain.model import Kind
from memoria.operations import items as item_ops
from memoria.operations.archive import Archive
from memoria.ui.lock.unlock_dialog import UnlockDialog
from memoria.ui.main_window import MainWindow
from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner

ANA = "una frase larga de Ana"
LUIS = "otra frase de Luis"


@pytest.fixture
def encrypted(tmp_path):
    """A new encrypted archive with one custodian (ana) and one item."""
    path = tmp_path / "cifrado"
    archive = Archive.create(path, encrypt=True, account="ana", passphrase=ANA,
                             kdf=KdfCost.FOR_TESTS)
    assert archive.recovery_key
    archive.close()
    keys = unlock(path, "ana", ANA)
    arch = Archive.open(path, writable=True, keys=keys)
    try:
        from memoria.storage import items as item_store

        item_store.create_item(arch, item_store.ItemFields(Kind.TESTIMONY, "Testimonio de Rosa"))
    finally:
        arch.close()
    return path


def _unlock_through(dialog: UnlockDialog, qtbot, account: str, passphrase: str) -> None:
    dialog.account.setCurrentText(account)
    qtbot.keyClicks(dialog.passphrase, passphrase)
    dialog.open_button.click()
    assert dialog.busy.isVisible()  # checked off the GUI thread, with a busy bar
    qtbot.waitUntil(lambda: not dialog.busy.isVisible(), timeout=10000)


def test_a_wrong_passphrase_is_said_plainly_and_the_right_one_opens(encrypted, qtbot):
    dialog = UnlockDialog(encrypted)
    qtbot.addWidget(dialog)
    dialog.show()
    opened = []
    dialog.unlocked.connect(opened.append)
    assert [dialog.account.itemText(i) for i in range(dialog.account.count())] == ["ana"]
    _unlock_through(dialog, qtbot, "ana", "no es la frase")
    assert opened == []
    assert dialog.error.isVisible()
    text = dialog.error.text()
    assert "passphrase" in text and "ana" in text and "\n" not in text
    assert dialog.passphrase.text() == ""  # cleared for another try
    _unlock_through(dialog, qtbot, "ana", ANA)
    assert len(opened) == 1 and opened[0].account == "ana" and opened[0].encrypted
    assert dialog.result() == 1


def test_the_recovery_key_opens_when_every_passphrase_is_lost(tmp_path, qtbot):
    path = tmp_path / "cifrado"
    archive = Archive.create(path, encrypt=True, account="ana", passphrase=ANA,
                             kdf=KdfCost.FOR_TESTS)
    recovery = archive.recovery_key
    archive.close()
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    opened = []
    dialog.unlocked.connect(opened.append)
    dialog.use_recovery.click()
    assert dialog.recovery.isVisible() and not dialog.passphrase.isVisible()
    qtbot.keyClicks(dialog.recovery, recovery.lower())  # as typed from the sheet
    dialog.open_button.click()
    qtbot.waitUntil(lambda: bool(opened) or dialog.error.isVisible(), timeout=10000)
    assert not dialog.error.isVisible(), dialog.error.text()
    assert opened[0].role == "custodian"


@pytest.fixture
def window(encrypted, settings, qtbot):
    keys = unlock(encrypted, "ana", ANA)
    session = Session(encrypted, TaskRunner(synchronous=True), keys=keys)
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    session.close()


def test_the_window_says_encrypted_and_the_account(window):
    assert window.archive_kind.label.text() == "Encrypted archive · account: ana (custodian)"
    assert window.session.actor.name == "ana"


def test_idle_lock_forgets_the_key_and_a_passphrase_brings_it_back(window, qtbot):
    session = window.session
    keys = session.keys
    item = window.model.item_id(0)
    window.items.select_item(item)
    window.idle_lock.set_idle_ms(30)
    qtbot.waitUntil(lambda: session.sleeping, timeout=5000)
    assert keys.forgotten  # the key is gone from memory
    window.idle_lock.screen.unlock_button.click()
    dialog = window.idle_lock.dialog
    assert dialog.account.currentText() == "ana"
    _unlock_through(dialog, qtbot, "ana", "mal")
    assert session.sleeping and dialog.error.isVisible()
    _unlock_through(dialog, qtbot, "ana", ANA)
    assert not session.sleeping
    assert window.items.current_item() == item and window.detail.item_id == item
    assert window.centralWidget() is window.splitter


def test_going_back_up_asks_a_custodians_passphrase(window, qtbot):
    lock = window.audience_lock
    assert lock.lock(Audience.RESEARCHER)
    lock.unlock_action.trigger()
    dialog = lock.dialog
    assert dialog.account.count() == 1  # custodians only
    _unlock_through(dialog, qtbot, "ana", "no")
    assert window.session.locked_to is Audience.RESEARCHER
    _unlock_through(dialog, qtbot, "ana", ANA)
    assert window.session.locked_to is None
    assert window.session.audience is Audience.CUSTODIAN
    assert not window.session.keys.forgotten  # the window's own key is kept


def _fill(form_dialog, qtbot, *, name: str = "", passphrase: str = "",
          role: str | None = None) -> None:
    form = form_dialog.form
    if name:
        qtbot.keyClicks(form.account, name)
    if role:
        form.role.setCurrentIndex(form.role.findData(role))
    qtbot.keyClicks(form.first, passphrase)
    qtbot.keyClicks(form.second, passphrase)
    form_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_accounts_are_added_used_in_the_audit_and_removed(window, qtbot, monkeypatch):
    from memoria.crypto.keys import WrongPassphrase
    from memoria.ui.lock.accounts_dialog import AccountsDialog

    session = window.session
    dialog = AccountsDialog(session, window, kdf=KdfCost.FOR_TESTS)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.accounts() == [("ana", "custodian")]
    dialog.add_button.click()
    _fill(dialog.form_dialog, qtbot, name="luis", passphrase="corta", role="curator")
    assert dialog.form_dialog.error.isVisible()  # too short: said, nothing written
    dialog.form_dialog.form.clear()
    _fill(dialog.form_dialog, qtbot, passphrase=LUIS)
    qtbot.waitUntil(lambda: dialog._pending is None and not dialog.busy.isVisible(),
                    timeout=10000)
    assert dialog.accounts() == [("ana", "custodian"), ("luis", "curator")]
    assert _account_audit(session) == [("ana", "add", "luis")]  # who let him in, on record

    # Luis opens the archive and makes a change: the audit log names him.
    luis = unlock(session.path, "luis", LUIS)
    assert luis.role == "curator"
    luis_session = Session(session.path, TaskRunner(synchronous=True), keys=luis)
    try:
        assert luis_session.audience is Audience.CURATOR  # no custodian view for him
        luis_session.set_audience(Audience.CUSTODIAN)
        assert luis_session.audience is Audience.CURATOR
        luis_window = MainWindow(luis_session, window.settings)
        qtbot.addWidget(luis_window)
        assert "luis (curator)" in luis_window.archive_kind.label.text()
        assert not luis_window.verify_action.isEnabled()
        luis_window.accounts_action.trigger()  # his own passphrase only
        mine = luis_window.accounts_dialog
        assert mine.mine_button.isEnabled() and not mine.add_button.isEnabled()
        assert not mine.remove_button.isEnabled()
        mine.close()
        item = luis_session.reader.conn.execute("SELECT id FROM items").fetchone()[0]
        done = []
        luis_session.run(item_ops.add_person, item, "Pedro Gómez", on_done=done.append)
        assert len(done) == 1
        actor = luis_session.reader.conn.execute(
            "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
        assert actor == "luis"
    finally:
        luis_session.close()

    # Ana removes him: his passphrase opens nothing any more.
    row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index("luis")
    dialog.table.selectRow(row)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog._pending is None and not dialog.busy.isVisible(),
                    timeout=10000)
    assert dialog.accounts() == [("ana", "custodian")]
    assert _account_audit(session)[-1] == ("ana", "remove", "luis")
    with pytest.raises(WrongPassphrase):
        unlock(session.path, "luis", LUIS)


def _account_audit(session):
    import json

    rows = session.reader.conn.execute(
        "SELECT actor, action, details FROM audit_log WHERE entity_type = 'account' ORDER BY id"
    ).fetchall()
    return [(actor, action, json.loads(details)["account"]) for actor, action, details in rows]


def test_a_new_archive_is_encrypted_by_default_and_shows_its_recovery_key_once(tmp_path, qtbot):
    from memoria.crypto.keys import is_encrypted, unlock_with_recovery
    from memoria.ui.lock.new_archive import NewArchiveDialog

    dialog = NewArchiveDialog(folder=tmp_path / "nuevo", kdf=KdfCost.FOR_TESTS)
    qtbot.addWidget(dialog)
    dialog.show()
    made = []
    dialog.created.connect(lambda path, keys: made.append((path, keys)))
    assert dialog.encrypt.isChecked() and dialog.first.isVisible()
    qtbot.keyClicks(dialog.first.account, "ana")
    qtbot.keyClicks(dialog.first.first, ANA)
    qtbot.keyClicks(dialog.first.second, ANA + "x")
    dialog.create_button.click()
    assert "not the same" in dialog.error.text() and not (tmp_path / "nuevo").exists()
    dialog.first.second.setText(ANA)
    dialog.first.first.setText(ANA)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: hasattr(dialog, "recovery_dialog"), timeout=10000)
    sheet = dialog.recovery_dialog
    assert is_encrypted(tmp_path / "nuevo")
    assert not sheet.done_button.isEnabled()  # kept apart first
    pdf = sheet.save_pdf(tmp_path / "clave.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert unlock_with_recovery(tmp_path / "nuevo", sheet.key_label.text()).role == "custodian"
    sheet.kept.setChecked(True)
    sheet.done_button.click()
    assert made and made[0][1].account == "ana"
    session = Session(made[0][0], TaskRunner(synchronous=True), keys=made[0][1])
    try:  # the window opens the new archive with those keys, no second question
        assert session.encrypted and session.actor.name == "ana"
    finally:
        session.close()


def test_opening_an_encrypted_archive_asks_for_the_passphrase_first(encrypted, settings, qtbot,
                                                                   monkeypatch):
    from memoria.ui.app import App

    answers = ["cancel", ANA]

    def person_at_the_dialog(dialog) -> int:
        given = answers.pop(0)
        if given == "cancel":
            return 0
        dialog.show()  # what exec() does first
        _unlock_through(dialog, qtbot, "ana", given)
        return 1

    monkeypatch.setattr(UnlockDialog, "exec", person_at_the_dialog)
    app = App(settings)
    try:
        assert not app.open(encrypted)  # cancelled: no window, nothing opened
        assert app.window is None
        assert app.open(encrypted)
        qtbot.addWidget(app.window)
        assert app.session.encrypted and app.session.actor.name == "ana"
        assert settings.value("archive/lastAccount") == "ana"
    finally:
        if app.window is not None:
            app.window.close()
        app.close()


def test_a_window_opened_with_the_recovery_key_says_so(tmp_path, settings, qtbot):
    from memoria.crypto.keys import unlock_with_recovery

    path = tmp_path / "cifrado"
    archive = Archive.create(path, encrypt=True, account="ana", passphrase=ANA,
                             kdf=KdfCost.FOR_TESTS)
    recovery = archive.recovery_key
    archive.close()
    session = Session(path, TaskRunner(synchronous=True), keys=unlock_with_recovery(path, recovery))
    try:
        win = MainWindow(session, settings)
        qtbot.addWidget(win)
        assert win.archive_kind.label.text() == (
            "Encrypted archive · account: the recovery key (custodian)")
        assert "new passphrase" in win.statusBar().currentMessage()
    finally:
        session.close()
