"""Field bags sealed to the main archive: a lost USB stick yields nothing.

The main archive publishes an age recipient (`memoria bag-key`); its
identity stays in the archive folder (`bag-key.json`), wrapped with the
archive key (`subkey("bags")`) in an encrypted archive. A field laptop
exports custodian material with `memoria export-bag ... --to-recipient`:
the bag is built as usual (BagIt, validated), then written as one tar
stream encrypted with age to that recipient, so the folder on the stick holds

    DEST/memoria-bag.age     the bag (tar of bag/ and seal.json), age-encrypted
    DEST/memoria-bag.json    what the file is: bag id, recipient, date; no content

`import-bag DEST` on the main archive decrypts it (only its identity can),
checks and imports the bag as any other, and writes
`DEST/memoria-bag-receipt.json`: the bag id, the accessions it confirmed,
and a token that only someone who decrypted the bag knows. The field laptop
runs `memoria bag-receipt DEST`: the token is checked against the hash it
kept when it exported (`bags-sent/<id>.json`), and the confirmed items are
listed as safe to drop from the laptop.

A plain archive assembles the bag in its own tmp/ folder (owner-only) and
removes it once sealed or imported. An encrypted archive assembles and unpacks
it in memory (a private folder on /dev/shm), so nothing decrypted reaches the
disk, even when the process is killed halfway (see _work_dir).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import secrets
import shutil
import tarfile
import tempfile
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from memoria.domain.consent import Audience
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.db import utc_now
from memoria.trust import sealed
from memoria.trust.bag import BagReport, export_bag, import_bag
from memoria.trust.clean_copies import _alive, safe_file_name
from memoria.trust.sealed import SealError

KEY_FILE = "bag-key.json"
SENT_DIR = "bags-sent"
SEALED = "memoria-bag.age"
LABEL = "memoria-bag.json"
RECEIPT = "memoria-bag-receipt.json"
PURPOSE = "bags"
_WORK = "tmp/bags"


# -- the main archive's key ------------------------------------------------------------
def _keys(archive: Archive) -> object | None:
    return getattr(archive, "keys", None)


def bag_recipient(archive: Archive) -> str:
    """The archive's age recipient for field bags; made (once) if it has none yet."""
    path = archive.root / KEY_FILE
    if path.is_file():
        return str(json.loads(path.read_text(encoding="utf-8"))["recipient"])
    identity = sealed.new_identity()
    recipient = str(identity.to_public())
    keys = _keys(archive)
    secret = str(identity).encode("ascii")
    record: dict = {"format": "memoria-bag-key", "recipient": recipient, "made_at": utc_now()}
    if keys is not None:
        record["identity"] = sealed.wrap(keys.subkey(PURPOSE), secret,  # type: ignore[attr-defined]
                                         f"bag-key:{recipient}")
    else:  # a plain archive: protected by the folder's permissions only (docs/security.md)
        record["identity_plain"] = secret.decode("ascii")
    sealed.write_private(path, (json.dumps(record, indent=2) + "\n").encode("utf-8"))
    return recipient


def _bag_identity(archive: Archive) -> sealed.x25519.Identity:
    path = archive.root / KEY_FILE
    if not path.is_file():
        raise SealError(
            "Este archivo no tiene llave de bolsas ('memoria bag-key' la crea); una bolsa "
            "cifrada para otro archivo no se puede abrir aquí.",
            "This archive has no bag key ('memoria bag-key' makes one); a bag encrypted "
            "for another archive cannot be opened here.")
    record = json.loads(path.read_text(encoding="utf-8"))
    if "identity_plain" in record:
        return sealed.identity_from(record["identity_plain"])
    keys = _keys(archive)
    if keys is None:
        raise SealError("La llave de bolsas está cifrada: abra el archivo con su cuenta.",
                        "The bag key is encrypted: open the archive with your account.")
    secret = sealed.unwrap(keys.subkey(PURPOSE), record["identity"],  # type: ignore[attr-defined]
                           f"bag-key:{record['recipient']}")
    return sealed.identity_from(secret)


def read_recipient(text: str) -> sealed.x25519.Recipient:
    """`age1...` itself, or a file holding it (the first line that is not a comment)."""
    value = text.strip()
    if not value.startswith("age1"):
        path = Path(value).expanduser()
        if not path.is_file():
            raise SealError(f"«{value}» no es un destinatario age ni un archivo que lo tenga.",
                            f"“{value}” is neither an age recipient nor a file holding one.")
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        value = next((ln for ln in lines if ln and not ln.startswith("#")), "")
    return sealed.recipient_from(value)


# -- work folders ------------------------------------------------------------------------
#: Where an encrypted archive assembles and unpacks a bag: memory (tmpfs), never the disk.
MEMORY_DIR = Path("/dev/shm")
_IN_MEMORY = re.compile(r"^memoria-bag-(\d+)-")


def _work_dir(archive: Archive) -> Path:
    """A private folder for one run; a dead run's folders go first.

    A plain archive uses its own tmp/. An encrypted one keeps the bag's plaintext in
    memory (a private folder on tmpfs, like the photographs and audio the window decodes),
    so a killed export or import leaves nothing readable on the disk; without such a
    filesystem it refuses rather than write the plaintext to the disk.
    """
    if not archive.encrypted:
        base = sealed.private_dir(archive.root / _WORK)
        for old in base.iterdir():
            match = re.match(r"^(\d+)-[0-9a-f]{32}$", old.name)
            if match and not _alive(int(match.group(1))):
                shutil.rmtree(old, ignore_errors=True)
        return sealed.private_dir(base / f"{os.getpid()}-{uuid.uuid4().hex}")
    if not (MEMORY_DIR.is_dir() and os.access(MEMORY_DIR, os.W_OK | os.X_OK)):
        raise SealError(
            "Este sistema no tiene una carpeta en memoria (/dev/shm) donde armar la bolsa sin "
            "escribirla descifrada en el disco; no se hizo nada.",
            "This system has no in-memory folder (/dev/shm) to assemble the bag in without "
            "writing it decrypted to the disk; nothing was done.")
    for old in MEMORY_DIR.iterdir():
        match = _IN_MEMORY.match(old.name)
        if match and old.owner() == _me() and not _alive(int(match.group(1))):
            shutil.rmtree(old, ignore_errors=True)
    # mkdtemp: a new name, created 0700 by us alone, in a folder every user may write to.
    return Path(tempfile.mkdtemp(prefix=f"memoria-bag-{os.getpid()}-", dir=MEMORY_DIR))


def _me() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def _pump_tar(folder: Path, seal_json: bytes, write_end: int, failure: list) -> None:
    try:
        with os.fdopen(write_end, "wb") as pipe, tarfile.open(fileobj=pipe, mode="w|") as tar:
            tar.add(folder, arcname="bag")
            info = tarfile.TarInfo("seal.json")
            info.size, info.mode = len(seal_json), 0o600
            tar.addfile(info, io.BytesIO(seal_json))
    except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
        failure.append(exc)


# -- export (field laptop) -----------------------------------------------------------------
@dataclass
class SealedBag:
    report: BagReport
    bag_id: str
    recipient: str
    dest: str
    warnings: list[str] = field(default_factory=list)


def export_sealed(archive: Archive, item_ids: list[int], dest: Path, recipient_text: str,
                  audience: Audience = Audience.CUSTODIAN, lang: str = "es") -> SealedBag:
    """Build the bag privately, then write it to `dest` encrypted to `recipient_text`."""
    recipient = read_recipient(recipient_text)
    dest = Path(dest).expanduser().absolute()
    if dest.exists() and any(dest.iterdir()):
        raise SealError(f"{dest} no está vacía; elija una carpeta nueva para la bolsa.",
                        f"{dest} is not empty; choose a new folder for the bag.")
    work = _work_dir(archive)
    bag_id = uuid.uuid4().hex
    token = secrets.token_hex(32)
    try:
        report = export_bag(archive, item_ids, work / "bag", audience, lang)
        seal_json = json.dumps({"bag_id": bag_id, "token": token}).encode("utf-8")
        sealed.private_dir(dest)
        read_end, write_end = os.pipe()
        failure: list[BaseException] = []
        pump = threading.Thread(target=_pump_tar,
                                args=(work / "bag", seal_json, write_end, failure))
        pump.start()
        try:
            with os.fdopen(read_end, "rb") as source:
                sealed.seal_stream(source, dest / SEALED, [recipient])
        finally:
            pump.join()
        if failure:
            (dest / SEALED).unlink(missing_ok=True)
            raise failure[0]
        label = {"format": "memoria-sealed-bag", "bag_id": bag_id, "recipient": str(recipient),
                 "made_at": utc_now(), "audience": audience.value,
                 "note": "age-encrypted BagIt bag; only the receiving archive opens it"}
        sealed.write_private(dest / LABEL, (json.dumps(label, indent=2) + "\n").encode())
        folders = {}
        for item_id in report.item_ids:
            acc = item_store.get_item(archive, item_id).accession
            folders[safe_file_name(acc, set())] = [item_id, acc]
        sent = {"bag_id": bag_id, "token_sha256": hashlib.sha256(token.encode()).hexdigest(),
                "recipient": str(recipient), "dest": str(dest), "made_at": utc_now(),
                "folders": folders}
        sealed.private_dir(archive.root / SENT_DIR)
        sealed.write_private(archive.root / SENT_DIR / f"{bag_id}.json",
                             (json.dumps(sent, indent=2) + "\n").encode("utf-8"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return SealedBag(report, bag_id, str(recipient), str(dest))


# -- import (main archive) ------------------------------------------------------------------
def is_sealed(path: Path) -> bool:
    path = Path(path)
    return (path / SEALED).is_file() or (path.is_file() and path.name.endswith(".age"))


def _extract(sealed_file: Path, identity: sealed.x25519.Identity, into: Path) -> None:
    read_end, write_end = os.pipe()
    failure: list[BaseException] = []

    def decrypt() -> None:
        try:
            with os.fdopen(write_end, "wb") as pipe:
                sealed.unseal_to(sealed_file, pipe, [identity], sealed_file.name)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=decrypt)
    worker.start()
    try:
        with os.fdopen(read_end, "rb") as pipe, tarfile.open(fileobj=pipe, mode="r|") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError) as exc:
        worker.join()
        if failure:
            raise failure[0] from None
        raise SealError(f"{sealed_file} no contiene una bolsa legible ({exc}).",
                        f"{sealed_file} does not hold a readable bag ({exc}).") from None
    worker.join()
    if failure:
        raise failure[0]


def import_sealed(archive: Archive, path: Path, lang: str = "es",
                  probe_fn: object = None) -> tuple[BagReport, Path]:
    """Decrypt, import, then write the receipt beside the sealed bag; (report, receipt)."""
    path = Path(path).expanduser().absolute()
    folder = path if path.is_dir() else path.parent
    sealed_file = path / SEALED if path.is_dir() else path
    label_path = folder / LABEL
    label = json.loads(label_path.read_text(encoding="utf-8")) if label_path.is_file() else {}
    identity = _bag_identity(archive)
    mine = str(identity.to_public())
    if label.get("recipient") and label["recipient"] != mine:
        raise SealError(
            f"La bolsa de {folder} fue cifrada para otro archivo ({label['recipient'][:16]}…, "
            f"y este es {mine[:16]}…); no se puede abrir aquí. No se importó nada.",
            f"The bag in {folder} was encrypted for another archive ({label['recipient'][:16]}…; "
            f"this one is {mine[:16]}…); it cannot be opened here. Nothing was imported.")
    work = _work_dir(archive)
    try:
        _extract(sealed_file, identity, work)
        seal = json.loads((work / "seal.json").read_text(encoding="utf-8"))
        report = import_bag(archive, work / "bag", lang, probe_fn)  # type: ignore[arg-type]
        report.dest = str(folder)
        failed = {name for name, why in report.skipped
                  if not why.startswith("already in the archive")}
        data = work / "bag" / "data"
        confirmed = sorted(p.name for p in data.iterdir() if p.is_dir() and p.name not in failed)
        receipt = {"format": "memoria-bag-receipt", "bag_id": seal["bag_id"],
                   "token": seal["token"], "confirmed": confirmed,
                   "not_imported": sorted(failed), "at": utc_now(),
                   "archive": archive.setting("institution", "") or ""}
        sealed.write_private(folder / RECEIPT, (json.dumps(receipt, indent=2) + "\n").encode())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report, folder / RECEIPT


# -- the receipt (field laptop) ---------------------------------------------------------------
@dataclass
class ReceiptCheck:
    bag_id: str
    confirmed: list[tuple[int, str]]  # (item id, accession) safe to drop here
    not_imported: list[str]


def read_receipt(archive: Archive, path: Path) -> ReceiptCheck:
    """Check a receipt against what this archive sent; the items it may now drop."""
    path = Path(path).expanduser().absolute()
    receipt_file = path / RECEIPT if path.is_dir() else path
    try:
        receipt = json.loads(receipt_file.read_text(encoding="utf-8"))
        bag_id = str(receipt["bag_id"])
        token = str(receipt["token"])
    except (OSError, ValueError, KeyError):
        raise SealError(f"{receipt_file} no es un recibo de bolsa de Memoria.",
                        f"{receipt_file} is not a Memoria bag receipt.") from None
    sent_file = archive.root / SENT_DIR / f"{re.sub(r'[^0-9a-f]', '', bag_id)}.json"
    if not sent_file.is_file():
        raise SealError(f"Este archivo no envió la bolsa {bag_id}; el recibo no es para él.",
                        f"This archive did not send bag {bag_id}; the receipt is not for it.")
    sent = json.loads(sent_file.read_text(encoding="utf-8"))
    if not secrets.compare_digest(hashlib.sha256(token.encode()).hexdigest(),
                                  sent["token_sha256"]):
        raise SealError(
            f"El recibo {receipt_file} no prueba que el archivo principal abrió la bolsa "
            "(su comprobante no cuadra); no se suelta nada.",
            f"The receipt {receipt_file} does not prove the main archive opened the bag "
            "(its token does not match); nothing is released.")
    folders = sent.get("folders", {})
    confirmed = [(int(folders[n][0]), str(folders[n][1]))
                 for n in receipt.get("confirmed", []) if n in folders]
    sent["receipt"] = {"at": utc_now(), "confirmed": [a for _i, a in confirmed]}
    sealed.write_private(sent_file, (json.dumps(sent, indent=2) + "\n").encode("utf-8"))
    return ReceiptCheck(bag_id, confirmed, list(receipt.get("not_imported", [])))
