"""The folds, one per purpose: the search fold keeps ñ, the privacy fold does not, the handle fold names."""

from __future__ import annotations

from memoria.domain.dates import parse_human_date
from memoria.domain.folding import handle_fold, privacy_fold
from memoria.protect import Protected, Protector
from memoria.search.stemming import search_fold


def test_the_search_fold_keeps_enye_and_the_privacy_fold_drops_it():
    assert search_fold("Muñoz Álvarez") == "muñoz alvarez"  # ñ is a letter in Spanish
    assert privacy_fold("Muñoz Álvarez") == "munoz alvarez"
    assert search_fold("AÑO") != search_fold("ano")  # the index keeps año and ano apart
    assert privacy_fold("AÑO") == privacy_fold("ano")


def test_a_protected_name_typed_without_enye_is_still_caught():
    guard = Protector([Protected("person:1", "Rosa Muñoz", "Rosa", ("Rosa Muñoz",), 1)])
    assert guard.replace("Habló Rosa Munoz en Tumaco.") == "Habló Rosa en Tumaco."
    assert guard.replace("Habló ROSA MUÑOZ en Tumaco.") == "Habló Rosa en Tumaco."
    # Compatibility forms too (full-width letters typed or pasted).
    assert guard.replace("Habló Ｒｏｓａ Ｍｕñｏｚ.") == "Habló Rosa."
    assert guard.found("rosa munoz")


def test_the_privacy_fold_serves_loose_matches_elsewhere():
    # A date phrase typed without ñ reads as with it.
    assert parse_human_date("en el ano 1998").edtf == parse_human_date("en el año 1998").edtf


def test_the_handle_fold_names_an_exhibit_for_scripts():
    # What `memoria exhibit export NAME` is typed with: ASCII, hyphens, no ñ or accents.
    assert handle_fold("Memoria del Río Atrato: 1998–2002") == "memoria-del-rio-atrato-1998-2002"
    assert handle_fold("Año de Muñoz") == "ano-de-munoz"
    assert handle_fold("  ¡Ｖｏｃｅｓ!  ") == "voces"
    assert len(handle_fold("x " * 60)) <= 40 and not handle_fold("x " * 60).endswith("-")
