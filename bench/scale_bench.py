"""Scale benchmark: Memoria with 100,000 items on an ordinary laptop.

    python -m bench.scale_bench            # build once (cached), measure, append to docs
    python -m bench.scale_bench --build    # only build the cached archive
    python -m bench.scale_bench --no-docs  # measure without appending to docs/benchmarks.md
    python -m bench.scale_bench --length short  # the ~3,000-word testimonies of before

The archive (10,000 testimonies of 60-120 minutes, 9,000-18,000 words, from
bench/corpus.py, 80,000 photographs, 10,000 audio recordings, people, places,
subjects and consent in every state) is built once under bench/cache/ with
bulk SQL in one transaction, because going through the repository functions
one item at a time would take hours and measure nothing we care about here.
Media are a few hundred distinct tiny JPEGs and WAVs shared by content
address: the same bytes stored once is what the media store does anyway.

Everything is fictional; see bench/corpus.py.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import math
import os
import platform
import random
import statistics
import struct
import subprocess
import sys
import time
import wave
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bench.machine import cpu_model

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "cache"
ARCHIVE = CACHE / "scale-100k-long"  # "scale-100k" holds the short-testimony archive
DOCS = ROOT / "docs" / "benchmarks.md"
BUILD_VERSION = "1"  # bump when the generated archive changes shape

N_TESTIMONIES = 10_000
N_PHOTOS = 80_000
N_AUDIO = 10_000
N_JPEGS = 300
N_WAVS = 60
SEED = 13
LENGTH = "long"  # bench.corpus testimony length; --length short for the old archive

TARGETS = {
    "cold start": 2.0, "first screen": 0.3, "scroll stall": 0.1, "sort stall": 0.1,
    "search": 0.3, "peak rss": 500.0,
}


# ---------------------------------------------------------------- building
def _tiny_jpeg(n: int) -> bytes:
    from PIL import Image, ImageDraw

    r = random.Random(f"jpeg:{n}")
    img = Image.new("RGB", (96, 64), (r.randrange(256), r.randrange(256), r.randrange(256)))
    draw = ImageDraw.Draw(img)
    for _ in range(4):
        x, y = r.randrange(96), r.randrange(64)
        draw.rectangle((x, y, x + r.randrange(8, 40), y + r.randrange(8, 30)),
                       fill=(r.randrange(256), r.randrange(256), r.randrange(256)))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70)
    return out.getvalue()


def _tiny_wav(n: int) -> bytes:
    rate, seconds, freq = 8000, 0.5, 220 + 20 * n
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * freq * t / rate)))
        for t in range(int(rate * seconds))
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return out.getvalue()


def _store_blobs(root: Path, make: Callable[[int], bytes], count: int, ext: str,
                 mime: str, fmt: str, technical: Callable[[int], dict]) -> list[tuple]:
    rows = []
    for n in range(count):
        data = make(n)
        sha = hashlib.sha256(data).hexdigest()
        rel = f"media/{sha[:2]}/{sha}.{ext}"
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.exists():
            dest.write_bytes(data)
            dest.chmod(0o444)
        rows.append((sha, len(data), rel, mime, fmt, json.dumps(technical(n)),
                     "2026-01-01T00:00:00Z"))
    return rows


def build(path: Path = ARCHIVE, length: str = LENGTH) -> Path:
    """Build the 100k archive at `path` unless a complete one is already there."""
    from bench.corpus import PLACES, SUBJECTS, generate
    from memoria.domain.collation import sort_key
    from memoria.domain.dates import UncertainDate
    from memoria.storage.archive import Archive

    marker = path / "BUILT"
    if marker.exists() and marker.read_text().strip() == BUILD_VERSION:
        return path
    if path.exists():
        import shutil

        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    archive = Archive.create(path)
    conn = archive.conn
    conn.execute("PRAGMA synchronous = OFF")
    now = "2026-01-01T00:00:00Z"
    rnd = random.Random(SEED)
    spans: dict[str, tuple[str | None, str | None]] = {}
    keys: dict[str, str] = {}

    def span(edtf: str | None) -> tuple[str | None, str | None]:
        if not edtf:
            return None, None
        if edtf not in spans:
            d = UncertainDate.from_edtf(edtf)
            spans[edtf] = (d.earliest.isoformat() if d.earliest else None,
                           d.latest.isoformat() if d.latest else None)
        return spans[edtf]

    def key(title: str) -> str:
        if title not in keys:
            keys[title] = sort_key(title)
        return keys[title]

    conn.execute("BEGIN IMMEDIATE")
    # places
    place_ids: dict[tuple[str, ...], int] = {}
    place_rows = []
    kinds = ("country", "department", "municipality", "comuna", "neighbourhood")
    for full in PLACES:
        for depth in range(1, len(full) + 1):
            prefix = full[:depth]
            if prefix in place_ids:
                continue
            name = prefix[-1]
            kind = "vereda" if name.startswith("vereda") else (
                "neighbourhood" if depth == len(full) and depth >= 4 else kinds[min(depth - 1, 4)])
            place_ids[prefix] = len(place_ids) + 1
            place_rows.append((place_ids[prefix], name, kind, place_ids.get(prefix[:-1])))
    conn.executemany("INSERT INTO places (id, name, kind, parent_id) VALUES (?,?,?,?)", place_rows)
    leaf_places = [place_ids[p] for p in PLACES]
    subject_ids = {term: n + 1 for n, term in enumerate(SUBJECTS)}
    conn.executemany("INSERT INTO subjects (id, term) VALUES (?, ?)",
                     [(i, t) for t, i in subject_ids.items()])

    # media blobs
    jpegs = _store_blobs(path, _tiny_jpeg, N_JPEGS, "jpg", "image/jpeg", "JPEG",
                         lambda n: {"width": 96, "height": 64})
    wavs = _store_blobs(path, _tiny_wav, N_WAVS, "wav", "audio/x-wav", "WAVE",
                        lambda n: {"duration": 0.5, "sample_rate": 8000, "channels": 1})
    conn.executemany("INSERT INTO blobs (sha256, size, path, mime, format, technical, added_at)"
                     " VALUES (?,?,?,?,?,?,?)", jpegs + wavs)

    items, people, item_people, item_places, item_subjects, item_langs = [], [], [], [], [], []
    media, segments, consents, consent_items, consent_segments, events = [], [], [], [], [], []
    person_id = consent_id = segment_id = 0
    item_id = 0

    def add_person(name: str, pseudonym: str | None = None) -> int:
        nonlocal person_id
        person_id += 1
        people.append((person_id, name, pseudonym, "", now))
        return person_id

    def add_consent(pid: int, ids: list[int], state: str, r: random.Random,
                    anon: tuple[str, ...] = (), pseudonym: str | None = None,
                    scopes: tuple[str, ...] | None = None, embargo: str | None = None,
                    segs: list[int] | None = None) -> None:
        nonlocal consent_id
        if state == "none":
            return
        status = {"embargoed": "granted", "embargo_ended": "granted"}.get(state, state)
        if scopes is None:
            scopes = {"restricted": ("internal",), "pending": (), "withdrawn": ()}.get(
                state, r.choice([("internal", "research"), ("internal", "research", "exhibition"),
                                 ("internal",)]))
        if state == "embargoed" and embargo is None:
            embargo = f"{r.randint(2030, 2045)}-{r.randint(1, 12):02d}-01"
        if state == "embargo_ended" and embargo is None:
            embargo = f"{r.randint(2015, 2024)}-{r.randint(1, 12):02d}-01"
        reviewed = now if state == "embargo_ended" and r.random() < 0.5 else None
        if r.random() < 0.05 and not segs:  # an older record this one superseded
            consent_id += 1
            consents.append((consent_id, pid, "superseded", "internal", None, None, None, "",
                             None, "signed_form", "bench", None, "", None, consent_id + 1,
                             now, now))
            consent_items.extend((consent_id, i) for i in ids)
            events.append((consent_id, now, "bench", "record", "granted", "", "{}"))
        consent_id += 1
        consents.append((consent_id, pid, status, " ".join(sorted(scopes)), embargo, reviewed,
                         None, " ".join(sorted(anon)), pseudonym,
                         r.choice(["signed_form", "verbal_recorded"]), "bench", None, "",
                         None, None, now, now))
        consent_items.extend((consent_id, i) for i in ids)
        consent_segments.extend((consent_id, s) for s in segs or ())
        events.append((consent_id, now, "bench", "record", status, "", "{}"))

    # testimonies
    for t in generate(N_TESTIMONIES, SEED, length):
        item_id += 1
        start, end = span(t.date)
        items.append((item_id, "testimony", t.accession, t.title, key(t.title), t.description,
                      t.date, start, end, "", now, now))
        item_langs.append((item_id, t.language))
        narrator = add_person(t.participants[0].name, None)
        interviewer = add_person(t.participants[1].name)
        item_people.extend([(item_id, narrator, "narrator"), (item_id, interviewer, "interviewer")])
        item_places.extend({(item_id, place_ids[p]) for p in t.places})
        item_subjects.extend({(item_id, subject_ids[s]) for s in t.subjects})
        first_seg = segment_id + 1
        for s in t.segments:
            segment_id += 1
            segments.append((segment_id, item_id, s.index, int(s.start * 1000),
                             int(s.end * 1000), s.speaker, s.text, "", ""))
        media.append((item_id, wavs[item_id % N_WAVS][0], f"{t.accession}.wav", 0, now))
        c = t.consent
        r = random.Random(f"consent:{item_id}")
        add_consent(narrator, [item_id], c.state, r, c.anonymisation,
                    t.participants[0].pseudonym if "pseudonym" in c.anonymisation else None,
                    c.scopes if c.status == "granted" else None, c.embargo_until)
        if r.random() < 0.03 and len(t.segments) > 4:  # a segment withheld by its own record
            add_consent(narrator, [item_id], "restricted", r,
                        segs=[first_seg + 2, first_seg + 3])

    # photographs: taken by a pool of photographers, people depicted in batches
    photographers = [add_person(f"Fotógrafa {n} (ficticia)") for n in range(400)]
    states = ("none", "pending", "granted", "restricted", "withdrawn", "embargoed",
              "embargo_ended")
    weights = (8, 12, 45, 12, 5, 10, 8)
    batch: list[int] = []
    depicted = 0
    for n in range(N_PHOTOS):
        item_id += 1
        year = rnd.randint(1975, 2024)
        edtf = rnd.choice([str(year), f"{year}-{rnd.randint(1, 12):02d}", f"{str(year)[:3]}X",
                           f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", None])
        place = rnd.choice(leaf_places)
        subject = rnd.choice(SUBJECTS)
        title = f"{subject.capitalize()}: fotografía {n + 1} de {place_rows[place - 1][1]}"
        start, end = span(edtf)
        items.append((item_id, "photograph", f"F-{year}-{n + 1:05d}", title, key(title),
                      "Fotografía ficticia generada para pruebas.", edtf, start, end, "",
                      now, now))
        item_places.append((item_id, place))
        item_subjects.append((item_id, subject_ids[subject]))
        item_people.append((item_id, photographers[n % 400], "photographer"))
        media.append((item_id, jpegs[n % N_JPEGS][0], f"IMG_{n + 1:05d}.jpg", 0, now))
        batch.append(item_id)
        if len(batch) == 8 or n == N_PHOTOS - 1:  # one depicted person consents for 8 photos
            depicted += 1
            pid = add_person(f"Persona retratada {depicted} (ficticia)")
            item_people.extend((i, pid, "depicted") for i in batch)
            r = random.Random(f"photo-consent:{depicted}")
            add_consent(pid, list(batch), r.choices(states, weights)[0], r,
                        ("blur_faces",) if r.random() < 0.2 else ())
            batch = []

    # audio recordings
    for n in range(N_AUDIO):
        item_id += 1
        year = rnd.randint(1990, 2024)
        place = rnd.choice(leaf_places)
        subject = rnd.choice(SUBJECTS)
        title = f"Grabación sobre {subject} en {place_rows[place - 1][1]} ({n + 1})"
        edtf = f"{year}-{rnd.randint(1, 12):02d}"
        start, end = span(edtf)
        items.append((item_id, "audio", f"A-{year}-{n + 1:05d}", title, key(title),
                      "Grabación ficticia generada para pruebas.", edtf, start, end, "",
                      now, now))
        item_places.append((item_id, place))
        item_subjects.append((item_id, subject_ids[subject]))
        pid = add_person(f"Voz grabada {n + 1} (ficticia)")
        item_people.append((item_id, pid, "narrator"))
        media.append((item_id, wavs[n % N_WAVS][0], f"audio_{n + 1:05d}.wav", 0, now))
        r = random.Random(f"audio-consent:{n}")
        add_consent(pid, [item_id], r.choices(states, weights)[0], r,
                    ("no_voice",) if r.random() < 0.1 else ())

    conn.executemany("INSERT INTO items (id, kind, accession, title, title_key, description,"
                     " date_edtf, date_start, date_end, notes, created_at, updated_at)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", items)
    conn.executemany("INSERT INTO item_languages VALUES (?, ?)", item_langs)
    conn.executemany("INSERT INTO people (id, name, pseudonym, notes, created_at)"
                     " VALUES (?,?,?,?,?)", people)
    conn.executemany("INSERT OR IGNORE INTO item_people VALUES (?,?,?)", item_people)
    conn.executemany("INSERT OR IGNORE INTO item_places VALUES (?,?)", item_places)
    conn.executemany("INSERT OR IGNORE INTO item_subjects VALUES (?,?)", item_subjects)
    conn.executemany("INSERT INTO media_files (item_id, sha256, original_name, position,"
                     " added_at) VALUES (?,?,?,?,?)", media)
    conn.executemany("INSERT INTO segments (id, item_id, position, start_ms, end_ms, speaker,"
                     " text, title, keywords) VALUES (?,?,?,?,?,?,?,?,?)", segments)
    # superseded_by points forward: insert without it, then set it.
    conn.executemany(
        "INSERT INTO consents (id, person_id, status, scopes, embargo_until,"
        " embargo_reviewed_at, review_date, anonymisation, pseudonym, provenance_method,"
        " obtained_by, obtained_at, witness, form_sha256, superseded_by, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?)",
        [c[:14] + c[15:] for c in consents])
    conn.executemany("UPDATE consents SET superseded_by = ? WHERE id = ?",
                     [(c[14], c[0]) for c in consents if c[14]])
    conn.executemany("INSERT INTO consent_items VALUES (?, ?)", consent_items)
    conn.executemany("INSERT INTO consent_segments VALUES (?, ?)", consent_segments)
    conn.executemany("INSERT INTO consent_events (consent_id, at, actor, action, status,"
                     " reason, details) VALUES (?,?,?,?,?,?,?)", events)
    conn.execute("INSERT INTO changes (item_id, at) VALUES (NULL, ?)", (now,))
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    archive.close()
    # Opening for writing once brings derived tables (the consent summary) up to date.
    Archive.open(path, writable=True).close()
    marker.write_text(BUILD_VERSION)
    print(f"built {item_id:,} items, {segment_id:,} segments, {consent_id:,} consent records"
          f" in {time.perf_counter() - started:.1f} s at {path}", flush=True)
    return path


# ---------------------------------------------------------------- measuring
def _peak_rss_mb() -> float:
    """VmHWM: the most resident memory this process ever had."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _forget_peak_rss() -> None:
    """Reset VmHWM (Linux: "5" to clear_refs), so the peak measured is the app's
    own: building the 100,000-item archive in this process reached 2 GB."""
    # not Linux: the peak then includes the build (the cached archive avoids it)
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def cold_starts(path: Path, runs: int = 5) -> list[float]:
    """Whole-process launches of `python -m memoria --archive X`, seconds from
    spawn to the first paint of the main window with the list filled."""
    import tempfile

    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as config:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "MEMORIA_BENCH_EXIT_AFTER_PAINT": "1", "XDG_CONFIG_HOME": config}
            started = time.time()
            out = subprocess.run([sys.executable, "-m", "memoria", "--archive", str(path)],
                                 env=env, capture_output=True, text=True, timeout=120)
            painted = [line for line in out.stdout.splitlines()
                       if line.startswith("MEMORIA_PAINTED")]
            if not painted:
                raise RuntimeError(f"no paint reported: {out.stdout[-500:]} {out.stderr[-2000:]}")
            times.append(float(painted[0].split()[1]) - started)
    return times


class _Heartbeat:
    """A 5 ms QTimer: the longest gap between its ticks is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.worst


def _settle(app, seconds: float = 0.05) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def _pin_none() -> None:
    """Work around PySide6 6.12 on Python 3.11: every call of a C++ method that
    returns void drops one reference to None (measured: -1 per call), so after
    ~4,000 such calls (painting a few hundred badges) CPython aborts with
    "none_dealloc". Python 3.12+ makes None immortal; here we give it 2**32
    references so the benchmark can scroll 100,000 rows. The app itself still
    needs a real fix (see docs/benchmarks.md)."""
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 32


def gui_measurements(path: Path) -> tuple[list[tuple[str, float, str]], list[str]]:
    """Everything measured inside one app process: (label, seconds, note) rows."""
    if sys.version_info < (3, 12):
        _pin_none()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="memoria-bench-")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from memoria.domain.consent import Audience
    from memoria.domain.model import Kind
    from memoria.ui.main_window import MainWindow
    from memoria.ui.session import Session
    from memoria.ui.views.sidebar import ALL, Source

    app = QApplication.instance() or QApplication(["memoria-bench"])
    rows: list[tuple[str, float, str]] = []
    notes: list[str] = []
    t = time.perf_counter()
    session = Session(path)
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    while window.model.loading:
        app.processEvents()
        time.sleep(0.001)
    window.items.table.viewport().repaint()
    rows.append(("open archive + window with the list (in process, warm imports)",
                 time.perf_counter() - t, ""))
    _settle(app, 0.2)
    table = window.items.table

    stalls: list[float] = []

    def timed(label: str, action: Callable[[], object], note: str = "") -> float:
        beat = _Heartbeat()
        beat.start()
        t0 = time.perf_counter()
        action()
        app.processEvents()
        while window.model.loading and time.perf_counter() - t0 < 60:
            app.processEvents()  # the list's ids come from a reader thread
            time.sleep(0.001)
        table.viewport().repaint()
        took = time.perf_counter() - t0
        app.processEvents()
        stall = beat.stop()
        stalls.append(stall)
        rows.append((label, took, (note + "; " if note else "")
                     + f"longest GUI stall {stall * 1000:.0f} ms"))
        return stall

    # first screen of the whole list (a reset, then the rows on screen painted)
    timed("first screen of the 100,000-item list", window.reload,
          f"{window.model.rowCount():,} rows; reset + paint")

    # scrolling top to bottom: a tick moves one page; the heartbeat records stalls
    bar = table.verticalScrollBar()
    bar.setValue(0)
    beat = _Heartbeat()
    beat.start()
    t0 = time.perf_counter()
    pages = 0
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep() * 4)
        app.processEvents()
        pages += 1
    scroll_time = time.perf_counter() - t0
    stall = beat.stop()
    rows.append(("scroll top to bottom (every 4th page painted)", scroll_time,
                 f"{pages:,} steps; longest GUI stall {stall * 1000:.0f} ms"))
    rows.append(("longest GUI stall while scrolling", stall, ""))
    bar.setValue(0)

    # sort by each column, both directions
    worst_sort = 0.0
    for column, name in enumerate(("accession", "title", "date", "kind", "consent", "media")):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            stall = timed(f"sort by {name} {'asc' if order == Qt.SortOrder.AscendingOrder else 'desc'}",
                         lambda c=column, o=order: table.sortByColumn(c, o))
            worst_sort = max(worst_sort, stall)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    rows.append(("longest GUI stall while sorting", worst_sort, "12 sorts"))

    # filters: kind (sidebar), place (ids from the catalogue), consent (work queue)
    timed("filter kind = photographs", lambda: window.sidebar.select(
        Source("kind", kind=Kind.PHOTOGRAPH)), "")
    timed("filter back to all items", lambda: window.sidebar.select(ALL))
    reader = session.reader

    def by_place() -> None:
        subtree = [r[0] for r in reader.conn.execute(
            "WITH RECURSIVE t(id) AS (SELECT id FROM places WHERE name = 'Comuna 13 San Javier'"
            " UNION SELECT p.id FROM places p JOIN t ON p.parent_id = t.id) SELECT id FROM t")]
        marks = ",".join("?" * len(subtree))
        window.model.allowed = {r[0] for r in reader.conn.execute(
            f"SELECT item_id FROM item_places WHERE place_id IN ({marks})", subtree)}
        window.model.reload()
    timed("filter place = Comuna 13 (subtree)", by_place,
          "no place filter in the UI yet: model.allowed from SQL")
    timed("filter back to all items ", lambda: window.reload())
    timed("filter consent = withdrawn (work queue)", lambda: window.sidebar.select(
        Source("queue", queue="consent_withdrawn")))
    timed("filter back to all items  ", lambda: window.sidebar.select(ALL))
    timed("audience: view as researcher", lambda: session.set_audience(Audience.RESEARCHER),
          f"then {window.model.rowCount():,} rows")
    timed("audience: view as public", lambda: session.set_audience(Audience.PUBLIC))
    timed("audience: back to custodian", lambda: session.set_audience(Audience.CUSTODIAN))
    timed("consent changed (catalogueChanged: snapshot, list, counts)",
          lambda: session.catalogueChanged.emit(set()))

    # opening a testimony with its whole transcript and its audio
    testimony = reader.conn.execute(
        "SELECT i.id FROM items i JOIN media_files m ON m.item_id = i.id"
        " WHERE i.kind = 'testimony' ORDER BY i.id LIMIT 1").fetchone()[0]
    words = sum(len(r[0].split()) for r in reader.conn.execute(
        "SELECT text FROM segments WHERE item_id = ?", (testimony,)))
    timed("open a testimony (detail pane)", lambda: window.detail.show_item(testimony),
          f"{words:,}-word transcript + audio")
    if os.environ.get("MEMORIA_BENCH_SKIP_SEARCH") != "1":
        notes.extend(_search_rows(path, rows))
    rows.append(("peak RSS of the app process (MB)", _peak_rss_mb(), "VmHWM"))
    window.close()
    session.close()
    return rows, notes


def ensure_index(path: Path) -> list[str]:
    """Build the full-text index once (cached with the archive), before anything is
    timed: without it the app would start building it in the background at every
    cold start and the window timings would measure the build."""
    from memoria.search.engine import SearchEngine
    from memoria.storage.archive import Archive

    with Archive.open(path, writable=False) as reader:
        engine = SearchEngine(reader)
        problem = engine.problem()
        engine.close()
    if not problem:
        return []
    print(f"building the full-text index once ({problem}); this is cached", flush=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "memoria", "--archive", str(path),
                    "reindex", "--procs", "2"], check=True)
    return [f"Full-text index built once for this cache in "
            f"{time.perf_counter() - t0:.0f} s (memoria reindex --procs 2)."]


def _search_rows(path: Path, rows: list[tuple[str, float, str]]) -> list[str]:
    from memoria.domain.consent import Audience
    from memoria.storage.archive import Archive

    queries = ["desplazamiento", "Operación Orión", "madres buscadoras Medellín",
               "La Escombrera", "desaparición forzada 2002"]
    reader = Archive.open(path, writable=False)
    notes = []
    try:
        from memoria.search.engine import SearchEngine

        engine: SearchEngine | None = SearchEngine(reader)
        problem = engine.problem()
        if problem:
            notes.append(f"SearchEngine present but not usable here ({problem}): "
                         "the catalogue search fallback was measured instead.")
            engine = None
        if engine is None:
            queries = queries[:1]  # the fallback reads every transcript: one query is plenty
        for audience in (Audience.CUSTODIAN, Audience.RESEARCHER):
            times = []
            for q in queries:
                t0 = time.perf_counter()
                if engine is not None:
                    results = engine.search(q, audience)
                    engine.snippets(results, range(min(20, len(results.hits))))
                else:
                    from memoria.catalogue_search import catalogue_search

                    catalogue_search(reader, q, audience)
                times.append(time.perf_counter() - t0)
            how = "SearchEngine, first page + 20 snippets" if engine else "catalogue fallback"
            rows.append((f"search as {audience.value} (median of {len(queries)})",
                         statistics.median(times), f"{how}; max {max(times) * 1000:.0f} ms"))
    finally:
        reader.close()
    return notes


def _machine() -> str:
    model = cpu_model()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} CPUs (nproc), {model}, Python {platform.python_version()},"
            f" {datetime.now().strftime('%Y-%m-%d %H:%M')}, load average {load} at the end")


def _format(rows: list[tuple[str, float, str]]) -> str:
    out = ["| measurement | result | notes |", "|---|---:|---|"]
    for label, value, note in rows:
        shown = f"{value:.0f} MB" if "MB" in label else f"{value * 1000:.0f} ms"
        out.append(f"| {label} | {shown} | {note} |")
    return "\n".join(out)


def measure_all(path: Path, docs: Path, append: bool = True, length: str = LENGTH) -> int:
    index_notes = ensure_index(path)
    starts = cold_starts(path)
    rows: list[tuple[str, float, str]] = [
        ("cold start to painted window, archive open (median of 5)",
         statistics.median(starts), "whole process; runs: " + ", ".join(
             f"{s:.2f}" for s in starts) + " s")]
    _forget_peak_rss()  # the peak of building the cached archive is not the app's
    gui_rows, notes = gui_measurements(path)
    notes = index_notes + notes
    rows += gui_rows
    table = _format(rows)
    print(table)
    for note in notes:
        print(note)
    if append:
        with docs.open("a", encoding="utf-8") as out:
            out.write(f"\n\n## Scale (100,000 items)\n\nMachine: {_machine()}.\n"
                      f"Command: `python -m bench.scale_bench --length {length}`.\n\n{table}\n")
            for note in notes:
                out.write(f"\n{note}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale_bench")
    parser.add_argument("--build", action="store_true", help="only build the cached archive")
    parser.add_argument("--no-docs", action="store_true", help="do not append to the docs")
    parser.add_argument("--search-only", action="store_true",
                        help="only the search rows (e.g. once the full-text index is built)")
    parser.add_argument("--length", choices=("long", "short"), default=LENGTH,
                        help="testimony length of bench.corpus (short: ~3,000 words)")
    args = parser.parse_args(argv)
    archive = ARCHIVE if args.length == "long" else CACHE / "scale-100k"
    build(archive, args.length)
    if args.build:
        return 0
    if args.search_only:
        rows: list[tuple[str, float, str]] = []
        notes = ensure_index(archive)
        notes += _search_rows(archive, rows)
        table = _format(rows)
        print(table, *notes, sep="\n")
        if not args.no_docs:
            with DOCS.open("a", encoding="utf-8") as out:
                out.write(f"\n\n## Scale (100,000 items): search\n\nMachine: {_machine()}.\n"
                          f"Command: `python -m bench.scale_bench --search-only"
                          f" --length {args.length}`.\n\n{table}\n")
                for note in notes:
                    out.write(f"\n{note}\n")
        return 0
    return measure_all(archive, DOCS, append=not args.no_docs, length=args.length)


if __name__ == "__main__":
    raise SystemExit(main())
