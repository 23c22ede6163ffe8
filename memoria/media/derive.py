"""Derived files made at import: thumbnail, access copy, waveform.

Why one module: the importer wants every derived file of a photograph from
the SAME decode that checks the file (decoding a 12-megapixel JPEG is the
expensive part of an import), and anything that finds a derived file
missing later wants to rebuild exactly the same thing. So the worker-side
functions here (`probe_and_derive`, `derive_file`) are module-level and run
inside `safe.MediaPool` workers, writing into `derived/incoming/` under
names that do not depend on the content hash (the worker runs before the
importer has hashed the file); `install` then moves them to their
content-addressed places once the original is safely stored.

Layout under `derived/` (all rebuildable, never authoritative):

    thumbs/ab/<sha256>-thumb256.jpg      ThumbCache, 256 px grid picture
    access/ab/<sha256>-access1600.jpg    ThumbCache, 1600 px viewing copy
    waveforms/ab/<sha256>.peaks          `waveform.save_waveform` format
    incoming/                            worker output not yet installed

In an encrypted archive (storage/vault.py) the workers write nothing: they get
the original as a `Sealed` description, decrypt it into anonymous memory, and
hand the derived files back as bytes (`MEMORY` as their output folder); the
parent stores them through the vault, as ciphertext under keyed names. The
functions below that take `derived_dir` also take the archive's Vault.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import MediaError

if TYPE_CHECKING:
    from memoria.storage.vault import Vault

THUMB = "thumb256"
ACCESS = "access1600"
WAVEFORM = "waveform"
THUMB_PX = 256
ACCESS_PX = 1600
WAVEFORM_BUCKETS = 1000
ACCESS_BUDGET = 8 << 30  # viewing copies are ~0.3-0.6 MB: room for >10,000 photographs
INCOMING = "incoming"
# Archive setting: "on-demand" (default) makes only thumbnails at import (a 1/8-scale
# decode: about half the CPU of a 1600 px copy, which is what lets a 2-core laptop
# import 20 photographs a second) and makes the access copy when a photograph is
# first opened; "import" makes both at import, for archives that are imported once
# and then browsed on slower machines.
ACCESS_SETTING = "import.access_copies"
ACCESS_DEFAULT = "on-demand"
MEMORY = ":memory:"  # a worker's output folder meaning "return the bytes, write nothing"


# --- worker side (runs in a limited child process) ---------------------------

def _token(out_dir: str) -> Path:
    _make_dirs(Path(out_dir))
    return Path(out_dir) / uuid.uuid4().hex


def _fit(size: tuple[int, int], max_px: int) -> tuple[int, int]:
    scale = max_px / max(size)
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def render_for_access(path: str, max_px: int = ACCESS_PX) -> Any:
    """The first frame, upright, 8-bit sRGB, at most `max_px` a side: one decode.

    Like `images.render`, but tuned for bulk import, where this is most of the
    CPU an import spends: JPEGs decode at 1/2 scale in the DCT (the entropy
    decoding is still complete, so damage is still found), and the last step
    down uses a bilinear (antialiased) filter, 2x cheaper than Lanczos and
    indistinguishable at a 0.8 ratio.
    """
    from PIL import Image

    from .images import open_image, pillow_errors, to_8bit_display

    with open_image(path) as (im, _fmt), pillow_errors(path):
        im.seek(0)
        if max(im.size) > max_px:
            w, h = _fit(im.size, max_px)
            im.draft(im.mode, (w, h))
        out = to_8bit_display(im)
        if max(out.size) > max_px:
            out = out.resize(_fit(out.size, max_px), Image.Resampling.BILINEAR,
                             reducing_gap=2.0)
        out.load()
        return out


def derive_image(path: str, out_dir: str, access_copy: bool = True) -> dict[str, Any]:
    """Decode once at access-copy size; the thumbnail is reduced from that decode."""
    from PIL import Image

    from .images import encode_clean, save_clean

    picture = render_for_access(path, ACCESS_PX if access_copy else THUMB_PX)
    memory = out_dir == MEMORY
    base = "" if memory else _token(out_dir)
    made: dict[str, Any] = {}
    if access_copy:
        made[ACCESS] = (encode_clean(picture, quality=85, fast=True)[0] if memory else
                        save_clean(picture, f"{base}-{ACCESS}.jpg", quality=85, fast=True).path)
    small = picture
    if max(picture.size) > THUMB_PX:
        small = picture.resize(_fit(picture.size, THUMB_PX), Image.Resampling.BICUBIC,
                               reducing_gap=2.0)
    made[THUMB] = (encode_clean(small, quality=80)[0] if memory else
                   save_clean(small, f"{base}-{THUMB}.jpg", quality=80).path)
    return made


def thumbnail_of(path: str, regions: list[tuple[float, float, float, float]] | None = None,
                 ) -> bytes:
    """Worker side: the grid picture exactly as an import makes it (`derive_image`), or
    from the blurred picture when the photograph has blur regions (`blur_thumbnail`):
    what the window asks for when derived/ has lost a thumbnail (one family, one way)."""
    if regions:
        return blurred_thumbnail(path, list(regions), THUMB_PX)
    return derive_image(path, MEMORY, access_copy=False)[THUMB]


def derive_audio(path: str, out_dir: str) -> dict[str, Any]:
    """Peaks for drawing; none for formats with no in-process decoder (M4A)."""
    from .waveform import compute_waveform, save_waveform, waveform_bytes

    peaks = compute_waveform(path, WAVEFORM_BUCKETS)
    if peaks is None:
        return {}
    if out_dir == MEMORY:
        return {WAVEFORM: waveform_bytes(peaks)}
    return {WAVEFORM: str(save_waveform(f"{_token(out_dir)}-{WAVEFORM}.peaks", peaks))}


def blurred_copy(path: str, regions: list[tuple[float, float, float, float]]) -> bytes:
    """Worker side: the whole picture with its blur regions, as JPEG bytes."""
    from .anonymise import blurred
    from .images import encode_clean

    return encode_clean(blurred(path, regions), fmt="JPEG", quality=92)[0]


def blurred_thumbnail(path: str, regions: list[tuple[float, float, float, float]],
                      px: int = THUMB_PX) -> bytes:
    """Worker side: the grid picture of a photograph with its blur regions, in memory."""
    from PIL import Image

    from .anonymise import blurred
    from .images import encode_clean

    picture = blurred(path, regions)
    if max(picture.size) > px:
        picture = picture.resize(_fit(picture.size, px), Image.Resampling.BICUBIC,
                                 reducing_gap=2.0)
    return encode_clean(picture, quality=80)[0]


def derive_file(path: str, family: str, out_dir: str) -> dict[str, Any]:
    """Every derived file of one original, written into `out_dir`."""
    if family == "image":
        return derive_image(path, out_dir)
    if family == "audio":
        return derive_audio(path, out_dir)
    return {}


def probe_and_derive(path: str, family: str, out_dir: str | None,
                     access_copy: bool = True) -> dict[str, Any]:
    """The import's deep probe: technical metadata plus derived files, one decode.

    For pictures the metadata is read without decoding, because rendering
    the access copy decodes the whole file anyway and so reports damage.
    A waveform that cannot be computed is a warning: the recording probed
    fine and must not be refused for the sake of a drawing.
    """
    from .metadata import technical_metadata

    warnings: list[str] = []
    if family == "image" and out_dir:
        technical = technical_metadata(path, "image", decode=False)
        derived = derive_image(path, out_dir, access_copy)
    else:
        technical = technical_metadata(path, family)
        derived = {}
        if out_dir and family == "audio":
            try:
                derived = derive_audio(path, out_dir)
            except MediaError as exc:
                warnings.append(f"no waveform: {exc}")
    return {"technical": technical, "derived": derived, "warnings": warnings}


# --- parent side ---------------------------------------------------------------

def incoming_dir(derived_dir: str | os.PathLike[str] | Vault) -> Path:
    return _where(derived_dir)[0] / INCOMING


def _where(target: str | os.PathLike[str] | Vault) -> tuple[Path, Vault | None]:
    """(derived folder, the archive's vault or None) for a folder or a Vault."""
    if isinstance(target, str | os.PathLike):
        return Path(target), None
    return target.root / "derived", target


@functools.lru_cache(maxsize=8)
def _cache_pair(derived_dir: Path, vault: Vault | None) -> dict[str, Any]:
    from .thumbcache import ThumbCache

    return {THUMB: ThumbCache(derived_dir, subdir="thumbs", vault=vault),
            ACCESS: ThumbCache(derived_dir, subdir="access", budget_bytes=ACCESS_BUDGET,
                               vault=vault)}


def _caches(target: str | os.PathLike[str] | Vault) -> dict[str, Any]:
    """One cache object per folder and process, so its size estimate stays incremental
    (a fresh ThumbCache would rescan the whole folder on its first write)."""
    return _cache_pair(*_where(target))


def caches(target: str | os.PathLike[str] | Vault) -> dict[str, Any]:
    """The thumbnail and access-copy caches (ThumbCache) of an archive's vault or folder."""
    return _caches(target)


def waveform_path(derived_dir: str | os.PathLike[str] | Vault, sha256: str) -> Path:
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise ValueError("sha256 must be 64 lowercase hex digits.")
    folder, vault = _where(derived_dir)
    name = vault.derived_key(sha256) if vault is not None else sha256
    return folder / "waveforms" / name[:2] / f"{name}.peaks"


def read_waveform(target: str | os.PathLike[str] | Vault, sha256: str) -> list[float] | None:
    """Cached peaks (decrypted through the vault), or None if missing or damaged."""
    from .waveform import load_waveform, parse_waveform

    path = waveform_path(target, sha256)
    _folder, vault = _where(target)
    if vault is None:
        return load_waveform(path)
    try:
        return parse_waveform(vault.read_bytes(vault.relpath(path)))
    except Exception:  # noqa: BLE001 - a cache: missing or damaged means "compute again"
        return None


def store_waveform(target: str | os.PathLike[str] | Vault, sha256: str,
                   peaks: list[float]) -> Path:
    from .waveform import save_waveform, waveform_bytes

    dest = waveform_path(target, sha256)
    _folder, vault = _where(target)
    if vault is None:
        return save_waveform(dest, peaks)
    vault.write(vault.relpath(dest), waveform_bytes(peaks))
    return dest


def existing(derived_dir: str | os.PathLike[str] | Vault, sha256: str) -> dict[str, Path]:
    """The derived files of `sha256` that are on disk now."""
    found: dict[str, Path] = {}
    for variant, cache in _caches(derived_dir).items():
        hit = cache.get(sha256, variant)
        if hit is not None:
            found[variant] = hit
    wave = waveform_path(derived_dir, sha256)
    if wave.is_file():
        found[WAVEFORM] = wave
    return found


def install(derived_dir: str | os.PathLike[str] | Vault, sha256: str,
            made: dict[str, Any]) -> dict[str, Path]:
    """Put worker output at its content-addressed place: a rename (same disk) for a
    file, a write through the vault for bytes (an encrypted archive's workers).

    An entry that already exists is kept and the new file dropped: both
    were made from the same bytes.
    """
    caches = _caches(derived_dir)
    placed: dict[str, Path] = {}
    for variant, tmp in made.items():
        if isinstance(tmp, bytes):
            if variant == WAVEFORM:
                placed[variant] = store_waveform(derived_dir, sha256, _peaks_of(tmp))
            elif variant in caches:
                placed[variant] = (caches[variant].get(sha256, variant)
                                   or caches[variant].put(sha256, variant, tmp))
            continue
        src = Path(tmp)
        try:
            if variant == WAVEFORM:
                dest = waveform_path(derived_dir, sha256)
                _make_dirs(dest.parent)
                os.replace(src, dest)
                placed[variant] = dest
            elif variant in caches:
                placed[variant] = caches[variant].ensure(
                    sha256, variant, lambda dest, s=src: os.replace(s, dest.with_suffix(s.suffix)))
        finally:
            with contextlib.suppress(OSError):
                src.unlink()
    return placed


def _peaks_of(data: bytes) -> list[float]:
    from .waveform import parse_waveform

    peaks = parse_waveform(data)
    if peaks is None:
        raise ValueError("damaged waveform data from a worker")
    return peaks


def discard(made: dict[str, str]) -> None:
    """Remove worker output that will not be installed (failed or cancelled file)."""
    for tmp in made.values():
        if isinstance(tmp, bytes):
            continue  # made in memory: nothing on disk
        with contextlib.suppress(OSError):
            Path(tmp).unlink()


def sweep_incoming(derived_dir: str | os.PathLike[str], older_than: float = 3600.0) -> int:
    """Remove output left by an import that was killed; returns how many files."""
    folder = incoming_dir(derived_dir)
    if not folder.is_dir():
        return 0
    cutoff = time.time() - older_than
    removed = 0
    for entry in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed += 1
    return removed


def _family(mime: str) -> str:
    return mime.split("/", 1)[0] if mime.startswith(("image/", "audio/")) else ""


def _expected(family: str) -> tuple[str, ...]:
    return {"image": (THUMB, ACCESS), "audio": (WAVEFORM,)}.get(family, ())


def _out(vault: Vault) -> str:
    """Where workers put what they make: nowhere on disk for an encrypted archive."""
    return MEMORY if vault.encrypted else str(incoming_dir(vault))


def ensure_derivatives(archive: Any, sha256: str, *, force: bool = False,
                       timeout: float = 60.0) -> dict[str, Path]:
    """The derived files of one stored original, rebuilding any that are missing.

    Derived files are a cache: anyone may delete `derived/`, and this puts
    back what is needed from the original (read only, in a limited worker
    process, since originals come from strangers). Raises `MediaError` when
    the original cannot be decoded, `KeyError` when no such blob is stored.
    """
    from memoria.storage.items import blob_path_and_mime
    from memoria.storage.vault import worker_call

    from .safe import run_job

    row = blob_path_and_mime(archive, sha256)
    if row is None:
        raise KeyError(f"no stored file with sha256 {sha256}")
    vault = archive.vault
    family = _family(row[1])
    have = {} if force else existing(vault, sha256)
    if all(v in have for v in _expected(family)):
        return have
    if force:
        for cache_variant, cache in _caches(vault).items():
            cache.invalidate(sha256, cache_variant)
    made = run_job(worker_call, derive_file, vault.source(row[0]), family, _out(vault),
                   timeout=timeout)
    wanted = {v: p for v, p in made.items() if v not in have}
    discard({v: p for v, p in made.items() if v in have})
    unblurred = _unblurred_thumb(archive, sha256, wanted)
    placed = {**have, **install(vault, sha256, wanted)}
    if unblurred:
        thumb = blur_thumbnail(archive, sha256, timeout=timeout)
        if thumb is not None:
            placed[THUMB] = thumb
    return placed


def _unblurred_thumb(archive: Any, sha256: str, made: dict[str, Any]) -> bool:
    """Drop a fresh thumbnail of a photograph with blur regions before it is installed
    (a kill between installing it and blurring it would leave the face in derived/);
    True when the caller must make the blurred one."""
    if THUMB not in made or not blur_regions_of(archive, sha256):
        return False
    discard({THUMB: made.pop(THUMB)})
    return True


def blur_regions_of(archive: Any, sha256: str) -> list[tuple[float, float, float, float]]:
    from memoria.storage.items import blur_regions

    return blur_regions(archive, sha256)


def blur_thumbnail(archive: Any, sha256: str, *, timeout: float = 60.0) -> Path | None:
    """Make the grid thumbnail in derived/ agree with the photograph's blur regions.

    With regions set, the thumbnail is made from the blurred picture (anything
    that reads derived/, a copied archive folder included, sees no face a
    region hides); with none, the ordinary thumbnail is made again. The
    original is only read, in a limited worker, and the blurred picture is
    made in its memory. Returns the thumbnail's path.
    """
    from memoria.storage.items import blob_path_and_mime
    from memoria.storage.vault import worker_call

    from .safe import run_job

    row = blob_path_and_mime(archive, sha256)
    if row is None or _family(row[1]) != "image":
        return None
    vault = archive.vault
    cache = _caches(vault)[THUMB]
    cache.invalidate(sha256, THUMB)
    regions = blur_regions_of(archive, sha256)
    if not regions:
        return ensure_derivatives(archive, sha256, timeout=timeout).get(THUMB)
    data = run_job(worker_call, blurred_thumbnail, vault.source(row[0]), regions, THUMB_PX,
                   timeout=timeout)
    return cache.put(sha256, THUMB, data)


def rebuild_derived(archive: Any, *, force: bool = False, workers: int = 2,
                    progress: Callable[[int, int, str], None] | None = None,
                    ) -> tuple[int, list[str]]:
    """Regenerate the missing (or, with `force`, all) derived files of the archive.

    Returns (originals rebuilt, problems). Runs `workers` decoders in
    parallel; the originals are only read.
    """
    from memoria.storage.items import all_blobs
    from memoria.storage.vault import worker_call

    from .safe import Job, MediaPool

    vault = archive.vault
    todo: list[tuple[str, str, str]] = []
    for sha, relpath, mime in all_blobs(archive):
        family = _family(mime)
        have = existing(vault, sha)
        if _expected(family) and (force or not all(v in have for v in _expected(family))):
            todo.append((sha, relpath, family))
    problems: list[str] = []
    rebuilt = 0
    out = _out(vault)
    with MediaPool(workers) as pool:
        jobs = [Job(worker_call, (derive_file, vault.source(rel), fam, out))
                for _s, rel, fam in todo]
        for done, result in enumerate(pool.imap(jobs), 1):
            sha, relpath, _fam = todo[result.index]
            if result.ok:
                if force:
                    for variant, cache in _caches(vault).items():
                        cache.invalidate(sha, variant)
                made = dict(result.value)
                unblurred = _unblurred_thumb(archive, sha, made)
                install(vault, sha, made)
                if unblurred:
                    blur_thumbnail(archive, sha)  # the grid picture stays blurred
                rebuilt += 1
            else:
                problems.append(f"{relpath}: {result.error}")
            if progress:
                progress(done, len(todo), relpath)
    return rebuilt, problems


def _make_dirs(folder: Path) -> None:
    """Owner-only folders (0700), like every folder of an archive."""
    from memoria.storage.vault import make_dirs

    make_dirs(folder)
