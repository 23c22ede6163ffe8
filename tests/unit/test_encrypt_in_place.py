"""`memoria encrypt` (issue 13): a plain archive becomes encrypted in place, never a mix."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from memoria.crypto import keys as keyslots
from memoria.crypto.keys import KdfCost
from memoria.importing.importer import import_paths
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.encrypt_journal import JOURNAL
from memoria.trust.encrypt import EncryptError, encrypt_archive
from memoria.trust.fixity import verify_archive
from tests.conftest import make_jpeg, make_wav

PASS = "frase de prueba para cifrar"
ROOT = Path(__file__).resolve().parents[2]
CANARY = b"CANARIO-ENCRYPT-5150"


def _plain(tmp_path: Path, n: int = 3) -> tuple[Path, list[bytes]]:
    arch = Archive.create(tmp_path / "archive")
    arch.today_override = date(2026, 6, 1)
    files = [make_jpeg(tmp_path / f"foto{i}.jpg", color=(10 * i, 90, 200 - i)) for i in range(n)]
    files.append(make_wav(tmp_path / "voz.wav", seconds=1.0))
    report = import_paths(arch, files)
    first = report.outcomes[0].item_id
    item = item_store.get_item(arch, first)
    item_store.update_item(arch, first, item_store.ItemFields(item.kind, CANARY.decode()))
    arch.close()
    return arch.root, [f.read_bytes()[-48:] for f in files]


def _bytes_of(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def _open_either(root: Path) -> tuple[str, Archive]:
    """Open as whatever the folder now is; the journal is settled by the open itself."""
    try:
        arch = Archive.open(root, writable=True)
        return "plain", arch
    except Exception as exc:  # noqa: BLE001 - the encrypted case needs its keys
        if not keyslots.is_encrypted(root):
            raise AssertionError(f"neither plain nor encrypted: {exc!r}") from exc
    keys = keyslots.unlock(root, "ana", PASS)
    return "encrypted", Archive.open(root, writable=True, keys=keys)


def test_encrypt_converts_in_place_and_leaves_no_plain_byte(tmp_path):
    root, media = _plain(tmp_path)
    assert CANARY in _bytes_of(root)
    report = encrypt_archive(root, "ana", PASS, kdf=KdfCost.FOR_TESTS)
    assert report.originals == 4 and report.recovery_key
    assert "flash" in report.sentence("es") and "flash" in report.sentence("en")
    assert not (root / JOURNAL).exists()
    assert '"encrypted": true' in (root / "memoria-archive.json").read_text()
    everything = _bytes_of(root)
    for canary in [CANARY, b"SQLite format 3", *media]:
        assert canary not in everything
    kind, arch = _open_either(root)
    assert kind == "encrypted"
    with arch:
        assert item_store.get_item(arch, 1).title == CANARY.decode()
        assert verify_archive(arch).ok
    with pytest.raises(EncryptError, match="already encrypted"):
        encrypt_archive(root, "ana", PASS, kdf=KdfCost.FOR_TESTS)


def test_a_damaged_original_stops_the_encryption_and_changes_nothing(tmp_path):
    root, _media = _plain(tmp_path)
    victim = next((root / "media").rglob("*.jpg"))
    victim.chmod(0o600)
    victim.write_bytes(victim.read_bytes()[:-5])
    with pytest.raises(EncryptError) as caught:
        encrypt_archive(root, "ana", PASS, kdf=KdfCost.FOR_TESTS)
    assert "suma de verificación" in caught.value.sentence("es")
    assert not (root / JOURNAL).exists() and not keyslots.is_encrypted(root)
    with Archive.open(root, writable=False) as arch:
        assert item_store.get_item(arch, 1).title == CANARY.decode()


_RUN = """
import sys
from memoria.crypto.keys import KdfCost
from memoria.trust.encrypt import encrypt_archive
encrypt_archive(sys.argv[1], "ana", sys.argv[2], kdf=KdfCost.FOR_TESTS)
"""


def _start(root: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", _RUN, str(root), PASS], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_sweep(tmp_path: Path, runs: int, seed: int) -> dict[str, int]:
    """Time one whole run, then kill run i at (i + random) / runs of that time: the kills
    sweep the command from its start-up to its end."""
    rng = random.Random(seed)
    (tmp_path / "timing").mkdir()
    timing, _media = _plain(tmp_path / "timing", n=2)
    began = time.monotonic()
    _start(timing).wait()
    duration = time.monotonic() - began
    outcomes = {"plain": 0, "encrypted": 0}
    for run in range(runs):
        base = tmp_path / f"run{run}"
        base.mkdir()
        root, media = _plain(base, n=2)
        proc = _start(root)
        time.sleep(duration * (run + rng.random()) / runs)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kind, arch = _open_either(root)
        with arch:
            assert item_store.get_item(arch, 1).title == CANARY.decode()
            report = verify_archive(arch)
            assert report.ok, (run, kind, report.summary())
        assert not (root / JOURNAL).exists()
        if kind == "encrypted":
            everything = _bytes_of(root)
            assert CANARY not in everything and not any(m in everything for m in media)
        outcomes[kind] += 1
    return outcomes


def test_kills_during_encrypt_leave_plain_or_encrypted(tmp_path):
    outcomes = _kill_sweep(tmp_path, runs=4, seed=13)
    assert sum(outcomes.values()) == 4
    assert outcomes["plain"]  # the first kills land before the decision


@pytest.mark.slow
def test_kill_sweep_many(tmp_path):
    """More kills (the stress command: python -m bench.fault_stress --ops encrypt)."""
    outcomes = _kill_sweep(tmp_path, runs=10, seed=1581)
    assert sum(outcomes.values()) == 10


def test_a_run_stopped_in_the_switch_is_finished_by_the_next_open(tmp_path, monkeypatch):
    """The decision is written ("ready"), then the run dies just before keys.json moves:
    the catalogue is already encrypted. The next open finishes the switch."""
    import memoria.storage.encrypt_journal as journal_mod

    root, media = _plain(tmp_path)
    real_replace = os.replace

    def dies_before_keys(src, dst, *args, **kwargs):
        if Path(src).name == "keys.json" and Path(src).parent.name == JOURNAL:
            raise KeyboardInterrupt  # as a kill would, at the worst moment
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(journal_mod.os, "replace", dies_before_keys)
    with pytest.raises(KeyboardInterrupt):
        encrypt_archive(root, "ana", PASS, kdf=KdfCost.FOR_TESTS)
    monkeypatch.setattr(journal_mod.os, "replace", real_replace)
    assert (root / JOURNAL).is_dir() and not keyslots.is_encrypted(root)  # the mixed moment
    kind, arch = _open_either(root)
    assert kind == "encrypted" and not (root / JOURNAL).exists()
    with arch:
        assert item_store.get_item(arch, 1).title == CANARY.decode()
    everything = _bytes_of(root)
    assert CANARY not in everything and not any(m in everything for m in media)


def test_a_run_stopped_before_the_decision_leaves_the_plain_archive(tmp_path, monkeypatch):
    import memoria.storage.encrypt_journal as journal_mod

    root, _media = _plain(tmp_path)
    real_write = journal_mod.write_state

    def dies_at_ready(journal, state):
        if state == "ready":
            raise KeyboardInterrupt
        return real_write(journal, state)

    monkeypatch.setattr(journal_mod, "write_state", dies_at_ready)
    with pytest.raises(KeyboardInterrupt):
        encrypt_archive(root, "ana", PASS, kdf=KdfCost.FOR_TESTS)
    kind, arch = _open_either(root)
    with arch:
        assert kind == "plain" and item_store.get_item(arch, 1).title == CANARY.decode()
        assert verify_archive(arch).ok
    assert not (root / JOURNAL).exists()


def test_cli_encrypt_says_what_it_did_and_what_it_cannot(tmp_path, capsys, monkeypatch):
    from memoria.cli import main

    root, _media = _plain(tmp_path)
    monkeypatch.setenv("MEMORIA_PASSPHRASE", PASS)
    code = main(["--archive", str(root), "--lang", "en", "encrypt"])
    assert code == 1 and "--account" in capsys.readouterr().err
    monkeypatch.setenv("MEMORIA_ACCOUNT", "ana")
    assert main(["--archive", str(root), "--lang", "en", "encrypt"]) == 0
    out = capsys.readouterr().out
    assert "now encrypted" in out and "flash" in out
    assert keyslots.is_encrypted(root)
    code = main(["--archive", str(root), "--lang", "es", "encrypt"])
    err = capsys.readouterr().err
    assert code == 1 and "ya está cifrado" in err and "Traceback" not in err
