"""Protected-name matching folds text the same way on its fast paths."""

from __future__ import annotations

import random

from memoria.domain.folding import privacy_fold
from memoria.protect import Protector, fold_same_length, linked_parts, person_protected


def _reference(text: str) -> tuple[str, list[int] | None]:
    """Folding one character at a time (what fold_same_length must equal)."""
    chars = [privacy_fold(c) for c in text]
    if all(len(c) == 1 for c in chars):
        return "".join(chars), None
    index: list[int] = []
    for at, chunk in enumerate(chars):
        index.extend([at] * len(chunk))
    index.append(len(text))
    return "".join(chars), index


def test_folding_equals_character_by_character_folding():
    alphabet = "abcñÑáÉíÓúüÜçÇ ,.-\n" + "ßİﬁ" + "\u0301" + "Ωω" + "日本"
    rng = random.Random(5)
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert fold_same_length(text) == _reference(text)
    assert fold_same_length("Muñoz Álvarez") == ("munoz alvarez", None)
    folded, index = fold_same_length("Straße Ñ")  # ß folds to two letters
    assert folded == "strasse n" and index is not None


def test_names_found_in_a_long_text_and_not_where_absent():
    p = Protector([person_protected("Rosa Elena Quintero", "Doña Flor", 1)])
    line = "Pues en la cuadra había fronteras invisibles, uno no olvida. "
    long_text = line * 300
    assert p.replace(long_text) == long_text
    told = long_text + "Y la señora ROSA ELENA QUINTÉRO se fue. " + long_text
    replaced = p.replace(told)
    assert "Quint" not in replaced and "QUINT" not in replaced
    assert replaced.count("Doña Flor") == 1 and replaced.startswith(line)


def test_an_items_extra_people_are_caught_as_by_a_protector_built_whole():
    """with_extra adds to the archive-wide matcher without changing it."""
    base_people = [person_protected(n, f"Persona {i}", i) for i, n in enumerate(
        ["Rosa Elena Quintero", "Luz Dary Gómez Restrepo", "Jhon Jairo Muñoz", "Ana Rosa"])]
    extra = [linked_parts("Rosa Quintero Peña", "Doña Flor", 9),
             person_protected("Luz Gómez", "La Mona", 10)]
    base = Protector(base_people)
    before = {k: list(v) for k, v in base._first.items()}
    combined = base.with_extra(extra)
    whole = Protector([*base_people, *extra])
    assert combined._first == whole._first
    assert base._first == before  # the shared archive-wide matcher is untouched
    text = ("Rosa Elena Quintero y Rosa Quintero Peña vivían con Luz Dary Gómez Restrepo; "
            "Peña, Luz Gómez, los Quinteros y Ana Rosa llegaron después.")
    assert combined.replace(text) == whole.replace(text)
    assert base.replace(text) != whole.replace(text)
    assert base.with_extra([]) is base
