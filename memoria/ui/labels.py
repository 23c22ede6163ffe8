"""Translated words for the core's enums and time codes, in one place so every
view, editor and dialog says the same thing.

The core stores stable English keys (``narrator``, ``research``); people read
them in their language.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope


def ui_lang() -> str:
    """'es' or 'en', for the core's sentence builders (format_date, explain)."""
    return "es" if QLocale().name().lower().startswith("es") else "en"


def kind_label(kind: Kind | str) -> str:
    return {
        Kind.TESTIMONY: QCoreApplication.translate("Labels", "Testimony"),
        Kind.PHOTOGRAPH: QCoreApplication.translate("Labels", "Photograph"),
        Kind.AUDIO: QCoreApplication.translate("Labels", "Audio recording"),
    }.get(Kind(kind), str(kind))


def kind_short(kind: Kind | str) -> str:
    """One word for narrow list columns."""
    return {
        Kind.TESTIMONY: QCoreApplication.translate("Labels", "Testimony"),
        Kind.PHOTOGRAPH: QCoreApplication.translate("Labels", "Photograph"),
        Kind.AUDIO: QCoreApplication.translate("Labels", "Audio", "one item's kind"),
    }.get(Kind(kind), str(kind))


def kind_plural(kind: Kind) -> str:
    return {
        Kind.TESTIMONY: QCoreApplication.translate("Labels", "Testimonies"),
        Kind.PHOTOGRAPH: QCoreApplication.translate("Labels", "Photographs"),
        Kind.AUDIO: QCoreApplication.translate("Labels", "Audio"),
    }[kind]


def role_label(role: Role) -> str:
    return {
        Role.NARRATOR: QCoreApplication.translate("Labels", "Narrator"),
        Role.INTERVIEWER: QCoreApplication.translate("Labels", "Interviewer"),
        Role.DEPICTED: QCoreApplication.translate("Labels", "Depicted"),
        Role.PHOTOGRAPHER: QCoreApplication.translate("Labels", "Photographer"),
        Role.AUTHOR: QCoreApplication.translate("Labels", "Author"),
    }[Role(role)]


def role_in_text(role: Role | str) -> str:
    """Lower case, for running text: "Ana (narradora)"."""
    return {
        Role.NARRATOR: QCoreApplication.translate("Labels", "narrator"),
        Role.INTERVIEWER: QCoreApplication.translate("Labels", "interviewer"),
        Role.DEPICTED: QCoreApplication.translate("Labels", "depicted"),
        Role.PHOTOGRAPHER: QCoreApplication.translate("Labels", "photographer"),
        Role.AUTHOR: QCoreApplication.translate("Labels", "author"),
    }.get(Role(role), str(role))


def status_label(status: ConsentStatus | str) -> str:
    """The translated word for a consent record's status or an item's badge."""
    return {
        "pending": QCoreApplication.translate("Labels", "Pending"),
        "granted": QCoreApplication.translate("Labels", "Granted"),
        "restricted": QCoreApplication.translate("Labels", "Restricted"),
        "withdrawn": QCoreApplication.translate("Labels", "Withdrawn"),
        "superseded": QCoreApplication.translate("Labels", "Superseded"),
        "none": QCoreApplication.translate("Labels", "No consent"),
        "embargoed": QCoreApplication.translate("Labels", "Embargoed"),
        "review": QCoreApplication.translate("Labels", "Embargo to review"),
    }.get(str(status), str(status))


def scope_label(scope: Scope) -> str:
    return {
        Scope.INTERNAL: QCoreApplication.translate("Labels", "Internal use"),
        Scope.RESEARCH: QCoreApplication.translate("Labels", "Reading-room research"),
        Scope.EXHIBITION: QCoreApplication.translate("Labels", "Museum exhibition"),
        Scope.PUBLICATION_PRINT: QCoreApplication.translate("Labels", "Print publication"),
        Scope.PUBLICATION_ONLINE: QCoreApplication.translate("Labels", "Online publication"),
        Scope.PRESS: QCoreApplication.translate("Labels", "Press"),
    }[Scope(scope)]


def anonymisation_label(value: Anonymisation) -> str:
    return {
        Anonymisation.PSEUDONYM: QCoreApplication.translate("Labels", "Use a pseudonym"),
        Anonymisation.REDACT_NAMES: QCoreApplication.translate("Labels", "Redact names"),
        Anonymisation.BLUR_FACES: QCoreApplication.translate("Labels", "Blur faces"),
        Anonymisation.NO_VOICE: QCoreApplication.translate("Labels", "Voice must not be played"),
        Anonymisation.GENERALISE_PLACES: QCoreApplication.translate("Labels", "Generalise places"),
    }[Anonymisation(value)]


def audience_label(audience: Audience) -> str:
    return {
        Audience.CUSTODIAN: QCoreApplication.translate("Labels", "Custodian"),
        Audience.CURATOR: QCoreApplication.translate("Labels", "Curator"),
        Audience.RESEARCHER: QCoreApplication.translate("Labels", "Researcher"),
        Audience.PUBLIC: QCoreApplication.translate("Labels", "Public"),
    }[audience]


def format_ms(ms: int | None) -> str:
    """h:mm:ss, the way transcribers write time codes."""
    if ms is None:
        return ""
    seconds, rest = divmod(int(ms), 1000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    text = f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{text}.{rest:03d}" if rest else text


_TIME = re.compile(r"^(?:(\d+):)?(?:(\d{1,2}):)?(\d{1,2})(?:[.,](\d{1,3}))?$")


def parse_ms(text: str) -> int | None:
    """'1:02:03', '2:03', '45' or '0:00:01.5' -> milliseconds; '' -> None.

    Raises ValueError for anything else, so a typo never becomes time zero.
    """
    text = text.strip()
    if not text:
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError(text)
    first, second, seconds, fraction = match.groups()
    if second is None and first is not None:
        hours, minutes = 0, int(first)  # "mm:ss"
    else:
        hours, minutes = int(first or 0), int(second or 0)
    if int(seconds) >= 60 or (second is not None and minutes >= 60):
        raise ValueError(text)
    millis = int((fraction or "0").ljust(3, "0"))
    return ((hours * 60 + minutes) * 60 + int(seconds)) * 1000 + millis

