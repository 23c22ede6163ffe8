"""Making a rename survive a power cut: the one fsync of a folder every writer uses.

A file written, fsynced and renamed into place is durable only once the folder
that names it is fsynced too (POSIX keeps the new name in the folder's data).
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """fsync a folder, so the names created or replaced in it are on the disk."""
    if os.name != "posix":
        return  # folders cannot be opened for fsync on Windows
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
