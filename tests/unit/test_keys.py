"""Key slots, accounts and the encrypted catalogue (issue 13): real archives in tmp_path."""

from __future__ import annotations

import hashlib
import json
import sqlite3 as stdlib_sqlite3
import stat

import pytest

from memoria.crypto import accounts
from memoria.crypto.keys import (
    KEYS_FILE,
    AccountError,
    KdfCost,
    WrongPassphrase,
    WrongRecoveryKey,
    parse_recovery_key,
    unlock,
    unlock_with_recovery,
)
from memoria.domain.messages import say
from memoria.domain.model import ConsentStatus, Kind, Scope
from memoria.operations import NotPermitted
from memoria.operations import consent as consent_ops
from memoria.operations import items as item_ops
from memoria.operations.actor import Actor
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.archive import Archive, ArchiveNeedsUnlock
from memoria.storage.db import CATALOGUE
from tests.conftest import PASSPHRASE

CHEAP = KdfCost.FOR_TESTS
CANARY = "CANARIO-Rosalba-Quintero-7731"


def _draft(title: str) -> item_ops.ItemDraft:
    return item_ops.ItemDraft(None, Kind.TESTIMONY, "", title, "", None, "", [], [], [], [],
                              None)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_wrong_passphrase_is_refused_with_a_sentence(encrypted_archive):
    root = encrypted_archive.root
    with pytest.raises(WrongPassphrase) as caught:
        unlock(root, "ana", "no es esta")
    assert "frase de paso no son correctas" in caught.value.sentence("es")
    assert "passphrase is not right" in caught.value.sentence("en")
    with pytest.raises(WrongPassphrase):  # an unknown account says the same, no hint
        unlock(root, "nadie", PASSPHRASE)
    assert unlock(root, "ana", PASSPHRASE).role == "custodian"


def test_an_encrypted_archive_does_not_open_without_keys(encrypted_archive):
    root = encrypted_archive.root
    for writable in (True, False):
        with pytest.raises(ArchiveNeedsUnlock) as caught:
            Archive.open(root, writable=writable)
        assert "está cifrado" in caught.value.sentence("es")
        assert "is encrypted" in caught.value.sentence("en")


def test_two_accounts_each_unlock_the_same_key_and_a_removed_one_cannot(encrypted_archive):
    root = encrypted_archive.root
    ana = unlock(root, "ana", PASSPHRASE)
    accounts.add_account(root, ana, "beto", "curator", "otra frase", CHEAP)
    beto = unlock(root, "beto", "otra frase")
    assert (beto.account, beto.role) == ("beto", "curator")
    assert beto.subkey("catalogue") == ana.subkey("catalogue")
    assert beto.subkey("files") != beto.subkey("catalogue")  # one subkey per purpose
    with Archive.open(root, writable=False, keys=beto) as reader:
        assert reader.encrypted and reader.keys is beto
    with pytest.raises(AccountError):  # a curator manages no accounts
        accounts.add_account(root, beto, "carla", "custodian", "x", CHEAP)
    accounts.remove_account(root, ana, "beto")
    with pytest.raises(WrongPassphrase):
        unlock(root, "beto", "otra frase")
    assert [a.name for a in accounts.list_accounts(root)] == ["ana"]
    with pytest.raises(AccountError):  # the last custodian stays
        accounts.remove_account(root, ana, "ana")


def test_changing_a_passphrase_rewraps_only_its_slot(encrypted_archive):
    root = encrypted_archive.root
    item_ops.save(encrypted_archive, Actor.of(encrypted_archive), _draft("antes"))
    encrypted_archive.close()
    before_catalogue = _sha(root / CATALOGUE)
    before_key = unlock(root, "ana", PASSPHRASE).subkey("catalogue")
    accounts.change_passphrase(root, "ana", PASSPHRASE, "nueva frase", CHEAP)
    with pytest.raises(WrongPassphrase):
        unlock(root, "ana", PASSPHRASE)
    keys = unlock(root, "ana", "nueva frase")
    assert keys.subkey("catalogue") == before_key
    assert _sha(root / CATALOGUE) == before_catalogue  # nothing re-encrypted
    with Archive.open(root, writable=False, keys=keys) as reader:
        assert item_store.get_item(reader, 1).title == "antes"


def test_the_recovery_key_unlocks_and_sets_a_new_passphrase(tmp_path):
    arch = Archive.create(tmp_path / "a", encrypt=True, account="ana", passphrase=PASSPHRASE,
                          kdf=CHEAP)
    recovery = arch.recovery_key
    key = arch.keys.subkey("catalogue")
    arch.close()
    assert recovery and len(recovery.split("-")) == 13
    assert parse_recovery_key(recovery.lower().replace("-", " ")) is not None
    keys = unlock_with_recovery(tmp_path / "a", recovery)
    assert keys.subkey("catalogue") == key
    accounts.reset_passphrase(tmp_path / "a", keys, "ana", "recuperada", CHEAP)
    assert unlock(tmp_path / "a", "ana", "recuperada").subkey("catalogue") == key
    wrong = recovery[:-4] + ("AAAA" if not recovery.endswith("AAAA") else "BBBB")
    with pytest.raises(WrongRecoveryKey):
        unlock_with_recovery(tmp_path / "a", wrong)


def test_a_slot_edited_to_another_role_no_longer_unlocks(encrypted_archive):
    root = encrypted_archive.root
    ana = unlock(root, "ana", PASSPHRASE)
    accounts.add_account(root, ana, "beto", "curator", "otra frase", CHEAP)
    data = json.loads((root / KEYS_FILE).read_text())
    for slot in data["slots"]:
        if slot["account"] == "beto":
            slot["role"] = "custodian"  # the role is associated data: the tag fails
    (root / KEYS_FILE).write_text(json.dumps(data))
    with pytest.raises(WrongPassphrase):
        unlock(root, "beto", "otra frase")


def _catalogue_bytes(root) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(root.glob("catalogue.sqlite*")))


def _write_canary(arch: Archive) -> None:
    item_ops.save(arch, Actor.of(arch), _draft(CANARY))
    authorities.add_person(arch, CANARY + " persona")


def test_the_encrypted_catalogue_holds_no_canary_and_a_plain_one_does(tmp_path):
    plain = Archive.create(tmp_path / "plain")
    secret = Archive.create(tmp_path / "secret", encrypt=True, account="ana",
                            passphrase=PASSPHRASE, kdf=CHEAP)
    for arch in (plain, secret):
        _write_canary(arch)
    # While open (the WAL holds the newest pages) and after closing (checkpointed).
    assert CANARY.encode() in _catalogue_bytes(plain.root)
    assert CANARY.encode() not in _catalogue_bytes(secret.root)
    plain.close()
    secret.close()
    assert CANARY.encode() in _catalogue_bytes(plain.root)
    assert CANARY.encode() not in _catalogue_bytes(secret.root)
    assert CANARY.encode("utf-16-le") not in _catalogue_bytes(secret.root)
    # Any SQLite tool reads the plain one, none reads the encrypted one.
    conn = stdlib_sqlite3.connect(plain.root / CATALOGUE)
    assert conn.execute("SELECT title FROM items").fetchone()[0] == CANARY
    conn.close()
    conn = stdlib_sqlite3.connect(secret.root / CATALOGUE)
    with pytest.raises(stdlib_sqlite3.DatabaseError):
        conn.execute("SELECT title FROM items").fetchone()
    conn.close()
    keys = unlock(secret.root, "ana", PASSPHRASE)
    with Archive.open(secret.root, writable=False, keys=keys) as reader:
        assert item_store.get_item(reader, 1).title == CANARY
        assert reader.seal_problems == [] and reader.held is None


def test_the_seal_still_finds_a_changed_page_of_an_encrypted_catalogue(encrypted_archive):
    root = encrypted_archive.root
    item_ops.save(encrypted_archive, Actor.of(encrypted_archive), _draft("sellado"))
    encrypted_archive.close()
    keys = unlock(root, "ana", PASSPHRASE)
    with Archive.open(root, writable=False, keys=keys) as reader:
        assert reader.seal_problems == []
    data = bytearray((root / CATALOGUE).read_bytes())
    data[4096 + 100] ^= 0xFF  # a byte of page 2
    (root / CATALOGUE).write_bytes(bytes(data))
    with Archive.open(root, writable=False, keys=keys) as reader:
        assert any("page 2" in say(p, "en") for p in reader.seal_problems)


def test_the_audit_log_names_the_account(encrypted_archive):
    root = encrypted_archive.root
    ana = unlock(root, "ana", PASSPHRASE)
    accounts.add_account(root, ana, "beto", "curator", "otra frase", CHEAP)
    encrypted_archive.close()
    beto = unlock(root, "beto", "otra frase")
    with Archive.open(root, writable=True, keys=beto) as arch:
        actor = Actor.of(arch, lang="es")
        assert (actor.name, actor.role.value) == ("beto", "curator")
        item_id = item_ops.save(arch, actor, _draft("de beto")).value
        rows = arch.conn.execute(
            "SELECT actor FROM audit_log WHERE item_id = ?", (item_id,)).fetchall()
        assert rows and {r[0] for r in rows} == {"beto"}


def test_a_curator_cannot_change_consent_and_a_custodian_can(encrypted_archive):
    root = encrypted_archive.root
    ana = unlock(root, "ana", PASSPHRASE)
    accounts.add_account(root, ana, "beto", "curator", "otra frase", CHEAP)
    arch = encrypted_archive
    item_id = item_ops.save(arch, Actor.of(arch), _draft("consentido")).value
    person = authorities.add_person(arch, "Narradora").id
    terms = consents.ConsentTerms(status=ConsentStatus.GRANTED, scopes={Scope.RESEARCH})
    consent_ops.record(arch, Actor.of(arch), [person], [item_id], terms)
    arch.close()
    beto = unlock(root, "beto", "otra frase")
    with Archive.open(root, writable=True, keys=beto) as as_beto:
        record = consents.records_for_item(as_beto, item_id)[0]
        with pytest.raises(NotPermitted, match="solo lo puede hacer un custodio"):
            consent_ops.withdraw(as_beto, Actor.of(as_beto), record.id, "prueba")
    with Archive.open(root, writable=True, keys=unlock(root, "ana", PASSPHRASE)) as as_ana:
        consent_ops.withdraw(as_ana, Actor.of(as_ana), record.id, "lo pidió")
        assert consents.records_for_item(as_ana, item_id)[0].status == ConsentStatus.WITHDRAWN


def test_a_plain_archive_with_accounts_needs_one_to_change(tmp_path):
    arch = Archive.create(tmp_path / "p", account="ana", passphrase=PASSPHRASE, kdf=CHEAP)
    assert not arch.encrypted and arch.keys is None and arch.account.account == "ana"
    arch.close()
    data = json.loads((tmp_path / "p" / KEYS_FILE).read_text())
    assert data["encrypted"] is False and "wrapped" not in data["slots"][0]
    assert data["slots"][0]["verifier"].startswith("$argon2id$")
    with pytest.raises(ArchiveNeedsUnlock) as caught:
        Archive.open(tmp_path / "p", writable=True)
    assert "tiene cuentas" in caught.value.sentence("es")
    Archive.open(tmp_path / "p", writable=False).close()  # reading needs none
    with pytest.raises(WrongPassphrase):
        unlock(tmp_path / "p", "ana", "mala")
    keys = unlock(tmp_path / "p", "ana", PASSPHRASE)
    with Archive.open(tmp_path / "p", writable=True, keys=keys) as arch:
        assert Actor.of(arch).name == "ana" and arch.actor == "ana"


def test_every_file_and_folder_of_a_new_archive_is_owner_only(tmp_path):
    for arch in (Archive.create(tmp_path / "plain"),
                 Archive.create(tmp_path / "enc", encrypt=True, account="ana",
                                passphrase=PASSPHRASE, kdf=CHEAP)):
        item_ops.save(arch, Actor.of(arch), _draft("permisos"))
        arch.close()
        root = arch.root
        found = [root, *root.rglob("*")]
        assert len(found) > 8
        for path in found:
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode & 0o077 == 0, f"{path.relative_to(root)} is {oct(mode)}"
        assert stat.S_IMODE(root.stat().st_mode) == 0o700
        assert stat.S_IMODE((root / CATALOGUE).stat().st_mode) == 0o600
        if (root / KEYS_FILE).exists():
            assert stat.S_IMODE((root / KEYS_FILE).stat().st_mode) == 0o600
