"""The date field: Spanish phrases understood, level-2 EDTF named as unsupported."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from memoria.ui.editors.date_field import DateField


@pytest.fixture
def field(qtbot):
    widget = DateField()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(("lang", "typed", "edtf"), [
    ("es", "a mediados de los ochenta", "1984/1986"),
    ("es", "octubre 16 de 2002", "2002-10-16"),
    ("en", "1985-04-XX", "1985-04-XX"),
])
def test_phrases_are_understood(field, qtbot, lang, typed, edtf):
    QLocale.setDefault(QLocale("es_CO" if lang == "es" else "en_GB"))
    try:
        qtbot.keyClicks(field.edit, typed)
        assert field.is_valid() and field.edtf() == edtf
        assert edtf in field.hint.text()
    finally:
        QLocale.setDefault(QLocale.c())


@pytest.mark.parametrize(("lang", "words"), [("es", "nivel 2"), ("en", "level 2")])
def test_level_2_edtf_is_named_unsupported_not_unreadable(field, qtbot, lang, words):
    QLocale.setDefault(QLocale("es_CO" if lang == "es" else "en_GB"))
    try:
        qtbot.keyClicks(field.edit, "2004?-06-11")
        assert not field.is_valid()
        hint = field.hint.text()
        assert words in hint and "2004?-06-11" in hint
        assert "leer" not in hint and "read" not in hint.lower()
    finally:
        QLocale.setDefault(QLocale.c())
