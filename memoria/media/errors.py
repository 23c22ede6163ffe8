"""Typed failures of the media core.

Every way a hostile, damaged or unexpected file can fail ends up as one
`MediaError` with a stable machine `code` (the UI translates from it) and a
short English sentence for logs and tests. The errors cross process
boundaries (see `safe.py`), so they pickle by code and message only.
"""

from __future__ import annotations

from pathlib import Path


class MediaError(Exception):
    """A media file could not be read, decoded or written.

    `code` is stable and meant for programs; `message` is for people.
    """

    code: str = "failed"

    def __init__(self, message: str, *, path: str | Path | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        if code is not None:
            self.code = code

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuild as the same class with the same code even when a subclass
        # is unpickled in another process.
        return (_rebuild, (type(self), self.message, self.path, self.code))

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"[{self.code}] {self.message}{where}"

    def to_dict(self) -> dict[str, str | None]:
        """Plain data for progress reports and the catalogue's error log."""
        return {"code": self.code, "message": self.message, "path": self.path}


def _rebuild(cls: type[MediaError], message: str, path: str | None, code: str) -> MediaError:
    err = cls.__new__(cls)
    MediaError.__init__(err, message, path=path, code=code)
    return err


class EmptyFileError(MediaError):
    code = "empty"


class MissingFileError(MediaError):
    code = "missing"


class UnsupportedFormatError(MediaError):
    code = "unsupported"


class CorruptFileError(MediaError):
    code = "corrupt"


class TruncatedFileError(MediaError):
    code = "truncated"


class DecompressionBombError(MediaError):
    """The file declares far more pixels than any real photograph or scan."""

    code = "bomb"


class JobTimeoutError(MediaError):
    code = "timeout"


class JobMemoryError(MediaError):
    code = "memory"


class JobCrashedError(MediaError):
    code = "crashed"


class JobCancelledError(MediaError):
    code = "cancelled"
