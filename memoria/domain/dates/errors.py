"""Why a date could not be read or stored, in one sentence, in Spanish and English."""

from __future__ import annotations


class DateParseError(ValueError):
    """A date that could not be read, or valid EDTF that Memoria does not store.

    ``message`` is the English sentence (also ``str(error)``), ``message_es``
    the Spanish one; ``text(lang)`` picks. ``code`` is a stable key
    (``"unrecognised"``, ``"invalid_day"``, ``"unsupported"`` ...) the
    interface may use instead. For ``"unsupported"`` the sentence names the
    EDTF feature and its level, and ``reason`` is its stable key
    (``"set"``, ``"partial_qualification"`` ...).
    """

    def __init__(
        self,
        message: str,
        code: str = "unrecognised",
        *,
        es: str | None = None,
        reason: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_es = es or message
        self.code = code
        self.reason = reason

    def text(self, lang: str) -> str:
        """The sentence in ``lang`` ("es" or "en"; locale tags accepted, Spanish first)."""
        return self.message if lang.lower().startswith("en") else self.message_es


def cannot_read(original: str) -> DateParseError:
    shown = original.strip()[:60]
    return DateParseError(
        f"Could not read '{shown}' as a date.",
        es=f"No se pudo leer «{shown}» como fecha.",
    )


# Valid EDTF that Memoria does not store: (English, Spanish) reason per key.
UNSUPPORTED: dict[str, tuple[str, str]] = {
    "set": (
        "sets of dates ([…] or {…}) are EDTF level 2",
        "los conjuntos de fechas ([…] o {…}) son EDTF nivel 2",
    ),
    "partial_qualification": (
        "a qualifier on part of a date is EDTF level 2; qualify the whole date (2004-06-11?)",
        "calificar solo una parte de la fecha es EDTF nivel 2; califique la fecha entera "
        "(2004-06-11?)",
    ),
    "partial_unspecified": (
        "unspecified digits inside a date (156X-12-25, 1984-1X) are EDTF level 2",
        "los dígitos sin especificar dentro de una fecha (156X-12-25, 1984-1X) son EDTF nivel 2",
    ),
    "exponent": (
        "years with an exponent or significant digits (Y17E7, 1950S2) are EDTF level 2",
        "los años con exponente o dígitos significativos (Y17E7, 1950S2) son EDTF nivel 2",
    ),
    "season_level2": (
        "hemisphere seasons, quarters and semesters (codes 25-41) are EDTF level 2",
        "las estaciones por hemisferio, trimestres y semestres (códigos 25 a 41) son "
        "EDTF nivel 2",
    ),
    "open_both": (
        "a range with neither end known says nothing to search by",
        "un rango sin ningún extremo conocido no da nada por qué buscar",
    ),
}


def unsupported(whole: str, reason: str) -> DateParseError:
    en, es = UNSUPPORTED[reason]
    shown = whole.strip()[:60]
    return DateParseError(
        f"'{shown}' is valid EDTF that Memoria does not support: {en}.",
        "unsupported",
        es=f"«{shown}» es EDTF válido que Memoria no admite: {es}.",
        reason=reason,
    )
