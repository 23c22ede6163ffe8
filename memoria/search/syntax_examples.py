"""The search box's language in examples, Spanish and English, in one place.

The Help window's "Search syntax" page (ui/help) and the short syntax popover
next to the search field both read these rows, so the two never disagree with
each other or with docs/search.md. Each row: what to type, what it finds.
"""

from __future__ import annotations

from typing import NamedTuple


class Example(NamedTuple):
    query: str
    es: str
    en: str

    def says(self, lang: str) -> str:
        return self.es if lang == "es" else self.en


# The first rows are the ones a short popover shows (SHORT); the page shows all.
EXAMPLES: tuple[Example, ...] = (
    Example("memoria resistencia",
            "las dos palabras, en cualquier parte del elemento (título, descripción, "
            "transcripción, personas, lugares, temas)",
            "both words, anywhere in the item (title, description, transcript, people, "
            "places, subjects)"),
    Example("madres OR buscadoras",
            "cualquiera de las dos palabras (también O, |)",
            "either word (also O, |)"),
    Example('"casa quemada"',
            "la frase exacta; \"casa quemada\"~3 admite hasta 3 palabras en medio",
            "the exact phrase; \"casa quemada\"~3 allows up to 3 words between"),
    Example("-paramilitares",
            "sin esa palabra (también NOT, NO)",
            "without that word (also NOT, NO)"),
    Example("lugar:Medellín",
            "solo en ese campo: titulo:, persona:, lugar:, tema:, texto:, descripcion:, nota:",
            "only in that field: title:, person:, place:, subject:, text:, description:, note:"),
    Example("año:1985..1991",
            "elementos cuya fecha (aunque sea incierta) cae en esos años; también año:199X, "
            "fecha:2002-10, fecha:..2002-10-16",
            "items whose (possibly uncertain) date falls in those years; also year:199X, "
            "date:2002-10, date:..2002-10-16"),
    Example("desplaz*",
            "palabras que empiezan así (al menos dos letras antes del *); Medell?n: una letra "
            "cualquiera",
            "words starting so (at least two letters before the *); Medell?n: any one letter"),
    Example("=desplazados",
            "solo esta palabra, sin variantes como desplazada (también exacto:)",
            "this word only, not variants such as desplazada (also exact:)"),
    Example("medelin~",
            "admite errores de escritura (una letra; medelin~2: dos)",
            "allows spelling mistakes (one letter; medelin~2: two)"),
    Example("tipo:testimonio",
            "solo ese tipo (testimonio, fotografia, audio); idioma:en, el idioma",
            "that kind only (testimony, photograph, audio); language:en, the language"),
)
SHORT = 5  # rows shown by a popover; the Help page shows every row


def examples(lang: str, short: bool = False) -> list[tuple[str, str]]:
    """(what to type, what it finds) in `lang` ("es" or "en")."""
    rows = EXAMPLES[:SHORT] if short else EXAMPLES
    return [(row.query, row.says(lang)) for row in rows]
