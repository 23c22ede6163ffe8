"""Promise: a kill at any moment of a consent change, a transcript import, a reindex,
a backup or a restore leaves the archive consistent and the earlier backup restorable.

A few swept kills per operation here; `python -m bench.fault_stress --kills 50`
is the stress run (see bench/fault_stress.py for what is checked after each).
"""

from __future__ import annotations

import os
import random

import pytest

from bench.fault_stress import OPS, make_template, run_op

KILLS = int(os.environ.get("MEMORIA_FAULT_KILLS", "6"))


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("kills"))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL")
@pytest.mark.parametrize("op", sorted(OPS))
def test_a_killed_operation_leaves_everything_consistent(op, base, tmp_path):
    seed = int(os.environ.get("MEMORIA_CRASH_SEED", random.randrange(2**32)))
    print(f"seed {seed} (rerun with MEMORIA_CRASH_SEED={seed})")
    result = run_op(op, KILLS, seed, base, tmp_path)
    assert result.failures == [], result.failures
    assert result.kills == KILLS
