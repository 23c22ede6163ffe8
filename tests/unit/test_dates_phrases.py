"""Dates as Colombian archivists say them: parts of periods, decades in words,
ranges of months, the month before the day. Each reads to EDTF and back."""

from __future__ import annotations

import datetime as dt

import pytest

from memoria.domain.dates import DateParseError, format_date, parse_human_date

D = dt.date

PHRASES: list[tuple[str, str, D | None, D | None]] = [
    ("finales de 2002", "2002-09/2002-12", D(2002, 9, 1), D(2002, 12, 31)),
    ("a finales de 2002", "2002-09/2002-12", D(2002, 9, 1), D(2002, 12, 31)),
    ("fines de 2002", "2002-09/2002-12", D(2002, 9, 1), D(2002, 12, 31)),
    ("principios de 2002", "2002-01/2002-04", D(2002, 1, 1), D(2002, 4, 30)),
    ("a comienzos de 1990", "1990-01/1990-04", D(1990, 1, 1), D(1990, 4, 30)),
    ("inicios de 1990", "1990-01/1990-04", D(1990, 1, 1), D(1990, 4, 30)),
    ("mediados de 1985", "1985-05/1985-08", D(1985, 5, 1), D(1985, 8, 31)),
    ("principios de los 90", "1990/1993", D(1990, 1, 1), D(1993, 12, 31)),
    ("a principios de los noventa", "1990/1993", D(1990, 1, 1), D(1993, 12, 31)),
    ("a mediados de los ochenta", "1984/1986", D(1984, 1, 1), D(1986, 12, 31)),
    ("a finales de los años setenta", "1977/1979", D(1977, 1, 1), D(1979, 12, 31)),
    ("finales de la década de 1980", "1987/1989", D(1987, 1, 1), D(1989, 12, 31)),
    ("principios del siglo XX", "1900/1933", D(1900, 1, 1), D(1933, 12, 31)),
    ("finales del siglo XIX", "1867/1899", D(1867, 1, 1), D(1899, 12, 31)),
    ("mediados de octubre de 2002", "2002-10-11/2002-10-20", D(2002, 10, 11), D(2002, 10, 20)),
    ("finales de febrero de 2004", "2004-02-21/2004-02-29", D(2004, 2, 21), D(2004, 2, 29)),
    ("primera mitad de 1990", "1990-01/1990-06", D(1990, 1, 1), D(1990, 6, 30)),
    ("la segunda mitad de los 80", "1985/1989", D(1985, 1, 1), D(1989, 12, 31)),
    ("hacia finales de 2002", "2002-09~/2002-12~", D(2002, 8, 1), D(2003, 1, 31)),
    ("década de los ochenta", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("la década de los 80", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("los ochentas", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("en los años ochenta", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("los 80s", "198X", D(1980, 1, 1), D(1989, 12, 31)),
    ("hacia los 90", "199X~", D(1980, 1, 1), D(2009, 12, 31)),
    ("entre mayo y junio de 1990", "1990-05/1990-06", D(1990, 5, 1), D(1990, 6, 30)),
    ("de mayo a junio de 1990", "1990-05/1990-06", D(1990, 5, 1), D(1990, 6, 30)),
    ("entre el 3 y el 5 de mayo de 1990", "1990-05-03/1990-05-05", D(1990, 5, 3), D(1990, 5, 5)),
    ("del 3 al 5 de mayo de 1990", "1990-05-03/1990-05-05", D(1990, 5, 3), D(1990, 5, 5)),
    ("entre noviembre de 1989 y enero de 1990", "1989-11/1990-01", D(1989, 11, 1), D(1990, 1, 31)),
    ("entre finales de 1985 y principios de 1986", "1985-09/1986-04",
     D(1985, 9, 1), D(1986, 4, 30)),
    ("octubre 16 de 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("octubre 16, 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("Octubre 16 del 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("el 16 de octubre del 2002", "2002-10-16", D(2002, 10, 16), D(2002, 10, 16)),
    ("primavera de 2001", "2001-21", D(2001, 3, 1), D(2001, 5, 31)),
    ("invierno de 2010", "2010-24", D(2010, 12, 1), D(2011, 2, 28)),
    ("algún día de abril de 1985", "1985-04-XX", D(1985, 4, 1), D(1985, 4, 30)),
    ("algún mes de 2004", "2004-XX", D(2004, 1, 1), D(2004, 12, 31)),
    ("entre 1984 y una fecha desconocida", "1984/", D(1984, 1, 1), None),
    ("comienzos del 2002", "2002-01/2002-04", D(2002, 1, 1), D(2002, 4, 30)),
    ("entre finales de 1999 y comienzos de 2000", "1999-09/2000-04",
     D(1999, 9, 1), D(2000, 4, 30)),
    ("en octubre del 2002", "2002-10", D(2002, 10, 1), D(2002, 10, 31)),
    ("en la primavera de 2001", "2001-21", D(2001, 3, 1), D(2001, 5, 31)),
    ("mediados de la década de los setenta", "1974/1976", D(1974, 1, 1), D(1976, 12, 31)),
    ("últimos años de los 70", "1977/1979", D(1977, 1, 1), D(1979, 12, 31)),
    ("primeros años de la década de 1980", "1980/1983", D(1980, 1, 1), D(1983, 12, 31)),
    ("c 1998", "1998~", D(1997, 1, 1), D(1999, 12, 31)),
    # English where the module already has English.
    ("early 1990s", "1990/1993", D(1990, 1, 1), D(1993, 12, 31)),
    ("the late 90s", "1997/1999", D(1997, 1, 1), D(1999, 12, 31)),
    ("mid-1985", "1985-05/1985-08", D(1985, 5, 1), D(1985, 8, 31)),
    ("late 2002", "2002-09/2002-12", D(2002, 9, 1), D(2002, 12, 31)),
    ("between May and June 1990", "1990-05/1990-06", D(1990, 5, 1), D(1990, 6, 30)),
    ("from 3 to 5 May 1990", "1990-05-03/1990-05-05", D(1990, 5, 3), D(1990, 5, 5)),
    ("winter 2010", "2010-24", D(2010, 12, 1), D(2011, 2, 28)),
    ("fall 2001", "2001-23", D(2001, 9, 1), D(2001, 11, 30)),
    ("some day in April 1985", "1985-04-XX", D(1985, 4, 1), D(1985, 4, 30)),
]


@pytest.mark.parametrize(("text", "edtf", "earliest", "latest"), PHRASES)
def test_phrase(text: str, edtf: str, earliest: D | None, latest: D | None) -> None:
    d = parse_human_date(text)
    assert (d.edtf, d.earliest, d.latest) == (edtf, earliest, latest)
    for lang in ("es", "en"):
        assert parse_human_date(format_date(d, lang)).edtf == edtf


def test_words_shown_for_the_new_forms() -> None:
    shown = {e: format_date(parse_human_date(e), "es") for e in (
        "2001-21", "1985-04-XX", "2004-XX", "199X~", "1985-04-12T23:20:30Z", "1984/")}
    assert shown == {
        "2001-21": "primavera de 2001",
        "1985-04-XX": "algún día de abril de 1985",
        "2004-XX": "algún mes de 2004",
        "199X~": "hacia la década de 1990",
        "1985-04-12T23:20:30Z": "12 de abril de 1985, 23:20:30Z",
        "1984/": "entre 1984 y una fecha desconocida",
    }


@pytest.mark.parametrize("text", [
    "finales de mañana", "mediados del 16 de octubre de 2002", "entre mayo y junio",
    "principios de", "a finales de los 95",
])
def test_phrases_that_do_not_read_say_so_in_both_languages(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_human_date(text)
    assert info.value.code in ("unrecognised", "invalid_decade")
    assert info.value.text("es") != info.value.text("en")


def test_years_before_the_common_era_read_and_shown_as_people_write_them() -> None:
    """EDTF counts astronomically: 0000 is 1 BCE, -0999 is 1000 BCE."""
    assert format_date(parse_human_date("-0999"), "es") == "1000 a. C."
    assert format_date(parse_human_date("0000"), "en") == "1 BCE"
    assert parse_human_date("44 a. C.").edtf == "-0043"
    assert parse_human_date("entre 1000 a. C. y 500 a. C.").edtf == "-0999/-0499"
    assert parse_human_date("March 44 BC").edtf == "-0043-03"
