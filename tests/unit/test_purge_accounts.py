"""Purge with named accounts (issue 13): a second custodian's account confirms at once;
the account that asked cannot, nor can a curator; on an encrypted archive too."""

from __future__ import annotations

import pytest

from memoria.crypto import accounts
from memoria.crypto.keys import KdfCost, unlock
from memoria.domain.model import Kind, Role
from memoria.operations import Actor, NotPermitted
from memoria.operations import purge as purge_ops
from memoria.search.engine import SearchEngine
from memoria.storage import authorities
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

CHEAP = KdfCost.FOR_TESTS


def _archive_with_two_custodians(root, encrypt: bool) -> int:
    arch = Archive.create(root, encrypt=encrypt, account="ana", passphrase="clave de ana",
                          kdf=CHEAP)
    try:
        accounts.add_account(root, arch.account, "bea", "custodian", "clave de bea", CHEAP)
        accounts.add_account(root, arch.account, "cura", "curator", "clave de cura", CHEAP)
        person = authorities.add_person(arch, "Zoila Canariaga").id
        item = item_store.create_item(arch, item_store.ItemFields(
            kind=Kind.TESTIMONY, title="Relato de Zoila Canariaga",
            description="Contó lo del xilofonocanario.", people=[(person, Role.NARRATOR)]))
        engine = SearchEngine(arch)
        engine.ensure_fresh()
        engine.close()
        return item
    finally:
        arch.close()


def _as(root, account: str, passphrase: str) -> Archive:
    return Archive.open(root, keys=unlock(root, account, passphrase))


@pytest.mark.parametrize("encrypt", [False, True], ids=["plain", "encrypted"])
def test_a_second_custodian_confirms_at_once(tmp_path, encrypt):
    root = tmp_path / "archive"
    item = _archive_with_two_custodians(root, encrypt)
    with _as(root, "ana", "clave de ana") as arch:
        ana = Actor.of(arch, "en")
        purge_id = purge_ops.request(arch, ana, purge_ops.target_from(arch, str(item)),
                                     "Zoila lo pidió", "Ley 1581 de 2012").value
        with pytest.raises(purge_ops.PurgeError) as waiting:
            purge_ops.confirm(arch, ana, purge_id)  # her own request: the wait applies
        assert "Another custodian" in str(waiting.value)
    with _as(root, "cura", "clave de cura") as arch, pytest.raises(NotPermitted):
        purge_ops.confirm(arch, Actor.of(arch, "en"), purge_id)
    with _as(root, "bea", "clave de bea") as arch:
        report = purge_ops.confirm(arch, Actor.of(arch, "en"), purge_id).value
        assert report.details["via"] == "second_custodian"
        assert report.details["confirmed_by"] == "bea"
        assert report.details["requested_by"] == "ana"
        assert report.index_rewritten  # plain or encrypted index, rewritten in place
        assert arch.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0
        actor = arch.conn.execute("SELECT actor FROM audit_log WHERE id = ?",
                                  (report.tombstone,)).fetchone()[0]
        assert actor == "bea"
    if not encrypt:
        hits = [p for p in root.rglob("*") if p.is_file()
                and b"xilofonocanario" in p.read_bytes()]
        assert hits == []


def test_on_the_command_line_the_second_custodian_is_the_unlocking_account(tmp_path,
                                                                          monkeypatch):
    from tests.unit.test_cli import memoria

    root = tmp_path / "archive"
    item = _archive_with_two_custodians(root, encrypt=True)
    monkeypatch.setenv("MEMORIA_ACCOUNT", "ana")
    monkeypatch.setenv("MEMORIA_PASSPHRASE", "clave de ana")
    made = memoria("purge", str(item), "--reason", "pedido", "--basis", "Ley 1581", "--now",
                   archive=root)
    assert "waits until" in made.stdout  # ana alone: the wait applies
    monkeypatch.setenv("MEMORIA_USER", "bea")  # a typed name proves nothing
    early = memoria("purge", "--confirm", "1", archive=root, check=False)
    assert early.returncode == 1 and "waits until" in early.stderr
    monkeypatch.setenv("MEMORIA_ACCOUNT", "bea")
    monkeypatch.setenv("MEMORIA_PASSPHRASE", "clave de bea")
    done = memoria("purge", "--confirm", "1", "--json", archive=root)
    assert '"via": "second_custodian"' in done.stdout and '"confirmed_by": "bea"' in done.stdout
