"""`memoria verify | backup | restore | export-bag | import-bag`.

Kept apart from memoria/cli.py so the trust commands can grow without
touching the rest of the command line; memoria/cli.py only calls
`register(subparsers)` and dispatches through `COMMANDS`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from memoria.cli_common import archive_path, emit, open_archive
from memoria.domain.consent import Audience
from memoria.domain.messages import fault_text
from memoria.faults import describe
from memoria.storage import driver as sqlite3
from memoria.storage import items as item_store
from memoria.storage.archive import ArchiveError, ArchiveLocked, ArchiveNeedsUnlock
from memoria.storage.db import CATALOGUE

EXIT_PROBLEMS = 1


def register(sub: object) -> None:
    """Add the trust subcommands to memoria's subparsers object."""
    p = sub.add_parser("verify", help="re-hash every original and check the catalogue (fixity)")  # type: ignore[attr-defined]
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("backup", help="copy the catalogue (safely, while live) and new media to DEST")  # type: ignore[attr-defined]
    p.add_argument("dest", type=Path)
    p.add_argument("--keep", type=int, default=None,
                   help="generations of the catalogue to keep in DEST (default: the archive's "
                        "'backup.generations' setting, else 5)")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("restore", help="rebuild an archive from a backup into an empty folder")  # type: ignore[attr-defined]
    p.add_argument("backup", type=Path)
    p.add_argument("dest", type=Path)
    p.add_argument("--generation", default=None,
                   help="an older catalogue from the backup's generations/ folder")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("encrypt",  # type: ignore[attr-defined]
                       help="encrypt a plain archive in place (crash-safe); the account "
                            "becomes its first custodian and a recovery key is shown once")
    p = sub.add_parser("acknowledge-loss",  # type: ignore[attr-defined]
                       help="a custodian confirms having checked a catalogue that lost "
                            "committed changes; researcher and public views open again")
    p.add_argument("--reason", required=True)
    p = sub.add_parser("export-bag", help="export items as a BagIt bag (RFC 8493)")  # type: ignore[attr-defined]
    p.add_argument("targets", nargs="+", metavar="ITEM... DEST",
                   help="accession numbers or ids, then the destination folder")
    p.add_argument("--all", action="store_true", help="every item")
    p.add_argument("--as", dest="audience", default="custodian",
                   choices=[a.value for a in Audience])
    p.add_argument("--to-recipient", default=None, metavar="FILE|age1...",
                   help="encrypt the bag to the receiving archive's key ('memoria bag-key' "
                        "there prints it): a lost stick yields nothing")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("import-bag", help="validate a BagIt bag and import its items")  # type: ignore[attr-defined]
    p.add_argument("bag", type=Path)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("bag-key", help="print this archive's key for encrypted field bags")  # type: ignore[attr-defined]
    p.add_argument("--write", type=Path, default=None, metavar="FILE",
                   help="also write it to FILE (to carry to the field laptops)")
    p = sub.add_parser("bag-receipt",  # type: ignore[attr-defined]
                       help="check the main archive's receipt for a bag this archive sent")
    p.add_argument("receipt", type=Path, help="the bag's folder or its receipt file")
    p.add_argument("--drop", action="store_true",
                   help="request the purge of the confirmed items from this laptop (carried "
                        "out after the waiting period or by a second custodian)")
    p.add_argument("--json", action="store_true")


def cmd_verify(args: argparse.Namespace, lang: str) -> int:
    from memoria.operations import trust as trust_ops
    from memoria.operations.actor import Actor
    from memoria.trust.fixity import save_report_file, verify_damaged

    def progress(done: int, total: int, name: str) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr)

    root = archive_path(args)
    try:
        with open_archive(args) as archive:
            report = trust_ops.verify(archive, Actor.of(archive, lang=lang),
                                      progress=progress).value
    except (ArchiveLocked, ArchiveNeedsUnlock):
        raise
    except (ArchiveError, OSError, sqlite3.Error) as exc:  # read what can be read, say it
        sentence = getattr(exc, "sentence", None)
        why = (sentence(lang) if sentence else
               describe(exc, lang, root / CATALOGUE) or str(exc))
        print(f"memoria: {why}", file=sys.stderr)  # then what could be read, below
        report = verify_damaged(root, why, progress)
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    if report.not_recorded:
        saved = save_report_file(root, report)
        report.not_recorded = (fault_text("saved_in", lang, why=report.not_recorded, path=saved)
                               if saved else
                               fault_text("saved_nowhere", lang, why=report.not_recorded))
    lines = [report.summary(lang)]
    for key, found in (("line_changed", report.changed), ("line_missing", report.missing),
                       ("line_unexpected", report.unexpected),
                       ("line_catalogue", report.integrity + report.foreign_keys + report.seal)):
        lines += [fault_text(key, lang, what=p) for p in found]
    if report.not_recorded:
        lines.append(fault_text("line_not_recorded", lang, what=report.not_recorded))
    emit(args, report.in_language(lang), "\n".join(lines))
    return 0 if report.ok else EXIT_PROBLEMS


def cmd_backup(args: argparse.Namespace, lang: str) -> int:
    from memoria.operations import trust as trust_ops
    from memoria.operations.actor import Actor

    # Read-only: a backup may run while the app has the archive open for writing.
    with open_archive(args, writable=False) as archive:
        report = trust_ops.back_up(archive, Actor.of(archive, lang=lang), args.dest,
                                   keep=args.keep).value
    text = fault_text("backup_done", lang, dest=report.dest, copied=report.media_copied,
                      mb=f"{report.bytes_copied / 1e6:.1f}", skipped=report.media_skipped)
    text += "".join("\n" + fault_text("problem", lang, what=p) for p in report.problems)
    if report.forgotten:
        from memoria.trust.backup_crypt import ForgetReport

        text += "\n  " + ForgetReport(forgotten=report.forgotten).sentence(lang)
    emit(args, report.to_dict(), text)
    return 0 if report.ok else EXIT_PROBLEMS


def cmd_restore(args: argparse.Namespace, lang: str) -> int:
    from memoria.operations import trust as trust_ops
    from memoria.trust import backup_crypt

    keys = None
    backup = Path(args.backup).expanduser().absolute()
    if backup_crypt.is_encrypted_backup(backup):
        from memoria.cli_common import RECOVERY_ENV, account_name, ask_secret

        gen = backup_crypt.generation_to_restore(backup, args.generation)
        recovery = os.environ.get(RECOVERY_ENV)
        account = account_name(args)
        passphrase = None
        if account and not recovery:
            passphrase = ask_secret(f"Frase de paso de «{account}»: " if lang == "es"
                                    else f"Passphrase for “{account}”: ")
        keys = backup_crypt.unlock_generation(gen, account, passphrase, recovery)
    report = trust_ops.restore(args.backup, args.dest, generation=args.generation, keys=keys,
                               lang=lang)
    text = fault_text("restore_done", lang, dest=report.dest, copied=report.media_copied)
    text += "".join("\n" + fault_text("problem", lang, what=p) for p in report.problems)
    emit(args, report.to_dict(), text)
    return 0 if report.ok else EXIT_PROBLEMS


def cmd_export_bag(args: argparse.Namespace, lang: str) -> int:
    from memoria.operations import trust as trust_ops
    from memoria.operations.actor import Actor

    *refs, dest = args.targets
    if bool(refs) == bool(args.all):
        from memoria.domain.messages import consent_line

        raise ValueError(consent_line("export_which", lang))
    with open_archive(args, writable=False) as archive:
        ids = (item_store.list_item_ids(archive) if args.all
               else [item_store.resolve_item(archive, r) for r in refs])
        made = trust_ops.export_bag(archive, Actor.of(archive, lang=lang), ids, Path(dest),
                                    Audience(args.audience), args.to_recipient).value
        if args.to_recipient:
            sealed_bag = made
            report = sealed_bag.report
            report.dest = sealed_bag.dest
        else:
            report = made
    if args.to_recipient:
        text = (f"Bolsa cifrada escrita en {report.dest}: {len(report.exported)} elementos, "
                f"validada; solo la abre el archivo de la llave {sealed_bag.recipient[:16]}…"
                if lang == "es" else
                f"Encrypted bag written to {report.dest}: {len(report.exported)} items, "
                f"validated; only the archive of key {sealed_bag.recipient[:16]}… opens it.")
    else:
        text = fault_text("bag_done", lang, dest=report.dest, n=len(report.exported))
        if Audience(args.audience) is Audience.CUSTODIAN:
            text += ("\n  aviso: esta bolsa lleva material de custodia (nombres reales, "
                     "consentimientos, originales) sin cifrar; con --to-recipient solo la abre "
                     "el archivo principal." if lang == "es" else
                     "\n  warning: this bag carries custodian material (real names, consents, "
                     "originals) unencrypted; with --to-recipient only the main archive opens it.")
    text += "".join("\n" + fault_text("bag_left_out", lang, acc=a, why=r)
                    for a, r in report.skipped)
    text += "".join("\n" + fault_text("note", lang, what=w) for w in report.warnings)
    emit(args, report.to_dict(), text)
    return 0 if report.ok else EXIT_PROBLEMS  # a damaged original was refused


def cmd_import_bag(args: argparse.Namespace, lang: str) -> int:
    from memoria.operations import trust as trust_ops
    from memoria.operations.actor import Actor

    with open_archive(args) as archive:
        report, receipt = trust_ops.import_bag(archive, Actor.of(archive, lang=lang),
                                               args.bag).value
    text = fault_text("bag_imported", lang, n=len(report.exported), bag=args.bag)
    if receipt is not None:
        text += (f"\n  recibo escrito en {receipt}: llévelo al portátil de campo "
                 "('memoria bag-receipt')" if lang == "es" else
                 f"\n  receipt written to {receipt}: take it to the field laptop "
                 "('memoria bag-receipt')")
    text += "".join(f"\n  + {a}  {f}" for f, a in report.files)
    text += "".join("\n" + fault_text("bag_not_imported", lang, acc=a, why=r)
                    for a, r in report.skipped)
    text += "".join("\n" + fault_text("note", lang, what=w) for w in report.warnings)
    emit(args, report.to_dict(), text)
    return 0


def cmd_encrypt(args: argparse.Namespace, lang: str) -> int:
    from memoria.cli_common import account_name, ask_new_secret, unlock_args
    from memoria.operations import accounts as account_ops

    root = archive_path(args)
    account = account_name(args)
    if not account:
        raise ValueError("Diga qué cuenta será la primera de custodia: --account NOMBRE."
                         if lang == "es" else
                         "Say which account becomes the first custodian: --account NAME.")
    plain_keys = unlock_args(args, root, writable=True, lang=lang)
    # The first custodian's passphrase of the encrypted archive (MEMORIA_PASSPHRASE in scripts).
    passphrase = ask_new_secret(lang, env="MEMORIA_PASSPHRASE")

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr)

    report = account_ops.encrypt(root, account, passphrase, progress=progress,
                                 plain_keys=plain_keys)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    from memoria.accounts_cli import print_recovery_key

    print_recovery_key(report.recovery_key, lang)
    print(report.sentence(lang))
    return 0


def cmd_acknowledge_loss(args: argparse.Namespace, lang: str) -> int:
    from memoria.operations import trust as trust_ops
    from memoria.operations.actor import Actor

    with open_archive(args) as archive:
        if not archive.held:
            print("Nada que reconocer: el catálogo no perdió cambios." if lang == "es"
                  else "Nothing to acknowledge: the catalogue lost no changes.")
            return 0
        trust_ops.acknowledge_loss(archive, Actor.of(archive, lang=lang), args.reason)
    print("Pérdida reconocida y registrada; las vistas de investigación y público se abren "
          "de nuevo." if lang == "es" else
          "Loss acknowledged and recorded; researcher and public views open again.")
    return 0


def cmd_bag_key(args: argparse.Namespace, lang: str) -> int:
    from memoria.trust.bag_seal import bag_recipient
    from memoria.trust.sealed import write_private

    with open_archive(args) as archive:
        recipient = bag_recipient(archive)
    if args.write:
        note = ("# La llave pública de este archivo para bolsas de campo cifradas\n"
                if lang == "es" else "# This archive's public key for encrypted field bags\n")
        write_private(Path(args.write).expanduser().absolute(),
                      (note + recipient + "\n").encode("utf-8"))
    print(recipient)
    return 0


def cmd_bag_receipt(args: argparse.Namespace, lang: str) -> int:
    from memoria.trust.bag_seal import read_receipt

    purge_id = None
    with open_archive(args) as archive:
        check = read_receipt(archive, args.receipt)
        accs = [a for _i, a in check.confirmed]
        if args.drop and accs:
            from memoria.operations import Actor
            from memoria.operations import purge as purge_ops

            actor = Actor.local(lang=lang)
            target = purge_ops.target_from(archive, ",".join(accs), lang=lang)
            purge_id = purge_ops.request(
                archive, actor, target,
                f"imported into the main archive (bag {check.bag_id}, receipt checked)",
                "transfer to the main archive").value
    data = {"bag_id": check.bag_id, "confirmed": accs, "not_imported": check.not_imported,
            "purge_request": purge_id}
    if lang == "es":
        text = (f"El archivo principal confirmó {len(accs)} elementos de la bolsa {check.bag_id}; "
                "su material de custodia ya puede retirarse de este portátil: " + ", ".join(accs))
        text += "".join(f"\n  no importado allá: {n}" for n in check.not_imported)
    else:
        text = (f"The main archive confirmed {len(accs)} items of bag {check.bag_id}; their "
                "custodian material may now be removed from this laptop: " + ", ".join(accs))
        text += "".join(f"\n  not imported there: {n}" for n in check.not_imported)
    if purge_id is not None:
        text += (f"\n  solicitud de supresión n.º {purge_id} registrada: se cumple tras el "
                 f"periodo de espera o con otra cuenta de custodia ('memoria purge --confirm "
                 f"{purge_id}')." if lang == "es" else
                 f"\n  purge request {purge_id} recorded: carried out after the waiting period "
                 f"or by another custodian account ('memoria purge --confirm {purge_id}').")
    emit(args, data, text)
    return 0 if not check.not_imported else EXIT_PROBLEMS


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "acknowledge-loss": cmd_acknowledge_loss,
    "verify": cmd_verify, "backup": cmd_backup, "restore": cmd_restore,
    "export-bag": cmd_export_bag, "import-bag": cmd_import_bag,
    "encrypt": cmd_encrypt, "bag-key": cmd_bag_key, "bag-receipt": cmd_bag_receipt,
}
