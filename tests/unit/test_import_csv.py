"""Metadata from a spreadsheet: encodings, separators, bad rows, formulas, paths."""

from __future__ import annotations

from memoria.access import ConsentSnapshot
from memoria.domain.consent import Audience
from memoria.importing.importer import ImportOptions, import_paths
from memoria.storage import items as item_store
from tests.conftest import make_jpeg, make_wav


def _batch(tmp_path):
    folder = tmp_path / "lote"
    folder.mkdir()
    make_wav(folder / "entrevista_ana.wav")
    make_jpeg(folder / "mural.jpg")
    make_jpeg(folder / "escalas.jpg", color=(1, 2, 3))
    return folder


def test_spanish_spreadsheet_with_bom_semicolons_and_consent(archive, tmp_path):
    folder = _batch(tmp_path)
    csv_text = (
        "archivo;tipo;título;descripción;fecha;lugar;personas;temas;idioma;estado;alcances;"
        "narrador;seudónimo\n"
        "entrevista_ana.wav;testimonio;Memorias de la loma;Relato sobre el barrio;c. 1998;"
        "Colombia > Antioquia > Medellín > Comuna 13;Luis Mejía (entrevistador);"
        "memoria|desplazamiento forzado;es;otorgado;investigación|exhibición;Ana Restrepo;Rosa\n"
        "mural.jpg;fotografía;Mural del 20 de Julio;;octubre de 2002;Comuna 13;;arte urbano;"
        "es;;;;\n"
    )
    (folder / "metadatos.csv").write_bytes(b"\xef\xbb\xbf" + csv_text.encode("utf-8"))
    report = import_paths(archive, [folder], ImportOptions(metadata_csv=folder / "metadatos.csv"))
    assert report.problems == []
    by_name = {o.path.name: o for o in report.outcomes}
    testimony = item_store.get_item(archive, by_name["entrevista_ana.wav"].item_id)
    assert testimony.kind.value == "testimony"
    assert testimony.title == "Memorias de la loma"
    assert testimony.date_edtf == "1998~"
    assert [p.name for p in testimony.places] == ["Comuna 13"]
    assert {(ip.person.name, ip.role.value) for ip in testimony.people} == {
        ("Luis Mejía", "interviewer"), ("Ana Restrepo", "narrator")}
    assert testimony.subjects == ("memoria", "desplazamiento forzado")
    snapshot = ConsentSnapshot(archive)
    assert snapshot.decide(testimony.id, Audience.RESEARCHER).allowed
    assert snapshot.decide(testimony.id, Audience.PUBLIC).allowed
    mural = item_store.get_item(archive, by_name["mural.jpg"].item_id)
    assert mural.date_edtf == "2002-10"
    assert not snapshot.decide(mural.id, Audience.RESEARCHER).allowed  # no consent: deny
    # The photo not in the spreadsheet is still imported, with its file name as title.
    assert by_name["escalas.jpg"].status == "imported"


def test_bad_rows_are_reported_with_line_numbers(archive, tmp_path):
    folder = _batch(tmp_path)
    (folder / "meta.csv").write_text(
        "file,kind,title,date\n"
        "mural.jpg,photograph,Bien,2002\n"
        "escalas.jpg,photograph,Fecha mala,el año del diluvio\n"
        "../../etc/passwd,photograph,Fuera,2002\n"
        "entrevista_ana.wav,photograph,Tipo equivocado,2002\n",
        encoding="utf-8",
    )
    report = import_paths(archive, [folder], ImportOptions(metadata_csv=folder / "meta.csv"))
    by_name = {o.path.name: o for o in report.outcomes}
    assert by_name["mural.jpg"].status == "imported"
    assert by_name["escalas.jpg"].status == "failed"
    assert by_name["entrevista_ana.wav"].status == "failed"
    assert "photograph" in by_name["entrevista_ana.wav"].reason
    assert any("line 4" in p and "outside" in p for p in report.problems)
    assert archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 1
    # the failed row left no stray people, places or subjects behind
    assert archive.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 0


def test_formula_cells_are_kept_as_text_and_reported(archive, tmp_path):
    folder = _batch(tmp_path)
    (folder / "meta.csv").write_text(
        'file,title,description\nmural.jpg,"=HYPERLINK(""http://x"",""clic"")",@SUM(A1)\n',
        encoding="utf-8",
    )
    report = import_paths(archive, [folder / "mural.jpg"],
                          ImportOptions(metadata_csv=folder / "meta.csv"))
    [outcome] = report.outcomes
    assert outcome.status == "imported"
    assert any("formula" in w for w in outcome.warnings)
    item = item_store.get_item(archive, outcome.item_id)
    assert item.title == '=HYPERLINK("http://x","clic")'  # stored verbatim, never evaluated


def test_windows_1252_spreadsheet_is_read_with_a_warning(archive, tmp_path):
    folder = _batch(tmp_path)
    (folder / "meta.csv").write_bytes("file;title\nmural.jpg;Niños del barrio\n".encode("cp1252"))
    report = import_paths(archive, [folder / "mural.jpg"],
                          ImportOptions(metadata_csv=folder / "meta.csv"))
    assert item_store.get_item(archive, report.outcomes[0].item_id).title == "Niños del barrio"
    assert any("Windows-1252" in p for p in report.problems)


def test_rows_naming_no_imported_file_are_reported_by_line(archive, tmp_path):
    folder = _batch(tmp_path)
    (folder / "meta.csv").write_text(
        "archivo;titulo\nmural.jpg;Mural\nmural_viejo.jpg;No está\nsub/otra.wav;Tampoco\n",
        encoding="utf-8")
    report = import_paths(archive, [folder], ImportOptions(metadata_csv=folder / "meta.csv",
                                                           lang="en"))
    assert len(report.with_status("imported")) == 3
    assert [p for p in report.problems if "matches no imported file" in p] == [
        "meta.csv, line 3: mural_viejo.jpg matches no imported file; its row was not applied.",
        "meta.csv, line 4: sub/otra.wav matches no imported file; its row was not applied."]


def test_a_spreadsheet_that_matches_nothing_stops_the_import(archive, tmp_path):
    import pytest

    from memoria.importing.importer import CsvMatchesNothing

    folder = _batch(tmp_path)
    lote = tmp_path / "lote.csv"  # outside the folder: its names resolve next to it
    lote.write_text("file,title\nmural.jpg,Mural\nescalas.jpg,Escalas\n", encoding="utf-8")
    with pytest.raises(CsvMatchesNothing) as stopped:
        import_paths(archive, [folder], ImportOptions(metadata_csv=lote))
    assert str(stopped.value) == (
        "No se importó nada: ninguna de las 2 filas de lote.csv nombra un archivo de lo que "
        "se importa (¿está la hoja en otra carpeta?).")
    assert archive.conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0
    # Asked and told to go on (the window's question): imported without the metadata.
    report = import_paths(archive, [folder], ImportOptions(metadata_csv=lote,
                                                           csv_may_match_nothing=True))
    assert len(report.with_status("imported")) == 3
    assert sum("lote.csv, línea" in p for p in report.problems) == 2


def test_command_line_fails_on_a_spreadsheet_that_matches_nothing(tmp_path):
    from tests.unit.test_cli import memoria

    folder = _batch(tmp_path)
    lote = tmp_path / "lote.csv"
    lote.write_text("file,title\nmural.jpg,Mural\n", encoding="utf-8")
    arch = tmp_path / "arch"
    memoria("init", arch)
    result = memoria("import", folder, "--metadata", lote, archive=arch, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "memoria: Nothing was imported: the only row of lote.csv names no file in what "
        "is being imported (is the spreadsheet in another folder?).")
    listing = memoria("list", "--json", archive=arch)
    assert '"count": 0' in listing.stdout
