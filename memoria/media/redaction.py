"""Redaction spans of transcript segments, applied on every way out.

A redaction is a character range [start, end) of a segment's stored text,
kept in the `redactions` table (migration 0002) and replaced by a short
marker whenever the text leaves the custodian's screen: exhibits, transcript
exports, copies. Offsets refer to the raw stored text, so redact BEFORE
any other rewriting (pseudonyms change lengths). Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

DEFAULT_REPLACEMENT = "[…]"


class Span(NamedTuple):
    """One redacted range; `replacement` None means the caller's default."""

    start: int
    end: int
    replacement: str | None = None


def _as_span(span: Any) -> Span:
    if isinstance(span, Span):
        return span
    if hasattr(span, "start") and hasattr(span, "end"):
        return Span(int(span.start), int(span.end), getattr(span, "replacement", None))
    values = tuple(span)
    return Span(int(values[0]), int(values[1]), values[2] if len(values) > 2 else None)


def redacted_text(text: str, spans: Iterable[Any], replacement: str = DEFAULT_REPLACEMENT) -> str:
    """`text` with every span replaced; overlapping or touching-inside spans become one
    marker, so the reader cannot count how many things were hidden. Spans may be
    `Span`s, objects with start/end(/replacement) attributes, or (start, end) tuples;
    ranges past the end of the text are clipped (the text may have been edited)."""
    out: list[str] = []
    last = 0
    for span in sorted((_as_span(s) for s in spans), key=lambda s: (s.start, s.end)):
        start, end = max(0, span.start), min(span.end, len(text))
        if start < last:  # overlaps the previous span: widen it, one replacement
            last = max(last, end)
            continue
        if end <= start:
            continue
        out.append(text[last:start])
        out.append(span.replacement if span.replacement is not None else replacement)
        last = end
    out.append(text[last:])
    return "".join(out)


def redactions_for_segments(archive: Any, segment_ids: Sequence[int]) -> dict[int, list[Span]]:
    """Every redaction span of the given segments, by segment id (absent: none).

    One query per 500 ids, so exporting a long transcript stays cheap.
    """
    from memoria.storage.exhibits import redactions_of_segments

    return {seg: [Span(int(r.start), int(r.end), r.replacement) for r in found]
            for seg, found in redactions_of_segments(archive, segment_ids).items()}
