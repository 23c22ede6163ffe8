"""The exported folder, byte by byte: nothing consent withholds, nothing that
identifies, no metadata, no script, every file accounted for, repeatable."""

from __future__ import annotations

import hashlib
import html
import io
import json
import wave
from pathlib import Path

import pytest
from PIL import Image

from memoria.domain.model import Scope
from memoria.exhibits.export import MANIFEST, ExportError, export_exhibit
from memoria.media.anonymise import verify_stripped
from memoria.storage import consents
from memoria.storage import exhibits as store
from tests.unit.test_exhibits_support import (
    FORM_BYTES,
    HOSTILE_ATTR,
    HOSTILE_SCRIPT,
    NOTE,
    PSEUDONYM,
    REAL_NAME,
    REDACTED_WORDS,
    build_museum,
)


@pytest.fixture
def museum(archive, tmp_path):
    return build_museum(archive, tmp_path / "sources")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _all_bytes(folder: Path) -> bytes:
    return b"\n".join(_files(folder).values())


def _pages(folder: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(folder.glob("*.html")))


@pytest.fixture
def exported(museum, tmp_path):
    out = tmp_path / "usb" / "voces"
    result = export_exhibit(museum.arch, "voces", out)
    return museum, result, out


def test_blocked_entries_are_absent_and_reported(exported):
    museum, result, out = exported
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    left = {c.entry.id: c for c in result.left_out}
    # The public stick says how many entries were left out, not which or why.
    assert manifest["left_out_count"] == len(left) and "left_out" not in manifest
    manifest_text = (out / MANIFEST).read_text("utf-8")
    shown = {c.accession for c in result.exported}
    for check in result.left_out:
        if check.accession not in shown:  # an item may have one entry in and one out
            assert check.accession not in manifest_text
    assert "withdrawn" not in manifest_text and "embargo" not in manifest_text
    for key in ("none", "pending", "research", "restricted", "withdrawn", "embargo",
                "embargo_ended", "blur_missing", "segment_withdrawn", "no_voice_segment"):
        entry = museum.entries[key]
        assert entry in left, key
        assert left[entry].reasons and left[entry].explain("en")
        assert f'id="entry-{entry}"' not in _pages(out)
    for key in ("granted", "blurred", "pseudonym", "segment", "quote", "no_voice_quote"):
        assert f'id="entry-{museum.entries[key]}"' in _pages(out), key
    exported_entries = {e["entry"]: e for e in manifest["entries"]}
    granted = exported_entries[museum.entries["granted"]]
    assert granted["consent_records"] == [museum.consents["granted"]]
    assert granted["scope"] == "exhibition"
    # Titles of blocked items are not in the export at all.
    pages = _pages(out)
    for title in ("Sin consentimiento", "Retirado", "Embargado", "Solo investigación"):
        assert title not in pages
    assert "PARTE-RETIRADA" not in _all_bytes(out).decode("utf-8", "replace")


def test_pseudonym_everywhere_and_real_name_nowhere(exported):
    museum, result, out = exported
    assert PSEUDONYM in _pages(out)
    everything = _all_bytes(out)
    for needle in (REAL_NAME, "Restrepo", "Ana María", "Ana Mar\\u00eda"):
        for encoding in ("utf-8", "latin-1", "utf-16-le"):
            assert needle.encode(encoding, "ignore") not in everything, (needle, encoding)


def test_redaction_applied_to_transcript_and_quote(exported):
    _, _, out = exported
    pages = _pages(out)
    assert REDACTED_WORDS not in pages and "Siete" not in pages
    assert "[dirección]" in pages
    assert "vivía en la [dirección]" in pages


def test_no_metadata_in_any_exported_media(exported):
    _, _, out = exported
    media = sorted((out / "media").iterdir())
    assert {p.suffix for p in media} == {".jpg", ".wav"}
    for path in media:
        assert verify_stripped(path) == [], path
        data = path.read_bytes()
        assert b"GPS" not in data and b"Canon" not in data and b"xmpmeta" not in data
        assert b"Exif\x00\x00" not in data and b"LIST" not in data and b"IART" not in data
        if path.suffix == ".jpg":
            with Image.open(path) as im:
                assert len(im.getexif()) == 0
                assert not {"exif", "xmp", "icc_profile"} & set(im.info)
                assert [m for m, _ in im.applist if m != "APP0"] == []
        # Names leak nothing: 32 hex digits of the content's SHA-256.
        assert path.stem == hashlib.sha256(data).hexdigest()[:32]


def test_blur_is_applied_to_photographs_that_need_it(exported, museum):
    _, result, out = exported
    pages = _pages(out)
    entry = museum.entries["blurred"]
    start = pages.index(f'id="entry-{entry}"')
    src = pages[pages.index('src="', start) + 5:]
    src = src[:src.index('"')]
    with Image.open(out / src) as im:
        centre = im.getpixel((im.width // 2, im.height // 2))
    assert all(abs(a - b) < 20 for a, b in zip(centre, (90, 140, 90), strict=True))


def test_segment_audio_is_cut_to_its_seconds(exported, museum):
    _, result, out = exported
    durations = []
    for path in sorted((out / "media").glob("*.wav")):
        with wave.open(str(path)) as w:
            durations.append(round(w.getnframes() / w.getframerate(), 2))
    # The whole 3 s testimony; a 1 s cut for the segment entry; and of the partly
    # withdrawn testimony only its visible first second (the withdrawn one never leaves).
    assert sorted(durations) == [1.0, 1.0, 3.0]
    assert durations.count(3.0) == 1


def test_no_script_injection_from_any_field(exported):
    _, _, out = exported
    pages = _pages(out)
    assert HOSTILE_SCRIPT not in pages
    assert html.escape(HOSTILE_SCRIPT) in pages or "&lt;script&gt;alert(1)&lt;/script&gt;" in pages
    assert HOSTILE_ATTR not in pages
    assert "&#34; onmouseover=&#34;alert(2)" in pages
    assert pages.count("<script>") == pages.count("<script>\n/* Stop a media-fragment")


def test_manifest_lists_every_file_with_its_checksum_and_nothing_else(exported):
    _, result, out = exported
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    on_disk = {rel: hashlib.sha256(data).hexdigest()
               for rel, data in _files(out).items() if rel != MANIFEST}
    assert listed == on_disk == result.files
    assert all(f["size"] == (out / f["path"]).stat().st_size for f in manifest["files"])


def test_exporting_twice_gives_identical_bytes(museum, tmp_path):
    first = tmp_path / "a"
    second = tmp_path / "b"
    export_exhibit(museum.arch, "voces", first)
    export_exhibit(museum.arch, "voces", second)
    assert _files(first) == _files(second)
    export_exhibit(museum.arch, "voces", first)  # over an earlier export: same again
    assert _files(first) == _files(second)


def test_signed_forms_and_internal_notes_never_leave(exported):
    _, _, out = exported
    everything = _all_bytes(out)
    assert FORM_BYTES not in everything and b"FORMULARIO-FIRMADO" not in everything
    assert NOTE.encode() not in everything


def test_consent_withdrawn_after_placement_is_left_out_on_re_export(exported):
    museum, first, out = exported
    photo_files = set((out / "media").glob("*.jpg"))
    consents.withdraw(museum.arch, museum.consents["granted"], "cambió de opinión")
    again = export_exhibit(museum.arch, "voces", out)
    left = {c.entry.id: c.reasons for c in again.left_out}
    assert left[museum.entries["granted"]] == ("withdrawn",)
    assert f'id="entry-{museum.entries["granted"]}"' not in _pages(out)
    assert len(set((out / "media").glob("*.jpg"))) == len(photo_files) - 1
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert manifest["left_out_count"] == len(again.left_out) == len(first.left_out) + 1


@pytest.mark.parametrize("scope", [Scope.PUBLICATION_PRINT, Scope.PUBLICATION_ONLINE])
def test_other_scopes_export_only_what_they_cover(museum, tmp_path, scope):
    out = tmp_path / scope.value
    result = export_exhibit(museum.arch, "voces", out, scope=scope)
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert manifest["scope"] == scope.value
    shown = {c.entry.id for c in result.exported}
    if scope is Scope.PUBLICATION_PRINT:
        assert shown == {museum.entries["granted"]}
        assert "Rostros difuminados" not in _pages(out) and "Relato de" not in _pages(out)
    else:
        assert shown == {museum.entries[k] for k in ("pseudonym", "segment", "quote")}
        assert REAL_NAME.encode() not in _all_bytes(out)


def test_bilingual_pages_accessibility_and_kiosk(museum, tmp_path):
    out = tmp_path / "kiosk"
    export_exhibit(museum.arch, "voces", out, kiosk=True, idle_minutes=2)
    index = (out / "index.html").read_text("utf-8")
    english = (out / "index.en.html").read_text("utf-8")
    assert '<html lang="es">' in index and '<html lang="en">' in english
    assert 'href="index.en.html"' in index and 'hreflang="en"' in index
    assert "Voices" in english
    section = (out / "section-1.html").read_text("utf-8")
    assert 'alt="Foto blurred"' in section
    assert 'data-idle-minutes="2"' in section and 'src="kiosk.js"' in section
    assert "http://" not in _pages(out) and "https://" not in _pages(out)
    assert (out / "kiosk.js").is_file()
    # Without kiosk: no kiosk script at all.
    plain = tmp_path / "plain"
    export_exhibit(museum.arch, "voces", plain)
    assert not (plain / "kiosk.js").exists() and "kiosk" not in (plain / "index.html").read_text()


def test_export_refuses_a_folder_that_is_not_an_earlier_export(museum, tmp_path):
    busy = tmp_path / "documents"
    busy.mkdir()
    (busy / "thesis.odt").write_bytes(b"mine")
    with pytest.raises(ExportError, match="not empty"):
        export_exhibit(museum.arch, "voces", busy)
    assert (busy / "thesis.odt").read_bytes() == b"mine"


def test_export_is_audited(exported):
    museum, result, _ = exported
    row = museum.arch.conn.execute(
        "SELECT details FROM audit_log WHERE entity_type = 'exhibit' AND action = 'export'"
    ).fetchone()
    details = json.loads(row[0])
    assert details["scope"] == "exhibition"
    assert set(details["exported"]) == {c.entry.id for c in result.exported}


def test_caption_with_real_name_is_pseudonymised(museum, tmp_path):
    store.update_entry(museum.arch, museum.entries["granted"],
                       caption_es=f"Retrato tomado por {REAL_NAME}")
    out = tmp_path / "x"
    export_exhibit(museum.arch, "voces", out)
    assert REAL_NAME.encode() not in _all_bytes(out)
    assert io.BytesIO(_all_bytes(out)).read().count(b"Restrepo") == 0


def _ogg_testimony(arch, tmp_path, *, withhold: bool):
    """A testimony whose audio is Ogg Vorbis (cannot be cut here), two segments."""
    import shutil

    from memoria.domain.model import Kind, Role, SegmentDraft
    from memoria.storage import authorities
    from memoria.storage import items as item_store
    from tests.conftest import DATA
    from tests.unit.test_exhibits_support import add_media, terms

    person = authorities.add_person(arch, "Olga Trece")
    item = item_store.create_item(arch, item_store.ItemFields(
        Kind.TESTIMONY, "Relato en Ogg", people=[(person.id, Role.NARRATOR)]))
    src = tmp_path / "tono.ogg"
    shutil.copy(DATA / "media" / "tone.ogg", src)
    add_media(arch, item, src, "audio/ogg", "Ogg Vorbis")
    segs = item_store.save_segments(arch, item, [SegmentDraft(0, 200, "Olga", "Uno."),
                                                 SegmentDraft(200, 400, "Olga", "Dos.")])
    consents.record_consent(arch, person.id, [item], terms())
    if withhold:
        cid = consents.record_consent(arch, person.id, [item], terms(), segment_ids=[segs[1]])
        consents.withdraw(arch, cid, "esa parte no")
    x = store.create_exhibit(arch, "ogg", "Ogg")
    entry = store.add_entry(arch, x, item, segment_id=segs[0])
    return entry


def test_uncuttable_audio_plays_a_fragment_of_a_clean_whole_copy(archive, tmp_path):
    entry = _ogg_testimony(archive, tmp_path, withhold=False)
    out = tmp_path / "ogg"
    result = export_exhibit(archive, "ogg", out)
    assert [c.entry.id for c in result.exported] == [entry]
    page = (out / "section-1.html").read_text("utf-8")
    assert '#t=0,0.2" data-end="0.2"' in page
    (ogg,) = (out / "media").glob("*.ogg")
    assert verify_stripped(ogg) == []


def test_uncuttable_audio_with_a_withheld_part_is_blocked(archive, tmp_path):
    entry = _ogg_testimony(archive, tmp_path, withhold=True)
    result = export_exhibit(archive, "ogg", tmp_path / "ogg")
    assert {c.entry.id: c.reasons for c in result.left_out} == {entry: ("audio_not_cuttable",)}
    assert not (tmp_path / "ogg" / "media").exists()


def test_redact_names_consent_hides_a_name_that_has_no_pseudonym(archive, tmp_path):
    from memoria.domain.model import Anonymisation, Kind, Role
    from memoria.storage import authorities
    from memoria.storage import items as item_store
    from tests.unit.test_exhibits_support import add_media, jpeg_with_gps, terms

    person = authorities.add_person(archive, "Gilberto Quintero")
    item = item_store.create_item(archive, item_store.ItemFields(
        Kind.PHOTOGRAPH, "Gilberto Quintero en la cancha", people=[(person.id, Role.DEPICTED)]))
    add_media(archive, item, jpeg_with_gps(tmp_path / "g.jpg"), "image/jpeg", "JPEG")
    consents.record_consent(archive, person.id, [item],
                            terms(anonymisation={Anonymisation.REDACT_NAMES}))
    x = store.create_exhibit(archive, "cancha", "Cancha")
    store.add_entry(archive, x, item, caption="Foto de Gilberto")
    out = tmp_path / "cancha"
    export_exhibit(archive, "cancha", out)
    everything = _all_bytes(out)
    assert b"Gilberto" not in everything and b"Quintero" not in everything
    assert "[nombre reservado] en la cancha" in _pages(out)


def test_a_copy_with_metadata_left_stops_the_export_and_keeps_the_old_one(
        exported, monkeypatch):
    museum, _, out = exported
    before = _files(out)
    monkeypatch.setattr("memoria.exhibits.copies.verify_stripped",
                        lambda path: ["EXIF or XMP (APP1)"])
    with pytest.raises(ExportError, match="Metadata remained"):
        export_exhibit(museum.arch, "voces", out)
    assert _files(out) == before
    assert not list(out.parent.glob(".voces.export-*"))


def test_a_damaged_original_stops_the_export_naming_the_accession(museum, tmp_path):
    """Issue 18: an exhibit never carries a damaged original; the stick keeps what it had."""
    from memoria.storage import items as item_store

    photo = item_store.media_of(museum.arch, museum.items["granted"])[0]
    path = museum.arch.path(photo.path)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes()[:300])
    out = tmp_path / "usb" / "voces"
    accession = item_store.get_item(museum.arch, museum.items["granted"]).accession
    with pytest.raises(ExportError, match=accession):
        export_exhibit(museum.arch, "voces", out)
    assert not out.exists() and not list((tmp_path / "usb").iterdir())


def test_an_encrypted_archive_exports_the_same_bytes(museum, tmp_path):
    """The export reads originals through the vault (in memory when encrypted): the same
    exhibit from the same originals, encrypted at rest, gives the same files."""
    from memoria.storage.archive import Archive
    from tests.unit.test_vault import encrypt

    plain = tmp_path / "plain"
    export_exhibit(museum.arch, "voces", plain)
    encrypted = encrypt(Archive.create(tmp_path / "encrypted"))
    encrypted.today_override = museum.arch.today_override
    other = build_museum(encrypted, tmp_path / "src2")
    try:
        assert not any(p.suffix for p in (other.arch.root / "media").rglob("*") if p.is_file())
        export_exhibit(other.arch, "voces", tmp_path / "enc")
    finally:
        other.arch.close()
    ours, theirs = _files(tmp_path / "enc"), _files(plain)
    ours.pop("manifest.json"), theirs.pop("manifest.json")  # says when the exhibit changed
    assert ours == theirs
