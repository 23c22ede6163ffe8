"""One bilingual vocabulary: the words for kinds, consent states, roles, scopes,
audiences and anonymisations live in memoria.domain.messages.VALUE_LABELS only.

The window (memoria/ui/labels.py), the command line and the exports read them
from there; a second table of the same words would drift (it did: the command
line said "investigación en sala", the window "investigación en sala de consulta").
"""

from __future__ import annotations

import ast
from pathlib import Path

from memoria.domain.messages import VALUE_LABELS

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "memoria/domain/messages.py"
FIELDS = ("kind", "kind_title", "kind_plural", "status", "role", "scope", "anonymisation",
          "audience", "account_role")


def _words() -> dict[str, str]:
    """Each word a person reads (folded to lower case) -> where the table has it.
    English words that are the stored value itself ("pending") are the value, not
    a second definition, and are left out."""
    words = {}
    for lang, fields in VALUE_LABELS.items():
        for field in FIELDS:
            for value, word in fields.get(field, {}).items():
                if word.lower() != value.replace("_", " "):
                    words[word.lower()] = f"{lang}.{field}.{value}"
    return words


def _literals(path: Path) -> list[tuple[int, str]]:
    """String literals, except the words a person may type: the keys of a dict and
    the names given to `dict.fromkeys` (the importer's and the query language's
    aliases: "testimonios" read as kind:testimony is not a second word for it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            typed.update(id(k) for k in node.keys if k is not None)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "fromkeys" and node.args):
            typed.update(id(n) for n in ast.walk(node.args[0]))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in typed]


def test_a_kind_state_or_role_word_is_defined_in_one_place():
    words = _words()
    found = []
    for path in sorted((ROOT / "memoria").rglob("*.py")):
        if path == TABLE:
            continue
        for line, text in _literals(path):
            if text.strip().lower() in words:
                found.append(f"{path.relative_to(ROOT)}:{line} {text!r} "
                             f"(VALUE_LABELS {words[text.strip().lower()]})")
    assert found == []


def test_the_window_has_no_translation_of_its_own_for_them():
    """The .ts files once held the same words under Labels, ConsentBadge,
    ImportPreview and PhotoViewer; the window now reads the core's table."""
    import xml.etree.ElementTree as ET

    words = _words()
    found = []
    for lang in ("es", "en"):
        tree = ET.parse(ROOT / f"resources/translations/memoria_{lang}.ts")
        for context in tree.iter("context"):
            for message in context.iter("message"):
                said = (message.findtext("translation") or "").strip().lower()
                if said in words:
                    found.append(f"{lang} {context.findtext('name')}: {said!r}")
    assert found == []


def test_the_check_finds_a_second_table():
    assert "narrador(a)" in _words() and "grabación de audio" in _words()
    assert "pending" not in _words()  # the stored value itself, used everywhere
