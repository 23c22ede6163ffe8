"""The command line in a Spanish session says the catalogue's values in Spanish
(issue 15): kinds and consent states in `list`, roles in `show`, states, uses and
history actions in `consent show`; `--json` keeps the values themselves."""

from __future__ import annotations

import json

import pytest

from memoria.cli import main
from memoria.demo import build_demo
from memoria.domain.messages import VALUE_LABELS, value_label


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "archivo"
    build_demo(path, lang="es")
    return path


def _run(capsys, demo, *args: str) -> str:
    assert main(["--archive", str(demo), "--lang", "es", *args]) == 0
    return capsys.readouterr().out


def test_list_says_kinds_and_consent_states_in_spanish(capsys, demo):
    out = _run(capsys, demo, "list")
    for english in (" photograph ", " testimony ", " granted ", " withdrawn ", " embargoed "):
        assert english not in out
    assert " fotografía " in out and " otorgado " in out and " retirado " in out
    data = json.loads(_run(capsys, demo, "list", "--json"))
    assert {i["kind"] for i in data["items"]} == {"testimony", "photograph", "audio"}


def test_show_and_consent_show_say_roles_states_and_actions_in_spanish(capsys, demo):
    out = _run(capsys, demo, "show", "F-2026-0001")
    assert "[fotografía]" in out and "fotógrafo(a): " in out and "photographer" not in out
    out = _run(capsys, demo, "consent", "show", "F-2026-0001")
    assert ": otorgado [" in out and "registro -> otorgado" in out
    assert "granted" not in out and "record ->" not in out and "exhibition" not in out


def test_every_value_has_its_spanish_word():
    from memoria.domain.consent import Badge
    from memoria.domain.model import ConsentStatus, Kind, Role

    for field, values in (("kind", Kind), ("role", Role), ("status", ConsentStatus),
                          ("status", Badge)):
        for value in values:
            assert value.value in VALUE_LABELS["es"][field], value
    assert value_label("status", "review", "en") == "embargo to review"
    assert value_label("kind", "something new", "es") == "something new"


def test_consent_lines_are_said_in_spanish(capsys, tmp_path):
    path = tmp_path / "archivo"
    build_demo(path, lang="es")
    out = _run(capsys, path, "consent", "withdraw", "F-2026-0001", "--reason", "lo pidió")
    assert out.startswith("Consentimiento #") and "retirado; 3 elementos ya no se ven fuera" in out
    out = _run(capsys, path, "consent", "grant", "F-2026-0001", "--person",
               "María Fernanda Gil", "--scope", "exhibition")
    assert "registrado para María Fernanda Gil (1 elemento)." in out
    assert main(["--archive", str(path), "--lang", "es", "consent", "withdraw",
                 "T-2026-0005", "--reason", "otra vez"]) != 0
    assert "no hay un consentimiento vigente" in capsys.readouterr().err


def test_refusals_of_consent_and_export_bag_are_spanish(capsys, demo, tmp_path):
    assert main(["--archive", str(demo), "--lang", "es", "consent", "grant", "F-2026-0001",
                 "--person", "Nadie Conocido", "--scope", "research"]) != 0
    assert "No hay ninguna persona llamada «Nadie Conocido»." in capsys.readouterr().err
    assert main(["--archive", str(demo), "--lang", "es", "export-bag",
                 str(tmp_path / "bolsa")]) != 0
    assert "Nombre los elementos que va a exportar" in capsys.readouterr().err
