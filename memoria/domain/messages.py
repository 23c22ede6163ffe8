"""Sentences the core says to people, in Spanish and English.

The core has no Qt, so it cannot use Qt's translator; the few sentences it
owns (why consent refuses something) live here, and the UI and the command
line both show them. Everything else a person reads is translated in the UI.
"""

from __future__ import annotations

import locale
import os

from memoria.domain.consent import Audience, Decision, Refusal

_AUDIENCE = {
    "es": {
        Audience.CUSTODIAN: "custodia",
        Audience.CURATOR: "curaduría",
        Audience.RESEARCHER: "investigación",
        Audience.PUBLIC: "público",
    },
    "en": {
        Audience.CUSTODIAN: "custodian",
        Audience.CURATOR: "curator",
        Audience.RESEARCHER: "researcher",
        Audience.PUBLIC: "public",
    },
}

_REFUSAL = {
    "es": {
        Refusal.WITHDRAWN: "el consentimiento fue retirado",
        Refusal.NO_CONSENT: "no hay consentimiento registrado",
        Refusal.PENDING: "el consentimiento está pendiente",
        Refusal.RESTRICTED: "el consentimiento está restringido al uso interno del archivo",
        Refusal.EMBARGOED: "está bajo embargo hasta el {embargo}",
        Refusal.EMBARGO_REVIEW: "el embargo terminó el {embargo} y espera revisión",
        Refusal.SCOPE_NOT_GRANTED: "el consentimiento no cubre el uso «{scope}»",
    },
    "en": {
        Refusal.WITHDRAWN: "consent was withdrawn",
        Refusal.NO_CONSENT: "no consent is recorded",
        Refusal.PENDING: "consent is pending",
        Refusal.RESTRICTED: "consent is restricted to internal archive use",
        Refusal.EMBARGOED: "it is embargoed until {embargo}",
        Refusal.EMBARGO_REVIEW: "its embargo ended on {embargo} and awaits review",
        Refusal.SCOPE_NOT_GRANTED: "consent does not cover “{scope}”",
    },
}

SCOPE_LABELS = {
    "es": {
        "internal": "uso interno",
        "research": "investigación en sala",
        "exhibition": "exposición en el museo",
        "publication_print": "publicación impresa",
        "publication_online": "publicación en línea",
        "press": "prensa",
    },
    "en": {
        "internal": "internal use",
        "research": "reading-room research",
        "exhibition": "museum exhibition",
        "publication_print": "print publication",
        "publication_online": "online publication",
        "press": "press",
    },
}


def default_language() -> str:
    """'es' unless the environment clearly asks for English (Spanish first)."""
    for var in ("MEMORIA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "es"
    loc = locale.getlocale()[0] or ""
    return "en" if loc.lower().startswith("en") else "es"


def refusal_text(refusal: Refusal, decision: Decision, lang: str = "es") -> str:
    lang = lang if lang in _REFUSAL else "es"
    scope = decision.scope.value if decision.scope else ""
    return _REFUSAL[lang][refusal].format(
        embargo=decision.embargo_until.isoformat() if decision.embargo_until else "?",
        scope=SCOPE_LABELS[lang].get(scope, scope),
    )


def explain(decision: Decision, lang: str = "es") -> str:
    """One sentence saying whether and why this audience may see the item."""
    lang = lang if lang in _REFUSAL else "es"
    who = _AUDIENCE[lang][decision.audience]
    if decision.allowed:
        if decision.audience is Audience.CUSTODIAN:
            return (
                "Visible para custodia: quien custodia el archivo lo ve todo."
                if lang == "es"
                else "Visible to custodians: custodians see everything."
            )
        return f"Visible para {who}." if lang == "es" else f"Visible to {who}."
    reasons = "; ".join(refusal_text(r, decision, lang) for r in decision.refusals)
    if lang == "es":
        return f"No visible para {who}: {reasons}."
    return f"Not visible to {who}: {reasons}."


def also_searched_text(words: list[str], lang: str = "es") -> str:
    """The note a search shows when it also searched ñ spellings of words typed
    without ñ ("ninos" -> "niños"); empty when it did not."""
    if not words:
        return ""
    listed = ", ".join(words)
    if lang == "en":
        return f"also searched: {listed}"
    return f"también se buscó: {listed}" if len(words) == 1 else f"también se buscaron: {listed}"
