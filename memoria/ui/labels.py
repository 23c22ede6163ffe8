"""Words for the core's enums, and time codes, in one place so every view,
editor and dialog says the same thing.

The core stores stable English keys (``narrator``, ``research``); people read
them in their language. The words themselves are the core's one bilingual table
(``memoria.domain.messages.VALUE_LABELS``), shared with the command line and
the exports; here they are only capitalised as labels.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from memoria.domain.consent import Audience
from memoria.domain.messages import value_label, value_title
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope


def ui_lang() -> str:
    """'es' or 'en', for the core's sentence builders (format_date, explain)."""
    return "es" if QLocale().name().lower().startswith("es") else "en"


def _title(field: str, value: object) -> str:
    """The core's word (memoria.domain.messages.VALUE_LABELS) in the window's
    language, as a label: the same table the command line and the exports read."""
    return value_title(field, str(getattr(value, "value", value)), ui_lang())


def kind_label(kind: Kind | str) -> str:
    return _title("kind_title", Kind(kind))


def kind_short(kind: Kind | str) -> str:
    """One word for narrow list columns."""
    return _title("kind", Kind(kind))


def kind_plural(kind: Kind) -> str:
    return _title("kind_plural", Kind(kind))


def role_label(role: Role) -> str:
    return _title("role", Role(role))


def role_in_text(role: Role | str) -> str:
    """Lower case, for running text: "Ana (narradora)"."""
    return value_label("role", Role(role).value, ui_lang())


def status_label(status: ConsentStatus | str) -> str:
    """The word for a consent record's status or an item's badge."""
    return _title("status", status)


def scope_label(scope: Scope) -> str:
    return _title("scope", Scope(scope))


def anonymisation_label(value: Anonymisation) -> str:
    return _title("anonymisation", Anonymisation(value))


def audience_label(audience: Audience) -> str:
    return _title("audience", Audience(audience))


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

