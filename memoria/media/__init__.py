"""The media core: what a file is, what it says about itself, and safe copies of it.

Pure Python (Pillow, mutagen; pillow-heif and soundfile when installed), no
Qt, so the command line, the importer and the tests drive it directly. Each
module has one job:

- `detect`: the real format from the first bytes, never the extension.
- `images`: probe pictures, make thumbnails and access copies.
- `imagemeta`: EXIF, XMP and IPTC fields an archive cares about.
- `audio`: probe recordings (one mutagen reader per format); `waveform`: peaks.
- `riff`: WAV chunks (field-recorder tags, completeness, stripping).
- `anonymise`: strip metadata, blur regions, and prove an export is clean.
- `safe`: run any of the above in killable, memory-limited worker processes.
- `thumbcache`: the bounded LRU cache of derived files under `derived/`.
- `errors`: `MediaError` and its codes, the only exceptions callers need.

Nothing here ever writes to an original: every output is a new file
written atomically beside its destination.
"""

from .errors import MediaError

__all__ = ["MediaError"]
