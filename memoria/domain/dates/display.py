"""A stored date in words, Spanish or English, that reads back to the same EDTF."""

from __future__ import annotations

from .edtf import Point, UncertainDate, parse_edtf
from .phrases import MONTHS_EN, MONTHS_ES, SEASONS_EN, SEASONS_ES

_ORDINAL_EN = {1: "st", 2: "nd", 3: "rd"}


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _format_bare(p: Point, lang: str, *, article: bool = False) -> str:
    """A point without its qualifiers; ``article`` adds Spanish 'el'/'la' before
    a day, a decade or a century."""
    n = p.unspecified
    if n == 1 and not p.negative:
        decade = p.digits[:3] + "0"
        if lang == "es":
            return f"{'la ' if article else ''}década de {decade}"
        return f"{decade}s"
    if n == 2 and not p.negative:
        century = int(p.digits[:2]) + 1
        if lang == "es":
            return f"{'el ' if article else ''}siglo {_to_roman(century)}"
        suffix = "th" if 10 <= century % 100 <= 20 else _ORDINAL_EN.get(century % 10, "th")
        return f"{century}{suffix} century"
    year = p.year  # as written ("0998", "Y170000002"): it reads back as EDTF
    number = p.year_number
    if number is not None and number <= 0 and not p.year.startswith("Y"):
        # Astronomical year 0 is 1 BCE, -0999 is 1000 BCE.
        year = f"{1 - number} a. C." if lang == "es" else f"{1 - number} BCE"
    if n or p.month is None:
        return year
    if p.season is not None:
        return f"{SEASONS_ES[p.season]} de {year}" if lang == "es" else (
            f"{SEASONS_EN[p.season]} {year}")
    if p.month == "XX":
        if lang == "es":
            return f"algún {'día' if p.day else 'mes'} de {year}"
        return f"some {'day' if p.day else 'month'} in {year}"
    month_number = p.month_number
    assert month_number is not None
    if p.day == "XX":
        if lang == "es":
            return f"algún día de {MONTHS_ES[month_number - 1]} de {year}"
        return f"some day in {MONTHS_EN[month_number - 1]} {year}"
    time = f", {p.time[1:]}" if p.time else ""
    if lang == "es":
        month = MONTHS_ES[month_number - 1]
        if p.day is None:
            return f"{month} de {year}"
        return f"{'el ' if article else ''}{p.day_number} de {month} de {year}{time}"
    month = MONTHS_EN[month_number - 1]
    return f"{month} {year}" if p.day is None else f"{p.day_number} {month} {year}{time}"


def _format_point(p: Point, lang: str) -> str:
    """A date on its own: words for qualifiers ("hacia 1998", "possibly 1998")."""
    text = _format_bare(p, lang, article=p.approximate)
    if p.approximate:
        text = ("hacia " if lang == "es" else "circa ") + text
    if p.uncertain:
        text = ("posiblemente " if lang == "es" else "possibly ") + text
    return text


def _format_end(p: Point, lang: str) -> str:
    """An interval end: compact qualifiers ("c. 1985", "1991?") that read well
    after "entre"/"between" and parse back to the same EDTF."""
    text = "c. " + _format_bare(p, lang) if p.approximate else _format_bare(p, lang, article=True)
    return text + "?" if p.uncertain else text


def _open_end(word_es: str, word_en: str, p: Point, lang: str) -> str:
    """ "antes de 1990", "antes del 16 de octubre de 2002", "before 1990"."""
    text = _format_end(p, lang)
    if lang != "es":
        return f"{word_en} {text}"
    if text.startswith("el "):
        return f"{word_es} del {text[3:]}"
    if text.startswith("la "):
        return f"{word_es} de {text}"
    return f"{word_es} de {text}"


def format_date(d: UncertainDate, lang: str) -> str:
    """The date for display in Spanish (``"es"``) or English (``"en"``).

    Locale tags such as ``"es_CO"`` or ``"en-GB"`` are accepted; any other
    language gets English. Month names come from tables, never from the
    system locale. The text parses back to the same EDTF.
    """
    lang = "es" if lang.replace("-", "_").split("_")[0].lower() == "es" else "en"
    parsed = parse_edtf(d.edtf)
    if not parsed.interval:
        assert parsed.start is not None
        return _format_point(parsed.start, lang)
    start, end = parsed.start, parsed.end
    unknown = "una fecha desconocida" if lang == "es" else "an unknown date"
    if start is None and not parsed.unknown_start:
        assert end is not None
        return _open_end("antes", "before", end, lang)
    if end is None and not parsed.unknown_end:
        assert start is not None
        return _open_end("después", "after", start, lang)
    left = _format_end(start, lang) if start else unknown
    right = _format_end(end, lang) if end else unknown
    return f"entre {left} y {right}" if lang == "es" else f"between {left} and {right}"
