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


# -- forgetting on request (memoria.operations.purge, `memoria purge`, the window) -----
_PURGE = {
    "es": {
        "no_reason": "Escriba el motivo de la supresión (--reason).",
        "no_basis": "Escriba la base legal de la supresión (--basis), por ejemplo "
                    "«Ley 1581 de 2012, art. 8».",
        "no_person": "No hay ninguna persona {person} en el catálogo.",
        "no_items": "Indique qué elementos suprimir.",
        "no_item": "No hay ningún elemento «{item}» en el catálogo.",
        "no_request": "No hay ninguna solicitud de supresión número {purge}.",
        "not_pending": "La solicitud de supresión {purge} ya no está pendiente (está «{state}»).",
        "waiting": "La solicitud de supresión {purge} espera hasta el {until} (UTC): nadie "
                   "puede suprimir solo y con prisa.",
        "waiting_accounts": " Otro custodio, con su propia cuenta, puede confirmarla antes.",
        "waiting_too_short": "La espera de una supresión no puede ser menor de {least} día.",
        "requested": "Solicitud de supresión {purge} registrada; no se ha borrado nada. Se "
                     "puede llevar a cabo desde el {until} (UTC) con «memoria purge --confirm "
                     "{purge}», o antes si la confirma otro custodio con su cuenta; se puede "
                     "cancelar hasta entonces con «memoria purge --cancel {purge}».",
        "cancelled": "Solicitud de supresión {purge} cancelada; no se borró nada.",
        "done": "Supresión {purge} llevada a cabo: {items} elementos, {consents} registros de "
                "consentimiento, {files} archivos; lápida en el registro de auditoría (#{tomb}).",
        "unfinished": "La parte en disco de la supresión {purge} no terminó (otro programa "
                      "tiene abierto el catálogo); se completará al abrir el archivo de nuevo.",
        "index_dropped": "El índice de búsqueda se borró y se reconstruirá desde el catálogo.",
        "none_pending": "No hay solicitudes de supresión pendientes.",
        "pending_line": "{purge}  {what}  pedida por {by} el {at}; desde el {until}; "
                        "base: {basis}",
        "what_items": "{n} elementos",
        "what_person": "la persona {person}",
        "plan": "Se suprimirán {items} elementos, {consents} registros de consentimiento "
                "({forms} formularios firmados) y {files} archivos; {unlinked} elementos "
                "quedan sin el vínculo con la persona y su nombre se reemplaza por "
                "una marca de supresión.",
        "shared": "Elementos compartidos con otras personas (decida: --shared purge los "
                  "suprime, --shared keep los conserva sin la persona):",
        "copies": "Copias fuera del archivo que todavía contienen este material (recójalas):",
        "backups": "Respaldos que pueden contener el material suprimido (sus generaciones "
                   "anteriores lo restaurarían):",
        "shared_undecided": "La persona aparece en {n} elementos compartidos con otras "
                            "personas; decida con --shared purge o --shared keep.",
    },
    "en": {
        "no_reason": "Give the reason for the purge (--reason).",
        "no_basis": "Give the legal basis for the purge (--basis), for example "
                    "\"Ley 1581 de 2012, art. 8\".",
        "no_person": "There is no person {person} in the catalogue.",
        "no_items": "Say which items to purge.",
        "no_item": "There is no item \"{item}\" in the catalogue.",
        "no_request": "There is no purge request number {purge}.",
        "not_pending": "Purge request {purge} is no longer pending (it is \"{state}\").",
        "waiting": "Purge request {purge} waits until {until} (UTC): nobody purges alone "
                   "and in a hurry.",
        "waiting_accounts": " Another custodian, with their own account, can confirm it sooner.",
        "waiting_too_short": "A purge's waiting period cannot be shorter than {least} day.",
        "requested": "Purge request {purge} recorded; nothing was removed. It can be carried "
                     "out from {until} (UTC) with 'memoria purge --confirm {purge}', or sooner "
                     "if another custodian confirms it with their account; it can be "
                     "cancelled until then with 'memoria purge --cancel {purge}'.",
        "cancelled": "Purge request {purge} cancelled; nothing was removed.",
        "done": "Purge {purge} carried out: {items} items, {consents} consent records, "
                "{files} files; tombstone in the audit log (#{tomb}).",
        "unfinished": "The disk part of purge {purge} did not finish (another program has the "
                      "catalogue open); it is completed when the archive is next opened.",
        "index_dropped": "The search index was removed and will be rebuilt from the catalogue.",
        "none_pending": "There are no pending purge requests.",
        "pending_line": "{purge}  {what}  requested by {by} on {at}; from {until}; "
                        "basis: {basis}",
        "what_items": "{n} items",
        "what_person": "person {person}",
        "plan": "{items} items, {consents} consent records ({forms} signed forms) and {files} "
                "files will be removed; {unlinked} items lose the link to the person and "
                "their name is replaced by a purge mark.",
        "shared": "Items shared with other people (decide: --shared purge removes them, "
                  "--shared keep keeps them without the person):",
        "copies": "Copies outside the archive that still hold this material (recall them):",
        "backups": "Backups that may hold the purged material (their older generations "
                   "would restore it):",
        "shared_undecided": "The person appears on {n} items shared with other people; "
                            "decide with --shared purge or --shared keep.",
    },
}


def purge_sentence(key: str, lang: str = "es", **values: object) -> str:
    """A purge sentence in Spanish or English (memoria.operations.purge's errors and reports)."""
    table = _PURGE.get(lang, _PURGE["es"])
    text = table[key].format(**values)
    if key == "waiting" and values.get("accounts"):
        text += table["waiting_accounts"]
    return text
