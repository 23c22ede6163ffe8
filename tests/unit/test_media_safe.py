"""Worker processes: hostile jobs are killed, limited and reported as data."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from memoria.media.audio import probe_audio
from memoria.media.errors import MediaError
from memoria.media.images import ImageInfo, make_thumbnail, probe_image
from memoria.media.safe import Job, MediaPool, default_start_method, run_job
from tests.unit.test_media_support import (
    DATA,
    job_allocate,
    job_crash,
    job_pid_after,
    job_sleep,
    jpeg_with_exif,
    png_bomb,
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="RLIMIT_AS is enforced on Linux only")


@pytest.mark.parametrize("method", ["spawn", None])
def test_probe_in_a_worker_returns_plain_data(tmp_path, method):
    info = run_job(probe_image, jpeg_with_exif(tmp_path / "a.jpg"), start_method=method)
    assert isinstance(info, ImageInfo)
    assert info.camera_model == "Canon EOS 5D"


def test_default_start_method_is_fork_free():
    assert default_start_method() in ("forkserver", "spawn")


def test_media_error_comes_back_with_its_code(tmp_path):
    with pytest.raises(MediaError) as err:
        run_job(probe_image, png_bomb(tmp_path / "bomb.png"))
    assert err.value.code == "bomb"
    with pytest.raises(MediaError) as err:
        run_job(probe_audio, jpeg_with_exif(tmp_path / "x.mp3"))
    assert err.value.code == "unsupported"


def test_hung_decoder_is_killed_at_the_time_limit():
    started = time.monotonic()
    with pytest.raises(MediaError) as err:
        run_job(job_sleep, 60, timeout=1.0)
    assert err.value.code == "timeout"
    assert time.monotonic() - started < 10


@linux_only
def test_memory_limit_turns_a_runaway_allocation_into_an_error():
    with pytest.raises(MediaError) as err:
        run_job(job_allocate, 8192, memory_mb=1024)
    assert err.value.code == "memory"
    assert run_job(job_allocate, 16, memory_mb=1024) == 16 * 1024 * 1024


@linux_only
def test_crashing_decoder_is_reported_not_fatal():
    with pytest.raises(MediaError) as err:
        run_job(job_crash)
    assert err.value.code == "crashed"
    assert "signal" in err.value.message


def test_batch_survives_a_hung_job_in_order_with_progress(tmp_path):
    src = jpeg_with_exif(tmp_path / "a.jpg")
    jobs = [Job(probe_image, (src,)), Job(job_sleep, (60,)), Job(probe_audio, (DATA / "tone.flac",)),
            Job(probe_image, (tmp_path / "missing.jpg",)), Job(job_sleep, (0.01,))]
    seen: list[tuple[int, int]] = []
    with MediaPool(2, timeout=2.0) as pool:
        results = pool.run(jobs, progress=lambda done, total, _r: seen.append((done, total)))
    assert [r.index for r in results] == [0, 1, 2, 3, 4]
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert results[0].value.orientation == 6
    assert results[1].error.code == "timeout"
    assert results[2].value.codec == "FLAC"
    assert results[3].error.code == "missing"
    assert results[4].value == "woke up"
    assert seen == [(i, 5) for i in range(1, 6)]


def test_pool_uses_two_processes_at_once():
    with MediaPool(2, timeout=30) as pool:
        results = pool.map(job_pid_after, [(0.5,)] * 4)
    assert all(r.ok for r in results)
    assert len({r.value for r in results}) >= 2


def test_cancellation_stops_the_batch_between_jobs():
    cancel = threading.Event()

    def progress(done: int, _total: int, _result: object) -> None:
        if done == 1:
            cancel.set()

    with MediaPool(1, timeout=30) as pool:
        started = time.monotonic()
        results = pool.map(job_sleep, [(0.05,), (5,), (5,), (5,)], cancel=cancel, progress=progress)
    assert time.monotonic() - started < 4
    assert results[0].ok
    assert [r.error.code for r in results[1:]] == ["cancelled"] * 3


def test_cancel_may_be_a_callable_and_pool_is_reusable(tmp_path):
    src = jpeg_with_exif(tmp_path / "a.jpg")
    with MediaPool(2, timeout=30) as pool:
        none_run = pool.map(probe_image, [(src,)] * 3, cancel=lambda: True)
        assert [r.error.code for r in none_run] == ["cancelled"] * 3
        thumbs = pool.map(make_thumbnail, [(src, tmp_path / f"t{i}.jpg", 32) for i in range(4)])
    assert all(r.ok for r in thumbs)
    assert all((tmp_path / f"t{i}.jpg").exists() for i in range(4))
