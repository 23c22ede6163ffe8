"""Uncertain archival dates: what archivists type, what we store, what we show."""

from __future__ import annotations

import datetime as dt

import pytest

from memoria.domain.dates import DateParseError, UncertainDate, format_date, parse_human_date

D = dt.date

# text typed -> (canonical EDTF, earliest, latest)
PHRASES: list[tuple[str, str, D | None, D | None]] = [
    ("1998", "1998", D(1998, 1, 1), D(1998, 12, 31)),
    ("c. 1998", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    ("ca. 1998", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    ("circa 1998", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    ("hacia 1998", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    ("alrededor de 1998", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    ("1998?", "1998?", D(1998, 1, 1), D(1998, 12, 31)),
    ("1998~", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    ("1990s", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    ("los 90", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    ("años 90", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    ("década de 1990", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    ("década del 90", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    ("2002-10", "2002-10", D(2002, 10, 1), D(2002, 10, 31)),
    ("octubre de 2002", "2002-10", D(2002, 10, 1), D(2002, 10, 31)),
    ("October 2002", "2002-10", D(2002, 10, 1), D(2002, 10, 31)),
    ("oct 2002", "2002-10", D(2002, 10, 1), D(2002, 10, 31)),
    ("16 de octubre de 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("16/10/2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("2002-10-16", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("between 1985 and 1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("entre 1985 y 1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("1985-1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("1985/1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("198X", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("19XX", "19XX", D(1900, 1, 1), D(1999, 12, 31)),
    ("antes de 1990", "../1990", None, D(1990, 12, 31)),
    ("before 1990", "../1990", None, D(1990, 12, 31)),
    ("después de 2000", "2000/..", D(2000, 1, 1), None),
    ("after 2000", "2000/..", D(2000, 1, 1), None),
    ("2002-10-16~", "2002-10-16~", D(2002, 10, 15), D(2002, 10, 17)),
    ("199X", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    # Variants archivists also type.
    ("  Hacia   1998 ", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    ("HACIA 1998", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    ("despues de 2000", "2000/..", D(2000, 1, 1), None),
    ("decada de los 80", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("los años 70", "197X", D(1970, 1, 1), D(1979, 12, 31)),
    ("los noventa", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    ("the 1980s", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("'90s", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    ("1990's", "199X", D(1990, 1, 1), D(1999, 12, 31)),
    ("198x", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("19xx", "19XX", D(1900, 1, 1), D(1999, 12, 31)),
    ("siglo XX", "19XX", D(1900, 1, 1), D(1999, 12, 31)),
    ("20th century", "19XX", D(1900, 1, 1), D(1999, 12, 31)),
    ("Oct. 2002", "2002-10", D(2002, 10, 1), D(2002, 10, 31)),
    ("octubre 2002", "2002-10", D(2002, 10, 1), D(2002, 10, 31)),
    ("setiembre de 2002", "2002-09", D(2002, 9, 1), D(2002, 9, 30)),
    ("10/2002", "2002-10", D(2002, 10, 1), D(2002, 10, 31)),
    ("16 October 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("October 16, 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("16th Oct 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("miércoles 16 de octubre de 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("1º de mayo de 1990", "1990-05-01", D(1990, 5, 1), D(1990, 5, 1)),
    ("16.10.2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("1/2/2003", "2003-02-01", D(2003, 2, 1), D(2003, 2, 1)),
    ("29/02/2004", "2004-02-29", D(2004, 2, 29), D(2004, 2, 29)),
    ("¿1998?", "1998?", D(1998, 1, 1), D(1998, 12, 31)),
    ("posiblemente 1998", "1998?", D(1998, 1, 1), D(1998, 12, 31)),
    ("posiblemente hacia 1998", "1998%", D(1997, 1, 1), D(1999, 12, 31)),
    ("1998%", "1998%", D(1997, 1, 1), D(1999, 12, 31)),
    ("c. octubre de 2002", "2002-10~", D(2002, 9, 1), D(2002, 11, 30)),
    ("hacia el 16 de octubre de 2002", "2002-10-16~", D(2002, 10, 15), D(2002, 10, 17)),
    ("en 1998", "1998", D(1998, 1, 1), D(1998, 12, 31)),
    ("1985 - 1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("1985–1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("de 1985 a 1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("desde 1985 hasta 1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("from 1985 to 1991", "1985/1991", D(1985, 1, 1), D(1991, 12, 31)),
    ("entre c. 1985 y 1991", "1985~/1991", D(1984, 1, 1), D(1991, 12, 31)),
    ("entre octubre de 2002 y marzo de 2003", "2002-10/2003-03", D(2002, 10, 1), D(2003, 3, 31)),
    ("hasta 1990", "../1990", None, D(1990, 12, 31)),
    ("desde 2000", "2000/..", D(2000, 1, 1), None),
    ("antes del 16 de octubre de 2002", "../2002-10-16", None, D(2002, 10, 16)),
    ("1985~/1991?", "1985~/1991?", D(1984, 1, 1), D(1991, 12, 31)),
    ("../1990", "../1990", None, D(1990, 12, 31)),
    ("2000/..", "2000/..", D(2000, 1, 1), None),
]


@pytest.mark.parametrize(("text", "edtf", "earliest", "latest"), PHRASES)
def test_parse_human_date(text: str, edtf: str, earliest: D | None, latest: D | None) -> None:
    d = parse_human_date(text)
    assert d.edtf == edtf
    assert (d.earliest, d.latest) == (earliest, latest)


@pytest.mark.parametrize(("text", "edtf", "earliest", "latest"), PHRASES)
def test_round_trip_through_storage(
    text: str, edtf: str, earliest: D | None, latest: D | None
) -> None:
    """parse -> edtf (stored) -> from_edtf -> format -> parse again: nothing drifts."""
    d = parse_human_date(text)
    back = UncertainDate.from_edtf(d.edtf)
    assert back == d
    for lang in ("es", "en"):
        shown = format_date(back, lang)
        assert parse_human_date(shown) == d, (lang, shown)


@pytest.mark.parametrize(
    ("edtf", "es", "en"),
    [
        ("1998", "1998", "1998"),
        ("1998~", "hacia 1998", "circa 1998"),
        ("1998?", "posiblemente 1998", "possibly 1998"),
        ("1998%", "posiblemente hacia 1998", "possibly circa 1998"),
        ("199X", "década de 1990", "1990s"),
        ("198X", "década de 1980", "1980s"),
        ("19XX", "siglo XX", "20th century"),
        ("20XX", "siglo XXI", "21st century"),
        ("2002-10", "octubre de 2002", "October 2002"),
        ("2002-10~", "hacia octubre de 2002", "circa October 2002"),
        ("2002-10-16", "16 de octubre de 2002", "16 October 2002"),
        ("2002-10-16~", "hacia el 16 de octubre de 2002", "circa 16 October 2002"),
        ("1985/1991", "entre 1985 y 1991", "between 1985 and 1991"),
        ("1985~/1991?", "entre c. 1985 y 1991?", "between c. 1985 and 1991?"),
        (
            "2002-10-16/2003-03-03",
            "entre el 16 de octubre de 2002 y el 3 de marzo de 2003",
            "between 16 October 2002 and 3 March 2003",
        ),
        ("../1990", "antes de 1990", "before 1990"),
        ("../2002-10-16", "antes del 16 de octubre de 2002", "before 16 October 2002"),
        ("2000/..", "después de 2000", "after 2000"),
        ("2002-10-16/..", "después del 16 de octubre de 2002", "after 16 October 2002"),
    ],
)
def test_format_date(edtf: str, es: str, en: str) -> None:
    d = UncertainDate.from_edtf(edtf)
    assert format_date(d, "es") == es
    assert format_date(d, "en") == en


def test_format_accepts_locale_tags_and_falls_back_to_english() -> None:
    d = UncertainDate.from_edtf("2002-10")
    assert format_date(d, "es_CO") == "octubre de 2002"
    assert format_date(d, "es-419") == "octubre de 2002"
    assert format_date(d, "en_GB") == "October 2002"
    assert format_date(d, "pt") == "October 2002"


def test_every_month_name_in_both_languages() -> None:
    es = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]  # fmt: skip
    en = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
    for month, (name_es, name_en) in enumerate(zip(es, en, strict=True), start=1):
        d = UncertainDate.from_edtf(f"2002-{month:02d}")
        assert format_date(d, "es") == f"{name_es} de 2002"
        assert format_date(d, "en") == f"{name_en} 2002"
        assert parse_human_date(f"{name_es} de 2002").edtf == d.edtf
        assert parse_human_date(f"{name_en[:3]} 2002").edtf == d.edtf


def test_flags() -> None:
    assert parse_human_date("c. 1998").approximate
    assert not parse_human_date("c. 1998").uncertain
    assert parse_human_date("1998?").uncertain
    assert not parse_human_date("1998?").approximate
    both = parse_human_date("1998%")
    assert both.approximate and both.uncertain
    interval = parse_human_date("1985~/1991")
    assert interval.approximate and not interval.uncertain
    plain = parse_human_date("16/10/2002")
    assert not plain.approximate and not plain.uncertain


def test_approximate_widening_crosses_year_and_month_ends() -> None:
    assert parse_human_date("2002-01~").earliest == D(2001, 12, 1)
    assert parse_human_date("2002-12~").latest == D(2003, 1, 31)
    assert parse_human_date("2002-12-31~").latest == D(2003, 1, 1)
    assert parse_human_date("../1990~").latest == D(1991, 12, 31)


def test_uncertain_does_not_widen() -> None:
    d = parse_human_date("2002-10-16?")
    assert (d.earliest, d.latest) == (D(2002, 10, 16), D(2002, 10, 16))


def test_sort_key_orders_chronologically_with_open_starts_first() -> None:
    texts = ["2000/..", "1998", "c. 1998", "los 90", "antes de 1990", "16/10/2002", "1985/1991"]
    ordered = sorted((parse_human_date(t) for t in texts), key=UncertainDate.sort_key)
    assert [d.edtf for d in ordered] == [
        "../1990",
        "1985/1991",
        "199X",
        "1998",
        "1998~",
        "2000/..",
        "2002-10-16",
    ]


def test_approximate_sorts_with_its_nominal_year() -> None:
    keys = [parse_human_date(t).sort_key() for t in ("1997", "c. 1998", "1999")]
    assert keys == sorted(keys)


def test_overlaps_for_range_search() -> None:
    circa = parse_human_date("c. 1998")
    assert circa.overlaps(D(1997, 6, 1), D(1997, 6, 30))
    assert not circa.overlaps(D(2000, 1, 1), None)
    before = parse_human_date("antes de 1990")
    assert before.overlaps(None, D(1900, 1, 1))
    assert before.overlaps(D(1990, 12, 31), None)
    assert not before.overlaps(D(1991, 1, 1), None)
    after = parse_human_date("después de 2000")
    assert after.overlaps(D(2050, 1, 1), D(2050, 1, 2))
    assert not after.overlaps(None, D(1999, 12, 31))


def test_uncertain_date_is_frozen_and_str_is_edtf() -> None:
    d = parse_human_date("1998~")
    assert str(d) == "1998~"
    with pytest.raises(AttributeError):
        d.edtf = "1999"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("mañana", "unrecognised"),
        ("hello", "unrecognised"),
        ("31/02/2002", "invalid_day"),
        ("29/02/2003", "invalid_day"),
        ("2002-02-30", "invalid_day"),
        ("32 de enero de 2002", "invalid_day"),
        ("10/16/2002", "invalid_month"),
        ("2002-13", "invalid_month"),
        ("16/10/02", "two_digit_year"),
        ("entre 1991 y 1985", "reversed"),
        ("1991/1985", "reversed"),
        ("1991-1985", "reversed"),
        ("2004-06-~11", "unsupported"),
        ("[1667,1668]", "unsupported"),
        ("../..", "unsupported"),
        ("2001-29", "unsupported"),
        ("156X-12-25", "unsupported"),
        ("1995s", "invalid_decade"),
        ("1985/1991/1995", "unrecognised"),
        ("entre 1985 y mañana", "unrecognised"),
    ],
)
def test_errors(text: str, code: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_human_date(text)
    assert info.value.code == code
    assert info.value.message
    assert str(info.value) == info.value.message
    assert len(info.value.message) < 200
    assert info.value.text("es") and info.value.text("es") != info.value.message


def test_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_human_date("31/02/2002")


@pytest.mark.parametrize("bad", ["1990s", "16/10/2002", "2002-13", "199X-10", ""])
def test_from_edtf_is_strict(bad: str) -> None:
    """Stored dates must be canonical EDTF; human phrases are not accepted there."""
    with pytest.raises(DateParseError):
        UncertainDate.from_edtf(bad)
