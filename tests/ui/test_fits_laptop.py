"""Every window and dialog fits a 1366x768 laptop, at 100%, 125% and 150% scale (issue 15).

Each scale runs tests/ui/fit_probe.py in its own process: the screen size and
QT_SCALE_FACTOR are fixed when a QApplication starts, and the offscreen platform
takes a screen description from a config file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("fit_probe.py")
ROOT = PROBE.parents[2]


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
def test_every_window_fits_a_laptop_screen_with_its_buttons_in_view(tmp_path, scale):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=scale, PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, str(PROBE)], env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == []
