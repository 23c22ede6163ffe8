"""A kill during import-bag (issue 18) leaves either nothing or whole items, for a bag
Memoria wrote and for another institution's bag; importing again completes the set."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import time

import bagit
import pytest

from bench.crash_stress import check_after_crash, make_files
from memoria.importing.importer import import_paths
from memoria.importing.probe import sniff
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.trust.bag import export_bag, import_bag


def _bags(tmp_path):
    files = make_files(tmp_path / "payload", 12, seed=7)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    for f in files[:8]:
        f.rename(foreign / f.name)
    bagit.make_bag(str(foreign), {"Source-Organization": "Museo Casa de la Memoria"},
                   checksums=["sha256"])
    field = Archive.create(tmp_path / "field")
    import_paths(field, files[8:], probe_fn=sniff)
    export_bag(field, item_store.list_item_ids(field), tmp_path / "ours")
    field.close()
    # (bag, its items, the longest wait before the kill: about its whole import here)
    return {"foreign": (foreign, 8, 0.4), "ours": (tmp_path / "ours", 4, 0.1)}


def _child(archive_path, bag) -> None:
    try:
        with Archive.open(archive_path) as archive:
            import_bag(archive, bag, probe_fn=sniff)
    finally:
        os._exit(0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL")
def test_a_kill_during_import_bag_leaves_whole_items_or_nothing(tmp_path):
    """Stress run: MEMORIA_CRASH_ROUNDS=200 pytest tests/unit/test_bag_crash.py"""
    seed = int(os.environ.get("MEMORIA_CRASH_SEED", random.randrange(2**32)))
    print(f"crash test seed: {seed} (rerun with MEMORIA_CRASH_SEED={seed})")
    rng = random.Random(seed)
    bags = _bags(tmp_path)
    rounds = int(os.environ.get("MEMORIA_CRASH_ROUNDS", "16"))
    for round_ in range(rounds):
        which = ("foreign", "ours")[round_ % 2]
        bag, expected, longest = bags[which]
        path = tmp_path / f"archive-{round_}"
        Archive.create(path).close()
        pid = os.fork()
        if pid == 0:
            _child(path, bag)
        time.sleep(rng.uniform(0, longest))
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        problems = check_after_crash(path)
        assert problems == [], f"round {round_} ({which} bag, seed {seed})"
        with Archive.open(path) as archive:  # importing again completes the set
            import_bag(archive, bag, probe_fn=sniff)
            assert len(item_store.list_item_ids(archive)) == expected, (round_, which)
        assert check_after_crash(path) == []
