"""docs/glossary.md: one Spanish word per concept, Colombian usage (issue 15).

What Memoria says in Spanish (the window's .ts and the core's Spanish strings)
never uses the words the glossary rules out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# word -> the glossary's word for it
RULED_OUT = {
    r"\bítems?\b": "elemento",
    r"\ba[ñn]ad(?:ir|e|iendo|ido|ida)\b": "agregar",
    r"\bexhibici[oó]n(?:es)?\b": "exposición",
    r"\bficheros?\b": "archivo",
    r"\bborrar\b": "eliminar / limpiar",
    r"\(ninguno todavía\)": "(ninguna todavía)",
    r"para scripts": "para la línea de comandos",
}
# Words a person may type, which the importer accepts: not what Memoria says.
INPUT_ALIASES = {"memoria/importing/importer.py", "memoria/importing/csv_metadata.py"}


def _spanish_ts() -> list[str]:
    tree = ET.parse(ROOT / "resources/translations/memoria_es.ts")
    texts = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        texts += [translation.text or ""] + [f.text or "" for f in translation.iter("numerusform")]
    return texts


def test_the_window_speaks_the_glossarys_spanish():
    found = [(text, word) for text in _spanish_ts() for pattern, word in RULED_OUT.items()
             if re.search(pattern, text, re.IGNORECASE)]
    assert found == []


def test_the_spanish_user_guide_speaks_the_glossarys_spanish():
    found = [(page.name, word) for page in (ROOT / "resources/help/es").glob("*.html")
             for pattern, word in RULED_OUT.items()
             if re.search(pattern, page.read_text(encoding="utf-8"), re.IGNORECASE)]
    assert found == []


def test_the_core_speaks_the_glossarys_spanish():
    found = []
    for path in (ROOT / "memoria").rglob("*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative in INPUT_ALIASES or relative.startswith("memoria/ui/"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern, word in RULED_OUT.items():
                if re.search(pattern, line, re.IGNORECASE) and re.search(r"[\"']", line):
                    found.append(f"{relative}:{n} ({word})")
    assert found == []


def test_the_glossary_exists_and_names_the_words():
    text = (ROOT / "docs/glossary.md").read_text(encoding="utf-8")
    for word in ("elemento", "exposición", "agregar", "archivo de Memoria", "four-digit"):
        assert word in text
