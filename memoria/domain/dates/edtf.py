"""EDTF levels 0 and 1 (Library of Congress, 2019; ISO 8601-2): parse, span, store.

Spans are computed on (year, month, day) integers in the proleptic Gregorian
calendar with astronomical years (EDTF "0000" is 1 BCE, "-0001" 2 BCE), so
negative and five-digit years order correctly; the stored ``earliest`` /
``latest`` are ``datetime.date`` clamped to 0001-01-01..9999-12-31, the days
the catalogue and the search index can hold.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .errors import DateParseError, cannot_read, unsupported

YMD = tuple[int, int, int]

SEASONS = (21, 22, 23, 24)  # spring, summer, autumn, winter (northern hemisphere)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _shift_days(d: YMD, n: int) -> YMD:
    y, m, day = d
    day += n
    if day < 1:
        m -= 1
        if m < 1:
            y, m = y - 1, 12
        day = days_in(y, m)
    elif day > days_in(y, m):
        day, m = 1, m + 1
        if m > 12:
            y, m = y + 1, 1
    return y, m, day


def _shift_months(d: YMD, n: int) -> YMD:
    """The first (n<0) or last (n>0) day of the month n months away."""
    year, month0 = divmod(d[0] * 12 + d[1] - 1 + n, 12)
    return (year, month0 + 1, 1 if n < 0 else days_in(year, month0 + 1))


def _shift_years(d: YMD, n: int) -> YMD:
    y = d[0] + n
    return y, d[1], min(d[2], days_in(y, d[1]))


def to_date(d: YMD | None) -> datetime.date | None:
    """A span end as a stored day, clamped to the days ``datetime.date`` holds."""
    if d is None:
        return None
    if d[0] < datetime.MINYEAR:
        return datetime.date.min
    if d[0] > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(*d)


@dataclass(frozen=True)
class Point:
    """One EDTF date: year (as written: "1998", "199X", "-0999", "Y170000002"),
    month ("04", "XX", a season "21".."24" or None), day ("12", "XX" or None),
    time of day ("T23:20:30Z" or None) and the qualifier of the whole date."""

    year: str
    month: str | None = None
    day: str | None = None
    time: str | None = None
    approximate: bool = False
    uncertain: bool = False

    # -- what the parts mean ---------------------------------------------------
    @property
    def digits(self) -> str:
        return self.year.lstrip("Y").lstrip("-")

    @property
    def negative(self) -> bool:
        return self.year.lstrip("Y").startswith("-")

    @property
    def unspecified(self) -> int:
        """How many trailing year digits are unspecified (X)."""
        return len(self.digits) - len(self.digits.rstrip("X"))

    @property
    def year_number(self) -> int | None:
        """The year as a number, None when some digits are unspecified."""
        if self.unspecified:
            return None
        return -int(self.digits) if self.negative else int(self.digits)

    @property
    def month_number(self) -> int | None:
        return int(self.month) if self.month and self.month.isdigit() else None

    @property
    def season(self) -> int | None:
        n = self.month_number
        return n if n is not None and n > 12 else None

    @property
    def day_number(self) -> int | None:
        return int(self.day) if self.day and self.day.isdigit() else None

    def edtf(self) -> str:
        text = self.year
        if self.month is not None:
            text += f"-{self.month}"
        if self.day is not None:
            text += f"-{self.day}"
        if self.time:
            text += self.time
        if self.approximate and self.uncertain:
            text += "%"
        elif self.approximate:
            text += "~"
        elif self.uncertain:
            text += "?"
        return text

    def plain(self) -> Point:
        return Point(self.year, self.month, self.day, self.time)

    # -- spans -------------------------------------------------------------------
    def nominal_span(self) -> tuple[YMD, YMD]:
        """First and last day covered, before any widening."""
        n = self.unspecified
        if n:
            low, high = int(self.digits.replace("X", "0")), int(self.digits.replace("X", "9"))
            first, last = (-high, -low) if self.negative else (low, high)
            return (first, 1, 1), (last, 12, 31)
        y = self.year_number
        assert y is not None
        season, month, day = self.season, self.month_number, self.day_number
        if season is not None:
            start_month = {21: 3, 22: 6, 23: 9, 24: 12}[season]
            first = (y, start_month, 1)
            return first, _shift_months(first, 2)
        if month is None:
            return (y, 1, 1), (y, 12, 31)
        if day is None:
            return (y, month, 1), (y, month, days_in(y, month))
        return (y, month, day), (y, month, day)

    def span(self) -> tuple[YMD, YMD]:
        """First and last day covered, widened by one unit when approximate."""
        first, last = self.nominal_span()
        if not self.approximate:
            return first, last
        if self.unspecified:
            unit = 10 ** self.unspecified
            return _shift_years(first, -unit), _shift_years(last, unit)
        if self.day_number is not None:
            return _shift_days(first, -1), _shift_days(last, 1)
        if self.season is not None:
            return _shift_months(first, -3), _shift_months(last, 3)
        if self.month_number is not None:
            return _shift_months(first, -1), _shift_months(last, 1)
        return _shift_years(first, -1), _shift_years(last, 1)


@dataclass(frozen=True)
class Parsed:
    """A single point, or an interval whose ends are a point, open ("..",
    ``None``) or unknown (empty in EDTF, ``unknown_*`` true)."""

    start: Point | None
    end: Point | None
    interval: bool
    unknown_start: bool = False
    unknown_end: bool = False

    def edtf(self) -> str:
        if not self.interval:
            assert self.start is not None
            return self.start.edtf()
        left = self.start.edtf() if self.start else ("" if self.unknown_start else "..")
        right = self.end.edtf() if self.end else ("" if self.unknown_end else "..")
        return f"{left}/{right}"

    def points(self) -> list[Point]:
        return [p for p in (self.start, self.end) if p is not None]


def make_interval(
    start: Point | None,
    end: Point | None,
    *,
    unknown_start: bool = False,
    unknown_end: bool = False,
) -> Parsed:
    if start is not None and end is not None:
        s_first = start.nominal_span()[0]
        e_first, e_last = end.nominal_span()
        # "1985/1985-06" is fine, "1985-06/1985" is not (edtf-validate's reading);
        # an end with unspecified digits ("1984-11-XX") may fall anywhere in its span.
        unspecified_end = "X" in end.edtf()
        if s_first > (e_last if unspecified_end else e_first):
            raise DateParseError(
                "The start of the range comes after its end.",
                "reversed",
                es="El comienzo del rango es posterior a su final.",
            )
    return Parsed(start, end, True, unknown_start, unknown_end)


# ---------------------------------------------------------------------------
# Reading EDTF

_YEAR = r"(?P<year>-?(?:\d{4}|\d{3}X|\d{2}XX|\dXXX)|Y-?[1-9]\d{4,})"
_TIME = r"T(?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})(?P<tz>Z|[+-](?P<th>\d{2})(?::(?P<tm>\d{2}))?)?"
_POINT = re.compile(
    rf"^{_YEAR}(?:-(?P<month>\d{{2}}|XX)(?:-(?P<day>\d{{2}}|XX))?)?"
    rf"(?:(?P<time>{_TIME})|(?P<q>[?~%]))?$"
)
# Anything shaped like an EDTF date of level 2: read only to say why it is refused.
_L2 = r"[?~%]?-?[\dX]{4}[?~%]?(?:-[?~%]?[\dX]{2}[?~%]?){0,2}"
_LEVEL2_POINT = re.compile(rf"^{_L2}$")
_EXPONENT = re.compile(r"^(?:Y-?\d+E\d+(?:S\d+)?|Y-?\d{5,}S\d+|-?\d{4}S\d+)$")
_SET_ELEMENT = re.compile(rf"^(?:\.\.)?{_L2}(?:\.\.(?:{_L2})?)?$")


def parse_edtf(text: str) -> Parsed:
    """EDTF level 0 and 1 as the Library of Congress writes it; level 2 refused
    as unsupported with the reason; anything else as unreadable."""
    raw = text.strip()
    if not raw:
        raise DateParseError("Type a date.", "empty", es="Escriba una fecha.")
    if raw[0] + raw[-1] in ("[]", "{}"):
        elements = [e.strip() for e in raw[1:-1].split(",")]
        if all(_SET_ELEMENT.match(e) for e in elements):
            raise unsupported(raw, "set")
        raise cannot_read(raw)
    if "/" not in raw:
        point = parse_point(raw, raw)
        return Parsed(point, point, interval=False)
    parts = raw.split("/")
    if len(parts) != 2:
        raise cannot_read(raw)
    left, right = parts
    if left in ("", "..") and right in ("", ".."):
        raise unsupported(raw, "open_both")
    start = None if left in ("", "..") else parse_point(left, raw, in_interval=True)
    end = None if right in ("", "..") else parse_point(right, raw, in_interval=True)
    return make_interval(start, end, unknown_start=left == "", unknown_end=right == "")


def parse_point(part: str, whole: str, *, in_interval: bool = False) -> Point:
    m = _POINT.match(part)
    if not m:
        raise _why_not(part, whole)
    year, month, day, time = m["year"], m["month"], m["day"], m["time"]
    if year.lstrip("-") == "0000" and year.startswith("-"):
        raise cannot_read(whole)  # "-0000": there is no negative zero
    if time:
        if in_interval:
            raise DateParseError(
                f"'{whole}': EDTF ranges take dates without a time of day.",
                es=f"«{whole}»: los rangos EDTF llevan fechas sin hora del día.",
            )
        if (day is None or day == "XX" or month == "XX" or int(m["h"]) > 23
                or int(m["mi"]) > 59 or int(m["s"]) > 59
                or (m["th"] and int(m["th"]) > 23) or (m["tm"] and int(m["tm"]) > 59)):
            raise cannot_read(whole)
    if year.startswith("Y") and month is not None:
        raise cannot_read(whole)  # a Y-year is a year only
    if "X" in year and month is not None:
        raise unsupported(whole, "partial_unspecified")
    if month == "XX" and day is not None and day != "XX":
        raise unsupported(whole, "partial_unspecified")
    q = m["q"] or ""
    point = Point(year, month, day, time, approximate=q in ("~", "%"),
                  uncertain=q in ("?", "%"))
    check_calendar(point, whole)
    return point


def _why_not(part: str, whole: str) -> DateParseError:
    """Valid EDTF of level 2 is 'not supported, because'; the rest is unreadable."""
    if _EXPONENT.match(part):
        return unsupported(whole, "exponent")
    if not _LEVEL2_POINT.match(part):
        return cannot_read(whole)
    core = part.strip("?~%")
    if re.search(r"[?~%]", core) or part[0] in "?~%":
        return unsupported(whole, "partial_qualification")
    if "X" in core:
        return unsupported(whole, "partial_unspecified")
    season = re.fullmatch(r"-?\d{4}-(\d{2})", core)
    if season and 25 <= int(season[1]) <= 41:
        return unsupported(whole, "season_level2")
    return cannot_read(whole)


def check_calendar(p: Point, whole: str) -> None:
    """A month that exists, a day on the calendar (raises DateParseError)."""
    month = p.month_number
    if month is not None and not (1 <= month <= 12 or month in SEASONS):
        if 25 <= month <= 41 and p.day is None:
            raise unsupported(whole, "season_level2")
        raise DateParseError(f"There is no month {month}.", "invalid_month",
                             es=f"No existe el mes {month}.")
    if p.season is not None and p.day is not None:
        raise cannot_read(whole)
    day = p.day_number
    if day is not None and month is not None:
        y = p.year_number
        assert y is not None
        if not 1 <= day <= days_in(y, month):
            raise DateParseError(
                f"{day}/{month}/{p.year} is not a day on the calendar.", "invalid_day",
                es=f"{day}/{month}/{p.year} no es un día del calendario.")


# ---------------------------------------------------------------------------
# The stored value


@dataclass(frozen=True)
class UncertainDate:
    """An archival date as stored: its EDTF and the span of days it covers.

    Build it with :func:`parse_human_date` or :meth:`from_edtf` rather than
    by hand, so that the span always agrees with the EDTF. ``earliest`` is
    ``None`` for an interval open or unknown at the start ("../1990",
    "/1990"), ``latest`` for one open or unknown at the end. ``approximate``
    and ``uncertain`` are true when any part of the date carries that
    qualifier.
    """

    edtf: str
    earliest: datetime.date | None
    latest: datetime.date | None
    approximate: bool = False
    uncertain: bool = False

    @classmethod
    def from_edtf(cls, text: str) -> UncertainDate:
        """Read back a stored EDTF string (levels 0 and 1)."""
        return from_parsed(parse_edtf(text))

    def sort_key(self) -> tuple[YMD, YMD, str]:
        """Chronological order by the un-widened span; open ends sort outermost.

        "c. 1998" sorts with 1998, not with 1997; "antes de 1990" sorts
        before everything that has a known start; "-0999" before "0500".
        The EDTF breaks ties so the order is total and stable.
        """
        parsed = parse_edtf(self.edtf)
        first = parsed.start.nominal_span()[0] if parsed.start else (-(10**12), 1, 1)
        last = parsed.end.nominal_span()[1] if parsed.end else (10**12, 12, 31)
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


def from_parsed(parsed: Parsed) -> UncertainDate:
    pts = parsed.points()
    return UncertainDate(
        edtf=parsed.edtf(),
        earliest=to_date(parsed.start.span()[0]) if parsed.start else None,
        latest=to_date(parsed.end.span()[1]) if parsed.end else None,
        approximate=any(p.approximate for p in pts),
        uncertain=any(p.uncertain for p in pts),
    )
