"""Promise: a kill at any moment of a consent change (a person's withdrawal, a grant
with its signed form), a transcript import, a reindex, a backup, a restore, a bag
export or import, an exhibit export or a rebuild of derived files leaves the archive
consistent, nothing half-written presented as done, and the earlier backup restorable.

A few swept kills per operation here; `python -m bench.fault_stress --kills 50`
is the stress run (see bench/fault_stress.py for what is checked after each).
"""

from __future__ import annotations

import os
import random

import pytest

from bench.fault_stress import OPS, make_template, run_op

KILLS = int(os.environ.get("MEMORIA_FAULT_KILLS", "6"))
# A round of these costs seconds (decoder workers start, the check reruns the command).
HEAVY = {"import-bag": 2, "rebuild-derived": 2}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("kills"))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL")
@pytest.mark.parametrize("op", sorted(OPS))
def test_a_killed_operation_leaves_everything_consistent(op, base, tmp_path):
    seed = int(os.environ.get("MEMORIA_CRASH_SEED", random.randrange(2**32)))
    print(f"seed {seed} (rerun with MEMORIA_CRASH_SEED={seed})")
    kills = min(KILLS, HEAVY.get(op, KILLS))
    result = run_op(op, kills, seed, base, tmp_path)
    assert result.failures == [], result.failures
    assert result.kills == kills
