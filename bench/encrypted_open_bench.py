"""Opening a 100,000-item archive, plain and encrypted, in one run (issue 13's Speed target).

    python -m bench.encrypted_open_bench [--runs 5] [--no-docs]

Builds (or reuses) bench.scale_bench's 100,000-item archive, makes an encrypted twin of
it (a new encrypted archive whose catalogue is an SQLCipher copy of the plain one, keyed
with its "catalogue" subkey; media are not copied: opening reads none), then measures,
alternating plain and encrypted so both see the same machine load:

    unlock     Argon2id + unwrapping the slot (the passphrase's own cost, tuned to ~0.5 s)
    open       Archive.open(writable=True): SQLCipher keying, the seal's CRC pass over
               every page, migrations check, sweeps, the consent summary
    first      the list's first screen: every item id in title order and the first 60 rows

"After the passphrase" is open + first; the target is under 2 s for the encrypted archive.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.machine import cpu_model
from bench.scale_bench import ARCHIVE, CACHE, DOCS, build

ENCRYPTED = CACHE / "scale-100k-encrypted"
ACCOUNT, PASSPHRASE = "bench", "frase de paso del banco de pruebas"


def make_encrypted(plain: Path, dest: Path = ENCRYPTED) -> Path:
    from memoria.crypto.keys import unlock
    from memoria.storage import db
    from memoria.storage.archive import Archive
    from memoria.storage.encrypt_journal import export_catalogue
    from memoria.storage.rotation import _reseal

    if (dest / "BUILT").exists():
        return dest
    if dest.exists():
        shutil.rmtree(dest)
    Archive.create(dest, encrypt=True, account=ACCOUNT, passphrase=PASSPHRASE).close()
    keys = unlock(dest, ACCOUNT, PASSPHRASE)
    key = keys.subkey("catalogue")
    catalogue = dest / db.CATALOGUE
    for side in ("", "-wal", "-shm"):
        Path(f"{catalogue}{side}").unlink(missing_ok=True)
    (dest / "catalogue.commits").unlink(missing_ok=True)
    with Archive.open(plain, writable=True) as source:
        export_catalogue(source.conn, catalogue, key)
    db.connect(catalogue, key=key).close()
    _reseal(dest, key)
    Archive.open(dest, writable=True, keys=keys).close()
    (dest / "BUILT").write_text("1")
    return dest


def _first_screen(archive) -> int:
    from memoria.listing import fetch_rows, sorted_ids

    ids = sorted_ids(archive, None, "title", False)
    fetch_rows(archive, ids[:60])
    return len(ids)


def _once(path: Path, encrypted: bool) -> tuple[float, float, float, int]:
    from memoria.crypto.keys import unlock
    from memoria.storage.archive import Archive

    t0 = time.perf_counter()
    keys = unlock(path, ACCOUNT, PASSPHRASE) if encrypted else None
    t1 = time.perf_counter()
    archive = Archive.open(path, writable=True, keys=keys)
    t2 = time.perf_counter()
    count = _first_screen(archive)
    t3 = time.perf_counter()
    archive.close()
    return t1 - t0, t2 - t1, t3 - t2, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plain", type=Path, default=ARCHIVE)
    parser.add_argument("--encrypted", type=Path, default=ENCRYPTED)
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args(argv)
    plain = build(args.plain)
    encrypted = make_encrypted(plain, args.encrypted)
    results: dict[bool, list[tuple[float, float, float, int]]] = {False: [], True: []}
    for _ in range(args.runs):
        for enc in (False, True):
            results[enc].append(_once(encrypted if enc else plain, enc))
    import os

    load = os.getloadavg()[0]
    lines = [f"## Opening 100,000 items, plain vs encrypted ({datetime.now(UTC):%Y-%m-%d})",
             "", f"`python -m bench.encrypted_open_bench --runs {args.runs}`; {cpu_model()}, "
             f"load average {load:.1f} at the end. Median (min-max) of {args.runs} runs, "
             "alternating plain and encrypted.", "",
             "| archive | items | unlock (Argon2id) | open | first screen | after the passphrase "
             "(open + first screen) |", "|---|---|---|---|---|---|"]
    for enc in (False, True):
        runs = results[enc]

        def cell(values: list[float]) -> str:
            return (f"{statistics.median(values) * 1000:.0f} ms "
                    f"({min(values) * 1000:.0f}-{max(values) * 1000:.0f})")

        lines.append(f"| {'encrypted' if enc else 'plain'} | {runs[0][3]:,} | "
                     f"{cell([r[0] for r in runs]) if enc else '-'} | {cell([r[1] for r in runs])} "
                     f"| {cell([r[2] for r in runs])} | {cell([r[1] + r[2] for r in runs])} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_docs:
        with open(DOCS, "a", encoding="utf-8") as out:
            out.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
