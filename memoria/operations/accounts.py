"""Account changes, each written to keys.json and to the audit log under the account
that made it: the command line and the window call these, never memoria.crypto.accounts
directly, so no path changes who may open the archive without leaving a trace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from memoria.crypto import accounts
from memoria.crypto import keys as keyslots
from memoria.crypto.keys import CUSTODIAN, ArchiveKeys, KdfCost
from memoria.storage.archive import Archive
from memoria.storage.db import transaction


def _audit(root: Path, keys: ArchiveKeys, action: str, details: dict) -> None:
    """Record an account change in the audit log, under the account that made it."""
    with Archive.open(root, writable=True, keys=keys) as archive:
        if not keys.account:
            archive.actor = "recovery"
        with transaction(archive.conn):
            archive.audit("account", None, action, details)


def first_account(root: Path, account: str, passphrase: str,
                  kdf: KdfCost = KdfCost.DEFAULT) -> ArchiveKeys:
    """A plain archive's first account (a custodian): from now on changes need one."""
    keys = keyslots.new_plain(root, account, passphrase, kdf)
    _audit(root, keys, "add", {"account": account, "role": CUSTODIAN})
    return keys


def add(root: Path, by: ArchiveKeys, account: str, role: str, passphrase: str,
        kdf: KdfCost = KdfCost.DEFAULT) -> None:
    accounts.add_account(root, by, account, role, passphrase, kdf)
    _audit(root, by, "add", {"account": account, "role": role})


def remove(root: Path, by: ArchiveKeys, account: str) -> None:
    accounts.remove_account(root, by, account)
    _audit(root, by, "remove", {"account": account})


def reset(root: Path, by: ArchiveKeys, account: str, new: str,
          kdf: KdfCost = KdfCost.DEFAULT) -> None:
    accounts.reset_passphrase(root, by, account, new, kdf)
    _audit(root, by, "reset", {"account": account})


def set_own(root: Path, keys: ArchiveKeys, new: str, kdf: KdfCost = KdfCost.DEFAULT) -> None:
    accounts.set_own_passphrase(root, keys, new, kdf)
    _audit(root, keys, "passwd", {"account": keys.account})


def change_own(root: Path, account: str, old: str, new: str,
               kdf: KdfCost = KdfCost.DEFAULT) -> ArchiveKeys:
    """One's own passphrase, proved by the old one (WrongPassphrase otherwise)."""
    keys = accounts.change_passphrase(root, account, old, new, kdf)
    _audit(root, keys, "passwd", {"account": account})
    return keys


def recover(root: Path, keys: ArchiveKeys, account: str, new: str,
            kdf: KdfCost = KdfCost.DEFAULT) -> bool:
    """The recovery key sets `account`'s passphrase (a new custodian if it does not
    exist). Returns True when the account was added."""
    data = keyslots.read_slots(root) or {}
    added = keyslots.find_slot(data, account) is None
    if added:
        accounts.add_account(root, keys, account, CUSTODIAN, new, kdf)
    else:
        accounts.reset_passphrase(root, keys, account, new, kdf)
    _audit(root, keys, "recovery", {"account": account, "added": added})
    return added


def encrypt(root: Path, account: str, passphrase: str, *,
            progress: Callable[[int, int], None] | None = None,
            plain_keys: ArchiveKeys | None = None) -> Any:
    """`memoria encrypt`: a plain archive encrypted in place, `account` its first
    custodian (memoria.trust.encrypt; resumable). Returns its report."""
    from memoria.trust.encrypt import encrypt_archive

    return encrypt_archive(root, account, passphrase, progress=progress,
                           plain_keys=plain_keys)


def rotate(root: Path, account: str, passphrase: str,
           step: Callable[[str], None] | None = None) -> Any:
    """`memoria rotate-key`: the old key from `passphrase`, then the whole rotation
    (memoria.storage.rotation; `step` hears each step). Returns its result."""
    from memoria.storage import rotation

    old = keyslots.unlock(root, account, passphrase)
    try:
        return rotation.rotate(root, old, passphrase, hook=step)
    finally:
        old.forget()


def rotate_key(root: Path, account: str, passphrase: str,
               step: Callable[[str], None] | None = None) -> tuple[Any, ArchiveKeys]:
    """The window's key rotation: `rotate`, and the new key unlocked."""
    result = rotate(root, account, passphrase, step)
    return result, keyslots.unlock(root, account, passphrase)


def begin_rotation(root: Path, account: str, passphrase: str,
                   step: Callable[[str], None] | None = None) -> ArchiveKeys:
    """The window's key rotation, first part (the archive closed): the record, the
    catalogue and its copies under the new key. Returns the old key, which opens the
    archive again meanwhile (its files move in `finish_rotation`, in the background)."""
    from memoria.storage import rotation

    old = keyslots.unlock(root, account, passphrase)
    try:
        rotation.begin(root, old, passphrase, hook=step)
    except BaseException:
        old.forget()
        raise
    return old


def finish_rotation(root: Path, keys: ArchiveKeys, step: Callable[[str], None] | None = None,
                    cancelled: Callable[[], bool] | None = None,
                    ) -> tuple[Any, ArchiveKeys] | None:
    """The rest, while the window works: every file moved under the new key, then
    keys.json replaced. `keys`: the old key the window holds. Returns the rotation's
    result and the new key, for the window to hold from now on; None when asked to
    stop between two files (running it again continues)."""
    from memoria.storage import rotation

    data = keyslots.read_slots(root) or {}
    new = keyslots.rotation_key(keys, data.get("rotation") or {})
    held = ArchiveKeys(new._master_bytes(), keys.account, keys.role)
    try:
        result = rotation.finish(root, keys, hook=step, cancelled=cancelled)
    except rotation.Cancelled:
        held.forget()
        return None  # stopped between two files: running it again continues
    except BaseException:
        held.forget()
        raise
    finally:
        if new is not keys:
            new.forget()
    return result, held


def rotation_files_pending(root: Path) -> bool:
    """A rotation whose files are still being moved (the window goes on with it)."""
    from memoria.storage import rotation

    return rotation.files_pending(root)
