"""Where archives live when nobody says otherwise."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path


def default_archive_path() -> Path:
    """MEMORIA_ARCHIVE if set, else 'Archivo' in the platform's user-data folder
    (~/.local/share/memoria on Linux, %APPDATA% on Windows,
    ~/Library/Application Support on macOS)."""
    env = os.environ.get("MEMORIA_ARCHIVE")
    if env:
        return Path(env).expanduser()
    return user_data_path("memoria", appauthor=False) / "Archivo"


def demo_archive_path() -> Path:
    """Where the window builds the demo archive (Help's "Open the demo archive"):
    MEMORIA_DEMO_ARCHIVE if set, else 'Demostración' beside the default archive."""
    env = os.environ.get("MEMORIA_DEMO_ARCHIVE")
    if env:
        return Path(env).expanduser()
    return user_data_path("memoria", appauthor=False) / "Demostración"
