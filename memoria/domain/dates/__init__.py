"""Uncertain archival dates, stored as Library of Congress EDTF strings.

Archivists rarely know an exact day: a photograph is "from around 1998", a
testimony speaks of "the 1990s", a roll of film was shot "between 1985 and
1991". We keep such dates as EDTF (Extended Date/Time Format, ISO 8601-2)
because it is the archival standard, a plain string any other tool reads,
and it sorts and exports cleanly. Next to the EDTF we keep the span of days
it covers (``earliest``..``latest``), so the catalogue can sort and answer
range searches with ordinary SQL and the search index with numeric ranges.

Modules: ``edtf`` (the EDTF grammar, spans, :class:`UncertainDate`),
``phrases`` (what people type, in Spanish and English), ``display`` (words
for a stored date), ``errors`` (one sentence, es/en, per refusal).

Why our own parser rather than the ``edtf`` package from PyPI: it does not
read what archivists type ("hacia 1998", "finales de 2002", "16/10/2002"
day first), so we need our own language layer anyway; EDTF levels 0 and 1
are small, and owning them lets every error carry a translated sentence.
Tests hold the parser to the Library of Congress examples and to
python-edtf's and edtf-validate's test cases (tests/data/README.md).

Supported: EDTF level 0 and level 1 complete::

    1985-04-12  1985-04  1985  0000  -0999     day, month, year, year 0, negative
    1985-04-12T23:20:30(Z|-04|+04:30)           date and time (span: the day)
    1964/2008  2004-02-01/2005-02               intervals of the above
    Y170000002  Y-170000002                     years of more than four digits
    2001-21 .. 2001-24                          spring, summer, autumn, winter
    1984?  2004-06~  2004-06-11%                uncertain, approximate, both
    201X  20XX  2004-XX  1985-04-XX  1985-XX-XX unspecified digits
    1984~/2004-06  1984-06-02?/  /2006  ../2006 2004-06-01/..
                                                qualified, unknown and open ends

Valid EDTF of level 2 (sets, partial qualification such as "2004?-06-11",
unspecified digits inside a date such as "156X-12-25", exponents and
significant digits, seasons 25-41) is refused as *not supported*, with the
reason; never as unreadable.

Spans (decided here, relied on by search):

* A date covers every day of its stated precision: "2002-10" is
  2002-10-01..2002-10-31, "199X" is 1990-01-01..1999-12-31, "1985-04-XX"
  all of April. A time of day does not narrow the day.
* Seasons are northern meteorological: spring March-May, summer June-August,
  autumn September-November, winter December to the end of February of the
  next year (python-edtf stops winter at 31 December; a winter's January
  would then be lost to a search).
* Approximate ("~", and "%" which is both) widens the span by ONE unit of
  the stated precision on each side: "1998~" is 1997-01-01..1999-12-31,
  "2002-10~" is 2002-09-01..2002-11-30, "199X~" is 1980..2009 (one decade),
  a season by three months. "Around 1998" found by a search for 1997 is more
  useful to a researcher than the item being lost; one unit is predictable
  and easy to explain.
* Uncertain ("?") does NOT widen: "1998?" means "probably 1998, we are not
  sure", not "some year near 1998", so its span stays 1998.
* Interval ends are inclusive, as in EDTF: "../1990" (typed as "antes de
  1990" / "before 1990") covers up to 1990-12-31. An open ("..") or unknown
  ("") end has no bound (``None``): a search cannot exclude what it cannot
  place.
* Years up to 0 are shown and typed as people write them: EDTF "0000" is
  "1 a. C." / "1 BCE", "-0999" is "1000 a. C." (astronomical numbering).
* Years before 1 and after 9999 are kept exactly in the EDTF and in
  ``sort_key``; the stored day span is clamped to 0001-01-01 / 9999-12-31,
  the days the catalogue and the index hold.
* ``sort_key`` orders by the un-widened span, so "c. 1998" sorts among the
  1998 items rather than among 1997.
"""

from __future__ import annotations

import re

from .display import format_date
from .edtf import UncertainDate, from_parsed, parse_edtf
from .errors import DateParseError
from .phrases import MONTHS_EN, MONTHS_ES, normalise_phrase, parse_human

__all__ = [
    "MONTHS_EN",
    "MONTHS_ES",
    "DateParseError",
    "UncertainDate",
    "format_date",
    "parse_human_date",
]


def parse_human_date(text: str) -> UncertainDate:
    """Read a date as an archivist types it, in Spanish or English.

    Accepts valid EDTF directly, plus phrases such as "c. 1998", "hacia
    1998", "1998?", "los 90", "década de 1990", "1990s", "octubre de 2002",
    "16/10/2002" (day first, as written in Colombia), "entre 1985 y 1991",
    "finales de 2002", "a mediados de los ochenta", "entre mayo y junio de
    1990", "octubre 16 de 2002", "antes de 1990", "after 2000". Raises
    :class:`DateParseError` with one sentence (``text(lang)``) when it cannot.
    """
    if not text or not text.strip():
        raise DateParseError("Type a date.", "empty", es="Escriba una fecha.")
    candidate = text.strip()
    if re.fullmatch(r"[\dxX?~%./-]+", candidate):
        candidate = candidate.upper()  # "198x" is EDTF typed in lower case
    try:
        return from_parsed(parse_edtf(candidate))
    except DateParseError as exc:
        edtf_error = exc
    try:
        return from_parsed(parse_human(normalise_phrase(text), text))
    except DateParseError as exc:
        # Valid EDTF outside levels 0-1 ("2004-06-~11", "2001-29") is better
        # answered "not supported, because" than "unreadable" or "no month 29".
        if edtf_error.code == "unsupported" or (
            exc.code == "unrecognised" and edtf_error.code != "unrecognised"
        ):
            raise edtf_error from None
        raise
