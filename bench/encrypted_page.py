"""First page of a search, plain vs encrypted index, on indexes already built.

    python -m bench.encrypted_page --runs 60

Needs ``bench/cache/run-long-3000`` with ``index``, ``index-encrypted`` and the
``bench-key`` they were built with (built once by this module with ``--build``;
about 10 minutes at 3,000 long testimonies). Prints median CPU and wall time
per shape, the chunks decrypted by a warm page and the chunk cache's fill.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from bench import search_bench as sb


def build(work: Path) -> None:
    from memoria.search.engine import SearchEngine
    from memoria.storage.archive import Archive

    key = os.urandom(32)
    (work / "bench-key").write_bytes(key)
    archive = Archive.open(work, writable=False)
    archive.today_override = sb.TODAY
    for root, k in ((work / "index-encrypted", key), (work / "index", None)):
        e = SearchEngine(archive, root, index_key=k)
        e.rebuild(procs=2)
        e.close()
    archive.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.encrypted_page")
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args(argv)
    from memoria.crypto import stream
    from memoria.domain.consent import Audience
    from memoria.search import encrypted_storage
    from memoria.search.engine import SearchEngine
    from memoria.storage.archive import Archive

    work = sb.CACHE / f"run-long-{args.size}"
    if args.build:
        work = sb._work_copy(args.size, "long")  # noqa: SLF001 - the bench's own helper
        build(work)
    archive = Archive.open(work, writable=False)
    archive.today_override = sb.TODAY
    key = (work / "bench-key").read_bytes()
    engines = {"plain": SearchEngine(archive, work / "index"),
               "encrypted": SearchEngine(archive, work / "index-encrypted", index_key=key)}

    def page(e: SearchEngine) -> None:
        res = e.search("desplazados Medellín", Audience.RESEARCHER)
        e.snippets(res, range(min(20, len(res.hits))))

    for e in engines.values():
        page(e)
        page(e)
    decrypts = 0
    chunk = stream.StreamReader._chunk  # noqa: SLF001

    def counted(self: stream.StreamReader, index: int) -> bytes:
        nonlocal decrypts
        if self._cache.get((self._salt, index)) is None:  # noqa: SLF001
            decrypts += 1
        return chunk(self, index)

    stream.StreamReader._chunk = counted  # type: ignore[method-assign]  # noqa: SLF001
    page(engines["encrypted"])
    stream.StreamReader._chunk = chunk  # type: ignore[method-assign]  # noqa: SLF001
    cache = encrypted_storage.CACHE
    print(f"warm page: {decrypts} chunks decrypted; cache {len(cache)} chunks, "
          f"{cache._bytes / 2**20:.1f} of {cache.max_bytes >> 20} MiB")  # noqa: SLF001
    cpu: dict[str, list[float]] = {k: [] for k in engines}
    wall: dict[str, list[float]] = {k: [] for k in engines}
    for i in range(args.runs):
        for kind in (("plain", "encrypted") if i % 2 == 0 else ("encrypted", "plain")):
            t0, c0 = time.perf_counter(), time.process_time()
            page(engines[kind])
            cpu[kind].append((time.process_time() - c0) * 1000)
            wall[kind].append((time.perf_counter() - t0) * 1000)
    p, pw = statistics.median(cpu["plain"]), statistics.median(wall["plain"])
    for kind in engines:
        q, qw = statistics.median(cpu[kind]), statistics.median(wall[kind])
        print(f"first page + snippets, {kind}: {q:.1f} ms CPU ({(q / p - 1) * 100:+.1f}%), "
              f"{qw:.1f} ms wall ({(qw / pw - 1) * 100:+.1f}%)")
    print("load average", ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    for e in engines.values():
        e.close()
    archive.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
