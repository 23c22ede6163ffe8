"""Accounts of an archive: add, remove, list, change or reset a passphrase (no Qt).

Every change rewrites `keys.json` whole and atomically (keys.write_slots); none
touches the catalogue or any encrypted file: an account is only a slot that
wraps the same archive key. Adding, removing and resetting need a custodian's
unlocked keys; changing one's own passphrase needs the old one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from memoria.crypto.keys import (
    CUSTODIAN,
    ROLES,
    AccountError,
    ArchiveKeys,
    KdfCost,
    check_account_name,
    find_slot,
    make_slot,
    read_slots,
    unlock,
    write_slots,
)


@dataclass(frozen=True)
class Account:
    name: str
    role: str


def list_accounts(root: Path) -> list[Account]:
    data = read_slots(root)
    return [Account(s["account"], s["role"]) for s in (data or {}).get("slots", [])]


def _need_custodian(by: ArchiveKeys) -> None:
    if by.role != CUSTODIAN:
        raise AccountError(
            f"La cuenta «{by.account}» es de curaduría: solo un custodio puede cambiar "
            "las cuentas de otros.",
            f"The account “{by.account}” is a curator's: only a custodian may change "
            "other people's accounts.")


def _data(root: Path) -> dict:
    data = read_slots(root)
    if data is None:
        raise AccountError(f"{root} todavía no tiene cuentas.", f"{root} has no accounts yet.")
    if data.get("rotation"):
        # Its end replaces keys.json with the rotating custodian's slot alone: a slot
        # written meanwhile would be lost, or wrap the key being retired.
        raise AccountError(
            "Hay una rotación de la llave en curso; espere a que termine para cambiar "
            "las cuentas.",
            "A key rotation is under way; wait until it ends to change accounts.")
    return data


def _master(data: dict, by: ArchiveKeys) -> bytes | None:
    return by._master_bytes() if data.get("encrypted") else None


def add_account(root: Path, by: ArchiveKeys, account: str, role: str, passphrase: str,
                kdf: KdfCost = KdfCost.DEFAULT) -> None:
    """A new account (custodian only): a new slot wrapping the same archive key."""
    _need_custodian(by)
    check_account_name(account)
    if role not in ROLES:
        raise AccountError(f"«{role}» no es un rol; use custodian o curator.",
                           f"“{role}” is not a role; use custodian or curator.")
    data = _data(root)
    if find_slot(data, account) is not None:
        raise AccountError(f"Ya existe la cuenta «{account}».",
                           f"The account “{account}” already exists.")
    data["slots"].append(make_slot(account, role, passphrase, _master(data, by), kdf))
    write_slots(root, data)


def remove_account(root: Path, by: ArchiveKeys, account: str) -> None:
    """Remove an account's slot (custodian only); the last custodian stays."""
    _need_custodian(by)
    data = _data(root)
    slot = find_slot(data, account)
    if slot is None:
        raise AccountError(f"No existe la cuenta «{account}».",
                           f"There is no account “{account}”.")
    custodians = [s for s in data["slots"] if s["role"] == CUSTODIAN]
    if slot["role"] == CUSTODIAN and len(custodians) == 1:
        raise AccountError(
            f"«{account}» es el último custodio; agregue otro custodio antes de quitarlo.",
            f"“{account}” is the last custodian; add another custodian before removing it.")
    data["slots"] = [s for s in data["slots"] if s["account"] != account]
    write_slots(root, data)


def change_passphrase(root: Path, account: str, old: str, new: str,
                      kdf: KdfCost = KdfCost.DEFAULT) -> ArchiveKeys:
    """One's own passphrase: the old one unlocks, the slot is rewrapped (nothing re-encrypted).

    Raises WrongPassphrase when `old` does not open the slot.
    """
    keys = unlock(root, account, old)
    _rewrap(root, keys, account, new, kdf)
    return keys


def set_own_passphrase(root: Path, keys: ArchiveKeys, new: str,
                       kdf: KdfCost = KdfCost.DEFAULT) -> None:
    """The unlocked account's own new passphrase (it has just proved the old one)."""
    _rewrap(root, keys, keys.account, new, kdf)


def reset_passphrase(root: Path, by: ArchiveKeys, account: str, new: str,
                     kdf: KdfCost = KdfCost.DEFAULT) -> None:
    """Set another account's passphrase (custodian only), for someone who forgot theirs."""
    _need_custodian(by)
    _rewrap(root, by, account, new, kdf)


def _rewrap(root: Path, keys: ArchiveKeys, account: str, new: str, kdf: KdfCost) -> None:
    data = _data(root)
    slot = find_slot(data, account)
    if slot is None:
        raise AccountError(f"No existe la cuenta «{account}».",
                           f"There is no account “{account}”.")
    fresh = make_slot(account, slot["role"], new, _master(data, keys), kdf)
    data["slots"] = [fresh if s["account"] == account else s for s in data["slots"]]
    write_slots(root, data)
