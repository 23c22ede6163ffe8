"""The archive key and the key slots that unlock it (no Qt).

An encrypted archive has one random 256-bit master key. Nothing is encrypted
with it directly: every use takes its own subkey, HKDF-SHA256(master,
info=b"memoria/" + purpose) (RFC 5869), so the catalogue's SQLCipher key, the
file-name HMAC key, the file keys and the index keys are independent.

The master key is stored only wrapped, in `ROOT/keys.json` (owner-only, written
atomically), once per account and once for the recovery key, like LUKS key
slots:

    account slot   wrapping key = Argon2id(passphrase, salt, cost)  (RFC 9106)
                   wrapped = AES-256-GCM(wrapping key, nonce, master,
                             associated data = "memoria-keys/1" NUL account NUL role)
    recovery slot  wrapping key = HKDF-SHA256(recovery key, salt,
                                  info="memoria/recovery-slot")
                   wrapped = AES-256-GCM(..., associated data = "memoria-keys/1" NUL "recovery")

The account name and role are the associated data: editing keys.json to make a
curator a custodian makes that slot fail to unlock. The recovery key is 256
random bits, so it needs no Argon2id. Changing a passphrase rewraps one slot;
the master key, and so every encrypted byte, stays as it is.

A plain archive (no encryption) may still have accounts: the same file holds
for each an Argon2id verifier (a PHC string from argon2.PasswordHasher) and no
wrapped key. That protects against mistakes, not against someone with the
folder (docs/security.md). No keys.json: a plain archive without accounts.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEYS_FILE = "keys.json"
# The archive's marker (storage/archive.py's MARKER) keeps a copy of the recovery slot, so
# the recovery key still opens an archive (or a backup of it) whose keys.json was lost.
MARKER_FILE = "memoria-archive.json"
FORMAT = "memoria-keys"
VERSION = 1
CUSTODIAN = "custodian"
CURATOR = "curator"
ROLES = (CUSTODIAN, CURATOR)
_AD_PREFIX = b"memoria-keys/1"


@dataclass(frozen=True)
class KdfCost:
    """Argon2id's cost: time (passes), memory (KiB), parallelism (lanes)."""

    time_cost: int
    memory_cost: int
    parallelism: int

    # Tuned on the development machine (2 cores, shared): 128 MiB and 4 passes take
    # about 0.5 s per unlock (measured 0.48-0.56 s; bench: python -m memoria.crypto.keys).
    # Each wrong guess costs an attacker the same time and memory.
    DEFAULT: ClassVar[KdfCost]
    # Tests pass this explicitly (never through the environment): cheap, same code path.
    FOR_TESTS: ClassVar[KdfCost]

    def as_dict(self) -> dict[str, int]:
        return {"time_cost": self.time_cost, "memory_cost": self.memory_cost,
                "parallelism": self.parallelism}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfCost:
        return cls(int(data["time_cost"]), int(data["memory_cost"]), int(data["parallelism"]))


KdfCost.DEFAULT = KdfCost(time_cost=3, memory_cost=128 * 1024, parallelism=1)
KdfCost.FOR_TESTS = KdfCost(time_cost=1, memory_cost=8, parallelism=1)


# -- sentences -----------------------------------------------------------------------
class KeysError(Exception):
    """A key slot refused or cannot be used; `sentence(lang)` says it in es/en."""

    es = "No se pudo usar la clave del archivo."
    en = "The archive's key could not be used."

    def __init__(self, **fields: str) -> None:
        self.fields = fields
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        return (self.es if lang == "es" else self.en).format(**self.fields)


class WrongPassphrase(KeysError):
    es = ("La cuenta «{account}» o su frase de paso no son correctas; el archivo sigue "
          "cerrado. Revise las dos e intente de nuevo.")
    en = ("The account “{account}” or its passphrase is not right; the archive stays "
          "locked. Check both and try again.")


class WrongRecoveryKey(KeysError):
    es = ("La clave de recuperación no abre este archivo; revísela grupo por grupo "
          "(solo letras A-Z y cifras 2-7).")
    en = ("The recovery key does not open this archive; check it group by group "
          "(only letters A-Z and digits 2-7).")


class KeysFileDamaged(KeysError):
    es = ("{path} no se puede leer ({cause}); sin él no se puede abrir el archivo. "
          "Restáurelo desde una copia de seguridad.")
    en = ("{path} cannot be read ({cause}); the archive cannot be opened without it. "
          "Restore it from a backup.")


class AccountError(KeysError):
    """An account change that cannot be made; the text is given whole."""

    def __init__(self, es: str, en: str) -> None:
        self.es, self.en = es, en
        super().__init__()


# -- the key in memory ---------------------------------------------------------------
class ArchiveKeys:
    """What unlocking gives: who unlocked (account, role) and the master key.

    The master key lives in one bytearray; `forget()` overwrites it with zeros
    (Python may have copied it while unwrapping; this keeps the long-lived copy
    from outliving the session). A plain archive's keys carry the account and
    no master key (`encrypted` False).
    """

    def __init__(self, master: bytes | bytearray | None, account: str = "",
                 role: str = CUSTODIAN) -> None:
        self._master: bytearray | None = bytearray(master) if master is not None else None
        self.account = account
        self.role = role

    @property
    def encrypted(self) -> bool:
        return self._master is not None

    @property
    def forgotten(self) -> bool:
        return self._master is not None and not any(self._master)

    def subkey(self, purpose: str) -> bytes:
        """32 bytes for one purpose: HKDF-SHA256(master, info=b"memoria/" + purpose)."""
        if self._master is None:
            raise ValueError("a plain archive has no archive key")
        if self.forgotten:
            raise ValueError("the archive key was forgotten (the archive is locked)")
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"memoria/" + purpose.encode()).derive(bytes(self._master))

    def forget(self) -> None:
        if self._master is not None:
            for i in range(len(self._master)):
                self._master[i] = 0

    def with_account(self, account: str, role: str) -> ArchiveKeys:
        """The same master key, held by another account (for tests and rewrapping)."""
        return ArchiveKeys(self._master, account, role)

    def _master_bytes(self) -> bytes:
        if self._master is None or self.forgotten:
            raise ValueError("no archive key in memory")
        return bytes(self._master)

    def __repr__(self) -> str:  # never the key
        return f"ArchiveKeys(account={self.account!r}, role={self.role!r})"


ROTATION_AD = b"memoria-rotation/1"


def rotation_key(keys: ArchiveKeys, record: dict) -> ArchiveKeys:
    """The new master key N of a rotation under way, unwrapped from its record in
    keys.json with the old key O (storage/rotation.py writes it). Keys that are N
    already (their public id is not the record's "from") are returned as they are."""
    import base64

    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    old_id = keys.subkey("key-id")[:8].hex()
    if record.get("from") and record["from"] != old_id:
        return keys
    try:
        master = AESGCM(keys.subkey("rotation")).decrypt(
            base64.b64decode(record["nonce"]), base64.b64decode(record["wrapped"]),
            ROTATION_AD)
    except (InvalidTag, KeyError, ValueError) as exc:
        raise AccountError("El registro de la rotación de llave en keys.json está dañado.",
                           "The key rotation record in keys.json is damaged.") from exc
    return ArchiveKeys(master, keys.account, keys.role)


# -- keys.json -----------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def keys_path(root: Path) -> Path:
    return Path(root) / KEYS_FILE


def has_keys(root: Path) -> bool:
    return keys_path(root).exists()


def read_slots(root: Path) -> dict[str, Any] | None:
    """keys.json as data; None when the archive has none (plain, no accounts)."""
    path = keys_path(root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT or not isinstance(data.get("slots"), list):
            raise ValueError("not a Memoria key file")
    except (ValueError, AttributeError) as exc:
        raise KeysFileDamaged(path=str(path), cause=str(exc)[:80]) from exc
    if int(data.get("version", 0)) > VERSION:
        raise KeysFileDamaged(path=str(path), cause="written by a newer Memoria")
    return data


def is_encrypted(root: Path) -> bool:
    data = read_slots(root)
    return bool(data and data.get("encrypted"))


def write_slots(root: Path, data: dict[str, Any]) -> None:
    """Replace keys.json atomically: a temporary file (0600), fsync, rename, fsync the folder.

    A kill at any moment leaves the old file or the new one, never a mix.
    """
    path = keys_path(root)
    tmp = path.with_name(f".{KEYS_FILE}.tmp")
    payload = (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # the umask may have widened nothing, but be sure
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    if os.name == "posix":
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _ad(account: str, role: str) -> bytes:
    return b"\0".join((_AD_PREFIX, account.encode("utf-8"), role.encode("utf-8")))


_RECOVERY_AD = b"\0".join((_AD_PREFIX, b"recovery"))


def _argon2(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=cost.time_cost,
                           memory_cost=cost.memory_cost, parallelism=cost.parallelism,
                           hash_len=32, type=Type.ID)


def _hasher(cost: KdfCost) -> PasswordHasher:
    return PasswordHasher(time_cost=cost.time_cost, memory_cost=cost.memory_cost,
                          parallelism=cost.parallelism, hash_len=32, salt_len=16,
                          type=Type.ID)


def make_slot(account: str, role: str, passphrase: str, master: bytes | None,
              cost: KdfCost) -> dict[str, Any]:
    """One account's slot: the wrapped master key, or (plain archive) a verifier."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if master is None:
        return {"account": account, "role": role,
                "verifier": _hasher(cost).hash(passphrase)}
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapping = _argon2(passphrase, salt, cost)
    wrapped = AESGCM(wrapping).encrypt(nonce, master, _ad(account, role))
    return {"account": account, "role": role,
            "kdf": {"type": "argon2id", "salt": _b64(salt), **cost.as_dict()},
            "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def find_slot(data: dict[str, Any], account: str) -> dict[str, Any] | None:
    for slot in data["slots"]:
        if slot.get("account") == account:
            return slot
    return None


def _open_slot(slot: dict[str, Any], passphrase: str) -> bytes | None:
    """The master key from an encrypted slot, or None if the passphrase does not open it."""
    kdf = slot["kdf"]
    wrapping = _argon2(passphrase, _unb64(kdf["salt"]), KdfCost.from_dict(kdf))
    try:
        return AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                        _ad(slot["account"], slot["role"]))
    except InvalidTag:
        return None


def _check_verifier(slot: dict[str, Any], passphrase: str) -> bool:
    try:
        return PasswordHasher().verify(slot["verifier"], passphrase)
    except (VerificationError, InvalidHashError):
        return False


# Used when the account does not exist, so that a wrong name costs the same time as a
# wrong passphrase (the answer does not tell which one was wrong).
def _waste(data: dict[str, Any], passphrase: str) -> None:
    cost = KdfCost.DEFAULT
    for slot in data["slots"]:
        if "kdf" in slot:
            cost = KdfCost.from_dict(slot["kdf"])
            break
    _argon2(passphrase, b"\0" * 16, cost)


def unlock(root: Path, account: str, passphrase: str) -> ArchiveKeys:
    """The keys for `account`, or WrongPassphrase after Argon2id's cost.

    For a plain archive with accounts, the answer carries the account and role
    and no master key.
    """
    data = read_slots(root)
    if data is None:
        raise AccountError(
            f"{root} no tiene cuentas; se abre sin frase de paso.",
            f"{root} has no accounts; it opens without a passphrase.")
    slot = find_slot(data, account)
    if slot is None:
        _waste(data, passphrase)
        raise WrongPassphrase(account=account)
    if data.get("encrypted"):
        master = _open_slot(slot, passphrase)
        if master is None:
            raise WrongPassphrase(account=account)
        return ArchiveKeys(master, slot["account"], slot["role"])
    if not _check_verifier(slot, passphrase):
        raise WrongPassphrase(account=account)
    return ArchiveKeys(None, slot["account"], slot["role"])


# -- the recovery key ------------------------------------------------------------------
def format_recovery_key(raw: bytes) -> str:
    """32 bytes as 13 groups of four base32 characters (A-Z, 2-7), easy to copy by hand."""
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != 52:
        return None
    try:
        raw = base64.b32decode(cleaned + "====")
    except ValueError:
        return None
    return raw if len(raw) == 32 else None


def _recovery_wrapping(raw: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=b"memoria/recovery-slot").derive(raw)


def make_recovery_slot(master: bytes) -> tuple[dict[str, Any], str]:
    """(the slot, the recovery key as shown once to the person)."""
    raw = secrets.token_bytes(32)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(_recovery_wrapping(raw, salt)).encrypt(nonce, master, _RECOVERY_AD)
    return ({"salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)},
            format_recovery_key(raw))


def unlock_with_recovery(root: Path, recovery_key: str) -> ArchiveKeys:
    """The archive's keys from its recovery key (as a custodian without an account name).

    Used to set a new passphrase when every passphrase is lost.
    """
    slot = recovery_slot(root)
    raw = parse_recovery_key(recovery_key)
    if not slot or raw is None:
        raise WrongRecoveryKey()
    try:
        master = AESGCM(_recovery_wrapping(raw, _unb64(slot["salt"]))).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["wrapped"]), _RECOVERY_AD)
    except InvalidTag as exc:
        raise WrongRecoveryKey() from exc
    return ArchiveKeys(master, "", CUSTODIAN)


def marker_recovery_slot(root: Path) -> dict[str, Any] | None:
    """The copy of the recovery slot in the archive's marker file, if any."""
    try:
        marker = json.loads((Path(root) / MARKER_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    slot = marker.get("recovery") if isinstance(marker, dict) else None
    return slot if isinstance(slot, dict) else None


def recovery_slot(root: Path) -> dict[str, Any] | None:
    """The recovery slot: keys.json's, else the marker's copy (keys.json lost)."""
    try:
        data = read_slots(root)
    except KeysFileDamaged:
        data = None
    return (data or {}).get("recovery") or marker_recovery_slot(root)


def rebuild_from_marker(root: Path) -> None:
    """keys.json lost: a new one with no accounts and the marker's recovery slot, so
    that the recovery key can give an account a passphrase again."""
    slot = marker_recovery_slot(root)
    if slot is None:
        raise WrongRecoveryKey()
    write_slots(root, {"format": FORMAT, "version": VERSION, "encrypted": True,
                       "slots": [], "recovery": slot})


# -- creating the file ----------------------------------------------------------------
def new_encrypted(root: Path, account: str, passphrase: str,
                  kdf: KdfCost = KdfCost.DEFAULT) -> tuple[ArchiveKeys, str]:
    """keys.json for a new encrypted archive with its first custodian.

    Answers the unlocked keys and the recovery key (to show once).
    """
    check_account_name(account)
    master = secrets.token_bytes(32)
    recovery, recovery_key = make_recovery_slot(master)
    write_slots(root, {"format": FORMAT, "version": VERSION, "encrypted": True,
                       "slots": [make_slot(account, CUSTODIAN, passphrase, master, kdf)],
                       "recovery": recovery})
    return ArchiveKeys(master, account, CUSTODIAN), recovery_key


def new_plain(root: Path, account: str, passphrase: str,
              kdf: KdfCost = KdfCost.DEFAULT) -> ArchiveKeys:
    """keys.json for a plain archive's first (custodian) account: verifiers only."""
    check_account_name(account)
    write_slots(root, {"format": FORMAT, "version": VERSION, "encrypted": False,
                       "slots": [make_slot(account, CUSTODIAN, passphrase, None, kdf)]})
    return ArchiveKeys(None, account, CUSTODIAN)


def check_account_name(account: str) -> None:
    if not account.strip() or len(account) > 64 or any(ord(c) < 32 for c in account):
        raise AccountError(
            "El nombre de la cuenta no puede estar vacío, pasar de 64 caracteres ni "
            "tener caracteres de control.",
            "An account name cannot be empty, longer than 64 characters or hold "
            "control characters.")


def _measure() -> None:  # python -m memoria.crypto.keys: what one unlock costs here
    import time

    times = []
    for _ in range(5):
        start = time.perf_counter()
        _argon2("a passphrase", secrets.token_bytes(16), KdfCost.DEFAULT)
        times.append(time.perf_counter() - start)
    print(f"Argon2id {KdfCost.DEFAULT}: " + ", ".join(f"{t:.3f} s" for t in times))


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        _measure()
