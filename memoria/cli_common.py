"""What every `memoria` subcommand module shares: which archive, and how to print."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from memoria.paths import default_archive_path
from memoria.storage.archive import Archive


def archive_path(args: argparse.Namespace) -> Path:
    """--archive (before or after the command), else $MEMORIA_ARCHIVE or the default."""
    return getattr(args, "archive", None) or default_archive_path()


lenient = False  # set by memoria.cli when the catalogue holds text that is not UTF-8


def open_archive(args: argparse.Namespace, writable: bool = True) -> Archive:
    archive = Archive.open(archive_path(args), writable=writable)
    if archive.seal_problems or archive.held:
        print(f"memoria: warning: {(archive.seal_problems or [archive.held])[0]}; run "
              "'memoria verify'.", file=sys.stderr)
    if lenient:
        from memoria.faults import lenient_text

        lenient_text(archive.conn)
    return archive


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def emit(args: argparse.Namespace, data: object, text: str) -> None:
    """The --json document, or the sentence for a person (nothing if there is none)."""
    if args.json:
        print_json(data)
    elif text:
        print(text)
