"""One call for the catalogue: everything the media core can say about a file.

The importer and the demo builder store this dict with the blob record, so
it must be plain JSON-ready data. It runs the probes in-process: for files
from strangers, wrap it in `safe.run_job` (it is a module-level function).
"""

from __future__ import annotations

import os
from typing import Any

from .detect import detect_format


def technical_metadata(path: str | os.PathLike[str], family: str | None = None, *,
                       decode: bool = True) -> dict[str, Any]:
    """Format facts plus the family's probe (`ImageInfo` or `AudioInfo`) as a dict.

    `family` may be given when the caller already detected it; the content
    is still what decides. `decode=False` skips the picture decode, for a
    caller that decodes the file anyway (the importer's derived files).
    Raises `MediaError` like the probes do.
    """
    fmt = detect_format(path)
    out: dict[str, Any] = {"detected": fmt.to_dict()}
    if fmt.family == "image" and fmt.supported and family in (None, "image"):
        from .images import probe_image

        out.update(probe_image(path, decode=decode).to_dict())
    elif fmt.family == "audio" and fmt.supported and family in (None, "audio"):
        from .audio import probe_audio

        out.update(probe_audio(path).to_dict())
    return out
