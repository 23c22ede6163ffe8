"""Dates typed as phrases or level-1 EDTF are stored with their span and found
by range searches (real archive, real index)."""

from __future__ import annotations

from datetime import date

import pytest

from memoria.domain.consent import Audience
from memoria.domain.dates import parse_human_date
from memoria.domain.model import Kind
from memoria.search.engine import SearchEngine
from memoria.storage import items as item_store
from memoria.storage.archive import Archive

TYPED = {
    "finales": "finales de 2002",
    "ochentas": "a mediados de los ochenta",
    "winter": "invierno de 2001",
    "april": "1985-04-XX",
    "bce": "-0999",
    "datetime": "1985-04-12T23:20:30Z",
    "unknown_end": "1984-06-02?/",
    "before": "antes de 1990",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    arch = Archive.create(tmp_path_factory.mktemp("dates") / "archive")
    arch.today_override = date(2026, 6, 1)
    ids = {}
    for key, typed in TYPED.items():
        edtf = parse_human_date(typed).edtf
        ids[key] = item_store.create_item(arch, item_store.ItemFields(
            Kind.PHOTOGRAPH, f"Foto {key}", date_edtf=edtf))
    eng = SearchEngine(arch)
    eng.ensure_fresh()
    yield eng, ids, arch
    eng.close()
    arch.close()


def _found(eng, query: str) -> set[int]:
    return set(eng.search(query, Audience.CUSTODIAN).item_ids)


def test_spans_are_stored_for_sorting_and_sql(engine) -> None:
    _, ids, arch = engine
    row = arch.conn.execute("SELECT date_start, date_end FROM items WHERE id = ?",
                            (ids["winter"],)).fetchone()
    assert tuple(row) == ("2001-12-01", "2002-02-28")
    row = arch.conn.execute("SELECT date_start, date_end FROM items WHERE id = ?",
                            (ids["bce"],)).fetchone()
    assert tuple(row) == ("0001-01-01", "0001-01-01")


def test_range_searches_find_phrase_dates(engine) -> None:
    eng, ids, _ = engine
    assert ids["finales"] in _found(eng, "año:2002")
    assert ids["finales"] not in _found(eng, "año:2003")
    assert ids["ochentas"] in _found(eng, "año:1985")
    assert ids["ochentas"] not in _found(eng, "año:1987")
    assert ids["winter"] in _found(eng, "año:2002")  # January 2002 is the winter of 2001
    assert {ids["april"], ids["datetime"]} <= _found(eng, "año:1985")
    assert ids["bce"] not in _found(eng, "año:1985")


def test_open_and_unknown_ends_have_no_bound(engine) -> None:
    eng, ids, _ = engine
    for year in (1984, 1999, 2030):
        assert ids["unknown_end"] in _found(eng, f"año:{year}")
    assert ids["unknown_end"] not in _found(eng, "año:1983")
    assert ids["before"] in _found(eng, "año:1950") and ids["before"] in _found(eng, "año:1990")
    assert ids["before"] not in _found(eng, "año:1991")


def test_open_start_sorts_first(engine) -> None:
    eng, ids, _ = engine
    result = eng.search("", Audience.CUSTODIAN, sort="date")
    assert result.item_ids[:2] == [ids["before"], ids["bce"]]
