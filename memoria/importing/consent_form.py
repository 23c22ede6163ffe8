"""A consent and the scan of its signed form, recorded together or not at all.

The command line (`memoria consent grant --form`), the consent editor and the
demo all record a consent with its form here: the form enters by the one
ingest path (checked and decoded in the limited worker, copied in while
hashing) and its blob row and every consent record are written in one
transaction. A refused grant or a kill leaves no stored form referenced by
nothing: the transaction rolls back and the copy is removed, or, after a
kill, the start-up sweep removes it (the intent file names it).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from memoria.importing import ingest
from memoria.storage import consents
from memoria.storage.archive import Archive
from memoria.storage.consents import ConsentTerms
from memoria.storage.db import transaction

FORM_ROLE = "consent_form"  # technical["role"] of a form's blob (internal-only file)


def record_with_form(
    archive: Archive, person_ids: Iterable[int], item_ids: Iterable[int], terms: ConsentTerms,
    form_path: Path | None, *, segment_ids: Iterable[int] = (), reason: str = "",
    supersede: bool = True, probe_fn: ingest.ProbeFn | None = None,
) -> list[int]:
    """One consent record per person over `item_ids`, sharing the form; returns their ids.

    Raises `ingest.Refused` (the form) or the core's own error (an unknown
    person, no item...), in both cases with nothing written.
    """
    items = list(item_ids)
    return record_each_with_form(archive, [(p, items) for p in person_ids], terms, form_path,
                                 segment_ids=segment_ids, reason=reason, supersede=supersede,
                                 probe_fn=probe_fn)


def record_each_with_form(
    archive: Archive, plan: Iterable[tuple[int, Iterable[int]]], terms: ConsentTerms,
    form_path: Path | None, *, segment_ids: Iterable[int] = (), reason: str = "",
    supersede: bool = True, probe_fn: ingest.ProbeFn | None = None, note: dict | None = None,
) -> list[int]:
    """One record per (person, items) of `plan`, all sharing one form, all or nothing
    (a batch consent makes one record per item and person); returns their ids."""
    pairs = [(person_id, list(items)) for person_id, items in plan]
    segments = list(segment_ids)
    if not pairs:  # a form stored for nobody would be referenced by nothing
        raise consents.ConsentError("A consent record must name whose consent it is.")

    def record(form_sha256: str | None) -> list[int]:
        return [consents.record_consent(
            archive, person_id, items, terms, segment_ids=segments, form_sha256=form_sha256,
            reason=reason, supersede=supersede, note=note) for person_id, items in pairs]

    if form_path is None:
        with transaction(archive.conn):
            return record(None)
    with ingest.probing(archive, probe_fn) as probe, \
            ingest.ingest(archive, Path(form_path), probe) as form:
        ingest.record_blob(archive, form, role=FORM_ROLE)
        return record(form.sha256)
