"""Cancel and resume with the real model: finished chunks are kept in the catalogue,
a cancelled or killed job resumes without redoing them."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from memoria.asr import drafts
from memoria.domain.model import Kind
from memoria.importing.importer import ImportOptions, import_paths
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from tests.unit import asr_support as sup

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def _testimony(archive, tmp_path, n=4):
    spoken = sup.speak(sup.SPANISH[:n], "es", tmp_path / "corto.wav")
    [outcome] = import_paths(archive, [spoken.path], ImportOptions(kind=Kind.TESTIMONY)).outcomes
    return outcome.item_id


def test_a_cancelled_job_resumes_without_redoing_finished_chunks(archive, tmp_path):
    folder, sha = sup.real_model()
    eng = drafts.Engine(folder, sha)
    item = _testimony(archive, tmp_path)
    seen = []

    def cancel_after_first():
        return any(p.chunks_done >= 1 for p in seen)

    first = drafts.transcribe_item(archive, item, eng, "es", progress=seen.append,
                                   cancelled=cancel_after_first, chunk_s=6)
    total = seen[-1].chunks_total
    assert not first.finished and first.chunks_run == 1 and total >= 3
    assert drafts.kept_chunks(archive, item) == 1
    assert item_store.segments_of(archive, item) == []   # no half draft
    second = drafts.transcribe_item(archive, item, eng, "es", chunk_s=6)
    assert second.finished and second.chunks_reused == 1
    assert second.chunks_run == total - 1
    text = " ".join(s.text for s in item_store.segments_of(archive, item))
    assert "río" in text.lower() and "ciudad" in text.lower()


def test_a_killed_transcription_resumes_where_it_stopped(tmp_path):
    sup.real_model()
    root = tmp_path / "archivo"
    with Archive.create(root) as arch:
        item = _testimony(arch, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "memoria", "--archive", str(root), "transcribe", str(item),
           "--language", "es", "--chunk-seconds", "6", "--json"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    kept = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        with sqlite3.connect(root / "catalogue.sqlite") as conn:
            kept = conn.execute("SELECT COUNT(*) FROM asr_chunks").fetchone()[0]
        if kept >= 1:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(30)
    assert kept >= 1 and proc.returncode == -signal.SIGKILL
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)["items"]
    assert result["finished"] and result["chunks_reused"] >= kept
    assert "retomados" in done.stderr                 # progress went to stderr, in Spanish
    with Archive.open(root, writable=False) as arch:
        segs = item_store.segments_of(arch, item)
        assert segs and all(s.automatic for s in segs)
