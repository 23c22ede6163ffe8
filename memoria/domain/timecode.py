"""How a moment in a recording is written for people: h:mm:ss (whole seconds)."""

from __future__ import annotations


def clock(ms: int) -> str:
    """'1:02:05' for 3,725,000 ms: the form transcribers and the lists use."""
    seconds = max(0, int(ms)) // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
