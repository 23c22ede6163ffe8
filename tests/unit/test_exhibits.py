"""Exhibits in the catalogue and the consent check, on a real archive."""

from __future__ import annotations

import json

import pytest

from memoria.domain.model import Kind, Scope
from memoria.exhibits.check import blocked, check_exhibit
from memoria.exhibits.model import EntryKind, parse_scope
from memoria.storage import consents
from memoria.storage import exhibits as store
from memoria.storage import items as item_store
from tests.unit.test_exhibits_support import BLOCKED_EVERYWHERE, build_museum


@pytest.fixture
def museum(archive, tmp_path):
    return build_museum(archive, tmp_path / "sources")


def _reasons(checks):
    return {c.entry.id: c.reasons for c in checks}


def test_exhibit_keeps_sections_and_entries_in_order(museum):
    exhibit = store.get_exhibit(museum.arch, "voces")
    assert [s.title.es for s in exhibit.sections] == ["Fotografías", "Relatos"]
    assert exhibit.sections[0].entries[0].id == museum.entries["none"]
    assert [e.kind for e in exhibit.sections[1].entries][:3] == [
        EntryKind.ITEM, EntryKind.SEGMENT, EntryKind.QUOTE]
    assert exhibit.bilingual and exhibit.scope is Scope.EXHIBITION
    store.move_entry(museum.arch, museum.entries["quote"], 0)
    again = store.get_exhibit(museum.arch, museum.exhibit_id)
    assert again.sections[1].entries[0].id == museum.entries["quote"]
    assert [e.position for e in again.sections[1].entries] == list(range(7))


def test_every_change_is_audited_and_touches_the_catalogue(museum):
    arch = museum.arch
    before = arch.generation()
    store.update_entry(arch, museum.entries["granted"], caption_es="Nuevo pie")
    assert arch.generation() > before
    actions = {(r["entity_type"], r["action"]) for r in arch.conn.execute(
        "SELECT entity_type, action FROM audit_log")}
    assert {("exhibit", "create"), ("exhibit", "add_section"), ("exhibit_entry", "add"),
            ("exhibit_entry", "update"), ("redaction", "add"),
            ("blur_regions", "set")} <= actions
    store.remove_entry(arch, museum.entries["none"])
    assert ("exhibit_entry", "remove") in {(r[0], r[1]) for r in arch.conn.execute(
        "SELECT entity_type, action FROM audit_log")}


def test_an_item_shows_which_exhibits_use_it(museum):
    uses = store.exhibits_using_item(museum.arch, museum.items["pseudonym"])
    assert {u.name for u in uses} == {"voces"}
    assert sorted(u.kind.value for u in uses) == ["item", "quote", "segment"]
    assert store.exhibits_using_item(museum.arch, 99999) == []


def test_bad_entries_are_refused_with_a_sentence(museum, archive):
    arch = museum.arch
    with pytest.raises(store.ExhibitError, match="not in that segment"):
        store.add_entry(arch, museum.exhibit_id, museum.items["pseudonym"],
                        segment_id=museum.segments["first"], quote="palabras inventadas")
    with pytest.raises(store.ExhibitError, match="not part of item"):
        store.add_entry(arch, museum.exhibit_id, museum.items["granted"],
                        segment_id=museum.segments["first"])
    with pytest.raises(store.ExhibitError, match="already an exhibit"):
        store.create_exhibit(arch, "voces", "Otra")
    with pytest.raises(ValueError, match="exhibit scope"):
        parse_scope("research")
    with pytest.raises(store.ExhibitError, match="outside"):
        store.add_redaction(arch, museum.segments["first"], 5, 10_000)


@pytest.mark.parametrize("scope", [Scope.EXHIBITION, Scope.PUBLICATION_PRINT,
                                   Scope.PUBLICATION_ONLINE])
def test_check_reports_every_blocked_entry_and_why(museum, scope):
    exhibit = store.get_exhibit(museum.arch, "voces")
    reasons = _reasons(check_exhibit(museum.arch, exhibit, scope))
    for key, reason in BLOCKED_EVERYWHERE.items():
        got = reasons[museum.entries[key]]
        # Outside exhibition, the scope refusal comes first for the consent-only cases.
        assert reason in got if scope is Scope.EXHIBITION else got, (key, got)
    allowed = {key for key, entry in museum.entries.items() if not reasons[entry]}
    expected = {
        Scope.EXHIBITION: {"granted", "blurred", "pseudonym", "segment", "quote",
                           "segment_withdrawn_item", "no_voice_quote"},
        Scope.PUBLICATION_PRINT: {"granted"},
        Scope.PUBLICATION_ONLINE: {"pseudonym", "segment", "quote"},
    }[scope]
    assert allowed == expected


def test_withheld_segment_reports_its_consent_reason(museum):
    exhibit = store.get_exhibit(museum.arch, "voces")
    verdict = {c.entry.id: c for c in check_exhibit(museum.arch, exhibit)}
    seg = verdict[museum.entries["segment_withdrawn"]]
    assert seg.reasons == ("segment_withheld", "withdrawn")
    assert "withdrawn" in seg.explain("en") and "retira" in seg.explain("es")
    voice = verdict[museum.entries["no_voice_segment"]]
    assert "voice" in voice.explain("en")


def test_consent_withdrawn_after_placement_blocks_the_entry(museum):
    arch = museum.arch
    exhibit = store.get_exhibit(arch, "voces")
    entry = museum.entries["granted"]
    assert entry not in {c.entry.id for c in blocked(check_exhibit(arch, exhibit))}
    consents.withdraw(arch, museum.consents["granted"], "cambió de opinión")
    now = {c.entry.id: c for c in blocked(check_exhibit(arch, exhibit))}
    assert now[entry].reasons == ("withdrawn",)


def test_removed_segment_and_changed_quote_are_reported(museum):
    arch = museum.arch
    t = museum.items["pseudonym"]
    segs = item_store.segments_of(arch, t)
    # The third segment is in no consent and no entry; remove the first one's text.
    from dataclasses import replace

    item_store.save_segments(arch, t, [replace(segs[0], text="Texto corregido."), *segs[1:]])
    exhibit = store.get_exhibit(arch, "voces")
    reasons = _reasons(check_exhibit(arch, exhibit))
    assert "quote_not_found" in reasons[museum.entries["quote"]]


def test_blur_regions_and_redactions_round_trip(museum):
    arch = museum.arch
    sha = item_store.media_of(arch, museum.items["blurred"])[0].sha256
    assert store.blur_regions_for(arch, sha) == [(0.25, 0.25, 0.5, 0.5)]
    spans = store.redactions_for(arch, museum.segments["first"])
    assert len(spans) == 1 and spans[0].replacement == "[dirección]"
    text = "abcdefghij"
    two = [store.Redaction(1, 1, 2, 4, "X"), store.Redaction(2, 1, 3, 6, "Y")]
    assert store.apply_redactions(text, two) == "abXghij"


def test_migration_tables_exist(archive):
    names = {r[0] for r in archive.conn.execute("SELECT name FROM sqlite_master")}
    assert {"exhibits", "exhibit_sections", "exhibit_entries", "photo_blur_regions",
            "redactions"} <= names
    # A photograph item is a plain item: exhibits need nothing else from it.
    item = item_store.create_item(archive, item_store.ItemFields(Kind.PHOTOGRAPH, "x"))
    assert store.exhibits_using_item(archive, item) == []
    json.dumps([])
