"""The media of one item as they may leave the archive: verified, then cleaned.

Shared by bags and reading-room editions (exhibits build theirs in
memoria.exhibits.copies, whose MediaCopier does the cleaning here too).

Issue 18's rule first: every original is hashed as it is read and refused if
its hash differs from the catalogue's; a missing original is refused too.
Either refusal names the item by accession (`DamagedOriginal`), and the
caller leaves the whole item out: a copy never carries a damaged original.

Then, for anyone but a custodian, what may go out of each file:
- a photograph: a clean copy (no EXIF/XMP/IPTC/ICC, screen-sized), blurred
  where blur regions are set; left out when consent asks for blurred faces
  and no region is marked;
- a recording: its tags stripped; when segment-level consent withholds part
  of it, only the allowed segments, cut from a PCM WAV one clip per segment;
  a format we cannot cut is left out, saying why (a media fragment would
  still carry the withheld seconds); left out when consent asks that the
  voice not be heard;
- anything else (and a consent form, always): left out.
Every left-out file comes with the reason, in Spanish or English.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from memoria.access import ItemView
from memoria.domain.consent import Audience
from memoria.domain.model import Anonymisation, MediaFile
from memoria.exhibits.check import EXTRA_REASONS, cuttable
from memoria.exhibits.copies import ExportError, MediaCopier
from memoria.faults import describe
from memoria.media.detect import suffix_of
from memoria.storage import consent_records
from memoria.storage.archive import Archive, ArchiveError
from memoria.storage.exhibits import blur_regions_for

CHUNK = 1 << 20
REASONS = {
    **EXTRA_REASONS,
    "no_voice": ("el consentimiento pide que no se escuche la voz: la grabación queda fuera",
                 "consent asks that the voice not be heard: the recording stays out"),
    "audio_not_cuttable": ("parte de la grabación está retenida y este formato no se puede "
                           "recortar: la grabación queda fuera",
                           "part of the recording is withheld and this format cannot be cut: "
                           "the recording stays out"),
    "other_format": ("no hay copia limpia posible para este tipo de archivo",
                     "no clean copy can be made of this kind of file"),
    "not_clean": ("la copia limpia no pudo hacerse", "the clean copy could not be made"),
}


class DamagedOriginal(ArchiveError):
    """An original is missing or differs from its checksum; the item stays home."""

    def __init__(self, accession: str, name: str, missing: bool, lang: str = "es") -> None:
        if lang == "en":
            cause = ("is missing from the archive" if missing
                     else "does not match its checksum in the catalogue (damaged)")
            text = (f"{accession}: the original {name} {cause}; the item was left out. "
                    "Run 'memoria verify', then restore the file from a backup.")
        else:
            cause = ("falta en el archivo" if missing
                     else "no coincide con su suma de verificación del catálogo (dañado)")
            text = (f"{accession}: el original {name} {cause}; el elemento quedó fuera. "
                    "Ejecute 'memoria verify' y restaure el archivo desde una copia de seguridad.")
        super().__init__(text)
        self.accession = accession
        self.missing = missing


@dataclass
class CleanMedia:
    """What one item's media became: files written (relative to the item folder),
    and the files left out with the reason."""

    files: list[dict] = field(default_factory=list)   # {"file", "sha256", "original_name", ...}
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (name shown, reason)


def disk_sentence(exc: OSError, dest: Path, lang: str = "es") -> str:
    """One sentence naming the file and the cause of a failed write (es/en): the one
    wording of memoria/faults.py, with `dest` named when the error names no file."""
    if exc.filename is None:
        exc.filename = str(dest)
    return describe(exc, lang) or str(exc)


def beside(dest: Path, kind: str) -> Path:
    """A private sibling of `dest` for work in progress, named with this process's id so
    a later run can tell a killed run's leftovers from a live one's."""
    return dest.with_name(f".{dest.name}.{os.getpid()}-{uuid.uuid4().hex}.{kind}")


def sweep_debris(dest: Path) -> list[str]:
    """Remove what a killed bag or edition run left beside `dest` (its process is gone)."""
    removed = []
    pattern = re.compile(rf"^\.{re.escape(dest.name)}\.(\d+)-[0-9a-f]{{32}}\.\w+$")
    if not dest.parent.is_dir():
        return removed
    for path in dest.parent.iterdir():
        match = pattern.match(path.name)
        if not match or _alive(int(match.group(1))):
            continue
        if path.is_dir():
            for inner in path.rglob("*"):
                with contextlib.suppress(OSError):
                    os.chmod(inner, 0o700 if inner.is_dir() else 0o600)
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        removed.append(path.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: leave its files alone
    return True


def reason_text(code: str, lang: str) -> str:
    es, en = REASONS.get(code, (code, code))
    return en if lang == "en" else es


def _open(src: Path | Callable[[], BinaryIO]) -> BinaryIO:
    """An original's plaintext: a path, or the vault's opener (decrypting)."""
    return src() if callable(src) else open(src, "rb")  # noqa: SIM115 - the caller closes it


def copy_verified(src: Path | Callable[[], BinaryIO], dest: Path, sha256: str, accession: str,
                  name: str, lang: str = "es") -> None:
    """Copy an original byte for byte, hashing what is read; refuse a mismatch."""
    from memoria.crypto.stream import StreamDamaged

    tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.part")
    digest = hashlib.sha256()
    try:
        with _open(src) as reader, open(tmp, "wb") as writer:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
    except FileNotFoundError:
        tmp.unlink(missing_ok=True)
        raise DamagedOriginal(accession, name, True, lang) from None
    except StreamDamaged:
        tmp.unlink(missing_ok=True)
        raise DamagedOriginal(accession, name, False, lang) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if digest.hexdigest() != sha256:
        tmp.unlink(missing_ok=True)
        raise DamagedOriginal(accession, name, False, lang)
    os.replace(tmp, dest)


def check_original(src: Path | Callable[[], BinaryIO], sha256: str, accession: str, name: str,
                   lang: str = "es") -> None:
    """Hash an original before a clean copy is derived from it."""
    from memoria.crypto.stream import StreamDamaged

    digest = hashlib.sha256()
    try:
        with _open(src) as reader:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise DamagedOriginal(accession, name, True, lang) from None
    except StreamDamaged:
        raise DamagedOriginal(accession, name, False, lang) from None
    if digest.hexdigest() != sha256:
        raise DamagedOriginal(accession, name, False, lang)


def consent_forms(archive: Archive) -> set[str]:
    return consent_records.form_hashes(archive)


def item_media(archive: Archive, view: ItemView, audience: Audience, folder: Path,
               work: Path, lang: str = "es", forms: set[str] | None = None) -> CleanMedia:
    """Write `view`'s media into `folder` as `audience` may receive them.

    Custodians get the originals (verified) under files/; everyone else clean
    copies under media/ (named by their content). Raises DamagedOriginal
    before anything of a damaged item is kept."""
    forms = consent_forms(archive) if forms is None else forms
    out = CleanMedia()
    accession = view.item.accession
    media = [m for m in view.item.media if m.sha256 not in forms]  # a signed form never leaves
    if audience is Audience.CUSTODIAN:
        (folder / "files").mkdir(parents=True, exist_ok=True)
        taken: set[str] = set()
        for m in media:
            name = safe_file_name(m.original_name, taken)
            copy_verified(archive.vault.opener(m.path), folder / "files" / name, m.sha256, accession,
                          m.original_name, lang)
            out.files.append({"file": f"files/{name}", "sha256": m.sha256,
                              "original_name": m.original_name})
        return out
    for m in media:  # every original is checked before any copy of the item is made
        check_original(archive.vault.opener(m.path), m.sha256, accession, m.original_name,
                       lang)
    copier = MediaCopier(folder, work)
    try:
        for m in media:
            try:
                made = _clean(archive, view, m, copier)
            except (ExportError, OSError, ValueError) as exc:
                out.left_out.append((m.original_name, f"{reason_text('not_clean', lang)} ({exc})"))
                continue
            if isinstance(made, str):
                out.left_out.append((m.original_name, reason_text(made, lang)))
                continue
            for n, (rel, extra) in enumerate(made, start=1):
                stem = m.original_name.rsplit(".", 1)[0]
                shown = stem if len(made) == 1 else f"{stem}-{n}"
                out.files.append({"file": rel, "sha256": None,
                                  "original_name": shown + Path(rel).suffix, **extra})
    finally:
        copier.cleanup()
    if not any((folder / "media").iterdir()):
        (folder / "media").rmdir()
    return out


def _clean(archive: Archive, view: ItemView, m: MediaFile, copier: MediaCopier
           ) -> list[tuple[str, dict]] | str:
    """The clean copies of one file, or the reason code it stays home."""
    with archive.vault.plain_path(m.path) as plain:  # in memory when encrypted
        return _clean_from(Path(plain), archive, view, m, copier)


def _clean_from(src: Path, archive: Archive, view: ItemView, m: MediaFile, copier: MediaCopier
                ) -> list[tuple[str, dict]] | str:
    wants = view.decision.anonymisation
    if m.mime.startswith("image/"):
        regions = None
        if Anonymisation.BLUR_FACES in wants:
            regions = blur_regions_for(archive, m.sha256)
            if not regions:
                return "blur_regions_missing"
        return [(copier.photo(src, m.sha256, regions), {"blurred": bool(regions)})]
    if m.mime.startswith("audio/"):
        if Anonymisation.NO_VOICE in wants:
            return "no_voice"
        if not view.hidden_segments:
            return [(copier.audio_whole(src, m.sha256, suffix_of(m.path, m.format)), {})]
        if not cuttable(archive, m):
            return "audio_not_cuttable"
        return [(copier.wav_cut(src, m.sha256, s.start_ms, s.end_ms),
                 {"start_ms": s.start_ms, "end_ms": s.end_ms}) for s in view.segments]
    return "other_format"


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def safe_file_name(name: str, taken: set[str]) -> str:
    """A file name that is harmless on every system and unique in its folder."""
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '/\\:*?"<>|\u202e')
    name = name.strip(" .") or "file"
    stem, dot, ext = name.rpartition(".")
    if re.fullmatch(r"(?i)(con|prn|aux|nul|com\d|lpt\d)", stem or name):
        name = f"_{name}"
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}.{ext}" if dot else f"{name}-{n}"
    taken.add(candidate.lower())
    return candidate
