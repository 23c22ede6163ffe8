"""Every window and dialog in Spanish shows no English (issue 15, "One Spanish").

tests/ui/fit_probe.py opens every window and dialog of the app (the list each engineer
adds theirs to); with MEMORIA_PROBE=spanish it walks each one's visible strings through
tests/ui/spanish_probe.py and prints those still in English.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from tests.ui.spanish_probe import english_sources, untranslated

PROBE_FILE = Path(__file__).with_name("fit_probe.py")
ROOT = PROBE_FILE.parents[2]


def test_every_window_and_dialog_speaks_spanish(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEMORIA_PROBE="spanish",
               PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, str(PROBE_FILE)], env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == []


def test_the_probe_finds_english(qtbot):
    """The check itself: an English source, an English word, and not a proper name."""
    top = QWidget()
    qtbot.addWidget(top)
    QLabel("Memoria", top)
    QLabel("BagIt", top)
    QPushButton("Export report", top)  # a source of memoria_es.ts
    QLabel("Buscar en Look in", top)  # "look" is a known English word
    assert "Export report" in english_sources()
    found = untranslated("test", top)
    assert len(found) == 2, found
