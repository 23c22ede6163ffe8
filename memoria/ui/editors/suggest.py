"""Completions read from the authority lists through the session's reader."""

from __future__ import annotations

from typing import Any

from memoria.operations import items as authorities
from memoria.operations.archive import Archive


def place_paths(reader: Archive) -> list[tuple[str, Any]]:
    """Every place as its full path ("Colombia > Antioquia > Medellín"), with its id.

    Built from one query: the hierarchy is small, and walking parents in
    Python avoids a query per place while the list is typed into.
    """
    places = {p.id: p for p in authorities.all_places(reader)}

    def path(place_id: int) -> str:
        names: list[str] = []
        current: int | None = place_id
        while current is not None and current in places and len(names) < 10:
            names.append(places[current].name)
            current = places[current].parent_id
        return " > ".join(reversed(names))

    return sorted(((path(pid), pid) for pid in places), key=lambda pair: pair[0].casefold())


def subject_terms(reader: Archive, prefix: str = "") -> list[tuple[str, Any]]:
    return [(term, None) for term in authorities.find_subjects(reader, prefix)]


def people_names(reader: Archive, prefix: str = "") -> list[tuple[str, int]]:
    return [(p.name, p.id) for p in authorities.find_people(reader, prefix)]
