"""The command line end to end, as a script or an archivist would use it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest


def memoria(*args, archive=None, check=True):
    env = {**os.environ, "MEMORIA_LANG": "en"}
    if archive is not None:
        env["MEMORIA_ARCHIVE"] = str(archive)
    result = subprocess.run([sys.executable, "-m", "memoria", *map(str, args)],
                            capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"memoria {args} failed ({result.returncode}): {result.stderr}")
    return result


def test_version():
    from memoria import __version__

    assert memoria("--version").stdout.strip() == f"memoria {__version__}"


def test_import_folder_then_list_json_shows_checksums(tmp_path, media_folder):
    arch = tmp_path / "arch"
    memoria("init", arch)
    result = memoria("import", media_folder, archive=arch)
    assert "6 imported" in result.stdout
    listing = json.loads(memoria("list", "--json", archive=arch).stdout)
    assert listing["format"] == 1 and listing["count"] == 6
    by_name = {i["media"][0]["original_name"]: i for i in listing["items"]}
    assert set(by_name) == {"barrio.jpg", "mural.png", "entrevista.wav", "tone.mp3",
                            "tone.flac", "tone.ogg"}
    for name, item in by_name.items():
        digest = hashlib.sha256((media_folder / name).read_bytes()).hexdigest()
        assert item["media"][0]["sha256"] == digest
        assert item["consent"]["status"] == "none"
    # Importing the same folder again stores nothing twice.
    again = memoria("import", media_folder, archive=arch)
    assert "0 imported, 6 already in the archive" in again.stdout
    # In Spanish, the summary, each duplicate and the list's count speak Spanish.
    spanish = memoria("--lang", "es", "import", media_folder, archive=arch)
    assert "0 importados, 6 ya estaban en el archivo" in spanish.stdout
    assert "ya está en el archivo como" in spanish.stdout and "already" not in spanish.stdout
    assert memoria("--lang", "es", "list", archive=arch).stdout.rstrip().endswith("6 elementos")


def test_consent_flow_researcher_view_and_withdrawal(tmp_path, media_folder):
    arch = tmp_path / "arch"
    memoria("init", arch)
    csv_path = media_folder / "meta.csv"
    csv_path.write_text(
        "file,kind,title,people\n"
        "entrevista.wav,testimony,Relato de Ana María Restrepo,Ana María Restrepo (narrator)\n",
        encoding="utf-8")
    memoria("import", media_folder / "entrevista.wav", "--metadata", csv_path, archive=arch)
    accession = json.loads(memoria("list", "--json", archive=arch).stdout)["items"][0]["accession"]

    refused = memoria("show", accession, "--as", "researcher", archive=arch, check=False)
    assert refused.returncode == 3
    assert "no consent is recorded" in refused.stderr
    assert json.loads(memoria("list", "--as", "researcher", "--json", archive=arch).stdout)[
        "count"] == 0

    memoria("consent", "grant", accession, "--scope", "research", "--pseudonym", "Rosa",
            archive=arch)
    shown = json.loads(memoria("show", accession, "--as", "researcher", "--json",
                               archive=arch).stdout)["item"]
    assert shown["people"] == [{"id": shown["people"][0]["id"], "name": "Rosa",
                                "role": "narrator"}]
    assert "Restrepo" not in json.dumps(shown, ensure_ascii=False)
    assert "Rosa" in shown["title"]
    public = memoria("show", accession, "--as", "public", archive=arch, check=False)
    assert public.returncode == 3 and "does not cover" in public.stderr

    memoria("consent", "withdraw", accession, "--reason", "La narradora lo pidió", archive=arch)
    gone = memoria("show", accession, "--as", "researcher", archive=arch, check=False)
    assert gone.returncode == 3 and "withdrawn" in gone.stderr
    history = json.loads(memoria("consent", "show", accession, "--json", archive=arch).stdout)
    [record] = history["records"]
    assert record["status"] == "withdrawn"
    assert [e["action"] for e in record["history"]] == ["record", "status"]
    assert record["history"][-1]["reason"] == "La narradora lo pidió"
    # Custodians still see it, with the reason others do not.
    custodian = json.loads(memoria("show", accession, "--json", archive=arch).stdout)["item"]
    assert custodian["consent"]["visible_to"] == {"curator": False, "researcher": False,
                                                   "public": False}


def test_errors_are_sentences_on_stderr(tmp_path):
    not_archive = tmp_path / "fotos"
    not_archive.mkdir()
    result = memoria("list", archive=not_archive, check=False)
    assert result.returncode == 1
    assert "is not a Memoria archive" in result.stderr and "Traceback" not in result.stderr
    arch = tmp_path / "arch"
    memoria("init", arch)
    missing = memoria("show", "T-1999-0001", archive=arch, check=False)
    assert missing.returncode == 1 and "There is no item" in missing.stderr
    again = memoria("init", arch, check=False)
    assert again.returncode == 1 and "already a Memoria archive" in again.stderr


@pytest.mark.parametrize("audience", ["curator", "researcher", "public"])
def test_search_answers_for_the_audience(tmp_path, media_folder, audience):
    arch = tmp_path / "arch"
    memoria("init", arch)
    memoria("import", media_folder, archive=arch)
    hits = json.loads(memoria("search", "tone", "--json", archive=arch).stdout)
    assert hits["count"] == 3
    hidden = json.loads(memoria("search", "tone", "--as", audience, "--json",
                                archive=arch).stdout)
    assert hidden["count"] == 0


def _open_to_others(root):
    return [str(p.relative_to(root)) for p in [root, *root.rglob("*")]
            if p.stat().st_mode & 0o077]


def test_archives_backups_and_restores_are_readable_by_their_owner_only(tmp_path, media_folder):
    """A shared laptop or a mounted backup drive: no other user account reads the testimony,
    whatever wrote the file (the archive, a backup, a restore)."""
    os.umask(0o022)  # the usual umask, which would leave files readable by everyone
    arch, backup, restored = tmp_path / "arch", tmp_path / "copia", tmp_path / "restaurado"
    memoria("init", arch)
    memoria("import", media_folder, archive=arch)
    memoria("backup", backup, archive=arch)
    memoria("restore", backup, restored)
    for root in (arch, backup, restored):
        assert _open_to_others(root) == [], root


def test_demo_says_what_it_made_in_spanish(tmp_path):
    out = memoria("--lang", "es", "demo", tmp_path / "demo").stdout
    assert out.startswith(f"Archivo de demostración creado en {tmp_path / 'demo'}: ")
    assert "elementos (material de muestra ficticio)." in out
