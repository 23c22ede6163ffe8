"""One format table (issue 16): the importer names a file's format exactly as the
media layer does, so a blob's recorded format is the name its decoder is chosen by."""

from __future__ import annotations

import pytest

from memoria.importing.importer import import_paths
from memoria.importing.probe import ProbeError, sniff
from memoria.media.detect import detect_format
from tests.conftest import DATA, make_jpeg, make_png, make_wav

SAMPLES = sorted(p.name for p in (DATA / "media").iterdir() if p.is_file())


@pytest.mark.parametrize("name", SAMPLES)
def test_importer_and_media_layer_agree_on_every_sample(name):
    path = DATA / "media" / name
    try:
        probed = sniff(path)
    except ProbeError:
        assert detect_format(path).family not in ("image", "audio", "document")
        return
    fmt = detect_format(path)
    assert (probed.family, probed.format, probed.mime, probed.extension) == (
        fmt.family, fmt.format, fmt.mime, fmt.extension)


def test_imported_blobs_carry_the_media_layers_names(archive, tmp_path):
    files = [make_jpeg(tmp_path / "a.jpg"), make_png(tmp_path / "b.png"),
             make_wav(tmp_path / "c.wav"), DATA / "media" / "tone.ogg"]
    import_paths(archive, files)
    formats = {r[0] for r in archive.conn.execute("SELECT format FROM blobs")}
    assert formats == {detect_format(f).format for f in files}
    assert "OGG_VORBIS" in formats


def test_every_file_enters_by_the_one_ingest_path():
    """Only memoria/importing/ingest.py copies a file into media/ (media_store.stage):
    the importer, the item editor, consent forms, bags and the demo all go through it."""
    from pathlib import Path

    import memoria

    root = Path(memoria.__file__).parent
    callers = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py")
                     if "media_store.stage(" in p.read_text(encoding="utf-8"))
    assert callers == ["importing/ingest.py"]
