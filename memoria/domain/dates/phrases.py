"""Dates as archivists type them, in Spanish and English, read into EDTF.

"hacia 1998", "los ochentas", "finales de 2002", "a mediados de los ochenta",
"entre mayo y junio de 1990", "octubre 16 de 2002", "16/10/2002" (day
first, as written in Colombia), "early 1990s", "spring 2001". Tables first
(no system locale: the same reading on every machine), then the grammar.

Parts of a period are thirds, the convention that is easiest to explain:
"principios de 2002" is January to April, "mediados" May to August,
"finales" September to December; of a decade 0-3, 4-6, 7-9 ("principios de
los 90" is 1990/1993); of a century 00-33, 34-66, 67-99; of a month days
1-10, 11-20, 21 to the end. Halves ("primera mitad de 1990") likewise.
"""

from __future__ import annotations

import re
from dataclasses import replace

from memoria.domain.folding import privacy_fold

from .edtf import Parsed, Point, check_calendar, days_in, make_interval
from .errors import DateParseError, cannot_read

# ---------------------------------------------------------------------------
# Tables

MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SEASONS_ES = {21: "primavera", 22: "verano", 23: "otoño", 24: "invierno"}
SEASONS_EN = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

# Every name or abbreviation people type, accent-folded and lower case.
_MONTH_WORDS: dict[str, int] = {}
for _i, (_es, _en) in enumerate(zip(MONTHS_ES, MONTHS_EN, strict=True), start=1):
    _MONTH_WORDS[_es] = _i
    _MONTH_WORDS[_en.lower()] = _i
    _MONTH_WORDS[_es[:3]] = _i
    _MONTH_WORDS[_en[:3].lower()] = _i
_MONTH_WORDS.update({"setiembre": 9, "sept": 9, "set": 9, "sep": 9})

_SEASON_WORDS = {"primavera": 21, "verano": 22, "otono": 23, "invierno": 24,
                 "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

_DECADE_WORDS = {
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90,
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip

_WEEKDAYS = (
    "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

# Which part of a period: (index, of how many parts).
_PART_WORDS: list[tuple[re.Pattern[str], tuple[int, int]]] = [
    (re.compile(r"^(?:a\s+|en\s+)?(?:los\s+|las\s+)?"
                r"(?:principios|comienzos|inicios|primeros anos|primeros dias)\s+(?:del?)\s+"), (0, 3)),
    (re.compile(r"^(?:a\s+|en\s+)?(?:mediados)\s+(?:del?)\s+"), (1, 3)),
    (re.compile(r"^(?:a\s+|en\s+)?(?:los\s+|las\s+)?"
                r"(?:finales|fines|final|ultimos anos|ultimos dias)\s+(?:del?)\s+"), (2, 3)),
    (re.compile(r"^(?:en\s+)?(?:la\s+)?primera mitad\s+(?:del?)\s+"), (0, 2)),
    (re.compile(r"^(?:en\s+)?(?:la\s+)?segunda mitad\s+(?:del?)\s+"), (1, 2)),
    (re.compile(r"^(?:in\s+)?(?:the\s+)?early[\s-]+"), (0, 3)),
    (re.compile(r"^(?:in\s+)?(?:the\s+)?(?:mid|middle)[\s-]+(?:of\s+)?"), (1, 3)),
    (re.compile(r"^(?:in\s+)?(?:the\s+)?late[\s-]+"), (2, 3)),
    (re.compile(r"^(?:in\s+)?(?:the\s+)?first half of\s+"), (0, 2)),
    (re.compile(r"^(?:in\s+)?(?:the\s+)?second half of\s+"), (1, 2)),
]

# Prefix words, longest first so that "ca." is not read as "c" + "a.".
_APPROX_PREFIX = re.compile(
    r"^(?:(?:aproximadamente|approximately|alrededor del?|cerca del?|circa|hacia|"
    r"around|about)\s+|(?:aprox|approx|ca|c)(?:\.\s*|\s+|(?=\d)))(?=\S)"
)  # "c." or "c 1998", never the c of "comienzos"
_UNCERTAIN_PREFIX = re.compile(
    r"^(?:posiblemente|probablemente|quizas|tal vez|possibly|probably|perhaps)\s+"
)
_FILLER_PREFIX = re.compile(r"^(?:en el ano|el ano|en el|ano|en|in|el|the|year)\s+(?=-?\d)")
_UNKNOWN_END = re.compile(r"^(?:una\s+)?fecha desconocida$|^(?:an\s+)?unknown(?:\s+date)?$")


def normalise_phrase(text: str) -> str:
    """Privacy-folded (no accents, no ñ, lower case), single spaces, no commas:
    what the regexes see."""
    bare = privacy_fold(text).replace(",", " ").replace("¿", "").replace("¡", "")
    bare = bare.replace("primero de", "1 de")
    return " ".join(bare.split()).rstrip(".").strip()


# ---------------------------------------------------------------------------
# Ranges and open ends

_BETWEEN = (
    re.compile(r"^entre\s+(.+?)\s+(?:y|e)\s+(.+)$"),
    re.compile(r"^between\s+(.+?)\s+and\s+(.+)$"),
    re.compile(r"^(?:desde|del|de)\s+(.+?)\s+(?:a|al|hasta)\s+(.+)$"),
    re.compile(r"^from\s+(.+?)\s+(?:to|until|till)\s+(.+)$"),
)
# Tried only if both sides read as dates (they could be a plain date's parts).
_LOOSE_RANGE = (
    re.compile(r"^(\d{4}[?~%]?)\s*[-/]\s*(\d{4}[?~%]?)$"),
    re.compile(r"^(.+?)\s*[\u2013\u2014]\s*(.+)$"),
    re.compile(r"^(.+?)\s+(?:-|/|a|al|hasta|to|until)\s+(.+)$"),
)
_BEFORE = re.compile(r"^(?:antes del?|hasta el|hasta|before|until|prior to)\s+(.+)$")
_AFTER = re.compile(r"^(?:despues del?|a partir del?|desde el|desde|after|since)\s+(.+)$")


def parse_human(t: str, original: str) -> Parsed:
    if not t:
        raise DateParseError("Type a date.", "empty", es="Escriba una fecha.")
    for pattern in _BETWEEN:
        m = pattern.match(t)
        if m:
            return _between(m[1], m[2], original)
    m = _BEFORE.match(t)
    if m:
        return make_interval(None, _period(m[1], original)[1])
    m = _AFTER.match(t)
    if m:
        return make_interval(_period(m[1], original)[0], None)
    for pattern in _LOOSE_RANGE:
        m = pattern.match(t)
        if m:
            try:
                start, end = _period(m[1], original)[0], _period(m[2], original)[1]
            except DateParseError:
                continue
            return make_interval(start, end)
    start, end = _period(t, original)
    if start is end:
        return Parsed(start, start, interval=False)
    return make_interval(start, end)


def _between(left: str, right: str, original: str) -> Parsed:
    """'entre A y B': B read whole; A may borrow B's month and year
    ("entre mayo y junio de 1990", "del 3 al 5 de mayo de 1990")."""
    unknown_left, unknown_right = bool(_UNKNOWN_END.match(left)), bool(_UNKNOWN_END.match(right))
    end = None if unknown_right else _period(right, original)[1]
    if unknown_left:
        start = None
    else:
        try:
            start = _period(left, original)[0]
        except DateParseError as exc:
            start = None
            words = right.split()
            for k in range(1, len(words)):
                try:
                    start = _period(f"{left} {' '.join(words[k:])}", original)[0]
                    break
                except DateParseError:
                    continue
            if start is None:
                raise exc from None
    if start is None and end is None:
        raise cannot_read(original)
    return make_interval(start, end, unknown_start=unknown_left, unknown_end=unknown_right)


def _period(t: str, original: str) -> tuple[Point, Point]:
    """A point (returned twice, the same object) or a part of a period
    ("finales de 2002") as its first and last points."""
    t = t.strip()
    rest, approximate, uncertain = _qualifier_words(t)
    for pattern, (index, parts) in _PART_WORDS:
        m = pattern.match(rest)
        if m:
            first, last = _part_of(parse_point(rest[m.end():], original), index, parts, original)
            if approximate or uncertain:
                first, last = (replace(p, approximate=p.approximate or approximate,
                                       uncertain=p.uncertain or uncertain) for p in (first, last))
            return first, last
    point = parse_point(t, original)
    return point, point


def _qualifier_words(t: str) -> tuple[str, bool, bool]:
    """Leading "hacia", "posiblemente" ... removed: (rest, approximate, uncertain)."""
    approximate = uncertain = False
    while True:
        if m := _UNCERTAIN_PREFIX.match(t):
            uncertain, t = True, t[m.end():]
        elif m := _APPROX_PREFIX.match(t):
            approximate, t = True, t[m.end():]
        else:
            return t, approximate, uncertain


def _part_of(p: Point, index: int, parts: int, original: str) -> tuple[Point, Point]:
    q = {"approximate": p.approximate, "uncertain": p.uncertain}
    if p.time or p.day is not None or p.season is not None or p.month == "XX":
        raise cannot_read(original)
    if p.unspecified in (1, 2):  # decade or century: years within it
        size = 10 ** p.unspecified
        base = int(p.digits.replace("X", "0"))
        if parts == 3:
            first, last = (((0, 3), (4, 6), (7, 9)) if size == 10
                           else ((0, 33), (34, 66), (67, 99)))[index]
        else:
            half = size // 2
            first, last = index * half, index * half + half - 1
        sign = "-" if p.negative else ""
        return (Point(f"{sign}{base + first:04d}", **q), Point(f"{sign}{base + last:04d}", **q))
    if p.unspecified or p.year.startswith("Y"):
        raise cannot_read(original)
    month = p.month_number
    if month is None:  # a year: months within it
        span = 12 // parts
        first_m, last_m = index * span + 1, index * span + span
        return (Point(p.year, f"{first_m:02d}", **q), Point(p.year, f"{last_m:02d}", **q))
    year = p.year_number
    assert year is not None
    last_day = days_in(year, month)
    bounds = ((1, 10), (11, 20), (21, last_day)) if parts == 3 else ((1, 15), (16, last_day))
    first_d, last_d = bounds[index]
    return (Point(p.year, p.month, f"{first_d:02d}", **q),
            Point(p.year, p.month, f"{last_d:02d}", **q))


# ---------------------------------------------------------------------------
# One point

_TIME_SUFFIX = re.compile(
    r"\s+(?:a las\s+|at\s+)?(\d{2}:\d{2}:\d{2})(z|[+-]\d{2}(?::\d{2})?)?$"
)


def parse_point(t: str, original: str) -> Point:
    """One point, with its qualifier words and signs, from folded text."""
    t = t.strip()
    approximate = uncertain = False
    while t and t[-1] in "?~%":
        approximate |= t[-1] in "~%"
        uncertain |= t[-1] in "?%"
        t = t[:-1].rstrip()
    t, more_approximate, more_uncertain = _qualifier_words(t)
    approximate |= more_approximate
    uncertain |= more_uncertain
    time = None
    if m := _TIME_SUFFIX.search(t):
        time = "T" + m[1] + (m[2] or "").upper()
        t = t[: m.start()]
    if m := _BCE.search(t):  # "1000 a. C.", "1000 BCE": EDTF's astronomical year
        t = t[: m.start()] + f"{'-' if int(m[1]) > 1 else ''}{int(m[1]) - 1:04d}"
    t = re.sub(r"^(?:en|in|durante|during)\s+(?:el\s+|la\s+|the\s+)?(?=[a-z])", "", t)
    t = re.sub(r"^(?:el|la)\s+", "", t)
    t = _FILLER_PREFIX.sub("", t)
    year, month, day = _parse_core(t, original)
    if time and (approximate or uncertain or day is None or not day.isdigit()):
        raise cannot_read(original)
    point = Point(year, month, day, time, approximate=approximate, uncertain=uncertain)
    if point.year.lstrip("-") == "0000" and point.year.startswith("-"):
        raise cannot_read(original)
    check_calendar(point, original)
    return point


_BCE = re.compile(r"\b(\d{1,4})\s*(?:a\.?\s?c\.?|antes de cristo|bce|bc)$")
_DAY_SUFFIX = r"(?:o|°|st|nd|rd|th)?"
_Y = r"(-?\d{4})"  # a year written with four digits (EDTF: negative allowed)
_RE_YEAR = re.compile(rf"^{_Y}$")
_RE_LONG_YEAR = re.compile(r"^y(-?[1-9]\d{4,})$")
_RE_XYEAR = re.compile(r"^(-?(?:\d{3}x|\d{2}xx|\dxxx))$")
_RE_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_RE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_RE_DMY_SHORT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$")
_RE_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_RE_DAY_MONTH_YEAR = re.compile(
    rf"^(\d{{1,2}}){_DAY_SUFFIX}\s+(?:de\s+|of\s+)?([a-z]+)\.?\s+(?:de\s+|del\s+|of\s+)?{_Y}$"
)
_RE_MONTH_DAY_YEAR = re.compile(
    rf"^([a-z]+)\.?\s+(\d{{1,2}}){_DAY_SUFFIX}\s+(?:de\s+|del\s+)?{_Y}$"
)
_RE_MONTH_YEAR = re.compile(rf"^([a-z]+)\.?\s+(?:de\s+|del\s+|of\s+)?{_Y}$")
_RE_SOME = re.compile(
    rf"^(?:algun|some)\s+(dia|mes|day|month)\s+(?:de|del|in|of)\s+(?:([a-z]+)\s+(?:de\s+|del\s+)?)?{_Y}$"
)
_RE_DECADE_S = re.compile(r"^(?:the\s+)?'?(\d{2}|\d{4})'?s$")
_DECADE_PREFIX = (
    r"^(?:(?:en\s+)?(?:la\s+)?decada\s+(?:de\s+los|del|de)(?:\s+anos)?"
    r"|(?:en\s+)?(?:los\s+)?anos|(?:en\s+)?los|the)\s+'?(\d{2}|\d{4}|[a-z]+?)'?s?$"
)
_RE_DECADE_PREFIX = re.compile(_DECADE_PREFIX)
_RE_CENTURY_ES = re.compile(r"^(?:el\s+)?siglo\s+([ivxlc]+)$")
_RE_CENTURY_EN = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century$")


def _parse_core(t: str, original: str) -> tuple[str, str | None, str | None]:
    """Year text, month and day of a bare date (qualifiers already removed)."""
    t = t.strip()
    for weekday in _WEEKDAYS:
        if t.startswith(weekday + " "):
            t = t[len(weekday) + 1 :]
            break
    if m := _RE_YEAR.match(t):
        return m[1], None, None
    if m := _RE_LONG_YEAR.match(t):
        return "Y" + m[1], None, None
    if m := _RE_XYEAR.match(t):
        return m[1].upper(), None, None
    if m := _RE_ISO.match(t):
        return m[1], _two(m[2]), _two(m[3]) if m[3] else None
    if m := _RE_DMY.match(t):
        day, month = int(m[1]), int(m[2])
        if month > 12:
            raise DateParseError(
                f"There is no month {month}; dates are read day/month/year.", "invalid_month",
                es=f"No existe el mes {month}; las fechas se leen día/mes/año.")
        return m[3], _two(month), _two(day)
    if _RE_DMY_SHORT.match(t):
        raise DateParseError("Write the year with four digits.", "two_digit_year",
                             es="Escriba el año con cuatro cifras.")
    if m := _RE_MY.match(t):
        return m[2], _two(m[1]), None
    if m := _RE_DAY_MONTH_YEAR.match(t):
        month = _MONTH_WORDS.get(m[2])
        if month is not None:
            return m[3], _two(month), _two(m[1])
    if m := _RE_MONTH_DAY_YEAR.match(t):
        month = _MONTH_WORDS.get(m[1])
        if month is not None:
            return m[3], _two(month), _two(m[2])
    if m := _RE_MONTH_YEAR.match(t):
        month = _MONTH_WORDS.get(m[1])
        if month is not None:
            return m[2], _two(month), None
        if m[1] in _SEASON_WORDS:
            return m[2], str(_SEASON_WORDS[m[1]]), None
    if m := _RE_SOME.match(t):
        unit, month_word, year = m[1], m[2], m[3]
        if month_word is None:
            return year, "XX", ("XX" if unit in ("dia", "day") else None)
        month = _MONTH_WORDS.get(month_word)
        if month is not None and unit in ("dia", "day"):
            return year, _two(month), "XX"
    for pattern in (_RE_DECADE_S, _RE_DECADE_PREFIX):
        if (m := pattern.match(t)) and (decade := _decade(m[1])):
            return decade, None, None
    if m := _RE_CENTURY_ES.match(t):
        return _century(_roman(m[1])), None, None
    if m := _RE_CENTURY_EN.match(t):
        return _century(int(m[1])), None, None
    raise cannot_read(original)


def _two(n: int | str) -> str:
    return f"{int(n):02d}"


def _decade(token: str) -> str | None:
    """'90', '1990', 'noventa' or 'ochentas' to '199X'. Two digits mean the 1900s."""
    word = token[:-1] if token.endswith("s") and token[:-1] in _DECADE_WORDS else token
    if word in _DECADE_WORDS:
        return f"19{_DECADE_WORDS[word] // 10}X"
    if not token.isdigit():
        return None
    if not token.endswith("0"):
        raise DateParseError(f"{token} is not the start of a decade.", "invalid_decade",
                             es=f"{token} no es el comienzo de una década.")
    if len(token) == 2:
        token = "19" + token
    return token[:3] + "X"


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text]
    total = 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total


def _century(n: int) -> str:
    """Colloquial centuries: 'siglo XX' is the 1900s, '19XX'."""
    if not 2 <= n <= 21:
        raise DateParseError("Only centuries II to XXI can be written this way.",
                             es="Solo los siglos II a XXI se pueden escribir así.")
    return f"{n - 1:02d}XX"
