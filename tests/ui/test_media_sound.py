"""A testimony is heard: the player's sound reaches a real audio server.

Everything else about the player is tested offscreen without sound. Here a
private PulseAudio server with a null sink stands in for a loudspeaker: the
app's AudioPlayer (in its own process, as the app would run) plays a 440 Hz
tone and ``parec`` records what reaches the sink. Skipped, with the reason,
where PulseAudio's server and tools are not installed (``dev.py test``
installs them when it runs as root).
"""

from __future__ import annotations

import math
import os
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import make_wav

pytestmark = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and shutil.which("pulseaudio") and shutil.which("parec")),
    reason="needs PulseAudio's server and parec (Debian: pulseaudio pulseaudio-utils)")

RATE = 44100
PLAYER = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from memoria.ui.media.player import AudioPlayer
app = QApplication([])
player = AudioPlayer()
print("backend", player.has_backend, flush=True)
if len(sys.argv) > 3:  # an encrypted archive's recording, played from memory
    from memoria.domain.model import Kind
    from memoria.importing.importer import ImportOptions, import_paths
    from memoria.storage import items as item_store
    from memoria.storage.archive import Archive
    from memoria.ui.media.player import stored_audio
    from tests.unit.test_vault import encrypt
    archive = encrypt(Archive.create(Path(sys.argv[3])))
    [done] = import_paths(archive, [Path(sys.argv[1])],
                          ImportOptions(kind=Kind.TESTIMONY)).outcomes
    (media,) = item_store.media_of(archive, done.item_id)
    assert Path(sys.argv[1]).read_bytes()[1000:1064] not in (archive.root / media.path).read_bytes()
    player.set_source(stored_audio(archive.vault, media), 3000)
else:
    player.set_source(Path(sys.argv[1]), 3000)
player.set_rate(float(sys.argv[2]))
player.toggle()
loop = QEventLoop()
ticker = QTimer()
ticker.timeout.connect(lambda: player.position() >= 2000 and loop.quit())
ticker.start(20)
QTimer.singleShot(15000, loop.quit)  # the backend may take a moment to start
loop.exec()
print("position", player.position(), flush=True)
player.stop()
"""


@pytest.fixture
def null_sink(tmp_path):
    """A private PulseAudio server whose only output is a null sink; its environment."""
    runtime = tmp_path / "pulse"
    runtime.mkdir()
    socket = runtime / "native"
    env = {**os.environ, "PULSE_RUNTIME_PATH": str(runtime), "HOME": str(tmp_path),
           "PULSE_SERVER": f"unix:{socket}", "QT_QPA_PLATFORM": "offscreen"}
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "--use-pid-file=no", "--load=module-null-sink sink_name=memoria_test",
         f"--load=module-native-protocol-unix socket={socket}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while not socket.exists() and server.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not socket.exists():
        server.kill()
        pytest.skip(f"PulseAudio did not start here: {server.stderr.read().decode()[-300:]}")
    yield env
    server.terminate()
    server.wait(timeout=10)


def _heard(env: dict, tmp_path: Path, rate: float,
           encrypted: bool = False) -> tuple[list[int], str]:
    """Samples that reached the sink while the player played the tone at ``rate``."""
    tone, recording = tmp_path / "tone.wav", tmp_path / "heard.raw"
    make_wav(tone, seconds=3, freq=440, rate=RATE)
    rec = subprocess.Popen(["parec", "-d", "memoria_test.monitor", "--format=s16le",
                            f"--rate={RATE}", "--channels=1", str(recording)], env=env)
    try:
        time.sleep(0.3)
        extra = [str(tmp_path / "archive")] if encrypted else []
        played = subprocess.run([sys.executable, "-c", PLAYER, str(tone), str(rate), *extra],
                                env=env, capture_output=True, text=True, timeout=60)
        time.sleep(0.3)
    finally:
        rec.terminate()
        rec.wait(timeout=10)
    raw = recording.read_bytes()
    return list(struct.unpack(f"<{len(raw) // 2}h", raw[: len(raw) // 2 * 2])), played.stdout


def _loud_part(samples: list[int]) -> list[int]:
    loud = [n for n, s in enumerate(samples) if abs(s) > 1000]
    return samples[loud[0]:loud[-1]] if loud else []


def _pitch(samples: list[int]) -> float:
    """Hz from zero crossings (two per period)."""
    crossings = sum(1 for a, b in zip(samples, samples[1:], strict=False) if (a < 0) != (b < 0))
    return crossings / 2 / (len(samples) / RATE)


def test_a_recording_is_heard_at_its_pitch(null_sink, tmp_path):
    samples, said = _heard(null_sink, tmp_path, 1.0)
    assert "backend True" in said, said
    tone = _loud_part(samples)
    assert len(tone) / RATE > 1.2, f"only {len(tone) / RATE:.2f} s of sound reached the sink; player said {said!r}"
    rms = math.sqrt(sum(s * s for s in tone) / len(tone))
    assert rms > 3000  # the tone's own level (amplitude 12,000), not noise
    assert _pitch(tone) == pytest.approx(440, rel=0.03)


def test_an_encrypted_recording_is_heard_at_its_pitch(null_sink, tmp_path):
    """The same tone stored encrypted: decrypted chunk by chunk into the player's
    QIODevice (no temporary file), it reaches the loudspeaker as it was recorded."""
    env = {**null_sink, "PYTHONPATH": os.pathsep.join(
        [str(Path(__file__).resolve().parents[2]), null_sink.get("PYTHONPATH", "")])}
    samples, said = _heard(env, tmp_path, 1.0, encrypted=True)
    assert "backend True" in said, said
    tone = _loud_part(samples)
    assert len(tone) / RATE > 1.2, f"only {len(tone) / RATE:.2f} s reached the sink; {said!r}"
    assert _pitch(tone) == pytest.approx(440, rel=0.03)
