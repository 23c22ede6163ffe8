"""Promise: a fault reaches a person as one sentence naming the file and the cause."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from memoria import faults
from memoria.search.store import BuildFailed, run_build_process
from memoria.storage import driver


@pytest.mark.parametrize(("code", "es", "en"), [
    (errno.ENOSPC, "No queda espacio", "No space left"),
    (errno.EACCES, "No hay permiso", "No permission"),
    (errno.EROFS, "solo lectura", "read-only"),
    (errno.ENOENT, "ya no existe", "no longer exists"),
    (errno.ENOTDIR, "no es una carpeta", "is not a folder"),
])
def test_each_cause_is_one_sentence_naming_the_file(code, es, en):
    exc = OSError(code, "x", "/archivo/media/ab/cd.jpg")
    for lang, words in (("es", es), ("en", en)):
        text = faults.describe(exc, lang)
        assert words in text and "/archivo/media/ab/cd.jpg" in text
        assert "\n" not in text and "Traceback" not in text


def test_a_write_that_names_no_file_is_named_by_the_operation(tmp_path):
    with pytest.raises(OSError) as caught, faults.naming(tmp_path / "copia.part"):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(tmp_path / "copia.part") in faults.describe(caught.value, "es")


def test_sqlite_errors_name_the_catalogue_and_damage_points_to_restore():
    catalogue = Path("/archivo/catalogue.sqlite")
    full = driver.OperationalError("database or disk is full")
    assert "No queda espacio" in faults.describe(full, "es", catalogue)
    damaged = driver.DatabaseError("database disk image is malformed")
    text = faults.describe(damaged, "en", catalogue)
    assert str(catalogue) in text and "memoria verify" in text and "memoria restore" in text
    assert faults.describe(ValueError("no"), "es") is None  # not a fault: not ours to word


def test_an_index_build_that_fails_says_one_sentence_not_a_traceback(tmp_path):
    with pytest.raises(BuildFailed) as caught:
        run_build_process(tmp_path / "no-such-archive", tmp_path / "index", None, 1)
    text = str(caught.value)
    assert "Traceback" not in text and "\n" not in text
    assert "no-such-archive" in text
