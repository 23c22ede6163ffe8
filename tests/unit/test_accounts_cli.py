"""Accounts from the command line, and a passphrase change killed at any moment."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from memoria.cli import main
from memoria.crypto import keys as keyslots
from memoria.crypto.keys import KdfCost, WrongPassphrase, unlock
from memoria.storage.archive import Archive
from tests.conftest import PASSPHRASE


def run(capsys, monkeypatch, *args, account="ana", passphrase=PASSPHRASE, new=None,
        recovery=None):
    for name, value in (("MEMORIA_ACCOUNT", account), ("MEMORIA_PASSPHRASE", passphrase),
                        ("MEMORIA_NEW_PASSPHRASE", new), ("MEMORIA_RECOVERY_KEY", recovery)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    code = main(["--lang", "en", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_init_encrypt_shows_the_recovery_key_once(tmp_path, capsys, monkeypatch):
    root = tmp_path / "arch"
    code, out, err = run(capsys, monkeypatch, "init", root, "--encrypt")
    assert code == 0, err
    assert "Recovery key (shown this once only)" in out and "safe" in out
    recovery = next(line.strip() for line in out.splitlines() if line.count("-") == 12)
    assert keyslots.parse_recovery_key(recovery) is not None
    assert recovery not in (root / "keys.json").read_text()
    assert keyslots.is_encrypted(root)

    code, out, err = run(capsys, monkeypatch, "--archive", root, "list", account=None)
    assert code == 1 and "is encrypted" in err
    code, out, err = run(capsys, monkeypatch, "--archive", root, "list", passphrase="mala")
    assert code == 1 and "passphrase is not right" in err and "Traceback" not in err


def test_accounts_are_added_removed_and_recovered_from_the_command_line(tmp_path, capsys,
                                                                         monkeypatch):
    root = tmp_path / "arch"
    arch = Archive.create(root, encrypt=True, account="ana", passphrase=PASSPHRASE,
                          kdf=KdfCost.FOR_TESTS)  # cheap to unlock; new slots cost the default
    recovery = arch.recovery_key
    assert recovery is not None
    arch.close()
    code, out, err = run(capsys, monkeypatch, "--archive", root, "account", "add", "beto",
                         "--role", "curator", new="frase de beto")
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, "--archive", root, "account", "list", "--json")
    assert json.loads(out) == [{"account": "ana", "role": "custodian"},
                               {"account": "beto", "role": "curator"}]
    # A curator changes no accounts.
    code, out, err = run(capsys, monkeypatch, "--archive", root, "account", "remove", "ana",
                         account="beto", passphrase="frase de beto")
    assert code == 1 and "only a custodian" in err
    code, out, err = run(capsys, monkeypatch, "--archive", root, "account", "remove", "beto")
    assert code == 0, err
    with pytest.raises(WrongPassphrase):
        unlock(root, "beto", "frase de beto")

    # Every passphrase lost: the recovery key gives "ana" a new one.
    code, out, err = run(capsys, monkeypatch, "--archive", root, "unlock", "--recovery",
                         passphrase=None, recovery=recovery.lower(), new="otra vez")
    assert code == 0, err
    keys = unlock(root, "ana", "otra vez")
    with Archive.open(root, writable=False, keys=keys) as arch:
        actions = [(r[0], r[1]) for r in arch.conn.execute(
            "SELECT actor, action FROM audit_log WHERE entity_type = 'account' ORDER BY id")]
    assert actions == [("ana", "add"), ("ana", "remove"), ("recovery", "recovery")]


def test_a_plain_archive_gets_its_first_account_from_the_command_line(tmp_path, capsys,
                                                                      monkeypatch):
    root = tmp_path / "plain"
    Archive.create(root).close()
    code, out, err = run(capsys, monkeypatch, "--archive", root, "account", "add", "ana",
                         "--role", "custodian", account=None, new=PASSPHRASE)
    assert code == 0, err
    code, out, err = run(capsys, monkeypatch, "--archive", root, "list", account=None)
    assert code == 0, err  # reading a plain archive needs no account
    code, out, err = run(capsys, monkeypatch, "--archive", root, "consent", "withdraw", "1",
                         "--reason", "x", account=None)
    assert code == 1 and "has accounts" in err


_CHANGER = """
import sys
from pathlib import Path
from memoria.crypto.accounts import change_passphrase
from memoria.crypto.keys import KdfCost
root, a, b = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
print("ready", flush=True)
while True:
    change_passphrase(root, "ana", a, b, KdfCost.FOR_TESTS)
    a, b = b, a
"""


def test_a_killed_passphrase_change_leaves_the_old_or_the_new_slot(tmp_path):
    root = tmp_path / "arch"
    arch = Archive.create(root, encrypt=True, account="ana", passphrase="vieja",
                          kdf=KdfCost.FOR_TESTS)
    key = arch.keys.subkey("catalogue")
    arch.close()
    rng = random.Random(13)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", _CHANGER, str(root), "vieja", "nueva"],
                                 stdout=subprocess.PIPE, env=env)
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        opened = []
        for passphrase in ("vieja", "nueva"):
            with contextlib.suppress(WrongPassphrase):
                opened.append(unlock(root, "ana", passphrase).subkey("catalogue"))
        assert opened == [key], "exactly one of the passphrases opens, the same key"
        json.loads((root / "keys.json").read_text())  # whole, never half-written
        # Keep "vieja" the passphrase for the next round.
        if unlock_ok(root, "nueva"):
            from memoria.crypto.accounts import change_passphrase

            change_passphrase(root, "ana", "nueva", "vieja", KdfCost.FOR_TESTS)


def unlock_ok(root, passphrase: str) -> bool:
    try:
        unlock(root, "ana", passphrase)
    except WrongPassphrase:
        return False
    return True


def test_a_lost_keys_file_is_said_and_the_recovery_key_still_opens(tmp_path, capsys,
                                                                    monkeypatch):
    from memoria.storage.archive import KeysMissing

    root = tmp_path / "arch"
    arch = Archive.create(root, encrypt=True, account="ana", passphrase=PASSPHRASE,
                          kdf=KdfCost.FOR_TESTS)
    recovery, key = arch.recovery_key, arch.keys.subkey("catalogue")
    arch.close()
    assert recovery is not None and recovery not in (root / "memoria-archive.json").read_text()
    (root / "keys.json").unlink()
    with pytest.raises(KeysMissing) as caught:
        Archive.open(root, writable=False)
    assert "keys.json" in caught.value.sentence("es") and "--recovery" in caught.value.sentence(
        "en")
    code, out, err = run(capsys, monkeypatch, "--archive", root, "list")
    assert code == 1 and "keys.json" in err and "Traceback" not in err
    code, out, err = run(capsys, monkeypatch, "--archive", root, "unlock", "--recovery",
                         passphrase=None, recovery=recovery, new="de nuevo")
    assert code == 0, err
    keys = unlock(root, "ana", "de nuevo")
    assert keys.subkey("catalogue") == key
    with Archive.open(root, writable=False, keys=keys) as reader:
        assert reader.encrypted
