"""Preferences' transcription model folder: checked and registered through the same
code as `memoria asr model PATH`; a folder that is not a CTranslate2 Whisper model is
refused in one sentence naming it and what is missing, and nothing is registered."""

from __future__ import annotations

import json
import shutil

from memoria.asr import model
from memoria.ui.tasks import TaskRunner
from memoria.ui.widgets.preferences import PreferencesDialog


def _tiny_model(folder):
    """A structurally valid model folder (the checks read files; nothing is loaded)."""
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"decoder/layer_0/" + b"\0" * 2_000_000)
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (folder / "tokenizer.json").write_text(json.dumps({"added_tokens": [
        {"content": "<|es|>"}, {"content": "<|en|>"}]}), encoding="utf-8")
    (folder / "vocabulary.txt").write_text("a\n", encoding="utf-8")
    return folder


def test_a_model_folder_is_checked_and_registered(tmp_path, settings, qtbot, monkeypatch):
    monkeypatch.setenv("MEMORIA_DATA", str(tmp_path / "datos"))
    dialog = PreferencesDialog(settings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert dialog.model_path.text() == "" and "memoria asr install" in dialog.model_status.text()
    folder = _tiny_model(tmp_path / "mi-modelo")
    dialog.register_model(str(folder))
    info = model.registered_model()
    assert info is not None and info.path == str(folder.resolve())
    assert info.sha256 == model.sha256_of(folder / "model.bin")  # as `asr model` records
    assert dialog.model_path.text() == str(folder.resolve())
    assert "2 " in dialog.model_status.text()                  # two languages


def test_a_folder_that_is_not_a_model_is_refused_in_one_sentence(tmp_path, settings, qtbot,
                                                                 monkeypatch):
    monkeypatch.setenv("MEMORIA_DATA", str(tmp_path / "datos"))
    folder = _tiny_model(tmp_path / "fotos")
    (folder / "tokenizer.json").unlink()
    dialog = PreferencesDialog(settings, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.register_model(str(folder))
    text = dialog.model_status.text()
    assert str(folder) in text and "tokenizer.json" in text and "CTranslate2" in text
    assert "\n" not in text and "Traceback" not in text
    assert model.registered_model() is None and dialog.choose_model.isEnabled()
    shutil.rmtree(folder)
    dialog.register_model(str(folder))
    assert str(folder) in dialog.model_status.text()           # not a folder at all
