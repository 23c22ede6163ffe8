"""Protected people and terms in the catalogue (table `protections`, migration 0006).

Who is protected: every person with a current (or withdrawn) consent asking
for a pseudonym or for names to be redacted, every person whose authority
record carries a pseudonym, and every person or term a custodian marked.
`protector(archive)` turns them into the matcher every path out uses
(memoria.protect). Marking, changing or confirming a protection touches
every item that mentions the person (not only the linked ones), so the
search index re-reads them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from memoria.domain.folding import privacy_fold
from memoria.domain.model import Anonymisation, Person
from memoria.protect import (
    ANONYMOUS,
    REDACTED_NAME,
    TERM_REPLACEMENT,
    Protected,
    Protector,
    default_variants,
    fold_same_length,
)
from memoria.storage.archive import Archive, utc_now
from memoria.storage.db import transaction

_ASKING = (Anonymisation.PSEUDONYM.value, Anonymisation.REDACT_NAMES.value)


class ProtectionError(ValueError):
    """A protection cannot be saved as asked; the message is for a person."""


@dataclass(frozen=True)
class Protection:
    """One protected person or term as a custodian sees it."""

    id: int | None  # None: protected by consent, no row yet
    person_id: int | None
    name: str  # the real name or the term (custodians only)
    replacement: str
    variants: tuple[str, ...]  # what is caught
    confirmed: bool  # a custodian confirmed the list (else Memoria's defaults)
    source: str  # "consent", "pseudonym", "custodian"
    reason: str = ""

    @property
    def key(self) -> str:
        return f"person:{self.person_id}" if self.person_id is not None else f"term:{self.id}"


def _consent_people(archive: Archive) -> dict[int, str | None]:
    """person id -> the pseudonym their consent gives (None: redact, no pseudonym)."""
    found: dict[int, str | None] = {}
    for row in archive.conn.execute(
        "SELECT person_id, anonymisation, pseudonym FROM consents"
        " WHERE status != 'superseded' ORDER BY id"
    ):
        asked = set(row["anonymisation"].split())
        if asked & set(_ASKING):
            if Anonymisation.PSEUDONYM.value in asked and row["pseudonym"]:
                found[row["person_id"]] = row["pseudonym"]
            else:
                found.setdefault(row["person_id"], None)
    return found


def all_protections(archive: Archive, lang: str = "es") -> list[Protection]:
    """Every protection in force, people first (by name), then terms."""
    anonymous = ANONYMOUS.get(lang, ANONYMOUS["es"])
    redacted = REDACTED_NAME.get(lang, REDACTED_NAME["es"])
    by_consent = _consent_people(archive)
    rows = {r["person_id"]: r for r in archive.conn.execute(
        "SELECT * FROM protections WHERE person_id IS NOT NULL")}
    ids = set(by_consent) | {pid for pid, r in rows.items() if r["active"]}
    people = {r["id"]: r for r in archive.conn.execute(
        "SELECT id, name, pseudonym FROM people WHERE pseudonym IS NOT NULL AND pseudonym != ''")}
    ids |= set(people)
    if ids:
        marks = ",".join("?" * len(ids))
        people.update({r["id"]: r for r in archive.conn.execute(
            f"SELECT id, name, pseudonym FROM people WHERE id IN ({marks})", sorted(ids))})
    out: list[Protection] = []
    for pid in sorted(ids, key=lambda i: privacy_fold(people[i]["name"]) if i in people else ""):
        if pid not in people:
            continue
        person = people[pid]
        row = rows.get(pid)
        replacement = (by_consent.get(pid) or person["pseudonym"]
                       or (row["replacement"] if row else "")
                       or (redacted if pid in by_consent else anonymous))
        confirmed = bool(row and row["confirmed"])
        variants = tuple(json.loads(row["variants"])) if confirmed and row else tuple(
            default_variants(person["name"]))
        source = ("consent" if pid in by_consent else "custodian" if row and row["active"]
                  else "pseudonym")
        out.append(Protection(row["id"] if row else None, pid, person["name"], replacement,
                              variants, confirmed, source, row["reason"] if row else ""))
    for row in archive.conn.execute(
        "SELECT * FROM protections WHERE term IS NOT NULL AND active = 1 ORDER BY term"
    ):
        extra = tuple(json.loads(row["variants"]))
        out.append(Protection(row["id"], None, row["term"],
                              row["replacement"] or TERM_REPLACEMENT,
                              tuple(dict.fromkeys((row["term"], *extra))), True, "custodian",
                              row["reason"]))
    return out


def protector(archive: Archive, lang: str = "es") -> Protector:
    """The matcher for every protection in force (cached per catalogue generation)."""
    key = (archive.generation(), lang, _fingerprint(archive))
    cached = getattr(archive, "_protector_cache", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    built = Protector([Protected(p.key, p.name, p.replacement, p.variants, p.person_id)
                       for p in all_protections(archive, lang)])
    archive._protector_cache = (key, built)  # type: ignore[attr-defined]
    return built


def _fingerprint(archive: Archive) -> tuple:
    """Protections can change without an item changing (a consent recorded for a
    person with no items yet): part of the cache key."""
    a = archive.conn.execute("SELECT COUNT(*), MAX(updated_at) FROM protections").fetchone()
    b = archive.conn.execute("SELECT COUNT(*), MAX(updated_at) FROM consents").fetchone()
    c = archive.conn.execute(
        "SELECT COUNT(*), group_concat(pseudonym) FROM people WHERE pseudonym IS NOT NULL"
    ).fetchone()
    return (tuple(a), tuple(b), tuple(c))


# -- changes by a custodian ------------------------------------------------------
def _clean(variants: Iterable[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for v in variants:
        text = " ".join(v.split())
        if len(privacy_fold(text).replace(" ", "")) < 3:
            raise ProtectionError(f"The variant '{text}' is too short to catch safely.")
        if privacy_fold(text) not in seen:
            seen.add(privacy_fold(text))
            out.append(text)
    return out


def protect_person(archive: Archive, person_id: int, replacement: str = "",
                   reason: str = "", variants: Sequence[str] | None = None) -> int:
    """Mark a person as protected everywhere (a child, another victim, a named
    perpetrator). ``variants`` given: the confirmed list; else Memoria's defaults."""
    person = archive.conn.execute("SELECT name FROM people WHERE id = ?", (person_id,)).fetchone()
    if person is None:
        raise ProtectionError(f"There is no person {person_id}.")
    before = _variants_now(archive, f"person:{person_id}")
    now = utc_now()
    confirmed = variants is not None
    listed = json.dumps(_clean(variants) if variants is not None else [], ensure_ascii=False)
    with transaction(archive.conn):
        row = archive.conn.execute(
            "SELECT id, variants, confirmed FROM protections WHERE person_id = ?", (person_id,)
        ).fetchone()
        if row is None:
            cur = archive.conn.execute(
                "INSERT INTO protections (person_id, replacement, variants, confirmed, reason,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (person_id, replacement.strip(), listed, int(confirmed), reason, now, now))
            pid = int(cur.lastrowid)
        else:
            pid = int(row["id"])
            if not confirmed:
                listed, confirmed = row["variants"], bool(row["confirmed"])
            archive.conn.execute(
                "UPDATE protections SET replacement = ?, variants = ?, confirmed = ?,"
                " reason = ?, active = 1, updated_at = ? WHERE id = ?",
                (replacement.strip(), listed, int(confirmed), reason, now, pid))
        archive.audit("protection", pid, "protect_person",
                      {"person": person_id, "confirmed": confirmed})
        _touch_mentions(archive, before | _variants_now(archive, f"person:{person_id}"))
    return pid


def confirm_variants(archive: Archive, person_id: int, variants: Sequence[str]) -> int:
    """The custodian's list of variants to catch for a person (replaces the proposal)."""
    row = archive.conn.execute(
        "SELECT replacement, reason FROM protections WHERE person_id = ?", (person_id,)
    ).fetchone()
    if not _clean(variants):
        raise ProtectionError("Keep at least one variant (the full name).")
    return protect_person(archive, person_id, row["replacement"] if row else "",
                          row["reason"] if row else "", variants)


def protect_term(archive: Archive, term: str, replacement: str = "", reason: str = "",
                 variants: Sequence[str] = ()) -> int:
    """Protect a term (an address, a nickname) wherever it appears."""
    term = " ".join(term.split())
    _clean([term])
    now = utc_now()
    with transaction(archive.conn):
        row = archive.conn.execute(
            "SELECT id FROM protections WHERE term = ? COLLATE NOCASE", (term,)).fetchone()
        listed = json.dumps(_clean(variants), ensure_ascii=False)
        if row is None:
            cur = archive.conn.execute(
                "INSERT INTO protections (term, replacement, variants, confirmed, reason,"
                " created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)",
                (term, replacement.strip(), listed, reason, now, now))
            pid = int(cur.lastrowid)
        else:
            pid = int(row["id"])
            archive.conn.execute(
                "UPDATE protections SET replacement = ?, variants = ?, reason = ?, active = 1,"
                " updated_at = ? WHERE id = ?", (replacement.strip(), listed, reason, now, pid))
        archive.audit("protection", pid, "protect_term", {"reason": reason})
        _touch_mentions(archive, {term, *variants})
    return pid


def unprotect(archive: Archive, protection_id: int, reason: str = "") -> None:
    """End a custodian's protection (consent-based protection stays: change the consent)."""
    row = archive.conn.execute("SELECT * FROM protections WHERE id = ?",
                               (protection_id,)).fetchone()
    if row is None:
        raise ProtectionError(f"There is no protection {protection_id}.")
    key = f"person:{row['person_id']}" if row["person_id"] is not None else f"term:{row['id']}"
    before = _variants_now(archive, key)
    with transaction(archive.conn):
        archive.conn.execute("UPDATE protections SET active = 0, updated_at = ? WHERE id = ?",
                             (utc_now(), protection_id))
        archive.audit("protection", protection_id, "unprotect", {"reason": reason})
        _touch_mentions(archive, before)


def _variants_now(archive: Archive, key: str) -> set[str]:
    return {v for p in all_protections(archive) if p.key == key for v in p.variants}


def touch_person_mentions(archive: Archive, person_id: int) -> int:
    """Re-index every item that mentions a person (after a consent change)."""
    with transaction(archive.conn):
        return _touch_mentions(archive, _variants_now(archive, f"person:{person_id}"))


def _touch_mentions(archive: Archive, variants: set[str]) -> int:
    ids = items_mentioning(archive, variants)
    for item_id in sorted(ids):
        archive.touch(item_id)
    return len(ids)


def mark_rescan(archive: Archive, variants: Iterable[str]) -> None:
    """Cheaply note that mentions of ``variants`` must be re-indexed (a consent just
    recorded: imports record thousands, so the catalogue is not scanned here; the
    search index scans once for all the marks newer than its generation)."""
    listed = sorted(set(variants))
    if not listed:
        return
    with transaction(archive.conn):
        archive.touch(None)
        archive.conn.execute(
            "INSERT OR REPLACE INTO protection_rescans (generation, variants) VALUES (?, ?)",
            (archive.generation(), json.dumps(listed, ensure_ascii=False)))


_rescan_cache: dict[tuple, set[int]] = {}


def items_to_rescan(archive: Archive, since_generation: int) -> set[int]:
    """Items mentioning any variant marked for re-index after ``since_generation``."""
    rows = archive.conn.execute(
        "SELECT generation, variants FROM protection_rescans WHERE generation > ?"
        " ORDER BY generation", (max(since_generation, 0),)).fetchall()
    if not rows:
        return set()
    key = (str(archive.root), since_generation, rows[-1][0], len(rows))
    if key not in _rescan_cache:
        variants = {v for row in rows for v in json.loads(row[1])}
        if len(_rescan_cache) > 16:
            _rescan_cache.clear()
        _rescan_cache[key] = items_mentioning(archive, variants)
    return set(_rescan_cache[key])


def consent_changed(archive: Archive, person_id: int) -> None:
    """A consent of this person was recorded or changed: if they are (or were)
    protected, their mentions everywhere are re-indexed."""
    row = archive.conn.execute("SELECT name FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        return
    asks = archive.conn.execute(
        "SELECT 1 FROM consents WHERE person_id = ? AND (anonymisation LIKE '%pseudonym%'"
        " OR anonymisation LIKE '%redact_names%') LIMIT 1", (person_id,)).fetchone()
    if asks:
        confirmed = archive.conn.execute(
            "SELECT variants FROM protections WHERE person_id = ? AND confirmed = 1",
            (person_id,)).fetchone()
        mark_rescan(archive, {*default_variants(row[0]),
                              *(json.loads(confirmed[0]) if confirmed else [])})


def items_mentioning(archive: Archive, variants: Iterable[str]) -> set[int]:
    """Items whose text (title, description, subjects, transcript, captions of their
    people) contains any of ``variants``, accents and case ignored."""
    matcher = Protector([Protected("probe", "", "", tuple(variants))])
    if not matcher:
        return set()
    found: set[int] = set()
    firsts = {privacy_fold(v).split()[0] for v in variants if v.split()}

    def check(item_id: int, text: str) -> None:
        if item_id in found or not text:
            return
        folded, _ = fold_same_length(text)
        if any(f in folded for f in firsts) and matcher.found(text):
            found.add(item_id)

    for row in archive.conn.execute("SELECT id, title, description, notes FROM items"):
        check(row[0], f"{row[1]}\n{row[2]}\n{row[3]}")
    for row in archive.conn.execute(
        "SELECT x.item_id, s.term FROM item_subjects x JOIN subjects s ON s.id = x.subject_id"
    ):
        check(row[0], row[1])
    for row in archive.conn.execute(
        "SELECT ip.item_id, p.name FROM item_people ip JOIN people p ON p.id = ip.person_id"
    ):
        check(row[0], row[1])
    for row in archive.conn.execute(
        "SELECT item_id, speaker || '\n' || title || '\n' || keywords || '\n' || text"
        " FROM segments"
    ):
        check(row[0], row[1])
    return found


def items_changed_since(archive: Archive, generation: int) -> int:
    """How many items were touched after ``generation`` (what a change re-indexes)."""
    return int(archive.conn.execute(
        "SELECT COUNT(DISTINCT item_id) FROM changes WHERE generation > ?"
        " AND item_id IS NOT NULL", (generation,)).fetchone()[0])


def people_of_items(archive: Archive, item_ids: Sequence[int]) -> list[tuple[int, Person]]:
    """(item id, person) for the people linked to ``item_ids`` (list rows' titles)."""
    out: list[tuple[int, Person]] = []
    ids = list(item_ids)
    for at in range(0, len(ids), 500):
        chunk = ids[at:at + 500]
        marks = ",".join("?" * len(chunk))
        for r in archive.conn.execute(
            "SELECT DISTINCT ip.item_id, p.id, p.name, p.pseudonym, p.notes FROM item_people ip"
            f" JOIN people p ON p.id = ip.person_id WHERE ip.item_id IN ({marks})", chunk):
            out.append((r[0], Person(r[1], r[2], r[3], r[4])))
    return out
