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
    assert {k: sorted(v) for k, v in combined._inside.items()} == \
        {k: sorted(v) for k, v in whole._inside.items()}  # replacements are not leaks
    assert base._first == before  # the shared archive-wide matcher is untouched
    text = ("Rosa Elena Quintero y Rosa Quintero Peña vivían con Luz Dary Gómez Restrepo; "
            "Peña, Luz Gómez, los Quinteros y Ana Rosa llegaron después.")
    assert combined.replace(text) == whole.replace(text)
    assert base.replace(text) != whole.replace(text)
    assert base.with_extra([]) is base


def test_many_names_sharing_a_first_word_are_replaced_as_when_compared_one_by_one(
        monkeypatch):
    """The matcher compares only the entries whose second word follows (a
    common first name starts hundreds of them): the text it gives is the one
    comparing every entry in turn gives, longest name first."""
    rng = random.Random(4)
    firsts = ["María", "José", "Luz", "Ana"]
    lasts = ["Gómez", "Pérez", "Restrepo", "Muñoz", "Quintero", "Peña", "Rojas"]
    people = []
    for i in range(120):
        parts = [rng.choice(firsts)] + rng.sample(lasts, rng.randint(0, 2))
        people.append(person_protected(" ".join(parts), f"Persona {i}", i))
    people.append(linked_parts("Luz Dary Gómez Restrepo", "Doña Flor", 500))
    base = Protector(people[:60])
    grouped = base.with_extra(people[60:])
    words = [*firsts, *lasts, "Dary", "de", "la", "casa", "y", "llegó", "\n", ","]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 60)))
             for _ in range(300)]
    got = [grouped.replace(t) for t in texts]
    assert any(g != t for g, t in zip(got, texts, strict=True))

    monkeypatch.setattr(Protector, "_candidates", lambda self, first, second: self._first[first])
    assert [grouped.replace(t) for t in texts] == got
    assert [Protector(people).replace(t) for t in texts] == got
