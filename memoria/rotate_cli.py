"""`memoria rotate-key`: a new archive key after removing an account or a suspected leak.

The custodian's passphrase (prompt or MEMORIA_PASSPHRASE) unlocks the old key and
wraps the new one. Run it again after an interruption: it continues.
"""

from __future__ import annotations

import argparse

from memoria.accounts_cli import print_recovery_key
from memoria.cli_common import account_name, archive_path, ask_secret
from memoria.crypto.keys import AccountError
from memoria.operations import accounts as account_ops


def register(sub: object) -> None:
    sub.add_parser(  # type: ignore[attr-defined]
        "rotate-key", help="a new archive key: re-encrypt everything under it (custodian "
        "only; resumable; other accounts need new passphrases afterwards)")


def cmd_rotate_key(args: argparse.Namespace, lang: str) -> int:
    root = archive_path(args)
    account = account_name(args)
    if not account:
        raise AccountError("Indique con --account la cuenta de custodia que rota la llave.",
                           "Say with --account the custodian account rotating the key.")
    prompt = (f"Frase de paso de «{account}»: " if lang == "es"
              else f"Passphrase for “{account}”: ")
    passphrase = ask_secret(prompt)
    result = account_ops.rotate(root, account, passphrase)
    es = (f"Llave del archivo rotada: {result.media} originales y {result.derived} archivos "
          "derivados cifrados de nuevo; el índice de búsqueda se reconstruye en la próxima "
          "búsqueda.")
    en = (f"Archive key rotated: {result.media} originals and {result.derived} derived files "
          "encrypted again; the search index is rebuilt at the next search.")
    print(es if lang == "es" else en)
    if result.dropped_accounts:
        names = ", ".join(f"{name} ({role})" for name, role in result.dropped_accounts)
        print(f"Estas cuentas ya no abren el archivo y necesitan una frase de paso nueva "
              f"('memoria account add NOMBRE --role ROL'): {names}." if lang == "es" else
              f"These accounts no longer open the archive and need a new passphrase "
              f"('memoria account add NAME --role ROLE'): {names}.")
    print("Las copias de seguridad hechas antes siguen bajo la llave anterior." if lang == "es"
          else "Backups made before this stay under the old key.")
    print_recovery_key(result.recovery_key, lang)
    return 0


COMMANDS = {"rotate-key": cmd_rotate_key}
