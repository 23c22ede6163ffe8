"""`memoria transcript import|export` and `memoria rebuild-derived`.

Kept apart from memoria/cli.py (like memoria/trust/cli.py) so the media
commands can grow without touching the rest of the command line:
memoria/cli.py only calls `register(subparsers)` and dispatches through
`COMMANDS`. Errors are raised as ValueError subclasses, which memoria/cli.py
prints as one sentence with a non-zero exit.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from memoria.cli_common import emit, open_archive
from memoria.domain.consent import Audience
from memoria.storage import items as item_store

from .transcripts import FORMATS

EXIT_REFUSED = 3  # consent does not allow what was asked (as in memoria/cli.py)


class RefusedError(ValueError):
    """Consent does not open the item to the audience asked for."""

    code = EXIT_REFUSED


def register(sub: object) -> None:
    """Add the media subcommands to memoria's subparsers object."""
    p = sub.add_parser("transcript", help="import or export an item's transcript (vtt, srt, ohms)")  # type: ignore[attr-defined]
    tsub = p.add_subparsers(dest="transcript_command", metavar="ACTION", required=True)
    q = tsub.add_parser("import", help="read segments from a WebVTT, SRT or OHMS XML file")
    q.add_argument("item", help="accession number or numeric id")
    q.add_argument("file", type=Path)
    q.add_argument("--format", choices=FORMATS, help="default: from the file name and content")
    q.add_argument("--replace", action="store_true",
                   help="replace an existing transcript (unchanged segments keep their ids)")
    q.add_argument("--json", action="store_true")
    q = tsub.add_parser("export", help="write the transcript as the audience may see it")
    q.add_argument("item", help="accession number or numeric id")
    q.add_argument("dest", help="file to write, or - for standard output")
    q.add_argument("--format", choices=FORMATS, help="default: from DEST's suffix, else vtt")
    q.add_argument("--as", dest="audience", default="custodian",
                   choices=[a.value for a in Audience])
    q.add_argument("--json", action="store_true")
    p = sub.add_parser("rebuild-derived",  # type: ignore[attr-defined]
                       help="regenerate missing thumbnails, access copies and waveforms")
    p.add_argument("--force", action="store_true", help="regenerate every derived file")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--json", action="store_true")


def _format_for(dest: str, given: str | None) -> str:
    if given:
        return given
    suffix = Path(dest).suffix.lower()
    return {".srt": "srt", ".xml": "ohms", ".vtt": "vtt"}.get(suffix, "vtt")


def cmd_transcript(args: argparse.Namespace, lang: str) -> int:
    if args.transcript_command == "import":
        return _transcript_import(args, lang)
    return _transcript_export(args, lang)


class TranscriptFileError(ValueError):
    """A transcript file refused, said in the user's language (memoria/cli.py prints it)."""


def _transcript_import(args: argparse.Namespace, lang: str = "es") -> int:
    from memoria.operations import media as media_ops
    from memoria.operations.actor import Actor

    from .transcripts import TranscriptError

    with open_archive(args) as archive:
        item_id = item_store.resolve_item(archive, args.item)
        try:
            result = media_ops.import_transcript(archive, Actor.of(archive, lang=lang), item_id,
                                                 args.file, args.format,
                                                 replace=args.replace).value
        except TranscriptError as exc:
            raise TranscriptFileError(exc.text(lang, args.file.name)) from None
        accession = item_store.get_item(archive, item_id).accession
    for problem in result.problems:
        print(f"memoria: {problem.text(lang, args.file.name)}", file=sys.stderr)
    if lang == "es":
        text = (f"{accession}: {result.imported + result.kept} segmentos leídos de "
                f"{args.file.name} ({result.format})"
                + (f", {result.kept} coinciden con segmentos existentes (conservan su id)"
                   if result.kept else "")
                + (f"; {len(result.problems)} problemas (arriba)" if result.problems else "")
                + ".")
    else:
        text = (f"{accession}: {result.imported + result.kept} segments read from "
                f"{args.file.name} ({result.format})"
                + (f", {result.kept} matched existing segments (ids kept)" if result.kept else "")
                + (f"; {len(result.problems)} problems (above)" if result.problems else "") + ".")
    emit(args, {"item": accession, "format": result.format, "imported": result.imported,
                 "kept": result.kept, "problems": [str(p) for p in result.problems]}, text)
    return 0


def _transcript_export(args: argparse.Namespace, lang: str) -> int:
    from memoria.access import NotVisible
    from memoria.domain.messages import explain
    from memoria.protect import ProtectedNameFound

    from .transcript_io import export_transcript

    fmt = _format_for(args.dest, args.format)
    with open_archive(args, writable=False) as archive:
        item_id = item_store.resolve_item(archive, args.item)
        generation = archive.generation()
        try:
            text, withheld = export_transcript(archive, item_id, fmt, Audience(args.audience),
                                               lang, what=Path(args.dest).name)
        except NotVisible as refused:
            raise RefusedError(explain(refused.decision, lang)) from None
        except ProtectedNameFound as refused:
            raise RefusedError(str(refused)) from None
    if args.dest == "-":
        sys.stdout.write(text)
    else:
        dest = Path(args.dest)
        tmp = dest.with_name(f".{dest.name}.part")
        tmp.write_text(text, encoding="utf-8", newline="")
        os.replace(tmp, dest)
    _register_transcript(args, item_id, fmt, generation, lang)
    note = (f"{withheld} segments left out: consent does not open them to the "
            f"{args.audience} audience." if withheld else "")
    if note and (args.dest == "-" or args.json):
        print(f"memoria: {note}", file=sys.stderr)
    if args.dest != "-":
        emit(args, {"dest": args.dest, "format": fmt, "audience": args.audience,
                     "withheld_segments": withheld},
              f"Transcript written to {args.dest} ({fmt}, as {args.audience})."
              + (f" {note}" if note else ""))
    return 0


def _register_transcript(args: argparse.Namespace, item_id: int, fmt: str,
                         generation: int, lang: str) -> None:
    """Enter the written transcript in the register of copies (stdout counts too)."""
    from memoria.operations import trust as trust_ops
    from memoria.operations.actor import Actor

    with open_archive(args, writable=False) as archive:
        trust_ops.record_copy(archive, Actor.of(archive, lang=lang), "transcript",
                              [item_id], Audience(args.audience), args.dest, label=fmt,
                              generation=generation)


def cmd_rebuild_derived(args: argparse.Namespace, lang: str) -> int:
    from memoria.operations import media as media_ops
    from memoria.operations.actor import Actor

    def progress(done: int, total: int, name: str) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr)

    with open_archive(args) as archive:
        rebuilt, problems = media_ops.rebuild_derived(
            archive, Actor.of(archive, lang=lang), force=args.force,
            workers=max(1, args.workers), progress=progress).value
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    text = f"Derived files rebuilt for {rebuilt} originals."
    text += "".join(f"\n  problem: {p}" for p in problems)
    emit(args, {"rebuilt": rebuilt, "problems": problems}, text)
    return 1 if problems else 0


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "transcript": cmd_transcript, "rebuild-derived": cmd_rebuild_derived,
}
