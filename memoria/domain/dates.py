"""Uncertain archival dates, stored as Library of Congress EDTF strings.

Archivists rarely know an exact day: a photograph is "from around 1998", a
testimony speaks of "the 1990s", a roll of film was shot "between 1985 and
1991".  We keep such dates as EDTF (Extended Date/Time Format, ISO 8601-2
level 0/1) because it is the archival standard, it is a plain string that any
other tool can read, and it sorts and exports cleanly.  Next to the EDTF we
keep the span of days it covers (``earliest``..``latest``), so that the
catalogue can sort and answer range searches with ordinary SQL.

Why our own parser rather than the ``edtf`` package from PyPI: that package
parses EDTF but not what archivists type ("hacia 1998", "los 90", "16/10/2002"
read day first), so we would need our own human-language layer anyway; the
EDTF subset we store is small (years, months, days, ``?``/``~``/``%``
qualifiers, trailing ``X`` digits and intervals with open ends), and owning
it saves a dependency and lets every error carry a short message the
interface can show and translate.

Supported EDTF (the canonical forms this module writes and reads back)::

    1998  2002-10  2002-10-16         year, month, day
    1998?  1998~  1998%               uncertain, approximate, both
    199X  19XX  1XXX                  unspecified trailing digits of a year
    1985/1991  1985~/2002-10          closed intervals of the above
    ../1990  2000/..                  intervals open at one end

Refused as unsupported: partial qualification ("2004-06-~11"), seasons
("2001-21"), sets ("[1667,1668]"), unknown ends ("/1990"), long or negative
years, and qualified unspecified years ("199X~").

Spans (decided here, relied on by search):

* A date covers every day of its stated precision: "2002-10" is
  2002-10-01..2002-10-31, "199X" is 1990-01-01..1999-12-31.
* Approximate ("~", and "%" which is both) widens the span by ONE unit of the
  stated precision on each side: "1998~" is 1997-01-01..1999-12-31,
  "2002-10~" is 2002-09-01..2002-11-30, "2002-10-16~" is 2002-10-15..17.
  "Around 1998" found by a search for 1997 is more useful to a researcher
  than the item being lost; one unit is predictable and easy to explain.
* Uncertain ("?") does NOT widen: "1998?" means "probably 1998, we are not
  sure", not "some year near 1998", so its span stays 1998.
* Interval ends are inclusive, as in EDTF: "../1990" (typed as "antes de
  1990" / "before 1990") covers up to 1990-12-31.  Archivists use "antes de"
  loosely, and a range search that includes the boundary year loses nothing.
  An open end has no bound (``None``).
* ``sort_key`` orders by the un-widened span, so "c. 1998" sorts among the
  1998 items rather than among 1997.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "DateParseError",
    "UncertainDate",
    "format_date",
    "parse_human_date",
]


class DateParseError(ValueError):
    """A date that could not be read.

    ``message`` is a short English sentence meant for the person typing;
    ``code`` is a stable key (``"unrecognised"``, ``"invalid_day"`` ...) the
    interface uses to show a translated message instead.
    """

    def __init__(self, message: str, code: str = "unrecognised") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# ---------------------------------------------------------------------------
# Tables (no system locale: the same output on every machine)

MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# Every name or abbreviation people type, accent-folded and lower case.
_MONTH_WORDS: dict[str, int] = {}
for _i, (_es, _en) in enumerate(zip(MONTHS_ES, MONTHS_EN, strict=True), start=1):
    _MONTH_WORDS[_es] = _i
    _MONTH_WORDS[_en.lower()] = _i
    _MONTH_WORDS[_es[:3]] = _i
    _MONTH_WORDS[_en[:3].lower()] = _i
_MONTH_WORDS.update({"setiembre": 9, "sept": 9, "set": 9, "sep": 9})

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

# Prefix words, longest first so that "ca." is not read as "c" + "a.".
_APPROX_PREFIX = re.compile(
    r"^(?:aproximadamente|approximately|alrededor del?|cerca del?|circa|hacia|"
    r"around|about|aprox\.?|approx\.?|ca\.?|c\.?)\s*(?=\S)"
)
_UNCERTAIN_PREFIX = re.compile(
    r"^(?:posiblemente|probablemente|quizas|tal vez|possibly|probably|perhaps)\s+"
)
_FILLER_PREFIX = re.compile(r"^(?:en el ano|el ano|en el|ano|en|in|el|the|year)\s+(?=\d)")


# ---------------------------------------------------------------------------
# Internal structure: one point (year/month/day) and a date = 1 or 2 points


@dataclass(frozen=True)
class _Point:
    """One calendar point at year, month or day precision."""

    year: str  # four characters: digits, possibly ending in X ("199X")
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def unspecified(self) -> int:
        """How many trailing year digits are unspecified (X)."""
        return len(self.year) - len(self.year.rstrip("X"))

    def edtf(self) -> str:
        text = self.year
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            text += "%"
        elif self.approximate:
            text += "~"
        elif self.uncertain:
            text += "?"
        return text

    def nominal_span(self) -> tuple[datetime.date, datetime.date]:
        """First and last day covered, before any widening."""
        n = self.unspecified
        if n:
            base = int(self.year[: 4 - n] + "0" * n)
            first, last = max(base, 1), base + 10**n - 1
            return datetime.date(first, 1, 1), datetime.date(last, 12, 31)
        y = int(self.year)
        if self.month is None:
            return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        if self.day is None:
            last_day = calendar.monthrange(y, self.month)[1]
            return datetime.date(y, self.month, 1), datetime.date(y, self.month, last_day)
        d = datetime.date(y, self.month, self.day)
        return d, d

    def span(self) -> tuple[datetime.date, datetime.date]:
        """First and last day covered, widened by one unit when approximate."""
        first, last = self.nominal_span()
        if not self.approximate:
            return first, last
        if self.day is not None:
            return _shift_days(first, -1), _shift_days(last, 1)
        if self.month is not None:
            return _shift_months(first, -1), _shift_months(last, 1)
        return _shift_years(first, -1), _shift_years(last, 1)


@dataclass(frozen=True)
class _Parsed:
    """A single point (``end`` is the same object) or an interval."""

    start: _Point | None  # None: open ("..")
    end: _Point | None
    interval: bool

    def edtf(self) -> str:
        if not self.interval:
            assert self.start is not None
            return self.start.edtf()
        left = self.start.edtf() if self.start else ".."
        right = self.end.edtf() if self.end else ".."
        return f"{left}/{right}"

    def points(self) -> list[_Point]:
        return [p for p in (self.start, self.end) if p is not None]

    def to_uncertain_date(self) -> UncertainDate:
        earliest = self.start.span()[0] if self.start else None
        latest = self.end.span()[1] if self.end else None
        pts = self.points()
        return UncertainDate(
            edtf=self.edtf(),
            earliest=earliest,
            latest=latest,
            approximate=any(p.approximate for p in pts),
            uncertain=any(p.uncertain for p in pts),
        )


def _shift_days(d: datetime.date, n: int) -> datetime.date:
    try:
        return d + datetime.timedelta(days=n)
    except OverflowError:
        return datetime.date.min if n < 0 else datetime.date.max


def _shift_months(d: datetime.date, n: int) -> datetime.date:
    """Move to the first (n<0) or last (n>0) day of the month n months away."""
    index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(index, 12)
    if year < datetime.MINYEAR:
        return datetime.date.min
    if year > datetime.MAXYEAR:
        return datetime.date.max
    day = 1 if n < 0 else calendar.monthrange(year, month0 + 1)[1]
    return datetime.date(year, month0 + 1, day)


def _shift_years(d: datetime.date, n: int) -> datetime.date:
    year = d.year + n
    if year < datetime.MINYEAR:
        return datetime.date.min
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return d.replace(year=year)


# ---------------------------------------------------------------------------
# Public value


@dataclass(frozen=True)
class UncertainDate:
    """An archival date as stored: its EDTF and the span of days it covers.

    Build it with :func:`parse_human_date` or :meth:`from_edtf` rather than
    by hand, so that the span always agrees with the EDTF.  ``earliest`` is
    ``None`` for an interval open at the start ("../1990"), ``latest`` for
    one open at the end ("2000/..").  ``approximate`` and ``uncertain`` are
    true when any part of the date carries that qualifier.
    """

    edtf: str
    earliest: datetime.date | None
    latest: datetime.date | None
    approximate: bool = False
    uncertain: bool = False

    @classmethod
    def from_edtf(cls, text: str) -> UncertainDate:
        """Read back a stored EDTF string (the supported subset, see module doc)."""
        return _parse_edtf(text).to_uncertain_date()

    def sort_key(self) -> tuple[datetime.date, datetime.date, str]:
        """Chronological order by the un-widened span; open ends sort outermost.

        "c. 1998" sorts with 1998, not with 1997; "antes de 1990" sorts
        before everything that has a known start.  The EDTF breaks ties so
        the order is total and stable.
        """
        parsed = _parse_edtf(self.edtf)
        first = parsed.start.nominal_span()[0] if parsed.start else datetime.date.min
        last = parsed.end.nominal_span()[1] if parsed.end else datetime.date.max
        return first, last, self.edtf

    def overlaps(self, start: datetime.date | None, end: datetime.date | None) -> bool:
        """Whether the covered span meets [start, end] (``None``: unbounded).

        This is the test a range search applies ("items from 1995 to 2000").
        """
        if end is not None and self.earliest is not None and self.earliest > end:
            return False
        return not (start is not None and self.latest is not None and self.latest < start)

    def __str__(self) -> str:
        return self.edtf


# ---------------------------------------------------------------------------
# EDTF parsing

_EDTF_POINT = re.compile(
    r"^(?P<year>\d{4}|\d{3}X|\d{2}XX|\dXXX)"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
    r"(?P<q>[?~%])?$"
)


# Valid EDTF (levels 1-2) outside our subset: said so, rather than "unreadable".
_EDTF_UNSUPPORTED = re.compile(
    r"^\d{4}[?~%]?-[?~%]"  # partial qualification: 2004-~06, 2004?-06-11
    r"|^\d{4}-\d{2}-[?~%]\d"  # 2004-06-~11
    r"|^\d{4}-(?:2[1-9]|3\d|4[01])[?~%]?$"  # seasons: 2001-21
    r"|^[\[{]"  # sets: [1667,1668], {1960,1961}
    r"|^-?Y-?\d|^-\d{4}"  # long or negative years
    r"|^\d{4}(?:-[\dX]{2}){0,2}X|^\d{4}-X"  # unspecified month or day: 2004-XX
    r"|^\d{4}-\d{2}-\d{2}T"  # date and time
)


def _parse_edtf(text: str) -> _Parsed:
    raw = text.strip()
    if not raw:
        raise DateParseError("Type a date.", "empty")
    if "/" in raw:
        parts = raw.split("/")
        if len(parts) != 2:
            raise DateParseError(f"Could not read {text!r} as a date.")
        left, right = parts
        if left == "" or right == "":
            raise DateParseError(
                "A range with an unknown end is not supported; use '..' for an open end.",
                "unsupported",
            )
        if left == ".." and right == "..":
            raise DateParseError("A range needs at least one known end.", "open_both")
        start = None if left == ".." else _parse_edtf_point(left, text)
        end = None if right == ".." else _parse_edtf_point(right, text)
        return _make_interval(start, end)
    point = _parse_edtf_point(raw, text)
    return _Parsed(point, point, interval=False)


def _parse_edtf_point(part: str, whole: str) -> _Point:
    m = _EDTF_POINT.match(part)
    if not m:
        if _EDTF_UNSUPPORTED.search(part):
            raise DateParseError(
                f"{whole!r} is EDTF that Memoria does not support yet.", "unsupported"
            )
        raise DateParseError(f"Could not read {whole!r} as a date.")
    year = m["year"]
    month = int(m["month"]) if m["month"] else None
    day = int(m["day"]) if m["day"] else None
    q = m["q"] or ""
    if month is not None and day is None and 21 <= month <= 41:
        raise DateParseError(
            f"{whole!r} is an EDTF season, which Memoria does not support yet.", "unsupported"
        )
    if "X" in year and (month is not None or q):
        raise DateParseError(
            "An approximate or partly unknown decade cannot be stored; type a range instead.",
            "unsupported",
        )
    return _checked_point(
        year, month, day, approximate=q in "~%" and q != "", uncertain=q in "?%" and q != ""
    )


def _checked_point(
    year: str,
    month: int | None,
    day: int | None,
    *,
    approximate: bool = False,
    uncertain: bool = False,
) -> _Point:
    """Validate a point against the calendar and build it."""
    if "X" not in year and int(year) < datetime.MINYEAR:
        raise DateParseError("There is no year 0; write years from 1.", "invalid_year")
    if "X" in year and year == "XXXX":
        raise DateParseError("A date needs at least one known digit of the year.", "unrecognised")
    if month is not None and not 1 <= month <= 12:
        raise DateParseError(f"There is no month {month}.", "invalid_month")
    if day is not None:
        assert month is not None
        try:
            datetime.date(int(year), month, day)
        except ValueError:
            raise DateParseError(
                f"{day}/{month}/{year} is not a day on the calendar.", "invalid_day"
            ) from None
    return _Point(year, month, day, approximate, uncertain)


def _make_interval(start: _Point | None, end: _Point | None) -> _Parsed:
    if start is not None and end is not None:
        s_first, s_last = start.nominal_span()
        e_first, e_last = end.nominal_span()
        if s_first > e_first or s_last > e_last:
            raise DateParseError("The start of the range comes after its end.", "reversed")
    return _Parsed(start, end, interval=True)


# ---------------------------------------------------------------------------
# Human parsing


def _fold(text: str) -> str:
    """Lower case, no accents, single spaces, no commas: what the regexes see."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.casefold().replace(",", " ").replace("¿", "").replace("¡", "")
    bare = bare.replace("primero de", "1 de")
    return " ".join(bare.split()).rstrip(".").strip()


def parse_human_date(text: str) -> UncertainDate:
    """Read a date as an archivist types it, in Spanish or English.

    Accepts valid EDTF directly, plus phrases such as "c. 1998", "hacia
    1998", "1998?", "los 90", "década de 1990", "1990s", "octubre de 2002",
    "16/10/2002" (day first, as written in Colombia), "entre 1985 y 1991",
    "1985-1991", "198X", "antes de 1990", "after 2000".  Raises
    :class:`DateParseError` with a short message when it cannot.
    """
    if not text or not text.strip():
        raise DateParseError("Type a date.", "empty")
    candidate = text.strip()
    if re.fullmatch(r"[\dxX?~%./-]+", candidate):
        candidate = candidate.upper()  # "198x" is EDTF typed in lower case
    try:
        return _parse_edtf(candidate).to_uncertain_date()
    except DateParseError as exc:
        edtf_error = exc
    try:
        return _parse_human(_fold(text), text).to_uncertain_date()
    except DateParseError as exc:
        # Valid EDTF outside our subset ("2004-06-~11", "2001-21") is better
        # answered "not supported" than "unreadable" or "no month 21".
        if edtf_error.code == "unsupported" or (
            exc.code == "unrecognised" and edtf_error.code != "unrecognised"
        ):
            raise edtf_error from None
        raise


_BETWEEN = (
    re.compile(r"^entre\s+(.+?)\s+(?:y|e)\s+(.+)$"),
    re.compile(r"^between\s+(.+?)\s+and\s+(.+)$"),
    re.compile(r"^(?:desde|de)\s+(.+?)\s+(?:a|al|hasta)\s+(.+)$"),
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


def _parse_human(t: str, original: str) -> _Parsed:
    if not t:
        raise DateParseError("Type a date.", "empty")
    for pattern in _BETWEEN:
        m = pattern.match(t)
        if m:
            return _make_interval(_parse_point(m[1], original), _parse_point(m[2], original))
    m = _BEFORE.match(t)
    if m:
        return _make_interval(None, _parse_point(m[1], original))
    m = _AFTER.match(t)
    if m:
        return _make_interval(_parse_point(m[1], original), None)
    for pattern in _LOOSE_RANGE:
        m = pattern.match(t)
        if m:
            try:
                start, end = _parse_point(m[1], original), _parse_point(m[2], original)
            except DateParseError:
                continue
            return _make_interval(start, end)
    point = _parse_point(t, original)
    return _Parsed(point, point, interval=False)


def _parse_point(t: str, original: str) -> _Point:
    """One point, with its qualifier words and signs, from folded text."""
    t = t.strip()
    approximate = uncertain = False
    while t and t[-1] in "?~%":
        approximate |= t[-1] in "~%"
        uncertain |= t[-1] in "?%"
        t = t[:-1].rstrip()
    while True:
        m = _UNCERTAIN_PREFIX.match(t)
        if m:
            uncertain = True
            t = t[m.end() :]
            continue
        m = _APPROX_PREFIX.match(t)
        if m:
            approximate = True
            t = t[m.end() :]
            continue
        break
    t = re.sub(r"^el\s+", "", t)
    t = _FILLER_PREFIX.sub("", t)
    year, month, day = _parse_core(t, original)
    if "X" in year and (approximate or uncertain):
        raise DateParseError(
            "An approximate decade or century cannot be stored; type a range instead "
            "(for example 'between 1985 and 1995').",
            "approximate_decade",
        )
    return _checked_point(year, month, day, approximate=approximate, uncertain=uncertain)


_DAY_SUFFIX = r"(?:o|°|st|nd|rd|th)?"
_RE_YEAR = re.compile(r"^(\d{4})$")
_RE_XYEAR = re.compile(r"^(\d{3}x|\d{2}xx|\dxxx)$")
_RE_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_RE_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_RE_DMY_SHORT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$")
_RE_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_RE_DAY_MONTH_YEAR = re.compile(
    rf"^(\d{{1,2}}){_DAY_SUFFIX}\s+(?:de\s+|of\s+)?([a-z]+)\.?\s+(?:de\s+|del\s+|of\s+)?(\d{{4}})$"
)
_RE_MONTH_DAY_YEAR = re.compile(rf"^([a-z]+)\.?\s+(\d{{1,2}}){_DAY_SUFFIX}\s+(\d{{4}})$")
_RE_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s+(?:de\s+|del\s+|of\s+)?(\d{4})$")
_RE_DECADE_S = re.compile(r"^(?:the\s+)?'?(\d{2}|\d{4})'?s$")
_DECADE_PREFIX = (
    r"^(?:(?:en\s+)?(?:la\s+)?decada\s+(?:de\s+los|del|de)(?:\s+anos)?"
    r"|(?:en\s+)?(?:los\s+)?anos|(?:en\s+)?los|the)\s+'?(\d{2}|\d{4}|[a-z]+)'?s?$"
)
_RE_DECADE_PREFIX = re.compile(_DECADE_PREFIX)
_RE_CENTURY_ES = re.compile(r"^(?:el\s+)?siglo\s+([ivxlc]+)$")
_RE_CENTURY_EN = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century$")


def _parse_core(t: str, original: str) -> tuple[str, int | None, int | None]:
    """Year text, month and day of a bare date (qualifiers already removed)."""
    t = t.strip()
    for weekday in _WEEKDAYS:
        if t.startswith(weekday + " "):
            t = t[len(weekday) + 1 :]
            break
    if m := _RE_YEAR.match(t):
        return m[1], None, None
    if m := _RE_XYEAR.match(t):
        return m[1].upper(), None, None
    if m := _RE_ISO.match(t):
        return m[1], int(m[2]), int(m[3]) if m[3] else None
    if m := _RE_DMY.match(t):
        day, month = int(m[1]), int(m[2])
        if month > 12:
            raise DateParseError(
                f"There is no month {month}; dates are read day/month/year.", "invalid_month"
            )
        return m[3], month, day
    if _RE_DMY_SHORT.match(t):
        raise DateParseError("Write the year with four digits.", "two_digit_year")
    if m := _RE_MY.match(t):
        return m[2], int(m[1]), None
    if m := _RE_DAY_MONTH_YEAR.match(t):
        month = _month(m[2])
        if month is not None:
            return m[3], month, int(m[1])
    if m := _RE_MONTH_DAY_YEAR.match(t):
        month = _month(m[1])
        if month is not None:
            return m[3], month, int(m[2])
    if m := _RE_MONTH_YEAR.match(t):
        month = _month(m[1])
        if month is not None:
            return m[2], month, None
    for pattern in (_RE_DECADE_S, _RE_DECADE_PREFIX):
        if (m := pattern.match(t)) and (decade := _decade(m[1])):
            return decade, None, None
    if m := _RE_CENTURY_ES.match(t):
        return _century(_roman(m[1])), None, None
    if m := _RE_CENTURY_EN.match(t):
        return _century(int(m[1])), None, None
    raise DateParseError(f"Could not read {original.strip()!r} as a date.")


def _month(word: str) -> int | None:
    return _MONTH_WORDS.get(word)


def _decade(token: str) -> str | None:
    """'90', '1990' or 'noventa' to '199X'.  Two digits mean the 1900s."""
    if token in _DECADE_WORDS:
        return f"19{_DECADE_WORDS[token] // 10}X"
    if not token.isdigit():
        return None
    if not token.endswith("0"):
        raise DateParseError(f"{token} is not the start of a decade.", "invalid_decade")
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
        raise DateParseError("Only centuries II to XXI can be written this way.", "unrecognised")
    return f"{n - 1:02d}XX"


# ---------------------------------------------------------------------------
# Display

_ORDINAL_EN = {1: "st", 2: "nd", 3: "rd"}


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _format_bare(p: _Point, lang: str, *, article: bool = False) -> str:
    """A point without its qualifiers; ``article`` adds Spanish 'el' before a day."""
    n = p.unspecified
    if n == 1:
        decade = p.year[:3] + "0"
        return f"década de {decade}" if lang == "es" else f"{decade}s"
    if n == 2:
        century = int(p.year[:2]) + 1
        if lang == "es":
            return f"siglo {_to_roman(century)}"
        suffix = "th" if 10 <= century % 100 <= 20 else _ORDINAL_EN.get(century % 10, "th")
        return f"{century}{suffix} century"
    if n:
        return p.year
    year = p.year  # zero-padded below 1000, so it reads back as EDTF
    if p.month is None:
        return year
    if lang == "es":
        month = MONTHS_ES[p.month - 1]
        if p.day is None:
            return f"{month} de {year}"
        return f"{'el ' if article else ''}{p.day} de {month} de {year}"
    month = MONTHS_EN[p.month - 1]
    return f"{month} {year}" if p.day is None else f"{p.day} {month} {year}"


def _format_point(p: _Point, lang: str) -> str:
    """A date on its own: words for qualifiers ("hacia 1998", "possibly 1998")."""
    text = _format_bare(p, lang, article=p.approximate)
    if p.approximate:
        text = ("hacia " if lang == "es" else "circa ") + text
    if p.uncertain:
        text = ("posiblemente " if lang == "es" else "possibly ") + text
    return text


def _format_end(p: _Point, lang: str) -> str:
    """An interval end: compact qualifiers ("c. 1985", "1991?") that read well
    after "entre"/"between" and parse back to the same EDTF."""
    text = "c. " + _format_bare(p, lang) if p.approximate else _format_bare(p, lang, article=True)
    return text + "?" if p.uncertain else text


def _open_end(word_es: str, word_en: str, p: _Point, lang: str) -> str:
    """ "antes de 1990", "antes del 16 de octubre de 2002", "before 1990"."""
    text = _format_end(p, lang)
    if lang != "es":
        return f"{word_en} {text}"
    if text.startswith("el "):
        return f"{word_es} del {text[3:]}"
    return f"{word_es} de {text}"


def format_date(d: UncertainDate, lang: str) -> str:
    """The date for display in Spanish (``"es"``) or English (``"en"``).

    Locale tags such as ``"es_CO"`` or ``"en-GB"`` are accepted; any other
    language gets English.  Month names come from tables in this module, never
    from the system locale.  The text parses back to the same EDTF.
    """
    lang = "es" if lang.replace("-", "_").split("_")[0].lower() == "es" else "en"
    parsed = _parse_edtf(d.edtf)
    if not parsed.interval:
        assert parsed.start is not None
        return _format_point(parsed.start, lang)
    start, end = parsed.start, parsed.end
    if start is None:
        assert end is not None
        return _open_end("antes", "before", end, lang)
    if end is None:
        return _open_end("después", "after", start, lang)
    if lang == "es":
        return f"entre {_format_end(start, lang)} y {_format_end(end, lang)}"
    return f"between {_format_end(start, lang)} and {_format_end(end, lang)}"
