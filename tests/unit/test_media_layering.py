"""The media core stays importable without Qt (the CLI and workers depend on it)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import memoria.media


def test_no_module_of_the_media_core_imports_qt():
    names = [f"memoria.media.{m.name}" for m in pkgutil.iter_modules(memoria.media.__path__)]
    assert "memoria.media.safe" in names and "memoria.media.anonymise" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(leaked))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
