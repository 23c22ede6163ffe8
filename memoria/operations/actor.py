"""Who is acting, and what their role lets them do: the one place roles are checked.

An archive with accounts (memoria/crypto/keys.py) is opened by an account: its
name goes into the audit log and its role (custodian or curator) decides what
it may do (`Actor.of(archive)`). A plain archive without accounts keeps the
person at the desktop or the command line acting as a custodian under their
system user name (`Actor.local`).
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from enum import StrEnum

from memoria.domain.consent import Audience
from memoria.domain.messages import value_label


class Action(StrEnum):
    EDIT_ITEMS = "edit_items"  # describe items, people, places, transcripts
    ADD_MEDIA = "add_media"  # add files, blur, redact
    IMPORT = "import"
    CHANGE_CONSENT = "change_consent"
    DELETE = "delete"
    EDIT_EXHIBITS = "edit_exhibits"
    EXPORT = "export"  # exhibits, bags, reading-room editions
    CARE = "care"  # fixity checks, backups, index rebuilds
    SAVE_SEARCH = "save_search"  # one's own saved searches


_STAFF = frozenset(Action)
PERMITTED: dict[Audience, frozenset[Action]] = {
    Audience.CUSTODIAN: _STAFF,
    # Curators build exhibits and describe items; consent and deletion stay with custodians.
    Audience.CURATOR: _STAFF - {Action.CHANGE_CONSENT, Action.DELETE},
    Audience.RESEARCHER: frozenset({Action.SAVE_SEARCH}),
    Audience.PUBLIC: frozenset(),
}

_ACTION = {
    "es": {Action.EDIT_ITEMS: "editar elementos", Action.ADD_MEDIA: "agregar o cambiar archivos",
           Action.IMPORT: "importar", Action.CHANGE_CONSENT: "cambiar el consentimiento",
           Action.DELETE: "eliminar", Action.EDIT_EXHIBITS: "editar exposiciones",
           Action.EXPORT: "exportar", Action.CARE: "verificar o respaldar el archivo",
           Action.SAVE_SEARCH: "guardar búsquedas"},
    "en": {Action.EDIT_ITEMS: "edit items", Action.ADD_MEDIA: "add or change files",
           Action.IMPORT: "import", Action.CHANGE_CONSENT: "change consent",
           Action.DELETE: "delete", Action.EDIT_EXHIBITS: "edit exhibits",
           Action.EXPORT: "export", Action.CARE: "check or back up the archive",
           Action.SAVE_SEARCH: "save searches"},
}


class NotPermitted(Exception):  # not PermissionError: that is the disk's refusal
    """The acting account's role does not allow the operation; the message is for a person."""

    def __init__(self, actor: Actor, action: Action) -> None:
        lang = actor.lang if actor.lang in _ACTION else "en"
        role = value_label("account_role", actor.role.value, lang)
        if lang == "es":
            text = (f"{actor.name} ({role}) no puede "
                    f"{_ACTION['es'][action]}: solo lo puede hacer un custodio.")
        else:
            text = (f"{actor.name} ({role}) may not "
                    f"{_ACTION['en'][action]}: only a custodian may.")
        super().__init__(text)
        self.actor, self.action = actor, action


@dataclass(frozen=True)
class Actor:
    """The acting account: its name goes into the audit log, its role decides."""

    name: str
    role: Audience = Audience.CUSTODIAN
    lang: str = "es"

    @classmethod
    def local(cls, role: Audience = Audience.CUSTODIAN, lang: str = "es") -> Actor:
        """The person at this computer ($MEMORIA_USER, else the system user)."""
        return cls(os.environ.get("MEMORIA_USER") or _user(), role, lang)

    @classmethod
    def of(cls, archive: object, lang: str = "es") -> Actor:
        """The account that unlocked `archive` (an Archive); `local()` when it has no accounts.

        The name and role come from the key slot that opened the archive, never from
        the environment. The recovery key acts as a custodian named "recovery".
        """
        keys = getattr(archive, "account", None)
        if keys is None:
            return cls.local(lang=lang)
        role = Audience.CURATOR if keys.role == "curator" else Audience.CUSTODIAN
        return cls(keys.account or "recovery", role, lang)

    def may(self, action: Action) -> bool:
        return action in PERMITTED[self.role]


def require(actor: Actor, action: Action) -> None:
    """Raise NotPermitted unless the actor's role allows the action."""
    if not actor.may(action):
        raise NotPermitted(actor, action)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not worth failing over
        return "unknown"
