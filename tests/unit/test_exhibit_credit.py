"""An exported exhibit credits the photographer under each photograph (issue 15):
"Fotografía: <name>" in the website (both languages) and the printed catalogue, with
the name consent lets the public see: a pseudonym stays a pseudonym, a protected name
is replaced, and nobody is credited as "[nombre reservado]"."""

from __future__ import annotations

import re

import pytest

from memoria.domain.model import Anonymisation, Kind, Role, Scope
from memoria.exhibits.export import export_exhibit
from memoria.storage import authorities, consents, protections
from memoria.storage import exhibits as store
from memoria.storage import items as item_store
from memoria.ui.exhibits.print_catalogue import build_catalogue
from tests.unit.test_exhibits_support import add_media, jpeg_with_gps, terms


@pytest.fixture
def gallery(archive, tmp_path):
    luz = authorities.add_person(archive, "Luz Tres")
    credits = {"camila": "Camila Ruiz", "jorge": "Jorge Realpe", "rosa": "Rosa Amparo Quintero",
               "nadie": "Nadia Ocampo"}
    ids = {}
    for n, (key, name) in enumerate(credits.items()):
        who = authorities.add_person(archive, name)
        ids[key] = item_store.create_item(archive, item_store.ItemFields(
            Kind.PHOTOGRAPH, f"Foto {key}",
            people=[(luz.id, Role.DEPICTED), (who.id, Role.PHOTOGRAPHER)]))
        add_media(archive, ids[key], jpeg_with_gps(tmp_path / f"{key}.jpg", (40 * n, 90, 60)),
                  "image/jpeg", "JPEG")
        if key == "jorge":  # asked to be credited under a pseudonym
            consents.record_consent(archive, who.id, [ids[key]], terms(
                anonymisation={Anonymisation.PSEUDONYM}, pseudonym="El fotógrafo del barrio"))
        if key == "rosa":  # protected everywhere, replaced by the custodian's words
            protections.protect_person(archive, who.id, "una vecina", reason="pidió reserva")
        if key == "nadie":  # names withheld on this item: "[nombre reservado]"
            consents.record_consent(archive, who.id, [ids[key]], terms(
                anonymisation={Anonymisation.REDACT_NAMES}))
    consents.record_consent(archive, luz.id, list(ids.values()), terms())
    exhibit = store.create_exhibit(archive, "barrio", "El barrio", title_en="The neighbourhood")
    section = store.add_section(archive, exhibit, "Fotografías", title_en="Photographs")
    for key in credits:
        store.add_entry(archive, exhibit, ids[key], section_id=section,
                        caption=f"Pie {key}", caption_en=f"Caption {key}")
    return archive, exhibit


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_website_credits_photographers_as_consent_allows(gallery, tmp_path):
    archive, exhibit = gallery
    result = export_exhibit(archive, exhibit, tmp_path / "web", scope=Scope.EXHIBITION)
    assert len(result.exported) == 4
    spanish = _text((tmp_path / "web" / "section-1.html").read_text(encoding="utf-8"))
    english = _text((tmp_path / "web" / "section-1.en.html").read_text(encoding="utf-8"))
    assert "Fotografía: Camila Ruiz" in spanish and "Photograph: Camila Ruiz" in english
    assert "Fotografía: El fotógrafo del barrio" in spanish
    assert "Fotografía: una vecina" in spanish
    assert spanish.count("Fotografía:") == 3  # the withheld name is not credited
    every_page = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "web").glob("*.html"))
    for hidden in ("Jorge", "Realpe", "Rosa Amparo", "Quintero", "Nadia", "Ocampo", "reservado"):
        assert hidden not in every_page


def test_the_printed_catalogue_credits_them_too(gallery, tmp_path):
    archive, exhibit = gallery
    catalogue = build_catalogue(archive, exhibit, Scope.EXHIBITION, tmp_path / "print")
    text = _text(catalogue.html)
    assert "Fotografía: Camila Ruiz" in text
    assert "Fotografía: El fotógrafo del barrio" in text and "Jorge" not in text
    assert "Fotografía: una vecina" in text and "Quintero" not in text
    assert "reservado" not in text and text.count("Fotografía:") == 3
