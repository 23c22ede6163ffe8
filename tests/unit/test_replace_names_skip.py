"""replace_names skips its slow pass only when a name cannot occur: same output."""

from __future__ import annotations

from bench.corpus import generate
from memoria.access import _replace_runs, replace_names
from memoria.domain.folding import privacy_fold


def _always(text: str, renames: dict[str, str]) -> str:
    """The old behaviour: the character pass for every name."""
    for real, shown in sorted(renames.items(), key=lambda kv: -len(kv[0])):
        parts = sorted({privacy_fold(p) for p in real.split() if len(p) >= 3}, key=len, reverse=True)
        if parts:
            text = _replace_runs(text, parts, shown)
    return text


def test_same_output_as_replacing_everywhere():
    texts = [s.text for t in generate(6, seed=5) for s in t.segments[:12]]
    texts += ["Doña LUZ DARY Restrepo llegó", "luz dary", "Restrepó y Gomez", "", "Lu Da"]
    renames = {"Luz Dary Restrepo": "Doña Flor", "Gómez Zapata": "El Profe",
               "Jhon Jairo Úsuga": "Trovador"}
    for text in texts:
        assert replace_names(text, renames) == _always(text, renames)
    assert replace_names("Doña LUZ DARY Restrepo llegó", renames) == "Doña Flor llegó"
