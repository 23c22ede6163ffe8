"""Search benchmark: our whoosh engine against SQLite FTS5 on the same corpus, same run.

    python -m bench.search_bench [--sizes 1000,10000] [--length long|short] [--no-append]
    python -m bench.search_bench --sizes 10000 --reuse   # queries again on a --keep run's index
    python -m bench.search_bench --encrypted [--sizes 1000,3000]

For each size: a catalogue of ``bench.corpus`` testimonies (by default 60-120
minutes, 9,000-18,000 words each; ``--length short`` for the ~3,000-word ones
of runs before 2026-12-06) (bulk SQL, cached
under bench/cache/ and copied per run, since the run withdraws consents),
then the full index build (both cores), index size, cold first query, warm
latencies (median / p95) per query shape, first page of 50 with snippets for
the 20 visible rows, facet counting and save-to-searchable; the same shapes
on an FTS5 table (unicode61 remove_diacritics 2, no stemming) built from the
same catalogue. Prints a table and appends it to docs/benchmarks.md.

``--encrypted``: instead of FTS5, the same engine over an encrypted index
(STREAM files, ``memoria.search.encrypted_storage``) beside the plain one, on
the same catalogue in the same run. Plain and encrypted runs alternate, so a
change of load on the machine weighs on both columns alike; the budget of
issue 13 is +15% on the first page and on the window's search job.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from bench.corpus import generate
from bench.machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "cache"
TODAY = date(2026, 6, 1)

#: (shape, our query, FTS5 MATCH expression)
QUERIES = [
    ("single word", "desplazados", "desplazados"),
    ("two words", "Orión madres", "orion madres"),
    ("phrase", '"me acuerdo que"', '"me acuerdo que"'),
    ("phrase (rare)", '"madres y padres"', '"madres y padres"'),
    ("prefix", "organiz*", "organiz*"),
    ("field", "tipo:testimonio año:2002 Orión", "orion"),
    ("place field", "lugar:Medellín escuela", "places:medellin escuela"),
]


def build_catalogue(n: int, length: str = "long") -> Path:
    """A cached archive of ``n`` corpus testimonies, inserted with executemany."""
    from memoria.domain.collation import sort_key
    from memoria.storage import items as item_store
    from memoria.storage.archive import Archive

    path = CACHE / (f"archive-{n}" if length == "short" else f"archive-{length}-{n}")
    if (path / "catalogue.sqlite").exists() and (path / "bench-complete").exists():
        return path
    shutil.rmtree(path, ignore_errors=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    archive = Archive.create(path)
    conn = archive.conn
    now = "2026-01-01T00:00:00Z"
    places: dict[tuple[str, ...], int] = {}
    subjects: dict[str, int] = {}
    kinds = ["country", "department", "municipality", "comuna", "neighbourhood", "vereda"]
    rows: dict[str, list] = {k: [] for k in ("items", "langs", "iplaces", "people", "ipeople",
                                              "isubj", "segs", "consents", "citems")}
    person_id = seg_id = consent_id = 0
    for item_id, t in enumerate(generate(n, length=length), 1):
        start, end = item_store._date_span(t.date)  # noqa: SLF001 - bench shortcut
        rows["items"].append((item_id, "testimony", t.accession, t.title, sort_key(t.title),
                              t.description, t.date, start, end, "", now, now))
        rows["langs"].append((item_id, t.language))
        for path_names in t.places:
            parent = None
            for depth in range(1, len(path_names) + 1):
                key = path_names[:depth]
                if key not in places:
                    places[key] = len(places) + 1
                    kind = kinds[min(depth - 1, 4)] if not key[-1].startswith("vereda") \
                        else "vereda"
                    conn.execute("INSERT INTO places (id, name, kind, parent_id) VALUES (?,?,?,?)",
                                 (places[key], key[-1], kind, parent))
                parent = places[key]
            rows["iplaces"].append((item_id, parent))
        narrator = None
        for p in t.participants:
            person_id += 1
            rows["people"].append((person_id, p.name, p.pseudonym, "", now))
            rows["ipeople"].append((item_id, person_id, p.role))
            narrator = narrator or person_id
        for term in t.subjects:
            subjects.setdefault(term, len(subjects) + 1)
            rows["isubj"].append((item_id, subjects[term]))
        for s in t.segments:
            seg_id += 1
            rows["segs"].append((seg_id, item_id, s.index, int(s.start * 1000),
                                 int(s.end * 1000), s.speaker, s.text))
        c = t.consent
        if c.status:
            consent_id += 1
            pseud = t.participants[0].pseudonym if "pseudonym" in c.anonymisation else None
            rows["consents"].append((consent_id, narrator, c.status, " ".join(c.scopes),
                                     c.embargo_until, " ".join(c.anonymisation), pseud,
                                     c.method, now, now))
            rows["citems"].append((consent_id, item_id))
    with conn:
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO subjects (id, term) VALUES (?, ?)",
                         [(i, term) for term, i in subjects.items()])
        conn.executemany("INSERT INTO items (id, kind, accession, title, title_key, description,"
                         " date_edtf, date_start, date_end, notes, created_at, updated_at)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows["items"])
        conn.executemany("INSERT INTO item_languages VALUES (?, ?)", rows["langs"])
        conn.executemany("INSERT OR IGNORE INTO item_places VALUES (?, ?)", rows["iplaces"])
        conn.executemany("INSERT INTO people (id, name, pseudonym, notes, created_at)"
                         " VALUES (?,?,?,?,?)", rows["people"])
        conn.executemany("INSERT INTO item_people VALUES (?, ?, ?)", rows["ipeople"])
        conn.executemany("INSERT OR IGNORE INTO item_subjects VALUES (?, ?)", rows["isubj"])
        conn.executemany("INSERT INTO segments (id, item_id, position, start_ms, end_ms, speaker,"
                         " text) VALUES (?,?,?,?,?,?,?)", rows["segs"])
        conn.executemany("INSERT INTO consents (id, person_id, status, scopes, embargo_until,"
                         " anonymisation, pseudonym, provenance_method, created_at, updated_at)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?)", rows["consents"])
        conn.executemany("INSERT INTO consent_items VALUES (?, ?)", rows["citems"])
        conn.execute("INSERT INTO changes (item_id, at) VALUES (NULL, ?)", (now,))
        conn.execute("COMMIT")
    archive.close()
    (path / "bench-complete").write_text("ok\n")
    print(f"  catalogue of {n} built in {time.perf_counter() - t0:.1f} s")
    return path


def _stats(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Wall median, wall p95 and CPU median in ms. CPU time is reported too
    because a loaded machine inflates wall time; CPU time barely moves."""
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    return (statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))],
            statistics.median(cpu))


def _fmt(stats: tuple[float, float, float], digits: int = 0) -> str:
    med, p95, cpu = stats
    return f"{med:.{digits}f} / {p95:.{digits}f} ms (cpu {cpu:.{digits}f})"


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_ours(work: Path, runs: int, build: bool = True) -> dict[str, str]:
    from memoria.domain.consent import Audience
    from memoria.search.engine import SearchEngine
    from memoria.storage import consents
    from memoria.storage.archive import Archive

    out: dict[str, str] = {}
    archive = Archive.open(work, writable=True)
    archive.today_override = TODAY
    engine = SearchEngine(archive)
    if build:
        shutil.rmtree(work / "index", ignore_errors=True)
        t0, c0 = time.perf_counter(), _children_cpu()
        engine.rebuild(procs=2)
        out["build"] = f"{time.perf_counter() - t0:.1f} s"
        out["build CPU (all processes)"] = f"{_children_cpu() - c0:.1f} s"
    elif engine.problem():
        raise SystemExit(f"--reuse: no usable index in {work} ({engine.problem()}); "
                         "run once with --keep first")
    out["size"] = f"{_size(work / 'index') / 1e6:.0f} MB"
    engine.close()

    cold = SearchEngine(archive)
    t0 = time.perf_counter()
    cold.search("desplazados", Audience.CUSTODIAN)
    out["cold first query"] = f"{(time.perf_counter() - t0) * 1000:.0f} ms"
    engine = cold
    for shape, q, _ in QUERIES:
        out[shape] = _fmt(_stats(lambda q=q: engine.search(q, Audience.CUSTODIAN), runs))

    def page() -> None:
        res = engine.search("desplazados Medellín", Audience.RESEARCHER)
        engine.snippets(res, range(min(20, len(res.hits))))

    def rare_page() -> None:
        res = engine.search("Escombrera", Audience.RESEARCHER)
        engine.snippets(res, range(min(20, len(res.hits))))
    def window_job() -> None:
        """What the desktop window waits for: up to 5,000 hits (no moments), the
        facets of the same search, then the selected hit's snippet and moments."""
        res = engine.search("desplazados Medellín", Audience.RESEARCHER, page_size=5000,
                            moments=False)
        engine.facets("desplazados Medellín", Audience.RESEARCHER)
        engine.snippets(res, [0])
    out["first page + snippets"] = _fmt(_stats(page, runs))
    out["window: 5,000 hits + facets + selected snippet"] = _fmt(_stats(window_job, runs))

    def window_job_after_a_change() -> None:
        # a commit (the catalogue is in autocommit) the consent re-check cannot
        # tell from a consent change
        archive.set_setting("bench.touched", str(time.time_ns()))
        window_job()
    out["window job, first after a catalogue change"] = _fmt(
        _stats(window_job_after_a_change, runs))
    out["first page + snippets, rare word"] = _fmt(_stats(rare_page, runs))
    out["facets"] = _fmt(_stats(lambda: engine.facets("desplazados", Audience.RESEARCHER),
                                runs))

    # save-to-searchable: withdraw a visible item's consent, re-index, gone?
    visible = engine.search("", Audience.RESEARCHER, page_size=200).item_ids
    times = []
    for item_id in visible[:5]:
        [rec] = [r for r in consents.records_for_item(archive, item_id)
                 if r.status.value == "granted"][:1] or [None]
        if rec is None:
            continue
        t0 = time.perf_counter()
        consents.withdraw(archive, rec.id, "benchmark")
        engine.update_items([item_id])
        acc = archive.conn.execute("SELECT accession FROM items WHERE id = ?",
                                   (item_id,)).fetchone()[0]
        assert item_id not in engine.search(f"signatura:{acc}", Audience.RESEARCHER).item_ids
        times.append((time.perf_counter() - t0) * 1000)
    out["save-to-searchable"] = (f"{statistics.median(times):.0f} / {max(times):.0f} ms"
                                 if times else "n/a")
    engine.close()
    archive.close()
    return out


def bench_encrypted(work: Path, runs: int) -> list[tuple[str, str, str, str]]:
    """(measure, plain, encrypted, encrypted/plain) on one catalogue, runs alternating."""
    from memoria.domain.consent import Audience
    from memoria.search.engine import SearchEngine
    from memoria.storage.archive import Archive

    key = os.urandom(32)
    archive = Archive.open(work, writable=False)
    archive.today_override = TODAY
    roots = {"plain": work / "index", "encrypted": work / "index-encrypted"}

    def engine(kind: str) -> SearchEngine:
        return SearchEngine(archive, roots[kind], index_key=key if kind == "encrypted" else None)

    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, a: float, b: float, unit: str, digits: int = 0) -> None:
        rows.append((name, f"{a:.{digits}f} {unit}", f"{b:.{digits}f} {unit}",
                     f"{(b / a - 1) * 100:+.0f}%" if a else ""))

    builds: dict[str, tuple[float, float, float]] = {}
    for kind in ("plain", "encrypted"):
        shutil.rmtree(roots[kind], ignore_errors=True)
        e = engine(kind)
        t0, c0 = time.perf_counter(), _children_cpu()
        e.rebuild(procs=2)
        builds[kind] = (time.perf_counter() - t0, _children_cpu() - c0, _size(roots[kind]) / 1e6)
        e.close()
    row("index build (both cores)", builds["plain"][0], builds["encrypted"][0], "s", 1)
    row("build CPU (all processes)", builds["plain"][1], builds["encrypted"][1], "s", 1)
    row("index size", builds["plain"][2], builds["encrypted"][2], "MB", 1)

    engines = {kind: engine(kind) for kind in roots}
    cold = {}
    for kind, e in engines.items():
        t0 = time.perf_counter()
        e.search("desplazados", Audience.CUSTODIAN)
        cold[kind] = (time.perf_counter() - t0) * 1000
    row("cold first query", cold["plain"], cold["encrypted"], "ms")

    def page(e: SearchEngine) -> None:
        res = e.search("desplazados Medellín", Audience.RESEARCHER)
        e.snippets(res, range(min(20, len(res.hits))))

    def rare_page(e: SearchEngine) -> None:
        res = e.search("Escombrera", Audience.RESEARCHER)
        e.snippets(res, range(min(20, len(res.hits))))

    def window_job(e: SearchEngine) -> None:
        res = e.search("desplazados Medellín", Audience.RESEARCHER, page_size=5000,
                       moments=False)
        e.facets("desplazados Medellín", Audience.RESEARCHER)
        e.snippets(res, [0])

    shapes: list[tuple[str, Callable[[SearchEngine], object]]] = [
        ("first page + snippets (budget +15%)", page),
        ("window: 5,000 hits + facets + selected snippet (budget +15%)", window_job),
        ("first page + snippets, rare word", rare_page),
        ("facets", lambda e: e.facets("desplazados", Audience.RESEARCHER)),
    ] + [(shape, lambda e, q=q: e.search(q, Audience.CUSTODIAN)) for shape, q, _ in QUERIES]
    for name, fn in shapes:
        wall: dict[str, list[float]] = {"plain": [], "encrypted": []}
        cpu: dict[str, list[float]] = {"plain": [], "encrypted": []}
        for e in engines.values():  # one warm-up each
            fn(e)
        for n in range(runs):
            order = ("plain", "encrypted") if n % 2 == 0 else ("encrypted", "plain")
            for kind in order:
                t0, c0 = time.perf_counter(), time.process_time()
                fn(engines[kind])
                wall[kind].append((time.perf_counter() - t0) * 1000)
                cpu[kind].append((time.process_time() - c0) * 1000)
        med = {k: statistics.median(v) for k, v in wall.items()}
        cmed = {k: statistics.median(v) for k, v in cpu.items()}
        rows.append((name, f"{med['plain']:.1f} ms (cpu {cmed['plain']:.1f})",
                     f"{med['encrypted']:.1f} ms (cpu {cmed['encrypted']:.1f})",
                     f"{(med['encrypted'] / med['plain'] - 1) * 100:+.0f}% "
                     f"(cpu {(cmed['encrypted'] / cmed['plain'] - 1) * 100:+.0f}%)"))
    for e in engines.values():
        e.close()
    archive.close()
    return rows


def bench_fts5(work: Path, runs: int) -> dict[str, str]:
    out: dict[str, str] = {}
    db = work / "fts5.sqlite"
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute(f"ATTACH DATABASE '{work / 'catalogue.sqlite'}' AS cat")
    t0 = time.perf_counter()
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(title, description, text, people, places,"
                 " subjects, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("""
        INSERT INTO fts (rowid, title, description, text, people, places, subjects)
        SELECT i.id, i.title, i.description,
          (SELECT group_concat(text, ' ') FROM cat.segments s WHERE s.item_id = i.id),
          (SELECT group_concat(p.name, ' ') FROM cat.item_people x
             JOIN cat.people p ON p.id = x.person_id WHERE x.item_id = i.id),
          (SELECT group_concat(p.name, ' ') FROM cat.item_places x
             JOIN cat.places p ON p.id = x.place_id WHERE x.item_id = i.id),
          (SELECT group_concat(s.term, ' ') FROM cat.item_subjects x
             JOIN cat.subjects s ON s.id = x.subject_id WHERE x.item_id = i.id)
        FROM cat.items i""")
    conn.commit()
    out["build"] = f"{time.perf_counter() - t0:.1f} s"
    out["size"] = f"{db.stat().st_size / 1e6:.0f} MB"
    conn.close()
    conn = sqlite3.connect(db)
    conn.execute(f"ATTACH DATABASE '{work / 'catalogue.sqlite'}' AS cat")
    t0 = time.perf_counter()
    conn.execute("SELECT rowid FROM fts WHERE fts MATCH 'desplazados' ORDER BY rank LIMIT 50"
                 ).fetchall()
    out["cold first query"] = f"{(time.perf_counter() - t0) * 1000:.0f} ms"
    sql = ("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 50")
    for shape, _, match in QUERIES:
        out[shape] = _fmt(_stats(lambda m=match: (conn.execute(sql, (m,)).fetchall(), conn.execute(
            "SELECT count(*) FROM fts WHERE fts MATCH ?", (m,)).fetchone()), runs), 1)
    snip = ("SELECT rowid, snippet(fts, 2, '[', ']', '…', 30) FROM fts WHERE fts MATCH ?"
            " ORDER BY rank LIMIT 20")
    out["first page + snippets"] = _fmt(_stats(
        lambda: conn.execute(snip, ("desplazados medellin",)).fetchall(), runs), 1)
    out["first page + snippets, rare word"] = _fmt(_stats(
        lambda: conn.execute(snip, ("escombrera",)).fetchall(), runs), 1)
    facet = ("SELECT p.name, count(*) FROM cat.item_places x JOIN cat.places p ON p.id ="
             " x.place_id WHERE x.item_id IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
             " GROUP BY p.name")
    out["facets"] = _fmt(_stats(lambda: conn.execute(facet, ("desplazados",)).fetchall(), runs),
                         1)
    times = []
    for rowid in range(1, 6):
        t0 = time.perf_counter()
        conn.execute("UPDATE fts SET title = title || ' retirado' WHERE rowid = ?", (rowid,))
        conn.commit()
        conn.execute("SELECT rowid FROM fts WHERE fts MATCH 'retirado'").fetchall()
        times.append((time.perf_counter() - t0) * 1000)
    out["save-to-searchable"] = f"{statistics.median(times):.1f} / {max(times):.1f} ms"
    conn.close()
    db.unlink(missing_ok=True)
    return out


def _ratio(ours: str, fts: str) -> str:
    try:
        a, b = float(ours.split()[0]), float(fts.split()[0])
    except (ValueError, IndexError):
        return ""
    return f"{a / b:.0f}x" if b else ""


def machine() -> str:
    cpu = cpu_model()
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or \
        str(os.cpu_count())
    return (f"{datetime.now():%Y-%m-%d %H:%M}, nproc {nproc}, {cpu}, "
            f"Python {platform.python_version()}")


def _work_copy(n: int, length: str) -> Path:
    source = build_catalogue(n, length)
    work = CACHE / f"run-{length}-{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for extra in source.iterdir():
        if extra.is_file() and not extra.name.startswith("catalogue.sqlite-"):
            shutil.copy2(extra, work / extra.name)
    from memoria.storage.archive import Archive

    Archive.open(work, writable=True).close()  # applies migrations newer than the cache
    return work


def main_encrypted(args: argparse.Namespace) -> int:
    lines = [f"Machine: {machine()}; load average at start "
             f"{os.getloadavg()[0]:.1f} (other work on the machine inflates wall times)", "",
             "Same catalogue, same run; plain and encrypted runs alternate. Latencies are",
             f"medians of {args.runs} warm runs (CPU time of this process in brackets:",
             "steadier than wall time on a loaded machine).", ""]
    for n in [int(s) for s in args.sizes.split(",") if s]:
        print(f"== {n} testimonies, plain vs encrypted index")
        work = _work_copy(n, args.length)
        rows = bench_encrypted(work, args.runs)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        lines += [f"### {n:,} testimonies ({args.length}): plain vs encrypted index", "",
                  f"Load average (1, 5, 15 min) at the end of this size: {load}.", "",
                  "| measure | plain | encrypted | encrypted vs plain |",
                  "| --- | --- | --- | --- |"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
        lines.append("")
        print("\n".join(lines[-len(rows) - 3:]), flush=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    text = "\n".join(lines)
    print(text)
    if not args.no_append:
        doc = ROOT / "docs" / "benchmarks.md"
        with open(doc, "a", encoding="utf-8") as fh:
            fh.write(f"\n## Search: encrypted vs plain index\n\nCommand: `python -m "
                     f"bench.search_bench --encrypted --sizes {args.sizes} --length "
                     f"{args.length} --runs {args.runs}`\n\n{text}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_bench")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-append", action="store_true")
    parser.add_argument("--keep", action="store_true",
                        help="keep bench/cache/run-LENGTH-N (catalogue and index) for profiling")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the queries again on the index a --keep run left "
                             "(no build; that run's save-to-searchable withdrew 5 consents)")
    parser.add_argument("--length", choices=("long", "short"), default="long",
                        help="testimony length of bench.corpus (short: ~3,000 words)")
    parser.add_argument("--encrypted", action="store_true",
                        help="plain vs encrypted index side by side (instead of FTS5)")
    args = parser.parse_args(argv)
    if args.encrypted:
        return main_encrypted(args)
    lines = [f"Machine: {machine()}; load average at start "
             f"{os.getloadavg()[0]:.1f} (other work on the machine inflates wall times)", "",
             "Latencies are median / p95 over warm runs (custodian audience; page and",
             "facets as researcher). Ours: whoosh-reloaded, item documents, both cores.", ""]
    for n in [int(s) for s in args.sizes.split(",") if s]:
        print(f"== {n} testimonies")
        work = CACHE / f"run-{args.length}-{n}"
        if not args.reuse:
            source = build_catalogue(n, args.length)
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            for extra in source.iterdir():
                if extra.is_file() and not extra.name.startswith("catalogue.sqlite-"):
                    shutil.copy2(extra, work / extra.name)
        fts = bench_fts5(work, args.runs)
        print("  fts5 done")
        ours = bench_ours(work, args.runs, build=not args.reuse)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        lines += [f"### {n:,} testimonies ({args.length})", "",
                  f"Load average (1, 5, 15 min) at the end of this size: {load}.", "",
                  "| measure | ours (whoosh) | SQLite FTS5 | ours/FTS5 |",
                  "| --- | --- | --- | --- |"]
        for key in ours:
            lines.append(f"| {key} | {ours[key]} | {fts.get(key, '')} | "
                         f"{_ratio(ours[key], fts.get(key, ''))} |")
        lines.append("")
        if not args.keep and not args.reuse:
            shutil.rmtree(work, ignore_errors=True)
    text = "\n".join(lines)
    print(text)
    if not args.no_append:
        doc = ROOT / "docs" / "benchmarks.md"
        head = "" if doc.exists() else "# Benchmarks\n"
        with open(doc, "a", encoding="utf-8") as fh:
            fh.write(f"{head}\n## Search\n\nCommand: `python -m bench.search_bench "
                     f"--sizes {args.sizes} --length {args.length}"
                     f"{' --reuse' if args.reuse else ''}`\n\n{text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
