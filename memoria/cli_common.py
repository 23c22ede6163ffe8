"""What every `memoria` subcommand module shares: which archive, and how to print."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from memoria.crypto import keys as keyslots
from memoria.crypto.keys import ArchiveKeys
from memoria.domain.messages import default_language
from memoria.paths import default_archive_path
from memoria.storage.archive import Archive, ArchiveNeedsUnlock

ACCOUNT_ENV = "MEMORIA_ACCOUNT"
# Less safe than the prompt (other programs of the same user can read a process's
# environment): for scripts and tests; docs/security.md says so.
PASSPHRASE_ENV = "MEMORIA_PASSPHRASE"
NEW_PASSPHRASE_ENV = "MEMORIA_NEW_PASSPHRASE"
RECOVERY_ENV = "MEMORIA_RECOVERY_KEY"


def archive_path(args: argparse.Namespace) -> Path:
    """--archive (before or after the command), else $MEMORIA_ARCHIVE or the default."""
    return getattr(args, "archive", None) or default_archive_path()


lenient = False  # set by memoria.cli when the catalogue holds text that is not UTF-8


def account_name(args: argparse.Namespace) -> str | None:
    """--account (before or after the command), else $MEMORIA_ACCOUNT."""
    return getattr(args, "account", None) or os.environ.get(ACCOUNT_ENV) or None


def ask_secret(prompt: str, env: str = PASSPHRASE_ENV) -> str:
    """A passphrase from `env` if set (scripts, tests), else typed without echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    return getpass.getpass(prompt)


def ask_new_secret(lang: str, env: str = NEW_PASSPHRASE_ENV) -> str:
    """A new passphrase: from `env`, or typed twice without echo (the two must match)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    first = getpass.getpass("Nueva frase de paso: " if lang == "es" else "New passphrase: ")
    again = getpass.getpass("Repítala: " if lang == "es" else "Type it again: ")
    if first != again:
        raise ValueError("Las dos frases de paso no coinciden; no se cambió nada." if lang == "es"
                         else "The two passphrases differ; nothing was changed.")
    if not first:
        raise ValueError("La frase de paso no puede estar vacía." if lang == "es"
                         else "The passphrase cannot be empty.")
    return first


def unlock_args(args: argparse.Namespace, root: Path, *, writable: bool,
                lang: str = "es") -> ArchiveKeys | None:
    """The keys the archive at `root` needs, from --account and the passphrase.

    None for a plain archive without accounts, and for reading a plain archive
    with accounts when no account was given (its accounts guard changes).
    """
    from memoria.storage import encrypt_journal

    encrypt_journal.settle(root)  # a killed `memoria encrypt` decides what the folder is
    slots = keyslots.read_slots(root)
    if slots is None:
        return None
    account = account_name(args)
    if account is None:
        if slots.get("encrypted") or writable:
            raise ArchiveNeedsUnlock(root, encrypted=bool(slots.get("encrypted")))
        return None
    prompt = (f"Frase de paso de «{account}»: " if lang == "es"
              else f"Passphrase for “{account}”: ")
    return keyslots.unlock(root, account, ask_secret(prompt))


def open_archive(args: argparse.Namespace, writable: bool = True) -> Archive:
    root = archive_path(args)
    keys = unlock_args(args, root, writable=writable,
                       lang=getattr(args, "lang", None) or default_language())
    archive = Archive.open(root, writable=writable, keys=keys)
    if archive.seal_problems or archive.held:
        from memoria.domain.messages import fault_text

        print(fault_text("warning_seal", getattr(args, "lang", None) or "es",
                         what=(archive.seal_problems or [archive.held])[0]), file=sys.stderr)
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
