"""What an audience may see: the one gate between the catalogue and any output.

Lists, search, the item view, exports and exhibits all read through here, so
the consent rules (memoria.domain.consent) are applied on every path out and
pseudonyms replace real names before anything leaves the custodian view.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from memoria.domain.consent import (
    DEFAULT_SCOPE,
    Audience,
    Decision,
    applicable_to_item,
    decide,
    in_trash,
    public_name,
)
from memoria.domain.folding import privacy_fold
from memoria.domain.model import (
    ConsentRecord,
    Item,
    Person,
    Place,
    PlaceKind,
    Scope,
    Segment,
)
from memoria.storage import consents as consent_store
from memoria.storage import items as item_store
from memoria.storage import trash as trash_store
from memoria.storage.archive import Archive, ArchiveError
from memoria.storage.consent_summary import SummaryReader

ANONYMOUS = {"es": "Persona anónima", "en": "Anonymous person"}
_GENERAL_PLACE_KINDS = {PlaceKind.COUNTRY, PlaceKind.DEPARTMENT, PlaceKind.MUNICIPALITY}


class CatalogueHeld(ArchiveError):
    """The catalogue lost committed changes; nothing opens beyond custody until acknowledged."""

    def __init__(self, held: str) -> None:
        self.held = held
        super().__init__(self.sentence("en"))

    def sentence(self, lang: str) -> str:
        from memoria.domain.messages import say

        held = say(self.held, lang)  # said when the archive opened, before lang was known
        if lang == "en":
            return (f"Researcher and public views are closed: {held}. A custodian must "
                    "check the consents and run 'memoria acknowledge-loss --reason ...' "
                    "(see 'memoria verify').")
        return ("Las vistas de investigación y de público están cerradas: el catálogo perdió "
                f"cambios ya confirmados ({held}). Una persona de custodia debe revisar "
                "los consentimientos y ejecutar 'memoria acknowledge-loss --reason ...' "
                "(vea 'memoria verify').")


def refuse_if_held(archive: Archive, audience: Audience) -> None:
    held = getattr(archive, "held", None)
    if held and audience is not Audience.CUSTODIAN:
        raise CatalogueHeld(held)


class NotVisible(Exception):
    """The audience may not see this item; `decision` says why."""

    def __init__(self, item_id: int, decision: Decision) -> None:
        super().__init__(f"item {item_id} is not visible to {decision.audience.value}")
        self.item_id = item_id
        self.decision = decision


@dataclass(frozen=True)
class ItemView:
    """An item as one audience may see it: names, places and transcript already
    anonymised as consent demands."""

    item: Item
    decision: Decision
    segments: tuple[Segment, ...]
    hidden_segments: int  # segments left out by segment-level consent


class ConsentSnapshot:
    """Consent as of one moment, for deciding many items at a time.

    Badges and audience membership come from the stored per-item summary
    (memoria.storage.consent_summary, derived from the same rules), so making
    a snapshot is cheap; the full records are read only when a caller needs
    a whole Decision or a person's records (exports, display names).
    """

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._records: list[ConsentRecord] | None = None
        self._by_item: dict[int, list[ConsentRecord]] = defaultdict(list)
        self._by_person: dict[int, list[ConsentRecord]] = defaultdict(list)
        self._summary: SummaryReader | None = None
        self._trashed: set[int] | None = None

    @property
    def trashed(self) -> set[int]:
        """Items in the trash: refused to every audience (memoria.storage.trash)."""
        if self._trashed is None:
            self._trashed = trash_store.trashed_ids(self.archive)
        return self._trashed

    def _load(self) -> None:
        if self._records is None:
            self._records = consent_store.all_records(self.archive)
            for record in self._records:
                self._by_person[record.person_id].append(record)
                for item_id in record.item_ids:
                    self._by_item[item_id].append(record)

    @property
    def records(self) -> list[ConsentRecord]:
        self._load()
        assert self._records is not None
        return self._records

    @property
    def by_item(self) -> dict[int, list[ConsentRecord]]:
        self._load()
        return self._by_item

    @property
    def by_person(self) -> dict[int, list[ConsentRecord]]:
        self._load()
        return self._by_person

    @property
    def summary(self) -> SummaryReader:
        """The stored summary read for today (re-read if "today" moved)."""
        today = self.archive.today()
        if self._summary is None or self._summary.today != today:
            self._summary = SummaryReader(self.archive, today)
        return self._summary

    def decide(self, item_id: int, audience: Audience, scope: Scope | None = None) -> Decision:
        refuse_if_held(self.archive, audience)
        if item_id in self.trashed:
            return in_trash(audience, scope)
        return decide(
            audience, applicable_to_item(self.by_item.get(item_id, ()), item_id),
            self.archive.today(), scope,
        )

    def status(self, item_id: int) -> str:
        """A one-word consent badge for lists (consent.badge): none, pending, granted,
        restricted, withdrawn, embargoed, review."""
        return self.summary.status(item_id)


def visible_item_ids(
    archive: Archive, audience: Audience, scope: Scope | None = None,
    snapshot: ConsentSnapshot | None = None,
) -> set[int]:
    if audience is Audience.CUSTODIAN and scope is None:
        return set(item_store.all_item_ids(archive))
    refuse_if_held(archive, audience)
    snap = snapshot or ConsentSnapshot(archive)
    if scope is None or scope is DEFAULT_SCOPE[audience]:
        # The stored summary holds each audience's default-scope decision.
        return snap.summary.visible_ids(audience)
    all_ids = item_store.all_item_ids(archive)
    return {i for i in all_ids if snap.decide(i, audience, scope).allowed}


def decision_for(
    archive: Archive, item_id: int, audience: Audience, scope: Scope | None = None
) -> Decision:
    return decisions_for(archive, [item_id], audience, scope)[item_id]


def decisions_for(
    archive: Archive, item_ids: Iterable[int], audience: Audience, scope: Scope | None = None
) -> dict[int, Decision]:
    """``decision_for`` of many items, their records read in a few queries."""
    refuse_if_held(archive, audience)
    today = archive.today()
    item_ids = list(item_ids)
    trashed = trash_store.trashed_among(archive, item_ids)
    return {
        item_id: in_trash(audience, scope) if item_id in trashed
        else decide(audience, applicable_to_item(records, item_id), today, scope)
        for item_id, records in consent_store.records_for_items(archive, item_ids).items()
    }


#: Decisions a memo keeps per audience before it starts again.
DECISION_MEMO_MAX = 50_000


class DecisionMemo:
    """``decisions_for`` remembered while the catalogue and the day stay the same.

    Why: a search re-checks every hit it returns against the consent records
    (defence in depth behind the index); the window asks for up to 5,000 hits,
    and reading their ~3,200 records for each of its searches was about half
    of its wait at 10,000 testimonies. A decision depends only on the catalogue and the
    day, so one is kept until either changes: ``Archive.catalogue_version``
    differs after any commit by any connection, change feed or not. One memo
    per connection and thread (it holds the connection it was filled from).
    """

    def __init__(self) -> None:
        self._archive: Archive | None = None
        self._key: tuple | None = None
        self._by_audience: dict[Audience, dict[int, Decision]] = {}

    def decisions_for(self, archive: Archive, item_ids: Iterable[int],
                      audience: Audience) -> dict[int, Decision]:
        refuse_if_held(archive, audience)
        if archive.conn.in_transaction:  # what it reads may yet be rolled back
            return decisions_for(archive, item_ids, audience)
        key = (archive.catalogue_version(), archive.today())
        if archive is not self._archive or key != self._key:
            self._archive, self._key, self._by_audience = archive, key, {}
        known = self._by_audience.setdefault(audience, {})
        item_ids = list(item_ids)
        missing = [i for i in item_ids if i not in known]
        if missing:
            if len(known) + len(missing) > DECISION_MEMO_MAX:
                known.clear()  # bounded memory on a long session over a big archive
                missing = item_ids
            known.update(decisions_for(archive, missing, audience))
        return {i: known[i] for i in item_ids}


def display_name(
    archive: Archive, person: Person, audience: Audience, lang: str = "es",
    snapshot: ConsentSnapshot | None = None,
) -> str:
    records = (
        snapshot.by_person.get(person.id, [])
        if snapshot else consent_store.records_for_person(archive, person.id)
    )
    return public_name(person, records, audience) or ANONYMOUS.get(lang, ANONYMOUS["es"])


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > 0 else ""
    return suffix if suffix[1:].isalnum() and len(suffix) <= 6 else ""


def _generalise(archive: Archive, places: tuple[Place, ...]) -> tuple[Place, ...]:
    from memoria.storage.authorities import place_path

    general: dict[int, Place] = {}
    for place in places:
        for ancestor in place_path(archive, place.id):
            if ancestor.kind is PlaceKind.MUNICIPALITY:
                general[ancestor.id] = ancestor
    return tuple(general.values())


def replace_names(text: str, renames: dict[str, str]) -> str:
    """Replace real names by the pseudonym, ignoring case and accents.

    Any run of the name's parts (three letters or more: "Luz Dary", "Restrepo")
    becomes one pseudonym; over-replacing is safer than a leak.
    """
    if not text or not renames:
        return text
    folded = privacy_fold(text)
    for real, shown in sorted(renames.items(), key=lambda kv: -len(kv[0])):
        parts = sorted({privacy_fold(p) for p in real.split() if len(p) >= 3}, key=len, reverse=True)
        # The character-by-character pass is slow (a 3,000-word transcript took
        # ~100 ms); a name none of whose parts occurs in the folded text cannot
        # match it, so skip the pass then (folding is per character either way).
        if parts and any(p in folded for p in parts):
            text = _replace_runs(text, parts, shown)
            folded = privacy_fold(text)
    return text


def _replace_runs(text: str, folded_parts: list[str], replacement: str) -> str:
    # Most texts never name the person: one fold of the whole text says so cheaply.
    whole = privacy_fold(text)
    if not any(part in whole for part in folded_parts):
        return text
    # Fold character by character so positions in the folded text map back.
    folded_chars = [privacy_fold(c) for c in text]
    index_map: list[int] = []
    for original_index, chunk in enumerate(folded_chars):
        index_map.extend([original_index] * len(chunk))
    index_map.append(len(text))
    folded = "".join(folded_chars)
    word = "(?:" + "|".join(re.escape(p) for p in folded_parts) + ")"
    pattern = re.compile(rf"\b{word}(?:\s+{word})*\b")
    out, last = [], 0
    first_word = privacy_fold(replacement.split()[0]) + " " if replacement.split() else ""
    for match in pattern.finditer(folded):
        begin, end = index_map[match.start()], index_map[match.end()]
        before = text[last:begin]
        # "Doña Luz Dary" with pseudonym "Doña Flor": do not say "Doña Doña Flor".
        if first_word and privacy_fold(before).endswith(first_word):
            before = before[: len(before) - len(first_word)]
        out.append(before)
        out.append(replacement)
        last = end
    out.append(text[last:])
    return "".join(out)


# -- work queues -----------------------------------------------------------------
QUEUES = ("consent_pending", "embargo_review", "consent_withdrawn", "no_consent")


QUEUE_STATUS = {
    "consent_pending": "pending",
    "embargo_review": "review",
    "consent_withdrawn": "withdrawn",
    "no_consent": "none",
}


def queue_item_ids(archive: Archive, queue: str, snapshot: ConsentSnapshot | None = None) -> list[int]:
    """A work queue's items in catalogue order, selected in SQL by badge."""
    snap = snapshot or ConsentSnapshot(archive)
    found = snap.summary.ids_with_status({QUEUE_STATUS[queue]})
    return [i for i in item_store.list_item_ids(archive) if i in found]


def queue_counts(archive: Archive, snapshot: ConsentSnapshot | None = None) -> dict[str, int]:
    """How many items each work queue holds, counted in SQL."""
    counts = (snapshot or ConsentSnapshot(archive)).summary.status_counts()
    return {queue: counts.get(status, 0) for queue, status in QUEUE_STATUS.items()}
