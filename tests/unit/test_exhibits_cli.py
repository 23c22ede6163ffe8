"""`memoria exhibit ...` end to end, through a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from tests.unit.test_exhibits_support import PSEUDONYM, REAL_NAME, build_museum


def memoria(*args, archive, check=True):
    env = {**os.environ, "MEMORIA_LANG": "en", "MEMORIA_ARCHIVE": str(archive)}
    result = subprocess.run([sys.executable, "-m", "memoria", *map(str, args)],
                            capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"memoria {args} failed ({result.returncode}): {result.stderr}")
    return result


@pytest.fixture
def museum_path(tmp_path):
    path = tmp_path / "arch"
    with Archive.create(path) as arch:
        museum = build_museum(arch, tmp_path / "sources")
        accessions = {key: item_store.get_item(arch, item_id).accession
                      for key, item_id in museum.items.items()}
    return path, museum, accessions


def test_build_an_exhibit_from_a_script(museum_path, tmp_path):
    path, museum, acc = museum_path
    memoria("exhibit", "create", "guion", "--title", "Desde un guion", "--scope",
            "exhibition", archive=path)
    memoria("exhibit", "add", "guion", acc["granted"], "--section", "Fotos", "--caption",
            "Un mural", "--caption-en", "A mural", archive=path)
    memoria("exhibit", "add", "guion", acc["pseudonym"], "--section", "Voces", "--segment",
            museum.segments["second"], "--caption", "Aquel día", archive=path)
    memoria("exhibit", "add", "guion", acc["pseudonym"], "--section", "Voces", "--quote",
            "Después volvimos al barrio", "--segment", museum.segments["third"], archive=path)
    shown = json.loads(memoria("exhibit", "show", "guion", "--json", archive=path).stdout)
    sections = shown["exhibit"]["sections"]
    assert [s["title"]["es"] for s in sections] == ["Fotos", "Voces"]
    assert [e["kind"] for e in sections[1]["entries"]] == ["segment", "quote"]
    assert sections[0]["entries"][0]["caption"] == {"es": "Un mural", "en": "A mural"}
    assert all(e["check"]["allowed"] for s in sections for e in s["entries"])
    assert memoria("exhibit", "check", "guion", "--scope", "exhibition", archive=path
                   ).returncode == 0
    listing = memoria("exhibit", "list", archive=path).stdout
    assert "guion" in listing and "voces" in listing


def test_check_prints_blocked_entries_and_exits_1(museum_path):
    path, museum, acc = museum_path
    result = memoria("exhibit", "check", "voces", "--scope", "exhibition", archive=path,
                     check=False)
    assert result.returncode == 1
    assert f"#{museum.entries['withdrawn']} {acc['withdrawn']} (item): consent was withdrawn" \
        in result.stdout
    assert "embargoed until 2027-01-01" in result.stdout
    assert "10 of 17 entries blocked for exhibition." in result.stdout
    data = json.loads(memoria("exhibit", "check", "voces", "--scope", "publication_print",
                              "--json", archive=path, check=False).stdout)
    assert data["scope"] == "publication_print" and len(data["blocked"]) == 16
    bad = memoria("exhibit", "check", "voces", "--scope", "research", archive=path, check=False)
    assert bad.returncode == 2 and "exhibit scope" in bad.stderr


def test_export_from_the_command_line(museum_path, tmp_path):
    path, museum, _ = museum_path
    dest = tmp_path / "usb"
    result = memoria("exhibit", "export", "voces", dest, "--scope", "publication_online",
                     "--kiosk", archive=path)
    assert "Exported 3 entries (14 left out)" in result.stdout
    assert "left out" in result.stderr
    manifest = json.loads((dest / "manifest.json").read_text("utf-8"))
    assert manifest["kiosk"] is True and manifest["scope"] == "publication_online"
    index = (dest / "index.html").read_text("utf-8")
    assert "kiosk.js" in index
    pages = "".join(p.read_text("utf-8") for p in dest.glob("*.html"))
    assert PSEUDONYM in pages and REAL_NAME not in pages
    show = memoria("exhibit", "show", "voces", archive=path).stdout
    assert "BLOCKED" in show


def test_unknown_exhibit_is_a_sentence_not_a_traceback(museum_path, tmp_path):
    path, _, _ = museum_path
    result = memoria("exhibit", "show", "nada", archive=path, check=False)
    assert result.returncode == 1 and "There is no exhibit 'nada'" in result.stderr
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x.txt").write_text("mine")
    result = memoria("exhibit", "export", "voces", busy, archive=path, check=False)
    assert result.returncode == 1 and "not empty" in result.stderr
    assert "Traceback" not in result.stderr
