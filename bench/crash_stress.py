"""Kill an importing process at random moments and prove the archive survives each time.

    python -m bench.crash_stress --kills 500 [--seed N] [--files 30]

Each round forks a child that opens the archive (running the start-up
sweep) and imports a folder of small real files; the parent SIGKILLs it
after a random delay, reopens the archive and checks it with
`check_after_crash`. Children are forked from a process that has already
imported Memoria, so a round costs milliseconds and the kills land all over
the ingest path: copying, fsync, rename, intent files, inside transactions.
When every file has been imported, a fresh archive is started so the kills
keep landing on real work. POSIX only (os.fork, SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path


def make_files(folder: Path, count: int, seed: int) -> list[Path]:
    """Small real photographs and recordings, all different."""
    import math
    import struct
    import wave

    from PIL import Image

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        if i % 2:
            path = folder / f"foto_{i:03d}.jpg"
            Image.new("RGB", (64 + i, 48), (rng.randrange(256), i % 256, 40)).save(path, "JPEG")
        else:
            path = folder / f"entrevista_{i:03d}.wav"
            with wave.open(str(path), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(8000)
                freq = 200 + 10 * i
                out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(
                    2 * math.pi * freq * n / 8000))) for n in range(4000 + 50 * i)))
        made.append(path)
    return made


def check_after_crash(archive_path: Path) -> list[str]:
    """Reopen (the sweep runs) and list every inconsistency; empty means sound."""
    from bench.fault_checks import catalogue_and_files_problems
    from memoria.storage.archive import Archive

    with Archive.open(archive_path) as archive:
        problems = catalogue_and_files_problems(archive)
        q = archive.conn.execute
        if q("SELECT COUNT(*) FROM items WHERE id NOT IN "
             "(SELECT item_id FROM media_files)").fetchone()[0]:
            problems.append("an imported item has no media file")
        if q("SELECT COUNT(*) FROM blobs WHERE sha256 NOT IN "
             "(SELECT sha256 FROM media_files)").fetchone()[0]:
            problems.append("a blob belongs to no item")
    return problems


def _child(archive_path: Path, folder: Path) -> None:
    try:
        from memoria.importing.importer import default_probe, import_paths
        from memoria.storage.archive import Archive

        with Archive.open(archive_path) as archive:
            import_paths(archive, [folder], probe_fn=default_probe)
    finally:
        os._exit(0)


@dataclass
class StressResult:
    seed: int
    kills: int = 0
    finished_before_kill: int = 0
    archives: int = 1
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    @property
    def kills_per_second(self) -> float:
        return self.kills / self.seconds if self.seconds else 0.0


def run(kills: int, seed: int, workdir: Path, files: int = 30,
        max_delay: float = 0.25) -> StressResult:
    """Do `kills` SIGKILLs; stop at the first inconsistency (recorded in `failures`)."""
    from memoria.storage.archive import Archive

    rng = random.Random(seed)
    result = StressResult(seed)
    folder = workdir / "batch"
    make_files(folder, files, seed)
    archive_path = workdir / "archive-1"
    Archive.create(archive_path).close()
    start = time.monotonic()
    while result.kills < kills:
        pid = os.fork()
        if pid == 0:
            _child(archive_path, folder)
        time.sleep(rng.uniform(0, max_delay))
        try:
            os.kill(pid, signal.SIGKILL)
            result.kills += 1
        except ProcessLookupError:
            result.finished_before_kill += 1
        os.waitpid(pid, 0)
        problems = check_after_crash(archive_path)
        if problems:
            result.failures = [f"after kill {result.kills} (seed {seed}): {p}" for p in problems]
            break
        with Archive.open(archive_path, writable=False) as archive:
            done = archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
        if done >= files:  # all imported: start afresh so kills hit real work again
            shutil.rmtree(archive_path)
            result.archives += 1
            archive_path = workdir / f"archive-{result.archives}"
            Archive.create(archive_path).close()
    result.seconds = time.monotonic() - start
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--files", type=int, default=30)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"crash_stress: seed {seed}", flush=True)
    with tempfile.TemporaryDirectory(prefix="memoria-crash-") as tmp:
        result = run(args.kills, seed, Path(tmp), args.files)
    print(f"{result.kills} kills ({result.finished_before_kill} imports finished first) "
          f"over {result.archives} archives in {result.seconds:.1f} s "
          f"= {result.kills_per_second:.1f} kills/s")
    for failure in result.failures:
        print("FAIL:", failure)
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
