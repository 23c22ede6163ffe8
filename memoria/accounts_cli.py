"""`memoria account add|remove|passwd|reset|list` and `memoria unlock --recovery`.

Passphrases are typed at a prompt without echo; scripts and tests may give
them in MEMORIA_PASSPHRASE (the acting account's) and MEMORIA_NEW_PASSPHRASE
(the one being set), which is less safe (docs/security.md). Every change is
written to keys.json atomically and recorded in the audit log under the
account that made it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from memoria.cli_common import (
    RECOVERY_ENV,
    account_name,
    archive_path,
    ask_new_secret,
    ask_secret,
    print_json,
    unlock_args,
)
from memoria.crypto import accounts
from memoria.crypto import keys as keyslots
from memoria.crypto.keys import CUSTODIAN, ROLES, AccountError, ArchiveKeys
from memoria.operations import accounts as account_ops
from memoria.storage.archive import Archive


def register(sub: object) -> None:
    account = sub.add_parser(  # type: ignore[attr-defined]
        "account", help="accounts of the archive: add, remove, passwd, reset, list")
    asub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    p = asub.add_parser("add", help="add an account (custodian only; the first one on a "
                        "plain archive makes it need accounts)")
    p.add_argument("name")
    p.add_argument("--role", choices=ROLES, default="curator")
    p = asub.add_parser("remove", help="remove an account and its key slot (custodian only)")
    p.add_argument("name")
    asub.add_parser("passwd", help="change your own passphrase (nothing is re-encrypted)")
    p = asub.add_parser("reset", help="set another account's passphrase (custodian only)")
    p.add_argument("name")
    p = asub.add_parser("list", help="the accounts and their roles")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser(  # type: ignore[attr-defined]
        "unlock", help="with the recovery key: set a passphrase for an account when every "
        "passphrase is lost")
    p.add_argument("--recovery", action="store_true", required=True,
                   help="read the recovery key (prompt, or MEMORIA_RECOVERY_KEY)")


def _say(lang: str, es: str, en: str) -> None:
    print(es if lang == "es" else en)


def _custodian(args: argparse.Namespace, root: Path, lang: str) -> ArchiveKeys:
    keys = unlock_args(args, root, writable=True, lang=lang)
    assert keys is not None
    return keys


def cmd_account(args: argparse.Namespace, lang: str) -> int:
    root = archive_path(args)
    if not (root / "catalogue.sqlite").exists():
        Archive.open(root, writable=False).close()  # says what is wrong with the folder
    command = args.account_command
    if command == "list":
        found = accounts.list_accounts(root)
        if args.json:
            print_json([{"account": a.name, "role": a.role} for a in found])
        elif not found:
            _say(lang, "Este archivo no tiene cuentas.", "This archive has no accounts.")
        for a in found if not args.json else []:
            print(f"{a.name}\t{a.role}")
        return 0
    if command == "add" and keyslots.read_slots(root) is None:
        # A plain archive without accounts: its first account is a custodian.
        if args.role != CUSTODIAN:
            raise AccountError("La primera cuenta de un archivo es de custodia: use "
                               "--role custodian.",
                               "An archive's first account is a custodian: use "
                               "--role custodian.")
        keys = account_ops.first_account(root, args.name, ask_new_secret(lang))
        _say(lang, f"Cuenta «{args.name}» creada (custodia). Desde ahora los cambios piden "
             "una cuenta.", f"Account “{args.name}” added (custodian). From now on changes "
             "need an account.")
        return 0
    keys = _custodian(args, root, lang)
    if command == "add":
        account_ops.add(root, keys, args.name, args.role, ask_new_secret(lang))
        _say(lang, f"Cuenta «{args.name}» creada ({args.role}).",
             f"Account “{args.name}” added ({args.role}).")
    elif command == "remove":
        account_ops.remove(root, keys, args.name)
        _say(lang, f"Cuenta «{args.name}» eliminada: su frase de paso ya no abre el archivo.",
             f"Account “{args.name}” removed: its passphrase no longer opens the archive.")
    elif command == "passwd":
        account_ops.set_own(root, keys, ask_new_secret(lang))
        _say(lang, "Frase de paso cambiada.", "Passphrase changed.")
    elif command == "reset":
        account_ops.reset(root, keys, args.name, ask_new_secret(lang))
        _say(lang, f"Frase de paso de «{args.name}» restablecida.",
             f"Passphrase of “{args.name}” reset.")
    keys.forget()
    return 0


def cmd_unlock(args: argparse.Namespace, lang: str) -> int:
    """The recovery key sets a passphrase: an existing account's, or a new custodian's."""
    root = archive_path(args)
    account = account_name(args)
    if not account:
        raise AccountError("Indique con --account qué cuenta recibe la nueva frase de paso.",
                           "Say with --account which account gets the new passphrase.")
    prompt = "Clave de recuperación: " if lang == "es" else "Recovery key: "
    keys = keyslots.unlock_with_recovery(root, ask_secret(prompt, RECOVERY_ENV))
    try:
        if keyslots.read_slots(root) is None:  # keys.json lost: the marker's copy rebuilds it
            keyslots.rebuild_from_marker(root)
        account_ops.recover(root, keys, account, ask_new_secret(lang))
    finally:
        keys.forget()
    _say(lang, f"La cuenta «{account}» abre el archivo con la nueva frase de paso.",
         f"The account “{account}” opens the archive with the new passphrase.")
    return 0


def print_recovery_key(recovery_key: str, lang: str) -> None:
    """Shown once, at creation: how to keep it comes with it."""
    out = sys.stdout
    if lang == "es":
        out.write("\nClave de recuperación (se muestra solo esta vez):\n\n    "
                  f"{recovery_key}\n\n"
                  "Cópiela en papel o imprímala y guárdela bajo llave, lejos del computador "
                  "(por ejemplo en la caja fuerte del museo). Si se pierden todas las frases "
                  "de paso, solo ella abre el archivo: sin ella, nadie, tampoco Memoria, "
                  "puede recuperar lo que el archivo guarda. Quien la tenga puede abrirlo.\n")
    else:
        out.write("\nRecovery key (shown this once only):\n\n    "
                  f"{recovery_key}\n\n"
                  "Write it on paper or print it and keep it locked away from the computer "
                  "(the museum's safe, for example). If every passphrase is lost, only this "
                  "key opens the archive: without it nobody, Memoria included, can recover "
                  "what the archive holds. Whoever has it can open the archive.\n")
    out.flush()


COMMANDS = {"account": cmd_account, "unlock": cmd_unlock}
