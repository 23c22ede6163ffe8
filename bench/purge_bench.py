"""How long forgetting a person takes, by phase (issue 13).

    python -m bench.purge_bench [N]     N short corpus testimonies (default 1000)

Builds (or reuses) the search bench's catalogue of N testimonies in a scratch
folder, builds its index, requests the purge of person 1 (the first
narrator), lets the waiting period pass and carries it out, printing the
time of each phase: the catalogue transaction (carry_out), the index rewrite
(forget_items) and the catalogue rewrite (VACUUM and WAL truncation, run
twice: before and after the purge is marked done).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.search_bench import build_catalogue
from memoria.domain.consent import Audience
from memoria.operations import Actor
from memoria.operations import purge as ops
from memoria.search.engine import SearchEngine
from memoria.storage import purge_apply, purge_wipe
from memoria.storage.archive import Archive


def _timed(owner: Any, name: str) -> None:
    fn: Callable[..., Any] = getattr(owner, name)

    def wrap(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            print(f"  {name}: {time.perf_counter() - start:.1f} s", flush=True)

    setattr(owner, name, wrap)


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 1000
    for owner, name in ((purge_apply, "carry_out"), (purge_wipe, "rewrite_catalogue"),
                        (SearchEngine, "forget_items")):
        _timed(owner, name)
    source = build_catalogue(n, "short")
    with tempfile.TemporaryDirectory(prefix="memoria-purge-") as tmp:
        work = Path(tmp) / "archive"
        shutil.copytree(source, work)
        with Archive.open(work) as archive:
            start = time.perf_counter()
            engine = SearchEngine(archive)
            engine.ensure_fresh()
            engine.close()
            print(f"index built in {time.perf_counter() - start:.1f} s", flush=True)
            actor = Actor("bench", Audience.CUSTODIAN, "en")
            purge_id = ops.request(archive, actor, ops.target_from(archive, "person:1"),
                                   "bench", "Ley 1581 de 2012").value
            archive.conn.execute("UPDATE purges SET not_before = '2000-01-01T00:00:00+00:00'")
            start = time.perf_counter()
            report = ops.confirm(archive, actor, purge_id).value
            print(f"purge of one person among {n} testimonies: "
                  f"{time.perf_counter() - start:.1f} s ({report.details['items']} items removed,"
                  f" {report.details['items_redacted']} redacted)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
