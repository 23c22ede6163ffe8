"""Authority records: people, the place hierarchy, and the subject thesaurus."""

from __future__ import annotations

from memoria.domain.model import Person, Place, PlaceKind
from memoria.storage.archive import Archive, utc_now
from memoria.storage.db import transaction

# A place may only sit under a broader kind (a neighbourhood under a comuna...).
_RANK = {
    PlaceKind.COUNTRY: 0,
    PlaceKind.DEPARTMENT: 1,
    PlaceKind.MUNICIPALITY: 2,
    PlaceKind.COMUNA: 3,
    PlaceKind.NEIGHBOURHOOD: 4,
    PlaceKind.VEREDA: 4,
}


class AuthorityError(ValueError):
    pass


# -- people ----------------------------------------------------------------------
def _person(row) -> Person:
    return Person(row["id"], row["name"], row["pseudonym"], row["notes"])


def add_person(archive: Archive, name: str, pseudonym: str | None = None, notes: str = "") -> Person:
    name = name.strip()
    if not name:
        raise AuthorityError("A person needs a name.")
    with transaction(archive.conn):
        cur = archive.conn.execute(
            "INSERT INTO people (name, pseudonym, notes, created_at) VALUES (?, ?, ?, ?)",
            (name, (pseudonym or "").strip() or None, notes, utc_now()),
        )
        person_id = int(cur.lastrowid)
        archive.audit("person", person_id, "create", {"name": name, "pseudonym": pseudonym})
    return Person(person_id, name, (pseudonym or "").strip() or None, notes)


def update_person(
    archive: Archive, person_id: int, *, name: str, pseudonym: str | None, notes: str = ""
) -> Person:
    before = get_person(archive, person_id)
    with transaction(archive.conn):
        archive.conn.execute(
            "UPDATE people SET name = ?, pseudonym = ?, notes = ? WHERE id = ?",
            (name.strip(), (pseudonym or "").strip() or None, notes, person_id),
        )
        archive.audit(
            "person",
            person_id,
            "update",
            {"before": {"name": before.name, "pseudonym": before.pseudonym},
             "after": {"name": name, "pseudonym": pseudonym}},
        )
        for row in archive.conn.execute(
            "SELECT DISTINCT item_id FROM item_people WHERE person_id = ?", (person_id,)
        ).fetchall():
            archive.touch(row[0])
        if before.pseudonym or (pseudonym or "").strip():
            # A pseudonym protects the person in every item that mentions them
            # (under the old name and the new): those are re-indexed too.
            from memoria.protect import default_variants
            from memoria.storage.protections import mark_rescan

            mark_rescan(archive, {*default_variants(before.name), *default_variants(name)})
    return get_person(archive, person_id)


def names_by_item(archive: Archive) -> dict[int, list[str]]:
    """{item id: the real names and pseudonyms of its people} (custodian searches)."""
    names: dict[int, list[str]] = {}
    for item_id, name, pseudonym in archive.conn.execute(
            "SELECT ip.item_id, p.name, p.pseudonym FROM item_people ip"
            " JOIN people p ON p.id = ip.person_id"):
        names.setdefault(item_id, []).extend(n for n in (name, pseudonym) if n)
    return names


def get_person(archive: Archive, person_id: int) -> Person:
    row = archive.conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        raise AuthorityError(f"There is no person with id {person_id}.")
    return _person(row)


def find_people(archive: Archive, prefix: str = "", limit: int = 50) -> list[Person]:
    """For autocomplete: people whose name starts with (or contains) the text typed."""
    rows = archive.conn.execute(
        "SELECT * FROM people WHERE name LIKE ? ESCAPE '\\' ORDER BY name COLLATE NOCASE LIMIT ?",
        (f"%{_escape_like(prefix)}%", limit),
    ).fetchall()
    return [_person(r) for r in rows]


def person_by_name(archive: Archive, name: str) -> Person | None:
    row = archive.conn.execute(
        "SELECT * FROM people WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1", (name.strip(),)
    ).fetchone()
    return _person(row) if row else None


def get_or_add_person(archive: Archive, name: str, pseudonym: str | None = None) -> Person:
    return person_by_name(archive, name) or add_person(archive, name, pseudonym)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- places ----------------------------------------------------------------------
def _place(row) -> Place:
    return Place(row["id"], row["name"], PlaceKind(row["kind"]), row["parent_id"])


def add_place(archive: Archive, name: str, kind: PlaceKind, parent_id: int | None = None) -> Place:
    name = name.strip()
    if not name:
        raise AuthorityError("A place needs a name.")
    if parent_id is not None:
        parent = get_place(archive, parent_id)
        if _RANK[parent.kind] >= _RANK[kind]:
            raise AuthorityError(
                f"A {kind.value} cannot sit under a {parent.kind.value} ({parent.name})."
            )
    existing = archive.conn.execute(
        "SELECT * FROM places WHERE name = ? AND kind = ? AND parent_id IS ?",
        (name, kind.value, parent_id),
    ).fetchone()
    if existing:
        return _place(existing)
    with transaction(archive.conn):
        cur = archive.conn.execute(
            "INSERT INTO places (name, kind, parent_id) VALUES (?, ?, ?)",
            (name, kind.value, parent_id),
        )
        archive.audit("place", int(cur.lastrowid), "create", {"name": name, "kind": kind.value})
    return Place(int(cur.lastrowid), name, kind, parent_id)


def get_place(archive: Archive, place_id: int) -> Place:
    row = archive.conn.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()
    if row is None:
        raise AuthorityError(f"There is no place with id {place_id}.")
    return _place(row)


def place_path(archive: Archive, place_id: int) -> list[Place]:
    """The place and its parents, broadest first: Colombia > Antioquia > Medellín > ..."""
    chain: list[Place] = []
    current: int | None = place_id
    while current is not None and len(chain) < 10:
        place = get_place(archive, current)
        chain.append(place)
        current = place.parent_id
    return list(reversed(chain))


def all_places(archive: Archive) -> list[Place]:
    return [_place(r) for r in archive.conn.execute("SELECT * FROM places ORDER BY id")]


def place_by_path(archive: Archive, path: str, create: bool = True) -> Place | None:
    """Resolve 'Colombia > Antioquia > Medellín > Comuna 13' (or a single known name)."""
    parts = [p.strip() for p in path.replace("/", ">").split(">") if p.strip()]
    if not parts:
        return None
    if len(parts) == 1:
        row = archive.conn.execute(
            "SELECT * FROM places WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1", (parts[0],)
        ).fetchone()
        if row:
            return _place(row)
    kinds = list(PlaceKind)[: len(parts)] if len(parts) <= 5 else None
    if kinds is None:
        raise AuthorityError(f"Too many levels in place '{path}'.")
    parent: Place | None = None
    for name, kind in zip(parts, kinds, strict=False):
        row = archive.conn.execute(
            "SELECT * FROM places WHERE name = ? COLLATE NOCASE AND parent_id IS ?",
            (name, parent.id if parent else None),
        ).fetchone()
        if row:
            parent = _place(row)
        elif create:
            parent = add_place(archive, name, kind, parent.id if parent else None)
        else:
            return None
    return parent


# -- subjects --------------------------------------------------------------------
def get_or_add_subject(archive: Archive, term: str) -> int:
    term = " ".join(term.split())
    if not term:
        raise AuthorityError("A subject needs a term.")
    row = archive.conn.execute("SELECT id FROM subjects WHERE term = ?", (term,)).fetchone()
    if row:
        return int(row[0])
    cur = archive.conn.execute("INSERT INTO subjects (term) VALUES (?)", (term,))
    archive.audit("subject", int(cur.lastrowid), "create", {"term": term})
    return int(cur.lastrowid)


def find_subjects(archive: Archive, prefix: str = "", limit: int = 50) -> list[str]:
    rows = archive.conn.execute(
        "SELECT term FROM subjects WHERE term LIKE ? ESCAPE '\\' ORDER BY term LIMIT ?",
        (f"%{_escape_like(prefix)}%", limit),
    ).fetchall()
    return [r[0] for r in rows]
