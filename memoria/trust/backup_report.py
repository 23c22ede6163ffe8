"""What a backup or restore run reports, and its error (shared by plain and encrypted backups)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from memoria.storage.archive import ArchiveError


class BackupError(ArchiveError):
    """A backup or restore could not be made; the message is for a person."""


@dataclass
class BackupReport:
    dest: str
    media_copied: int = 0
    media_skipped: int = 0
    bytes_copied: int = 0
    problems: list[str] = field(default_factory=list)  # originals that could not be copied
    # older generations destroyed because a purge happened after them (they held its material)
    forgotten: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}
