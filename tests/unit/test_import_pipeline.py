"""The import pipeline for photographs and audio: embedded metadata, derived files,
parallel decoding that changes nothing but the speed, originals untouched."""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import pytest
from PIL import Image

from memoria.importing.importer import ImportOptions, embedded_date, import_paths
from memoria.importing.probe import Probed, SafeProbe
from memoria.media import derive
from memoria.storage import items as item_store
from tests.conftest import make_jpeg, make_wav


def exif_jpeg(path: Path, size=(1700, 1275), orientation: int = 1) -> Path:
    """A real camera-like JPEG: date taken, GPS in Medellín, camera, author, caption."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "EOS 5D"
    exif[0x013B], exif[0x8298] = "Jesus Abad", "Museo Casa de la Memoria"
    exif[0x010E] = "Marcha del silencio en la Comuna 13"
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0x9003] = "2002:10:16 10:30:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (6.0, 14.0, 41.0), "W", (75.0, 34.0, 0.0)
    Image.new("RGB", size, (90, 120, 160)).save(path, "JPEG", exif=exif, quality=85)
    return path


def wav_dated(path: Path, date: str = "2019-05-03") -> Path:
    """A WAV whose LIST/INFO chunk carries a creation date (ICRD)."""
    make_wav(path)
    value = date.encode() + b"\0"
    value += b"\0" * (len(value) % 2)
    info = b"INFO" + b"ICRD" + struct.pack("<I", len(value)) + value
    data = path.read_bytes() + b"LIST" + struct.pack("<I", len(info)) + info
    path.write_bytes(data[:4] + struct.pack("<I", len(data) - 8) + data[8:])
    return path


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def batch(tmp_path) -> Path:
    folder = tmp_path / "lote"
    folder.mkdir()
    exif_jpeg(folder / "marcha.jpg")
    make_jpeg(folder / "plain.jpg", color=(10, 200, 30), size=(300, 200))
    wav_dated(folder / "entrevista.wav")
    (folder / "dañada.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    return folder


def by_title(archive) -> dict[str, tuple]:
    out = {}
    for item_id in item_store.list_item_ids(archive):
        item = item_store.get_item(archive, item_id)
        (media,) = item_store.media_of(archive, item_id)
        out[item.title] = (item, media)
    return out


def test_embedded_metadata_prefills_date_and_description(archive, batch):
    report = import_paths(archive, [batch])
    items = by_title(archive)
    photo, media = items["marcha"]
    assert photo.date_edtf == "2002-10-16"
    assert photo.description == "Marcha del silencio en la Comuna 13"
    tech = media.technical
    assert tech["gps_lat"] == pytest.approx(6.2447, abs=1e-3)
    assert tech["gps_lon"] == pytest.approx(-75.5667, abs=1e-3)
    assert (tech["camera_make"], tech["camera_model"]) == ("Canon", "EOS 5D")
    assert (tech["author"], tech["copyright"]) == ("Jesus Abad", "Museo Casa de la Memoria")
    assert tech["orientation"] == 1 and tech["width"] == 1700
    assert items["entrevista"][0].date_edtf == "2019-05-03"
    assert items["plain"][0].date_edtf is None and items["plain"][0].description == ""
    # The corrupt file is named, the others imported.
    (failed,) = report.with_status("failed")
    assert failed.path.name == "dañada.jpg" and "damaged" in failed.reason


def test_given_date_wins_over_the_embedded_one(archive, tmp_path):
    exif_jpeg(tmp_path / "foto.jpg", size=(64, 48))
    import_paths(archive, [tmp_path / "foto.jpg"], ImportOptions(date="hacia 1998"))
    (item, _media) = by_title(archive)["foto"]
    assert item.date_edtf == "1998~"


def test_embedded_date_is_a_prefill_never_a_failure():
    def probed(tech):
        return Probed("audio", "WAV", "audio/wav", "wav", tech)
    assert embedded_date(probed({"tags": {"date": "2019"}})) == "2019"
    assert embedded_date(probed({"tags": {"date": "2019-05-03T10:00:00Z"}})) == "2019-05-03"
    assert embedded_date(probed({"tags": {"date": "ayer"}})) is None
    assert embedded_date(probed({"date_taken": "2002-13-45T00:00:00"})) is None


def test_derived_files_are_made_at_import_and_rebuilt_on_demand(archive, batch):
    archive.set_setting(derive.ACCESS_SETTING, "import")  # both derivatives at import
    report = import_paths(archive, [batch])
    derived = archive.root / "derived"
    sha = {o.path.name: o.sha256 for o in report.with_status("imported")}
    photo = derive.existing(derived, sha["marcha.jpg"])
    with Image.open(photo[derive.THUMB]) as thumb:
        assert max(thumb.size) == 256 and not thumb.getexif()
    with Image.open(photo[derive.ACCESS]) as access:
        assert access.size == (1600, 1200) and not access.getexif()
    assert derive.WAVEFORM in derive.existing(derived, sha["entrevista.wav"])
    assert not any((derived / "incoming").iterdir())  # nothing left half-installed

    photo[derive.THUMB].unlink()
    rebuilt = derive.ensure_derivatives(archive, sha["marcha.jpg"])
    assert rebuilt[derive.THUMB].is_file()
    waveform = derive.existing(derived, sha["entrevista.wav"])[derive.WAVEFORM]
    waveform.unlink()
    count, problems = derive.rebuild_derived(archive)
    assert (count, problems) == (1, []) and waveform.is_file()


def test_by_default_only_thumbnails_are_made_at_import(archive, tmp_path):
    report = import_paths(archive, [exif_jpeg(tmp_path / "m.jpg")])
    sha = report.outcomes[0].sha256
    assert set(derive.existing(archive.root / "derived", sha)) == {derive.THUMB}
    assert set(derive.ensure_derivatives(archive, sha)) == {derive.THUMB, derive.ACCESS}


def test_originals_are_never_modified(archive, batch):
    before = tree_hashes(batch)
    report = import_paths(archive, [batch])
    derive.ensure_derivatives(archive, report.with_status("imported")[0].sha256, force=True)
    assert derive.rebuild_derived(archive, force=True) == (3, [])
    assert tree_hashes(batch) == before
    media = tree_hashes(archive.root / "media")
    assert all(Path(name).stem == digest for name, digest in media.items())
    assert len(media) == 3


def test_parallel_import_catalogues_exactly_what_sequential_does(tmp_path, batch):
    from memoria.storage.archive import Archive

    for n in range(6):
        make_jpeg(batch / f"extra-{n}.jpg", color=(n * 40, 80, 120), size=(120 + n, 90))
    probe = SafeProbe()  # one worker, no look-ahead, no derived files

    def one_at_a_time(path: Path) -> Probed:
        return probe(path)

    results = []
    for name, kwargs in (("parallel", {}), ("sequential", {"probe_fn": one_at_a_time})):
        with Archive.create(tmp_path / name) as arch:
            report = import_paths(arch, [batch], **kwargs)
            results.append((
                [(o.path.name, o.status, o.accession, o.sha256) for o in report.outcomes],
                [(i.accession, i.kind, i.title, i.date_edtf, i.description, m.sha256,
                  {k: v for k, v in m.technical.items() if k != "detected"})
                 for i, m in by_title(arch).values()],
            ))
    probe.close()
    assert results[0] == results[1]


def test_cancelled_import_leaves_no_derived_leftovers(archive, tmp_path):
    for n in range(8):
        make_jpeg(tmp_path / f"f{n}.jpg", color=(n * 30, 10, 10), size=(900, 700))
    seen = []
    report = import_paths(archive, [tmp_path], progress=lambda d, t, n: seen.append(d),
                          cancel=lambda: len(seen) > 2)
    assert report.cancelled and 0 < len(report.with_status("imported")) < 8
    incoming = archive.root / "derived" / "incoming"
    assert not incoming.exists() or not any(incoming.iterdir())
