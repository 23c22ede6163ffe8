"""Draft transcripts in the catalogue: never over a person's text, consent rules, and
what leaves (marked automatic; researchers only if the custodian allows; never over a
withheld stretch). The draft is written by the real path (kept chunks -> write_draft);
the engine's part is in test_asr_quality / test_asr_resume."""

from __future__ import annotations

import json

import pytest

from memoria import projection
from memoria.access import ConsentSnapshot
from memoria.asr import drafts, model
from memoria.domain.consent import Audience
from memoria.domain.model import ConsentStatus, Kind, Scope, SegmentDraft
from memoria.jsonview import item_dict
from memoria.media import transcript_io
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.archive import utc_now
from memoria.storage.db import transaction

DRAFT = [(0, 4000, "Me llamo Rosa y nací cerca del río."),
         (5000, 9000, "Mi familia cultivaba café en la montaña."),
         (10000, 14000, "Esa noche salimos caminando hacia la ciudad."),
         (15000, 19000, "Nunca pudimos volver a la casa.")]


def _item(archive, title="Testimonio de prueba"):
    return item_store.create_item(archive, item_store.ItemFields(kind=Kind.TESTIMONY,
                                                                 title=title))


def _finished_chunks(archive, item_id, draft=DRAFT):
    """What a finished job leaves in the catalogue: its kept chunks."""
    with transaction(archive.conn):
        archive.conn.execute(
            "INSERT OR REPLACE INTO asr_jobs (item_id, media_sha256, model_sha256, language,"
            " chunks, started_at) VALUES (?, 'x', ?, 'es', 1, ?)",
            (item_id, model.BASE_SHA256, utc_now()))
        archive.conn.execute(
            "INSERT INTO asr_chunks (item_id, position, start_ms, end_ms, segments)"
            " VALUES (?, 0, 0, 20000, ?)",
            (item_id, json.dumps([{"start_ms": a, "end_ms": b, "text": t, "confidence": 0.8}
                                  for a, b, t in draft])))


def test_a_draft_becomes_automatic_segments(archive):
    item = _item(archive)
    _finished_chunks(archive, item)
    assert drafts.write_draft(archive, item) == 4
    segs = item_store.segments_of(archive, item)
    assert [s.text for s in segs] == [t for _, _, t in DRAFT]
    assert all(s.automatic and s.confidence == pytest.approx(0.8) for s in segs)
    assert drafts.kept_chunks(archive, item) == 0


def test_a_draft_never_replaces_a_persons_text(archive):
    item = _item(archive)
    typed = "Texto que una persona escribió escuchando la grabación."
    item_store.save_segments(archive, item, [SegmentDraft(4500, 9500, "", typed)])
    _finished_chunks(archive, item)
    drafts.write_draft(archive, item)
    segs = item_store.segments_of(archive, item)
    assert [s.text for s in segs if not s.automatic] == [typed]
    # Offered for the untranscribed parts only: nothing over the typed stretch.
    assert [s.start_ms for s in segs if s.automatic] == [0, 10000, 15000]
    assert [s.start_ms for s in segs] == sorted(s.start_ms for s in segs)


def test_a_corrected_segment_survives_the_next_draft(archive):
    item = _item(archive)
    _finished_chunks(archive, item)
    drafts.write_draft(archive, item)
    segs = item_store.segments_of(archive, item)
    from dataclasses import replace
    corrected = "Mi familia cultivaba café y plátano en la montaña."
    segs[1] = replace(segs[1], text=corrected)      # a person edits
    item_store.save_segments(archive, item, segs)
    drafts.confirm_segments(archive, item, [segs[2].id])   # a person confirms
    after = item_store.segments_of(archive, item)
    assert [s.automatic for s in after] == [True, False, False, True]
    # Transcribing again (a better model, say) replaces only unchecked automatic text.
    _finished_chunks(archive, item, [(0, 19000, "Un borrador nuevo que lo cubre todo.")]
                     + [(20000, 21000, "Final.")])
    drafts.write_draft(archive, item)
    texts = [(s.text, s.automatic) for s in item_store.segments_of(archive, item)]
    assert (corrected, False) in texts
    assert ("Esa noche salimos caminando hacia la ciudad.", False) in texts
    assert ("Un borrador nuevo que lo cubre todo.", True) not in texts  # overlaps person text
    assert ("Final.", True) in texts


def test_withdrawn_consent_refuses_pending_allows(archive):
    item = _item(archive)
    person = authorities.add_person(archive, "Rosa Elena Prueba")
    rec = consents.record_consent(archive, person.id, [item],
                                  consents.ConsentTerms(ConsentStatus.PENDING, set()))
    drafts.check_allowed(archive, item)  # pending: transcribing is internal work
    consents.withdraw(archive, rec, "la narradora lo pidió")
    with pytest.raises(model.ModelError) as err:
        drafts.check_allowed(archive, item)
    assert "retirado" in err.value.text("es") and "withdrawn" in err.value.text("en")


def _granted(archive, item, name="Narradora Uno", scopes=(Scope.INTERNAL, Scope.RESEARCH)):
    person = authorities.add_person(archive, name)
    return consents.record_consent(archive, person.id, [item],
                                   consents.ConsentTerms(ConsentStatus.GRANTED, set(scopes)))


def test_researchers_receive_drafts_only_if_the_custodian_allows(archive):
    item = _item(archive)
    _granted(archive, item)
    _finished_chunks(archive, item)
    drafts.write_draft(archive, item)
    assert projection.project(archive, item, Audience.RESEARCHER).segments == ()
    staff = projection.project(archive, item, Audience.CURATOR).segments
    assert len(staff) == 4 and all(s.text.startswith("[transcripción automática") for s in staff)
    drafts.set_drafts_outside(archive, True)
    out = projection.project(archive, item, Audience.RESEARCHER, lang="en").segments
    assert len(out) == 4 and all(s.automatic for s in out)
    assert all(s.text.startswith("[unchecked automatic transcript]") for s in out)
    # Every path out: the exported file and the JSON say so too.
    vtt, _ = transcript_io.export_transcript(archive, item, "vtt", Audience.RESEARCHER)
    assert vtt.count("[transcripción automática sin revisar]") == 4
    data = item_dict(archive, projection.project(archive, item, Audience.RESEARCHER),
                     ConsentSnapshot(archive))
    assert all(s["automatic"] for s in data["segments"])


def test_a_draft_never_re_exposes_a_withheld_stretch(archive):
    from dataclasses import replace

    item = _item(archive)
    _granted(archive, item)
    [typed] = item_store.save_segments(archive, item, [SegmentDraft(4500, 9500, "", "...")])
    _finished_chunks(archive, item, [(0, 3000, "Antes."), (10000, 12000, "Cruza el final."),
                                     (13000, 15000, "Después.")])
    drafts.write_draft(archive, item)
    # Later a person stretches their segment over the draft that followed it, and a
    # second narrator's consent keeps that segment internal.
    segs = item_store.segments_of(archive, item)
    segs = [replace(s, end_ms=12500) if s.id == typed else s for s in segs]
    item_store.save_segments(archive, item, segs)
    other = authorities.add_person(archive, "Narrador Dos")
    consents.record_consent(archive, other.id, [item], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL}), segment_ids=[typed])
    drafts.set_drafts_outside(archive, True)
    view = projection.project(archive, item, Audience.RESEARCHER)
    texts = [s.text for s in view.segments]
    assert not any("Cruza" in t or t == "..." for t in texts), texts
    assert any("Antes." in t for t in texts) and any("Después." in t for t in texts)
    assert typed in view.withheld_segment_ids


def test_an_open_ended_withheld_segment_runs_to_the_next_persons_segment(archive):
    item = _item(archive)
    _granted(archive, item)
    ids = item_store.save_segments(archive, item, [SegmentDraft(0, None, "", "Uno."),
                                                   SegmentDraft(5000, None, "", "Dos."),
                                                   SegmentDraft(20000, None, "", "Tres.")])
    other = authorities.add_person(archive, "Narrador Dos")
    consents.record_consent(archive, other.id, [item], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL}), segment_ids=[ids[1]])
    # An automatic segment inside the open stretch 5-20 s (as an older run could leave).
    with transaction(archive.conn):
        archive.conn.execute(
            "INSERT INTO segments (item_id, position, start_ms, end_ms, text, automatic)"
            " VALUES (?, 9, 8000, 9000, 'Dentro del tramo retenido.', 1)", (item,))
    drafts.set_drafts_outside(archive, True)
    texts = [s.text for s in projection.project(archive, item, Audience.RESEARCHER).segments]
    assert texts == ["Uno.", "Tres."], texts


def test_search_finds_drafts_for_researchers_only_if_the_custodian_allows(archive):
    """The search index shares one projection among audiences: a curator's view
    (drafts included) must not be the one researchers and the public search."""
    from memoria.search.engine import SearchEngine

    item = _item(archive)
    _granted(archive, item)
    _finished_chunks(archive, item)
    drafts.write_draft(archive, item)
    engine = SearchEngine(archive)
    try:
        engine.ensure_fresh()
        assert engine.search("cultivaba", Audience.CURATOR).item_ids == [item]
        assert engine.search("cultivaba", Audience.RESEARCHER).item_ids == []
        assert engine.search("Testimonio", Audience.RESEARCHER).item_ids == [item]
    finally:
        engine.close()
