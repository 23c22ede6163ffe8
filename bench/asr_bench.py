"""Transcription on this machine (issue 14): real-time factor, peak memory, GUI stall.

    python -m bench.asr_bench [--repeat N] [--beam 5] [--no-docs]
    python3 dev.py bench asr

espeak-ng reads the fictional Spanish testimony of tests/unit/asr_support.py
(about a minute; repeated N times for a longer recording), the registered model
(`memoria asr install`) transcribes it through the real job
(operations.transcription.transcribe, chunks kept in a real archive) on a worker
thread, the engine in a child process as in the window (`--engine thread`: in
this process, as the command line does), while a QCoreApplication event loop on
the main thread measures its longest gap between 10 ms timer ticks (the window's
stall). Peak memory is the larger of this process and the engine's child. Word
error rate against the known text. Appends its table to docs/benchmarks.md.
Targets (2 cores, base, int8): at most 0.5 x real time, under 1.5 GB, stall < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs" / "benchmarks.md"
HEADING = "## Transcription (asr_bench)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.asr_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="testimony repeated N times")
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--no-docs", action="store_true")
    parser.add_argument("--engine", choices=["process", "thread"], default="process",
                        help="the window's engine (a child process) or the command line's")
    args = parser.parse_args(argv)

    import numpy as np
    import soundfile
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer

    from bench.import_bench import machine
    from memoria.asr import model
    from memoria.domain.model import Kind
    from memoria.importing.importer import ImportOptions, import_paths
    from memoria.operations import transcription as ops
    from memoria.operations.actor import Actor
    from memoria.storage import items as item_store
    from memoria.storage.archive import Archive
    from tests.unit import asr_support as sup

    reg = model.registered_model()
    if reg is None:
        print("no model registered: run `memoria asr install` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        spoken = sup.speak(sup.SPANISH, "es", Path(tmp) / "one.wav")
        audio, rate = soundfile.read(spoken.path, dtype="float32")
        wav = Path(tmp) / "testimonio.wav"
        soundfile.write(wav, np.concatenate([audio] * args.repeat), rate)
        reference = " ".join([spoken.text] * args.repeat)
        seconds = len(audio) * args.repeat / rate
        archive = Archive.create(Path(tmp) / "archivo")
        [outcome] = import_paths(archive, [wav], ImportOptions(kind=Kind.TESTIMONY)).outcomes
        t0 = time.monotonic()
        if args.engine == "process":
            engine = ops.ProcessEngine(Path(reg.path), reg.sha256, beam_size=args.beam)
            engine.load()
        else:
            engine = ops.Engine(Path(reg.path), reg.sha256, beam_size=args.beam)
            _ = engine.model
        load_s = time.monotonic() - t0
        archive.close()

        app = QCoreApplication.instance() or QCoreApplication([])
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        result: dict = {}

        def work() -> None:
            with Archive.open(Path(tmp) / "archivo") as arch:
                cpu0 = time.process_time()
                w0 = time.monotonic()
                ops.transcribe(arch, Actor.local(), outcome.item_id, engine, "es")
                result["wall"] = time.monotonic() - w0
                result["cpu"] = time.process_time() - cpu0
                result["text"] = " ".join(
                    s.text for s in item_store.segments_of(arch, outcome.item_id))
            app.quit()

        timer.start()
        thread = threading.Thread(target=work)
        thread.start()
        app.exec()
        thread.join()
        timer.stop()
        if args.engine == "process":
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            engine.close()  # reaped: its CPU time counts in RUSAGE_CHILDREN now
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            result["cpu"] += (after.ru_utime + after.ru_stime) - (before.ru_utime
                                                                  + before.ru_stime)
    peak_mb = max(resource.getrusage(who).ru_maxrss for who in (
        resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    rtf = result["wall"] / seconds
    error = sup.wer(reference, result["text"])
    stall = max(gaps[1:] or [0])
    load = os.getloadavg()
    rows = [
        ("recording", f"{seconds:.1f} s (espeak-ng, Spanish, {args.repeat}x)", ""),
        ("model", f"{Path(reg.path).name} (SHA-256 {reg.sha256[:12]}…), int8, beam "
                  f"{args.beam}, load {load_s:.1f} s, engine in "
                  f"{'a child process' if args.engine == 'process' else 'this process'}", ""),
        ("real-time factor", f"{rtf:.2f} x real time ({result['wall']:.1f} s wall, "
                             f"{result['cpu']:.1f} s CPU)", "yes" if rtf <= 0.5 else "no"),
        ("peak memory (largest process)", f"{peak_mb:.0f} MB", "yes" if peak_mb < 1536 else "no"),
        ("GUI longest stall (10 ms timer)", f"{stall:.0f} ms", "yes" if stall < 100 else "no"),
        ("word error rate", f"{error:.1%}", ""),
        ("load average at the end", f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}", ""),
    ]
    table = "| measure | value | target met? |\n| --- | --- | --- |\n" + "\n".join(
        f"| {a} | {b} | {c} |" for a, b, c in rows)
    print(table)
    if not args.no_docs:
        existing = DOCS.read_text(encoding="utf-8")
        block = "" if existing.rstrip().splitlines()[-1:] and HEADING in existing.split(
            "\n## ")[-1] else f"\n{HEADING}\n"
        with open(DOCS, "a", encoding="utf-8") as fh:
            fh.write(f"{block}\nRun: `python -m bench.asr_bench --repeat {args.repeat} "
                     f"--engine {args.engine}` "
                     f"({machine()}).\n\n{table}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
