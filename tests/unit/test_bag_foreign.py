"""Bags from other institutions (issue 17): RFC 8493 checked, tag-file encodings
honoured, each payload file imported as an item through the normal import.

The bags under tests/data/bagit-conformance are from the Library of Congress
BagIt conformance suite (see tests/data/README.md)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import bagit
import pytest

from memoria.cli import main
from memoria.domain.model import Kind
from memoria.storage import items as item_store
from memoria.trust.bag import BagError, export_bag, import_bag
from memoria.trust.foreign_bag import read_bagit_txt
from tests.conftest import DATA, make_jpeg, make_wav
from tests.unit.test_trust_support import media_snapshot

SUITE = DATA / "bagit-conformance"


def _copy(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copytree(SUITE / name, tmp_path / Path(name).name))


def _count(archive, table: str) -> int:
    return archive.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _add_payload(folder: Path, path: Path, encoding: str) -> None:
    """Add a file the way the bag's maker would: every tag file in its declared encoding."""
    def append(tag: str, line: str) -> None:
        text = (folder / tag).read_bytes().decode(encoding)
        (folder / tag).write_bytes((text + line + "\n").encode(encoding))

    rel = path.relative_to(folder).as_posix()
    append("manifest-md5.txt", f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel}")
    info = (folder / "bag-info.txt").read_bytes().decode(encoding)
    info = "\n".join(line for line in info.splitlines() if not line.startswith("Payload-Oxum"))
    (folder / "bag-info.txt").write_bytes((info + "\n").encode(encoding))
    tags = "".join(f"{hashlib.md5((folder / t).read_bytes()).hexdigest()}  {t}\n"
                   for t in ("bagit.txt", "bag-info.txt", "manifest-md5.txt"))
    (folder / "tagmanifest-md5.txt").write_bytes(tags.encode(encoding))


@pytest.mark.parametrize("bag, encoding", [
    ("v0.97/valid/UTF-16-encoded-tag-files", "UTF-16"),
    ("v0.97/valid/ISO-8859-1-encoded-tag-files", "ISO-8859-1"),
])
def test_tag_files_are_read_in_the_declared_encoding(archive, tmp_path, bag, encoding):
    folder = _copy(bag, tmp_path)
    assert read_bagit_txt(folder) == ((0, 97), encoding)
    # The suite's payload is two text files: not items, and each is said so by name.
    report = import_bag(archive, folder, "en")
    assert report.exported == [] and _count(archive, "items") == 0
    assert sorted(name for name, _why in report.skipped) == ["bare-filename", "text-file.txt"]
    assert all("was not stored" in why for _name, why in report.skipped)
    # A photograph added to that bag (manifests rewritten in its own encoding) imports,
    # with the bag's provenance from its tag files.
    _add_payload(folder, make_jpeg(folder / "data" / "mural.jpg"), encoding)
    report = import_bag(archive, folder, "en")
    (accession,) = report.exported
    assert report.files == [("mural.jpg", accession)]
    item = item_store.get_item(archive, item_store.resolve_item(archive, accession))
    assert item.kind is Kind.PHOTOGRAPH and "Contact-Name: Chris Adams" in item.notes


@pytest.mark.parametrize("bag, said", [
    ("v1.0/invalid/bagit-with-invalid-whitespace", "no space before the colon"),
    ("v0.97/invalid/invalid-version-number", "BagIt-Version: M.N"),
    ("v0.97/invalid/bom-in-bagit.txt", "byte-order mark"),
])
def test_an_invalid_bagit_txt_is_refused_before_anything_is_read(archive, tmp_path, bag, said):
    folder = _copy(bag, tmp_path)
    make_jpeg(folder / "data" / "mural.jpg")
    with pytest.raises(BagError) as refused:
        import_bag(archive, folder, "en")
    assert said in str(refused.value) and "bagit.txt" in str(refused.value)
    assert _count(archive, "items") == 0 and media_snapshot(archive) == {}


def test_the_minimal_rfc_8493_bag_reports_its_file(archive, tmp_path):
    report = import_bag(archive, _copy("v1.0/valid/basicBag", tmp_path), "es")
    ((name, why),) = report.skipped
    assert name == "hello.txt" and why.startswith("No se guardó «hello.txt»")


def test_a_bag_of_ordinary_files_imports_each_file_with_the_bags_metadata(archive, tmp_path):
    folder = tmp_path / "entrega"
    (folder / "fotos").mkdir(parents=True)
    make_jpeg(folder / "fotos" / "mural.jpg")
    make_wav(folder / "entrevista.wav")
    (folder / "notas.txt").write_text("lista de entrega\n", encoding="utf-8")
    (folder / "lote.csv").write_text(
        "archivo,titulo,fecha\nfotos/mural.jpg,Mural de la 13,2002\n"
        "fotos/perdida.jpg,No viene,2001\n", encoding="utf-8")
    bagit.make_bag(str(folder), {
        "Source-Organization": "Corporación Región", "External-Identifier": "CR-2024-17",
        "External-Description": "Entrega de la mesa de memoria de la Comuna 13",
        "Language": "es"}, checksums=["sha256"])
    report = import_bag(archive, folder, "es")
    assert sorted(name for name, _a in report.files) == ["entrevista.wav", "fotos/mural.jpg"]
    assert [name for name, _why in report.skipped] == ["notas.txt"]
    assert any("lote.csv, línea 3" in w and "fotos/perdida.jpg" in w for w in report.warnings)
    items = {name: item_store.get_item(archive, item_store.resolve_item(archive, acc))
             for name, acc in report.files}
    mural, entrevista = items["fotos/mural.jpg"], items["entrevista.wav"]
    assert (mural.kind, mural.title, mural.date_edtf) == (Kind.PHOTOGRAPH, "Mural de la 13", "2002")
    assert entrevista.kind is Kind.AUDIO and tuple(entrevista.languages) == ("es",)
    assert entrevista.description == "Entrega de la mesa de memoria de la Comuna 13"
    assert "Source-Organization: Corporación Región" in entrevista.notes
    assert "External-Identifier: CR-2024-17" in entrevista.notes


def test_dublin_core_describes_a_one_file_bag(archive, tmp_path):
    folder = tmp_path / "donacion"
    folder.mkdir()
    make_jpeg(folder / "IMG_0042.jpg")
    bagit.make_bag(str(folder), checksums=["sha256"])
    (folder / "dc.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<metadata '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Velatón en San Javier</dc:title>'
        "<dc:date>2003-05</dc:date><dc:subject>velatón</dc:subject>"
        "<dc:creator>Luz Marina Gómez</dc:creator></metadata>", encoding="utf-8")
    bag = bagit.Bag(str(folder))
    bag.save()  # the DC record becomes a tag file, listed in the tag manifest
    (accession,) = import_bag(archive, folder, "en").exported
    item = item_store.get_item(archive, item_store.resolve_item(archive, accession))
    assert (item.title, item.date_edtf, item.subjects) == (
        "Velatón en San Javier", "2003-05", ("velatón",))
    assert "Luz Marina Gómez" in item.notes


def test_exported_bags_declare_rfc_8493(archive, tmp_path):
    from memoria.importing.importer import import_paths

    import_paths(archive, [make_jpeg(tmp_path / "barrio.jpg")])
    export_bag(archive, item_store.list_item_ids(archive), tmp_path / "bag")
    assert (tmp_path / "bag" / "bagit.txt").read_bytes() == (
        b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    bag = bagit.Bag(str(tmp_path / "bag"))
    bag.validate()
    assert bag.version_info == (1, 0)


def test_command_line_refuses_an_invalid_bag_in_one_sentence(archive, tmp_path, capsys):
    folder = _copy("v1.0/invalid/bagit-with-invalid-whitespace", tmp_path)
    root = archive.root
    archive.close()
    code = main(["--archive", str(root), "--lang", "es", "import-bag", str(folder)])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err
    assert err.count("\n") == 1 and "bagit.txt no es válido" in err
