"""A refused file is one sentence naming it and the cause, in the user's language,
the same on the command line as in the window."""

from __future__ import annotations

from tests.conftest import make_jpeg
from tests.unit.test_cli import memoria


def test_command_line_names_each_refused_file_in_spanish_and_english(tmp_path):
    folder = tmp_path / "lote"
    folder.mkdir()
    make_jpeg(folder / "barrio.jpg")
    (folder / "vacio.wav").write_bytes(b"")
    (folder / "notas.txt").write_text("nada\n", encoding="utf-8")
    arch = tmp_path / "arch"
    memoria("init", arch)
    result = memoria("import", folder, "--lang", "es", archive=arch, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    refused = [line.strip() for line in result.stderr.splitlines() if line.startswith("  x ")]
    assert refused == [
        "x No se guardó «notas.txt»: no es un formato de fotografía, audio o documento que "
        "Memoria conozca.",
        "x No se guardó «vacio.wav»: el archivo está vacío (0 bytes)."]
    result = memoria("import", folder / "vacio.wav", "--lang", "en", archive=arch, check=False)
    assert "x vacio.wav was not stored: the file is empty (0 bytes)." in result.stderr
