"""Whole files sealed with age, small secrets wrapped with AES-256-GCM.

Two published constructions from maintained libraries, nothing of our own:

- a whole file (a backup's catalogue copy, an original in a backup, a field
  bag) is encrypted with the age format (`pyrage`) to an X25519 recipient;
  only the matching identity (a secret string) opens it;
- a small secret (such an identity) kept beside what it protects is wrapped
  with AES-256-GCM (`cryptography`) under a key derived from the archive key
  (`ArchiveKeys.subkey(purpose)`), a random 96-bit nonce, and the secret's
  context (what it is for) as associated data, so a wrapped key moved onto
  another purpose or generation does not unwrap.

Destroying a wrapped identity (`shred`) makes everything sealed to it
unreadable for whoever holds the archive key: that is how an old backup
generation is forgotten. Unlinking does not erase flash storage; the
sentences that announce it say so.
"""

from __future__ import annotations

import base64
import os
import secrets
import stat
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pyrage import x25519

from memoria import faults
from memoria.storage.archive import ArchiveError
from memoria.storage.durable import fsync_dir as _fsync_dir

OWNER_FILE = stat.S_IRUSR | stat.S_IWUSR
OWNER_DIR = stat.S_IRWXU


class SealError(ArchiveError):
    """A sealed file or a wrapped key cannot be opened; `sentence(lang)` says why."""

    def __init__(self, es: str, en: str) -> None:
        self.es, self.en = es, en
        super().__init__(en)

    def sentence(self, lang: str) -> str:
        return self.en if lang == "en" else self.es


def new_identity() -> x25519.Identity:
    return x25519.Identity.generate()


def identity_from(secret: str | bytes) -> x25519.Identity:
    text = secret.decode("ascii") if isinstance(secret, bytes) else secret
    return x25519.Identity.from_str(text.strip())


def recipient_from(text: str) -> x25519.Recipient:
    """An age recipient ('age1...'), or a SealError saying it is not one."""
    try:
        return x25519.Recipient.from_str(text.strip())
    except (pyrage.RecipientError, ValueError):
        shown = text.strip()[:24]
        raise SealError(
            f"«{shown}» no es un destinatario age (empieza por «age1»): pida al archivo "
            "principal el resultado de 'memoria bag-key'.",
            f"“{shown}” is not an age recipient (it starts with “age1”): ask the main "
            "archive for the output of 'memoria bag-key'.") from None


def wrap(key: bytes, secret: bytes, context: str) -> dict[str, str]:
    """AES-256-GCM of `secret` under `key`, bound to `context` (associated data)."""
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, secret, context.encode("utf-8"))
    return {"alg": "AES-256-GCM", "context": context,
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "sealed": base64.b64encode(sealed).decode("ascii")}


def unwrap(key: bytes, box: dict, context: str) -> bytes:
    """The secret `wrap` sealed; SealError if the key, context or bytes are wrong."""
    try:
        nonce = base64.b64decode(box["nonce"])
        sealed = base64.b64decode(box["sealed"])
        return AESGCM(key).decrypt(nonce, sealed, context.encode("utf-8"))
    except (KeyError, TypeError, ValueError, InvalidTag):
        raise SealError(
            f"La llave guardada para «{context}» no se abre con la llave de este archivo "
            "(otro archivo, o la llave fue dañada o destruida).",
            f"The key stored for “{context}” does not open with this archive's key "
            "(another archive, or the key was damaged or destroyed).") from None


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=OWNER_DIR)
    os.chmod(path, OWNER_DIR)
    return path


def write_private(path: Path, data: bytes) -> None:
    """Owner-only, via a fsynced `.part` sibling and one rename: whole or absent."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    try:
        with faults.naming(tmp):
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_FILE)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def seal_stream(src: BinaryIO, dest: Path, recipients: Iterable[x25519.Recipient]) -> int:
    """Encrypt what `src` yields to `dest` (age), via a `.part` sibling; its size."""
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.part")
    try:
        with faults.naming(tmp):
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_FILE)
            with os.fdopen(fd, "wb") as out:
                pyrage.encrypt_io(src, out, list(recipients))
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest.stat().st_size


def seal_file(src: Path, dest: Path, recipients: Iterable[x25519.Recipient]) -> int:
    with open(src, "rb") as handle:
        return seal_stream(handle, dest, recipients)


def unseal_to(src: Path, out: BinaryIO, identities: Iterable[x25519.Identity],
              what: str = "") -> None:
    """Decrypt the age file `src` into `out`; SealError if no identity opens it."""
    with open(src, "rb") as handle:
        try:
            pyrage.decrypt_io(handle, out, list(identities))
        except pyrage.DecryptError as exc:
            name = what or src.name
            if "No matching keys" in str(exc):
                raise SealError(f"{name} está cifrado para otra llave; no se puede abrir aquí.",
                                f"{name} is encrypted to another key; it cannot be opened "
                                "here.") from None
            raise SealError(f"{name} está dañado (el cifrado no cuadra); no se usó.",
                            f"{name} is damaged (its encryption does not check); it was "
                            "not used.") from None


def unseal_bytes(src: Path, identities: Iterable[x25519.Identity], what: str = "") -> bytes:
    import io

    out = io.BytesIO()
    unseal_to(src, out, identities, what)
    return out.getvalue()


def unseal_file(src: Path, dest: Path, identities: Iterable[x25519.Identity],
                what: str = "") -> None:
    """Decrypt `src` into `dest` (owner-only, `.part` then rename)."""
    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.part")
    try:
        with faults.naming(tmp):
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_FILE)
            with os.fdopen(fd, "wb") as out:
                unseal_to(src, out, identities, what)
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def shred(path: Path) -> None:
    """Overwrite a small secret file with random bytes, fsync, then unlink it.

    On a hard disk this removes the secret; flash storage (SSD, USB sticks, SD
    cards) may keep the old blocks, which only the drive's own erase reaches.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    try:
        with open(path, "r+b") as handle:
            handle.write(secrets.token_bytes(max(size, 64)))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass  # read-only or vanished: unlinking is all that is left
    path.unlink(missing_ok=True)
    _fsync_dir(path.parent)
