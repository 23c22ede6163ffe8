"""Redaction spans for the UI, from media.redaction when present, else from the exhibit store.

The shared helper in memoria.media.redaction merges overlapping spans the
way every export does; the fallback keeps the desktop working on a tree
where that module is not there yet, with the same merging rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from memoria.operations.media import Redaction, apply_redactions, redactions_for

try:  # pragma: no cover - which branch runs depends on the tree
    from memoria.media.redaction import redacted_text as _redacted_text
    from memoria.media.redaction import redactions_for_segments as _for_segments
except ImportError:  # pragma: no cover
    _redacted_text = None
    _for_segments = None

MARKER = "[…]"


def replaced(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` as anyone but a custodian reads it."""
    spans = list(spans)
    if _redacted_text is not None:
        return _redacted_text(text, spans)
    return apply_redactions(text, [Redaction(0, 0, s, e, MARKER) for s, e in spans])


def spans_of(archive: Any, segment_ids: Sequence[int]) -> dict[int, list[tuple[int, int]]]:
    """(start, end) character spans by segment id, in one query when possible."""
    if _for_segments is not None:
        return {seg: [(s.start, s.end) for s in found]
                for seg, found in _for_segments(archive, segment_ids).items()}
    result: dict[int, list[tuple[int, int]]] = {}
    for seg in segment_ids:
        found = redactions_for(archive, seg)
        if found:
            result[seg] = [(r.start, r.end) for r in found]
    return result
