"""The detail pane's media on real archives: consent on the voice, redactions, photos, blur."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt

from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, ConsentStatus, Kind, Role, Scope, SegmentDraft
from memoria.importing.importer import ImportOptions, import_paths
from memoria.storage import authorities, consents
from memoria.storage import items as item_store
from memoria.storage.exhibits import blur_regions_for, redactions_for
from memoria.ui.main_window import MainWindow
from tests.conftest import make_jpeg, make_wav


@pytest.fixture
def window(session, settings, qtbot):
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


def _testimony(session, tmp_path, anonymisation=frozenset()) -> int:
    import_paths(session.archive, [make_wav(tmp_path / "voz.wav", seconds=3)],
                 ImportOptions(kind=Kind.TESTIMONY))
    (item_id,) = item_store.list_item_ids(session.archive)
    item_store.save_segments(session.archive, item_id, [
        SegmentDraft(start_ms=0, end_ms=1000, speaker="Rosa", text="Vivíamos en la calle 45."),
        SegmentDraft(start_ms=1000, end_ms=3000, speaker="Rosa", text="Después nos fuimos.")])
    person = authorities.add_person(session.archive, "Rosa Elena Marín").id
    fields = item_store.get_item(session.archive, item_id)
    item_store.update_item(session.archive, item_id, item_store.ItemFields(
        Kind.TESTIMONY, fields.title, people=[(person, Role.NARRATOR)]))
    consents.record_consent(session.archive, person, [item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.INTERNAL, Scope.RESEARCH},
        anonymisation=set(anonymisation)))
    session.catalogueChanged.emit(set())
    return item_id


def _as(session, audience: Audience) -> None:
    session.set_audience(audience)


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_voice_consent_hides_playback_for_a_researcher(session, window, tmp_path):
    item_id = _testimony(session, tmp_path, {Anonymisation.NO_VOICE})
    window.open_item_at(item_id, 1500)
    media = window.detail.media
    assert media.player._path is not None  # the custodian hears the original
    assert media.transcript.current == 1  # seeked into the second segment
    _as(session, Audience.RESEARCHER)
    window.open_item_at(item_id, 0)
    assert window.detail.item_id == item_id and media.isVisibleTo(window.detail)
    assert media.player.message.text() == "The voice is not played because of consent."
    assert media.player._path is None and not media.player.play_button.isEnabled()
    assert not media.waveform.peaks
    assert [line.text for line in media.transcript.lines][0].startswith("Vivíamos")


def test_double_click_on_a_segment_opens_the_item_at_that_moment(session, window, tmp_path,
                                                                 qtbot, monkeypatch):
    item_id = _testimony(session, tmp_path)
    window.open_item_at(item_id, 0)
    asked: list[tuple[int, int]] = []
    original = window.detail.open_item_at
    window.detail.media.player.seek(0)
    monkeypatch.setattr(window.detail, "open_item_at",
                        lambda i, ms: asked.append((i, ms)) or original(i, ms))
    listing = window.detail.media.transcript
    rect = listing.visualItemRect(listing.item(1))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked == [(item_id, 1000)]
    assert window.detail.media.player.position() == 1000
    assert window.detail.media.waveform.peaks  # computed from the real WAV


def test_redaction_is_stored_and_replaced_for_a_researcher(session, window, tmp_path):
    item_id = _testimony(session, tmp_path)
    window.open_item_at(item_id, 0)
    media = window.detail.media
    media.transcript.setCurrentRow(0)
    editor = media.redaction
    assert editor.isVisibleTo(media) and editor.line is not None
    start = editor.line.text.index("calle 45")
    editor.select(start, start + len("calle 45"))
    assert editor.redact_button.isEnabled()
    editor.redact_selection()  # the runner is synchronous
    segment_id = editor.line.segment_id
    assert [(r.start, r.end) for r in redactions_for(session.reader, segment_id)] == [
        (start, start + 8)]
    custodian_text = media.transcript.item(0).text()
    assert "⟦calle 45⟧" in custodian_text  # marked, still readable for the custodian
    _as(session, Audience.RESEARCHER)
    window.open_item_at(item_id, 0)
    shown = media.transcript.item(0).text()
    assert "calle 45" not in shown and "[…]" in shown
    assert not media.redaction.isVisibleTo(media)  # researchers cannot redact
    assert "calle 45" not in window.detail.body.toPlainText()


def test_photo_viewer_zoom_and_rotate_never_touch_the_original(session, window, tmp_path):
    import_paths(session.archive, [make_jpeg(tmp_path / "mural.jpg", size=(320, 200))])
    session.catalogueChanged.emit(set())
    (item_id,) = item_store.list_item_ids(session.archive)
    original = session.path / item_store.media_of(session.reader, item_id)[0].path
    before = _sha(original)
    window.open_item_at(item_id, 0)
    photo = window.detail.media.photo
    viewer = photo.viewer
    assert photo.isVisibleTo(window.detail) and viewer.image_size() == (320.0, 200.0)
    viewer.actual_size()
    assert viewer.scale_factor() == pytest.approx(1.0)
    viewer.zoom_in()
    assert viewer.scale_factor() == pytest.approx(1.25)
    viewer.rotate_right()
    assert viewer.angle == 90 and viewer.transform().m12() != 0
    viewer.fit()
    viewer.zoom_out()
    assert _sha(original) == before


def test_blur_regions_saved_as_fractions_and_preview_is_a_derived_file(session, window,
                                                                       tmp_path):
    import_paths(session.archive, [make_jpeg(tmp_path / "vecinas.jpg", size=(400, 300))])
    session.catalogueChanged.emit(set())
    (item_id,) = item_store.list_item_ids(session.archive)
    media_file = item_store.media_of(session.reader, item_id)[0]
    original = session.path / media_file.path
    before = _sha(original)
    window.open_item_at(item_id, 0)
    photo = window.detail.media.photo
    assert photo.draw_button.isVisibleTo(photo)  # custodians mark regions
    photo.add_region((0.25, 0.1, 0.5, 0.4))
    assert blur_regions_for(session.reader, media_file.sha256) == [(0.25, 0.1, 0.5, 0.4)]
    assert photo.region_list.count() == 1
    photo.preview_button.setChecked(True)
    preview = photo.last_preview
    assert preview is not None and preview.is_file()
    assert (session.path / "derived") in preview.parents
    assert _sha(preview) != before and _sha(original) == before
    photo.region_list.setCurrentRow(0)
    photo.delete_current()
    assert blur_regions_for(session.reader, media_file.sha256) == []
    _as(session, Audience.RESEARCHER)
    window.open_item_at(item_id, 0)
    assert not photo.draw_button.isVisibleTo(photo)


def test_faces_to_blur_are_never_shown_unblurred_outside_staff(session, window, tmp_path,
                                                              qtbot):
    from PySide6.QtCore import Qt

    from memoria.domain.model import Anonymisation, ConsentStatus, Role, Scope
    from memoria.storage import authorities, consents
    from memoria.storage.exhibits import set_blur_regions

    [outcome] = import_paths(session.archive,
                             [make_jpeg(tmp_path / "vecinas.jpg", size=(400, 300))]).outcomes
    person = authorities.add_person(session.archive, "Vecina")
    fields = item_store.ItemFields.from_item(item_store.get_item(session.archive, outcome.item_id))
    fields.people = [(person.id, Role.DEPICTED)]
    item_store.update_item(session.archive, outcome.item_id, fields)
    consents.record_consent(session.archive, person.id, [outcome.item_id], consents.ConsentTerms(
        ConsentStatus.GRANTED, {Scope.RESEARCH, Scope.INTERNAL},
        anonymisation={Anonymisation.BLUR_FACES}))
    session.catalogueChanged.emit(set())
    photo = window.detail.media.photo

    _as(session, Audience.RESEARCHER)
    window.open_item_at(outcome.item_id, 0)
    qtbot.wait(400)  # time for any (wrong) background load of the original to land
    assert "no regions have been marked" in photo.status.text()
    assert photo.viewer.pixmap_item is None or photo.viewer.image_size() == (0.0, 0.0)
    row = window.model.index(0, 1)
    window.set_grid(True)
    icon = row.data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and outcome.sha256 not in window.thumbnails._icons
    assert window.thumbnails._pending == set()  # no thumbnail of the faces was even asked for

    # Curators see the original, to mark the faces.
    _as(session, Audience.CURATOR)
    window.open_item_at(outcome.item_id, 0)
    assert photo.viewer.image_size() == (400.0, 300.0)
    set_blur_regions(session.archive, outcome.sha256, [(0.1, 0.1, 0.3, 0.3)])

    # With regions marked, researchers get the blurred copy, never the original.
    _as(session, Audience.RESEARCHER)
    window.open_item_at(outcome.item_id, 0)
    assert photo.last_preview is not None and (session.path / "derived") in photo.last_preview.parents


def test_opening_a_photograph_makes_its_access_copy_when_missing(session, window, tmp_path,
                                                                  qtbot):
    from memoria.media import derive

    [outcome] = import_paths(session.archive,
                             [make_jpeg(tmp_path / "calle.jpg", size=(2400, 1800))]).outcomes
    derived = session.path / "derived"
    assert derive.ACCESS not in derive.existing(derived, outcome.sha256)  # not at import
    session.catalogueChanged.emit(set())
    window.open_item_at(outcome.item_id, 0)
    photo = window.detail.media.photo
    qtbot.waitUntil(lambda: photo.viewer.image_size() == (1600.0, 1200.0), timeout=10000)
    assert derive.ACCESS in derive.existing(derived, outcome.sha256)
