"""The outbound projection (issue 12): allowlisted fields, names protected archive-wide,
redactions cut, technical metadata filtered, for curator, researcher and public."""

from __future__ import annotations

import json

import pytest

from memoria.domain.consent import Audience
from memoria.projection import Projection, project
from memoria.protect import ProtectedNameFound, Protector, guard_text, propose_variants
from memoria.storage import protections
from tests.unit import projection_support as ps

OUTSIDE = (Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC)


@pytest.fixture
def scenario(archive, tmp_path):
    return ps.build(archive, tmp_path)


def _dump(p: Projection) -> str:
    return json.dumps([p.texts(), [m.technical for m in p.item.media]], ensure_ascii=False)


@pytest.mark.parametrize("audience", OUTSIDE)
def test_no_item_projection_carries_a_protected_name_or_embedded_metadata(scenario, audience):
    for key, item_id in scenario.items.items():
        p = project(scenario.arch, item_id, audience)
        assert ps.leaks(_dump(p)) == [], key
        assert p.item.notes == ""


def test_a_neighbours_testimony_names_the_narrator_only_by_her_pseudonym(scenario):
    p = project(scenario.arch, scenario.items["t2"], Audience.RESEARCHER)
    texts = [s.text for s in p.segments]
    assert texts[0] == f"Doña {ps.PSEUDONYM} nos ayudó aquella noche."  # diminutive + surname
    assert texts[1] == f"Después los {ps.PSEUDONYM} se fueron del barrio."  # plural surname
    assert texts[2].startswith(f"La señora {ps.PSEUDONYM} cuidaba a {ps.CHILD_REPLACEMENT}")
    assert "[apodo]" in texts[2]  # a protected term
    assert p.item.subjects == (f"familia {ps.PSEUDONYM}", "desplazamiento")
    assert p.segments[0].keywords == f"{ps.PSEUDONYM}; desplazamiento"
    # The narrator of T2 is not protected: his own name stays.
    assert p.item.people[0].person.name == "Pedro Gómez"


def test_the_custodian_receives_everything_unchanged(scenario):
    p = project(scenario.arch, scenario.items["t2"], Audience.CUSTODIAN)
    assert "los Quinteros" in p.segments[1].text
    photo = project(scenario.arch, scenario.items["p1"], Audience.CUSTODIAN)
    tech = photo.item.media[0].technical
    assert tech["author"].startswith("Rosa Elena Quintero") and tech["camera_make"] == "Canon"
    assert tech["gps_lat"] == pytest.approx(6.25)
    audio = project(scenario.arch, scenario.items["a1"], Audience.CUSTODIAN)
    assert audio.item.media[0].technical["tags"]["artist"] == ps.REAL


@pytest.mark.parametrize("audience", OUTSIDE)
def test_technical_metadata_keeps_format_dimensions_duration_and_sample_rate(scenario, audience):
    photo = project(scenario.arch, scenario.items["p1"], audience).item.media[0]
    assert photo.technical["width"] == 320 and photo.technical["format"] == "JPEG"
    assert not {"gps_lat", "gps_lon", "author", "camera_make", "camera_model",
                "caption"} & set(photo.technical)
    assert photo.original_name.endswith("-1.jpg") and "rosa" not in photo.original_name
    audio = project(scenario.arch, scenario.items["a1"], audience).item.media[0]
    assert audio.technical["sample_rate"] == 22050 and audio.technical["duration"] > 1
    assert "tags" not in audio.technical and "raw_tags" not in audio.technical


def test_a_redacted_span_is_cut_for_everyone_outside_and_in_custodian_exports(scenario):
    for audience in OUTSIDE:
        seg = project(scenario.arch, scenario.items["t1"], audience).segments[1]
        assert seg.text == "Vivíamos en la […], cerca del río."
    raw = project(scenario.arch, scenario.items["t1"], Audience.CUSTODIAN).segments[1]
    assert ps.REDACTED in raw.text  # the custodian edits the real text
    export = project(scenario.arch, scenario.items["t1"], Audience.CUSTODIAN, redact=True)
    assert ps.REDACTED not in export.segments[1].text


def test_on_her_own_item_every_part_of_her_name_is_caught(scenario):
    p = project(scenario.arch, scenario.items["t1"], Audience.PUBLIC)
    assert p.segments[0].text == f"Me llamo {ps.PSEUDONYM} y vivo aquí."
    assert p.segments[0].speaker == ps.PSEUDONYM
    assert p.item.people[0].person.name == ps.PSEUDONYM


def test_variants_proposed_for_a_spanish_name():
    proposed = {v.text: v for v in propose_variants("Rosa Elena Quintero Muñoz")}
    for caught in ("Rosa Elena Quintero Muñoz", "Rosa Quintero", "Rosita Quintero",
                   "Quintero", "Quinteros", "Muñoz", "Quintero Muñoz"):
        assert proposed[caught].default, caught
    # A common given name alone (or its diminutive) only once a custodian confirms it.
    assert not proposed["Rosa"].default and not proposed["Rosita"].default
    protector = Protector([ps_protected(["Muñoz"])])
    assert protector.replace("la señora MUNOZ llegó") == "la señora X llegó"


def ps_protected(variants):
    from memoria.protect import Protected

    return Protected("person:1", "n", "X", tuple(variants), 1)


def test_a_confirmed_list_decides_what_is_caught(scenario):
    arch = scenario.arch
    rosa = scenario.people["rosa"]
    # Confirm a list with the given-name diminutive alone and without the surname alone.
    protections.confirm_variants(arch, rosa, [ps.REAL, "Rosita", "Quinteros"])
    listed = {p.key: p for p in protections.all_protections(arch)}[f"person:{rosa}"]
    assert listed.confirmed and listed.variants == (ps.REAL, "Rosita", "Quinteros")
    p = project(arch, scenario.items["t2"], Audience.RESEARCHER)
    assert p.segments[0].text == f"Doña {ps.PSEUDONYM} Quintero nos ayudó aquella noche."


def test_marking_a_protection_reindexes_every_item_that_mentions_the_person(scenario):
    arch = scenario.arch
    before = arch.generation()
    mentioned = protections.items_mentioning(arch, ["Rosita Quintero", "Quinteros"])
    assert mentioned == {scenario.items["t2"]}
    protections.protect_person(arch, scenario.people["pedro"], "Vecino")
    touched = {r[0] for r in arch.conn.execute(
        "SELECT item_id FROM changes WHERE generation > ?", (before,))}
    assert scenario.items["t2"] in touched


def test_the_last_guard_refuses_naming_the_file_not_the_person(scenario):
    protector = protections.protector(scenario.arch)
    with pytest.raises(ProtectedNameFound) as refused:
        guard_text(protector, "…y la familia Quintero…", "transcript.vtt")
    assert "transcript.vtt" in str(refused.value)
    assert "Quintero" not in str(refused.value)
    assert guard_text(protector, "Flor Morada", "x.vtt") == "Flor Morada"


def test_a_name_like_pseudonym_is_not_taken_for_another_persons_name():
    from memoria.protect import Protected

    pedro = Protected("person:1", "Pedro Gómez", "Rosa Gómez", ("Pedro Gómez", "Gómez"), 1)
    rosa = Protected("person:2", "Rosa Quintero", "Flor Morada", ("Rosa Quintero",), 2)
    names = Protector([pedro, rosa])
    # "Rosa Gómez" is Pedro's pseudonym: not a leak, not replaced again...
    assert names.replace("Habló Rosa Gómez.") == "Habló Rosa Gómez."
    assert names.found("Habló Rosa Gómez.") == []
    # ...but a real "Gómez" next to it still is.
    assert names.replace("Rosa Gómez y Gómez") == "Rosa Gómez y Rosa Gómez"
    assert names.found("Rosa Gómez y Gómez") == [pedro]
    # A replacement that is itself a protected full name is still caught.
    assert names.found("vino Rosa Quintero") == [rosa]
