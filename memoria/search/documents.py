"""Index documents built from the catalogue, one set per audience that may see an item.

CONSENT lives here. For each item we ask ``ConsentSnapshot.decide`` which
audiences may see it, build what each of them would read (the custodian
from the catalogue, every other audience from the outbound projection,
memoria.projection: protected names replaced archive-wide in titles,
descriptions, subjects, keywords and transcripts, redacted spans cut,
withheld segments dropped, internal notes dropped, places generalised), and write one document
per *distinct* text, tagged in ``visible_to`` with the audiences that read
exactly that text. So an item whose public view equals the custodian view
is one document for everyone allowed; an item with a pseudonym is two: the
real text for custodians only, the pseudonymised one for the others allowed.
A researcher's search can then never match, count, facet, snippet or
suggest a word that only the custodian text holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from memoria import access
from memoria.domain.consent import Audience
from memoria.domain.model import Item, Place, Segment
from memoria.projection import project, protector_for
from memoria.search.analysis import TOKEN_RE, SectionedText, SectionMemo
from memoria.storage import consent_records
from memoria.storage import items as item_store
from memoria.storage import trash as trash_store
from memoria.storage.archive import Archive
from memoria.storage.authorities import all_places

__all__ = ["AUDIENCES", "DocumentBuilder", "date_number"]

#: Separates the fields inside the "all" text (a word nobody types).
GAP = "zzmemoriagapzz"
AUDIENCES = (Audience.CUSTODIAN, Audience.CURATOR, Audience.RESEARCHER, Audience.PUBLIC)


def date_number(iso: str | None) -> int:
    """``1998-05-01`` -> 19980501; 0 when unknown (never matches a date range)."""
    if not iso:
        return 0
    try:
        return int(iso[:10].replace("-", ""))
    except ValueError:
        return 0


@dataclass(frozen=True)
class _Content:
    """What one audience reads of an item: equal contents share a document."""

    title: str
    description: str
    notes: str
    people: tuple[str, ...]
    places: tuple[str, ...]  # each place's path names, up to the country
    subjects: tuple[str, ...]
    segments: tuple[tuple[int, int, int | None, str, str, str], ...]


class DocumentBuilder:
    """Turns item ids into whoosh documents. Caches places; one per batch of work.

    Not thread-safe: build one per thread (it reads through ``archive.conn``).
    """

    def __init__(self, archive: Archive, bulk: bool = True) -> None:
        self.archive = archive
        # A snapshot reads every consent record: worth it for a rebuild, not
        # for the one item just saved (save-to-searchable must stay fast).
        self.snapshot = access.ConsentSnapshot(archive) if bulk else None
        self._places = {p.id: p for p in all_places(archive)}
        self._paths: dict[int, tuple[str, ...]] = {}
        # Protected names, read once per builder (the same for every outside audience).
        self._names = protector_for(archive, Audience.RESEARCHER)
        # The views of the item being built share their transcript's analysis
        # (see analysis.SectionedText); emptied at each item.
        self._analysis_memo: SectionMemo = {}

    def documents(self, item_id: int) -> list[dict]:
        """All documents of one item (empty if the item no longer exists or is in the
        trash: trashing touches the change feed, so the index forgets it at once)."""
        self._analysis_memo.clear()
        trashed = (item_id in self.snapshot.trashed if self.snapshot
                   else trash_store.is_trashed(self.archive, item_id))
        if trashed:
            return []
        try:
            item = item_store.get_item(self.archive, item_id)
        except Exception:  # deleted meanwhile: nothing to index
            return []
        segments = item_store.segments_of(self.archive, item_id)
        start, end = item_store.date_span(self.archive, item_id)
        dates = (date_number(start), date_number(end))
        if any(dates):  # an open or unknown end ("2000/..", "/1990") has no bound:
            dates = (dates[0] or 1, dates[1] or 99991231)  # every range search reaches it

        custodian = self._content(item, segments, custodian=True)
        groups: dict[_Content, list[Audience]] = {custodian: [Audience.CUSTODIAN]}
        allowed = [a for a in AUDIENCES[1:] if (
            self.snapshot.decide(item_id, a) if self.snapshot
            else access.decision_for(self.archive, item_id, a)).allowed]
        # project() differs between non-custodian audiences only through
        # segment-level consent (names and places follow the item's records,
        # whatever the audience; test_search_engine_consent checks it). Without
        # segment records one view serves every allowed audience: views cost
        # ~60 ms for a pseudonymised transcript (access.replace_names).
        # Unchecked automatic segments also differ (curators receive them, the
        # others only if the custodian allows): such an item is projected per audience.
        shared: _Content | None = None
        per_segment = self._has_segment_records(item_id) or any(s.automatic for s in segments)
        for audience in allowed:
            if shared is not None and not per_segment:
                groups.setdefault(shared, []).append(audience)
                continue
            try:
                view = project(self.archive, item_id, audience, protector=self._names)
            except access.NotVisible:
                continue
            shared = self._content(view.item, list(view.segments), custodian=False,
                                   rename=view.replace)
            groups.setdefault(shared, []).append(audience)
        return [self._document(item, content, audiences, n, dates)
                for n, (content, audiences) in enumerate(groups.items())]

    # -- helpers -----------------------------------------------------------------
    def _has_segment_records(self, item_id: int) -> bool:
        if self.snapshot is not None:
            return any(r.segment_ids for r in self.snapshot.by_item.get(item_id, ()))
        return consent_records.has_segment_records(self.archive, item_id)


    def _content(self, item: Item, segments: Iterable[Segment], *, custodian: bool,
                 rename: Callable[[str], str] = str) -> _Content:
        people: list[str] = []
        for link in item.people:
            people.append(link.person.name)
            if custodian and link.person.pseudonym:
                people.append(link.person.pseudonym)  # custodians find either
        segs = tuple((s.id, s.start_ms, s.end_ms, s.text, s.title, s.keywords)
                     for s in segments)
        return _Content(item.title, item.description, item.notes if custodian else "",
                        tuple(dict.fromkeys(people)),
                        # Path names come from the place authority: renamed like the item.
                        tuple(dict.fromkeys(rename(n) for p in item.places for n in self._path(p))),
                        tuple(item.subjects), segs)

    def _path(self, place: Place) -> tuple[str, ...]:
        """Names from the place up to the country: 'Comuna 13' is also 'Medellín'."""
        if place.id not in self._paths:
            names: list[str] = []
            current: Place | None = self._places.get(place.id, place)
            seen: set[int] = set()
            while current is not None and current.id not in seen:
                seen.add(current.id)
                names.append(current.name)
                current = self._places.get(current.parent_id) if current.parent_id else None
            self._paths[place.id] = tuple(names)
        return self._paths[place.id]

    def _document(self, item: Item, c: _Content, audiences: list[Audience], n: int,
                  dates: tuple[int, int]) -> dict:
        langs = [lang.lower().split("-")[0] for lang in item.languages] or ["es"]
        sfx = "_en" if langs[0] == "en" else ""
        parts: list[str] = []
        # (segment id, start ms, end ms, first token position, first character
        # in text_store): positions name segments; characters let a snippet
        # tokenise only the segments it shows.
        segmap: list[tuple[int, int, int | None, int, int]] = []
        position = chars = 0
        extra: list[str] = []
        words: list[str] = []  # the transcript's tokens, for the analysis too
        for seg_id, start, end, text, title, keywords in c.segments:
            segmap.append((seg_id, start, end, position, chars))
            parts.append(text)
            found = TOKEN_RE.findall(text)
            words += found
            position += len(found)
            chars += len(text) + 1
            extra.extend(x for x in (title, keywords) if x)
        transcript = "\n".join(parts)
        place_names = c.places
        subjects = "\n".join([*c.subjects, *extra])
        # The "all" text: transcript first (its positions match text_store),
        # then each short field after a GAP word so no phrase spans two fields.
        # Bare words search this one field instead of thirteen (~4x faster).
        header = [c.title, c.description, subjects, "\n".join(c.people),
                  "\n".join(place_names), c.notes]
        ntokens = position
        desc_start = ntokens + 1 + len(TOKEN_RE.findall(c.title)) + 1
        desc_len = len(TOKEN_RE.findall(c.description))
        everything = SectionedText([transcript, *(f"{GAP}\n{h}" for h in header)],
                                   self._analysis_memo, words)
        start, end = dates
        facets = {
            "kind": item.kind.value, "languages": langs,
            "decade": (start // 100000) * 10 if start > 1 else None,
            "places": place_names, "subjects": list(c.subjects), "people": list(c.people),
            "date_start": start, "date_end": end, "accession": item.accession,
        }
        doc: dict = {
            "doc_id": f"{item.id}:{n}", "item_id": str(item.id),
            "visible_to": " ".join(a.value for a in audiences),
            "accession": item.accession, "kind": item.kind.value,
            "language": " ".join(langs), "date_start": start, "date_end": end,
            "facets": facets,
            "segmap": {"segments": segmap, "ntokens": ntokens,
                       "description": (desc_start, desc_len)},
            "title" + sfx: c.title, "text" + sfx: everything,
            "text_store": transcript, "description_store": c.description,
        }
        optional = {
            "description" + sfx: c.description, "subjects" + sfx: subjects,
            "notes" + sfx: c.notes, "people": "\n".join(c.people),
            "places": "\n".join(place_names),
        }
        doc.update({k: v for k, v in optional.items() if v})
        return doc
