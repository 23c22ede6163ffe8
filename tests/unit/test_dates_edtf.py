"""EDTF as others write it: the Library of Congress examples as collected by
python-edtf and edtf-validate (tests/data/README.md). Levels 0 and 1 are
read, spanned as python-edtf spans them and shown in words that read back;
level 2 is refused as *not supported* with its reason, never as unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from memoria.domain.dates import DateParseError, UncertainDate, format_date, parse_human_date

DATA = Path(__file__).parent.parent / "data" / "dates" / "edtf_examples.tsv"


def _rows() -> list[tuple[str, str, str, list[str]]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        source, level, edtf, span = line.split("\t")
        rows.append((source, level, edtf, span.split()))
    return rows


ROWS = _rows()
# Deliberate differences from a source, each with its reason.
NOT_STORED = {
    # edtf-validate counts a range with no known end as level 1; it gives a
    # search nothing to place the item by, so it is refused with that reason.
    "/..", "../", "../..",
}
LENIENT = {
    # Typing tolerance: surrounding spaces are trimmed before reading.
    " 1863-03-29", "1863-03-29 ",
    # edtf-validate rejects a Y-year as an interval end; python-edtf and the
    # specification's grammar allow it (start -61000 is before end -2000).
    "Y-61000/-2000",
}
# python-edtf ends winter on 31 December; Memoria's winter runs to the end of
# February so a search for January of the next year still finds it.
WINTER = {"2010-24"}


def _ymd(text: str) -> tuple[int, int, int]:
    negative = text.startswith("-")
    y, m, d = (int(p) for p in text.lstrip("-").split("-"))
    return (-y if negative else y), m, d


@pytest.mark.parametrize(("source", "edtf", "span"),
                         [(s, e, sp) for s, lv, e, sp in ROWS if lv in ("0", "1")
                          and e not in NOT_STORED])
def test_level_0_and_1_are_read_and_round_trip(source: str, edtf: str, span: list[str]) -> None:
    d = UncertainDate.from_edtf(edtf)
    assert d.edtf == edtf
    for lang in ("es", "en"):
        assert parse_human_date(format_date(d, lang)).edtf == edtf, lang
    unknown_end = edtf.startswith("/") or edtf.endswith("/")
    if source != "python-edtf" or not span or edtf in WINTER or unknown_end or "inf" in " ".join(span):
        return  # python-edtf invents a 10-year bound for an unknown end; ours is open
    # python-edtf: one value (the day), two (strict first, last), three (strict
    # day, fuzzy first, last) or four (strict first, last, fuzzy first, last).
    want = [_ymd(s) for s in span]
    first, last, _ = d.sort_key()
    assert first == want[0]
    assert last == (want[1] if len(want) in (2, 4) else want[0])


def test_counts_of_the_specification_examples() -> None:
    """All of levels 0 and 1 (but the three refused on purpose) are stored."""
    stored = refused = 0
    for _, level, edtf, _ in ROWS:
        if level not in ("0", "1"):
            continue
        try:
            UncertainDate.from_edtf(edtf)
            stored += 1
        except DateParseError:
            refused += 1
    assert refused == len(NOT_STORED)
    assert stored >= 130


@pytest.mark.parametrize("edtf", sorted({e for _, lv, e, _ in ROWS if lv == "2"}))
def test_level_2_is_stored_or_refused_as_unsupported(edtf: str) -> None:
    """Valid EDTF is never "could not read": what Memoria cannot store is named."""
    try:
        d = UncertainDate.from_edtf(edtf)
    except DateParseError as exc:
        assert exc.code == "unsupported", (edtf, exc.message)
        if exc.code == "unsupported":
            assert "level 2" in exc.message or "neither end" in exc.message
            assert "nivel 2" in exc.text("es") or "extremo" in exc.text("es")
            # the typed path says the same
            with pytest.raises(DateParseError) as typed:
                parse_human_date(edtf)
            assert typed.value.code == "unsupported"
    else:  # level-1 features combined (a qualified season, "1985-04-XX" in a range)
        assert d.edtf == edtf


@pytest.mark.parametrize("edtf", sorted({e for _, lv, e, _ in ROWS if lv == "invalid"}
                                        - LENIENT))
def test_invalid_edtf_is_refused(edtf: str) -> None:
    with pytest.raises(DateParseError):
        UncertainDate.from_edtf(edtf)


def test_unsupported_reasons_are_specific() -> None:
    cases = {
        "2004?-06-11": "partial_qualification",
        "2004-06-~11": "partial_qualification",
        "156X-12-25": "partial_unspecified",
        "[1667, 1668, 1670..1672]": "set",
        "{1960, 1961-12}": "set",
        "Y17E7": "exponent",
        "1950S2": "exponent",
        "2001-29": "season_level2",
    }
    for edtf, reason in cases.items():
        with pytest.raises(DateParseError) as info:
            parse_human_date(edtf)
        assert (info.value.code, info.value.reason) == ("unsupported", reason), edtf
        assert edtf in info.value.message and edtf in info.value.text("es")


def test_spans_of_level_1_features() -> None:
    import datetime as dt

    D = dt.date
    cases = {
        "1985-04-XX": (D(1985, 4, 1), D(1985, 4, 30)),
        "1985-XX-XX": (D(1985, 1, 1), D(1985, 12, 31)),
        "2004-XX": (D(2004, 1, 1), D(2004, 12, 31)),
        "2001-21": (D(2001, 3, 1), D(2001, 5, 31)),
        "2010-24": (D(2010, 12, 1), D(2011, 2, 28)),
        "2001-21~": (D(2000, 12, 1), D(2001, 8, 31)),
        "199X~": (D(1980, 1, 1), D(2009, 12, 31)),
        "1985-04-12T23:20:30-04": (D(1985, 4, 12), D(1985, 4, 12)),
        "/2006": (None, D(2006, 12, 31)),
        "1984-06-02?/": (D(1984, 6, 2), None),
        "-0999": (D.min, D.min),
        "Y170000002": (D.max, D.max),
    }
    for edtf, (earliest, latest) in cases.items():
        d = UncertainDate.from_edtf(edtf)
        assert (d.earliest, d.latest) == (earliest, latest), edtf


def test_negative_and_long_years_sort_in_order() -> None:
    texts = ["2000", "Y170000002", "-0999", "0000", "Y-170000002", "-2005/-1999-02", "0500"]
    ordered = sorted((UncertainDate.from_edtf(t) for t in texts), key=UncertainDate.sort_key)
    assert [d.edtf for d in ordered] == [
        "Y-170000002", "-2005/-1999-02", "-0999", "0000", "0500", "2000", "Y170000002"]
