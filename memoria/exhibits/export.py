"""An exhibit as a self-contained folder of static HTML for a kiosk or a USB stick.

What goes out is built only from the outbound projection
(memoria.projection) for the public under the exhibit's scope (names already
replaced, redactions cut, notes dropped, withheld segments gone), with the
exhibit's protected names (`exhibit_names`: archive-wide protections plus the
people of every item in it) applied again to every text a curator supplies,
and the last guard scanning every file written, media copies included. Templates autoescape everything; no data is
ever marked safe.

Repeatable: the same exhibit in the same consent state gives the same bytes
(sorted iteration, content-derived media names, no clock in any page). The
only dated fields are in manifest.json: the exhibit's last change and the
day consent was evaluated (`as_of`), since an embargo can end overnight.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from memoria.access import ANONYMOUS
from memoria.domain.consent import Audience
from memoria.domain.messages import value_title
from memoria.domain.model import Item, Kind, MediaFile, Role, Scope, Segment
from memoria.domain.timecode import clock
from memoria.exhibits.check import EntryCheck, check_exhibit, cuttable
from memoria.exhibits.copies import ExportError, MediaCopier
from memoria.exhibits.model import EntryKind, Exhibit, Texts
from memoria.media.detect import suffix_of
from memoria.projection import names_for_items
from memoria.protect import REDACTED_NAME, ProtectedNameFound, Protector, guard_tree
from memoria.storage import copies as copy_store
from memoria.storage.archive import Archive
from memoria.storage.db import transaction
from memoria.storage.exhibits import _squash, apply_redactions, get_exhibit, redactions_for

HERE = Path(__file__).parent
Clean = Callable[[str], str]  # the rename every outgoing text goes through
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1

__all__ = ["ExportCancelled", "ExportError", "ExportResult", "export_exhibit"]


class ExportCancelled(ExportError):
    """The curator pressed Cancel: nothing was written to the destination."""


class T(NamedTuple):
    """A text and the language it is really in (for the `lang` attribute)."""

    text: str
    lang: str


@dataclass
class ExportResult:
    dest: Path
    scope: Scope
    exported: list[EntryCheck] = field(default_factory=list)
    left_out: list[EntryCheck] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256


def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
        undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
        lstrip_blocks=True,
    )


def exhibit_names(archive: Archive, checks: list[EntryCheck]) -> Protector:
    """Every protected name (archive-wide) plus every part of the names of the people
    on every item of the exhibit, blocked ones included: a curator's caption or
    introduction may name anyone."""
    return names_for_items(archive, [c.entry.item_id for c in checks], Audience.PUBLIC)


def _pages(exhibit: Exhibit, lang: str) -> tuple[str, list[str]]:
    suffix = ".en.html" if lang == "en" else ".html"
    return "index" + suffix, [f"section-{i + 1}{suffix}" for i in range(len(exhibit.sections))]


def export_exhibit(
    archive: Archive, ref: str | int | Exhibit, dest: Path, *, scope: Scope | None = None,
    kiosk: bool = False, idle_minutes: int = 3,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None, register: bool = True,
) -> ExportResult:
    """Write the exhibit to `dest` (replacing an earlier export there, never any
    other folder) and say what was left out and why.

    `progress(done, total, label)` is told after each entry's media; when
    `cancelled()` turns true the export stops with ExportCancelled before the
    swap, so `dest` keeps whatever it held (the desktop's Cancel button).
    The export is entered in the register of copies (not a window's preview:
    `register=False`)."""
    exhibit = ref if isinstance(ref, Exhibit) else get_exhibit(archive, ref)
    scope = scope or exhibit.scope
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()) and not (dest / MANIFEST).is_file():
        raise ExportError(f"{dest} is not empty and holds no earlier export; choose an empty "
                          "folder.")
    generation = archive.generation()
    checks = check_exhibit(archive, exhibit, scope)
    result = ExportResult(dest, scope)
    result.exported = [c for c in checks if c.allowed]
    result.left_out = [c for c in checks if not c.allowed]
    names = exhibit_names(archive, checks)
    clean = names.replace

    tmp = dest.with_name(f".{dest.name}.export-tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    copier = MediaCopier(tmp, dest.with_name(f".{dest.name}.export-work"))
    try:
        entries = {}
        for done, check in enumerate(result.exported):
            if cancelled and cancelled():
                raise ExportCancelled("Export cancelled.")
            entries[check.entry.id] = _entry_context(archive, check, copier, clean)
            if progress:
                progress(done + 1, len(result.exported) + 1, check.accession)
        if cancelled and cancelled():
            raise ExportCancelled("Export cancelled.")
        langs = ["es", "en"] if exhibit.bilingual else ["es"]
        env = _env()
        for name in ("exhibit.css", "kiosk.js"):
            if name == "kiosk.js" and not kiosk:
                continue
            (tmp / name).write_bytes((HERE / "static" / name).read_bytes())
        for lang in langs:
            _render_lang(env, tmp, exhibit, lang, langs, entries, result.exported, clean,
                         kiosk, idle_minutes)
        if not any((tmp / "media").iterdir()):
            (tmp / "media").rmdir()
        _guard_names(tmp, names)
        result.files = _checksums(tmp)
        manifest = _manifest(archive, exhibit, result, kiosk, langs)
        (tmp / MANIFEST).write_text(manifest, encoding="utf-8")
        _swap(tmp, dest)
    finally:
        copier.cleanup()
        shutil.rmtree(tmp, ignore_errors=True)
    if archive.writable:
        with transaction(archive.conn):
            archive.audit("exhibit", exhibit.id, "export", {
                "scope": scope.value, "dest": str(dest), "kiosk": kiosk,
                "exported": [c.entry.id for c in result.exported],
                "left_out": {str(c.entry.id): list(c.reasons) for c in result.left_out},
            })
    if register:
        copy_store.record_copy(archive, "exhibit", {c.entry.item_id for c in result.exported},
                               Audience.PUBLIC, dest, scope=scope, label=exhibit.name,
                               generation=generation)
    return result


def _render_lang(env: Environment, out: Path, exhibit: Exhibit, lang: str, langs: list[str],
                 entries: dict[int, dict], allowed: list[EntryCheck], clean: Clean, kiosk: bool,
                 idle_minutes: int) -> None:
    index, section_pages = _pages(exhibit, lang)
    other = "en" if lang == "es" else "es"
    other_index, other_sections = _pages(exhibit, other)

    def t(texts: Texts) -> T:
        return T(clean(texts.get(lang)), texts.lang_of(lang))

    allowed_ids = {c.entry.id for c in allowed}
    sections = []
    for number, section in enumerate(exhibit.sections):
        sections.append({
            "title": t(section.title), "intro": _paragraphs(t(section.intro)),
            "page": section_pages[number], "other_page": other_sections[number],
            "entries": [entries[e.id] | {"caption": t(e.caption), "text": _paragraphs(t(e.text))}
                        for e in section.entries if e.id in allowed_ids],
        })
    common = {
        "lang": lang, "langs": langs, "ui": UI[lang], "kiosk": kiosk,
        "idle_minutes": idle_minutes, "home": "index.html", "index": index,
        "title": t(exhibit.title), "subtitle": t(exhibit.subtitle),
        "intro": _paragraphs(t(exhibit.intro)), "sections": sections,
    }
    page = env.get_template("index.html.j2").render(common, other_page=other_index)
    (out / index).write_text(page, encoding="utf-8")
    for number, section in enumerate(sections):
        prev_page = sections[number - 1]["page"] if number else None
        next_page = sections[number + 1]["page"] if number + 1 < len(sections) else None
        page = env.get_template("section.html.j2").render(
            common, section=section, number=number + 1, prev_page=prev_page,
            next_page=next_page, other_page=section["other_page"])
        (out / section["page"]).write_text(page, encoding="utf-8")


# The pages' own words; the kind word in a photograph's credit is the core's
# (memoria.domain.messages.VALUE_LABELS), as in the window and the command line.
UI = {
    "es": {"sections": "Secciones", "cover": "Portada", "previous": "Sección anterior",
           "next": "Sección siguiente", "switch": "English", "switch_lang": "en",
           "skip": "Saltar al contenido", "transcript": "Transcripción", "quote": "Cita",
           "empty": "Esta sección no tiene entradas que puedan mostrarse.",
           "audio_fallback": "Su navegador no puede reproducir este audio.",
           "start": "Comenzar", "withheld": "Algunas partes de este testimonio no se muestran.",
           "credit": value_title("kind", "photograph", "es") + ":"},
    "en": {"sections": "Sections", "cover": "Cover", "previous": "Previous section",
           "next": "Next section", "switch": "Español", "switch_lang": "es",
           "skip": "Skip to content", "transcript": "Transcript", "quote": "Quotation",
           "empty": "This section has no entries that can be shown.",
           "audio_fallback": "Your browser cannot play this audio.",
           "start": "Begin", "withheld": "Some parts of this testimony are not shown.",
           "credit": value_title("kind", "photograph", "en") + ":"},
}


def _paragraphs(text: T) -> list[T]:
    return [T(p.strip(), text.lang) for p in re.split(r"\n\s*\n", text.text) if p.strip()]


def _segment_text(archive: Archive, segment: Segment, clean: Clean) -> str:
    return clean(apply_redactions(segment.text, redactions_for(archive, segment.id)))


def _entry_context(archive: Archive, check: EntryCheck, copier: MediaCopier, clean: Clean
                   ) -> dict:
    """What the templates show for one allowed entry, media copies made."""
    view = check.view
    assert view is not None
    item = view.item
    _verify_originals(archive, check)
    text_lang = (item.languages[0] if item.languages else "es")[:2]
    ctx: dict = {
        "id": check.entry.id, "kind": check.entry.kind.value, "accession": item.accession,
        "item_title": T(clean(item.title), text_lang),
        "description": _paragraphs(T(clean(item.description), text_lang)),
        "photos": [], "clips": [], "transcript": [], "quote": None, "withheld": False,
    }
    for photo in check.photos:
        with archive.vault.plain_path(photo.path) as plain:  # in memory when encrypted
            ctx["photos"].append(copier.photo(Path(plain), photo.sha256,
                                              check.blur.get(photo.sha256)))
    ctx["credit"] = photo_credit(view.item, clean) if ctx["photos"] else ""
    segment = check.segment
    if check.entry.kind is EntryKind.QUOTE and segment is not None:
        ctx["quote"] = T(_quote_text(archive, segment, check.entry.quote, clean), text_lang)
        ctx["speaker"] = clean(segment.speaker)
        return ctx
    audio = check.audio
    if check.entry.kind is EntryKind.SEGMENT and segment is not None:
        public = next(s for s in view.segments if s.id == segment.id)
        ctx["transcript"] = [_line(archive, public, clean, text_lang)]
        if audio is not None:
            ctx["clips"].append(_clip(archive, copier, audio, segment.start_ms, segment.end_ms))
        return ctx
    if item.kind in (Kind.TESTIMONY, Kind.AUDIO):
        ctx["transcript"] = [_line(archive, s, clean, text_lang) for s in view.segments]
        ctx["withheld"] = view.hidden_segments > 0
        if audio is not None and view.hidden_segments:
            # Only the parts consent allows: one cut clip per visible segment (WAV only;
            # the check refused other formats).
            for seg in view.segments:
                ctx["clips"].append(_clip(archive, copier, audio, seg.start_ms, seg.end_ms))
        elif audio is not None:
            with archive.vault.plain_path(audio.path) as plain:
                rel = copier.audio_whole(Path(plain), audio.sha256,
                                         suffix_of(audio.path, audio.format))
            ctx["clips"].append({"src": rel, "fragment": "", "end": "", "mime": audio.mime})
    return ctx


def photo_credit(public_item: Item, clean: Clean) -> str:
    """The photographer's credit under a photograph ("Fotografía: <name>"), from the
    projection's people (the name consent lets this audience see: the real one, or the
    pseudonym the person chose), renamed again with the exhibit's protected names.
    Nobody is credited as "anonymous person" or "[name withheld]": then no credit."""
    hidden = {*ANONYMOUS.values(), *REDACTED_NAME.values()}
    names = [clean(link.person.name) for link in public_item.people
             if link.role is Role.PHOTOGRAPHER and link.person.name not in hidden]
    return ", ".join(dict.fromkeys(n for n in names if n.strip() and n not in hidden))


def _verify_originals(archive: Archive, check: EntryCheck) -> None:
    """Issue 18: a copy carries only verified bytes. Every original this entry copies is
    hashed first; a damaged or missing one stops the export, naming the accession."""
    from memoria.domain.messages import default_language
    from memoria.trust.clean_copies import DamagedOriginal, check_original

    for media in [*check.photos, *([check.audio] if check.audio else [])]:
        try:
            check_original(archive.vault.opener(media.path), media.sha256, check.accession,
                           media.original_name, default_language())
        except DamagedOriginal as exc:
            raise ExportError(str(exc)) from None


def _line(archive: Archive, public_seg: Segment, clean: Clean, lang: str) -> dict:
    """A transcript line from the projection (already redacted and renamed), renamed
    again with the exhibit's names (another item's people may be named in it)."""
    return {"time": clock(public_seg.start_ms), "speaker": clean(public_seg.speaker),
            "text": T(clean(public_seg.text), lang)}


def _quote_text(archive: Archive, segment: Segment, quote: str, clean: Clean) -> str:
    """The quotation with any redaction that falls inside it, then renamed."""
    squashed = _squash(segment.text)
    at = squashed.casefold().find(_squash(quote).casefold())
    if squashed != segment.text or at < 0:
        # Whitespace differs from the stored text: redact the whole segment view and
        # fall back to the quotation itself, renamed (over-redaction errs safe).
        text = _squash(quote)
        for span in redactions_for(archive, segment.id):
            text = text.replace(segment.text[span.start:span.end], span.replacement)
        return clean(text)
    spans = [s for s in redactions_for(archive, segment.id) if s.end > at
             and s.start < at + len(quote)]
    end = max([at + len(_squash(quote))] + [s.end for s in spans])
    start = min([at] + [s.start for s in spans])
    shifted = [type(s)(s.id, s.segment_id, s.start - start, s.end - start, s.replacement)
               for s in spans]
    return clean(apply_redactions(segment.text[start:end], shifted))


def _clip(archive: Archive, copier: MediaCopier, audio: MediaFile, start_ms: int,
          end_ms: int | None) -> dict:
    with archive.vault.plain_path(audio.path) as plain:  # in memory when encrypted
        return _clip_from(Path(plain), archive, copier, audio, start_ms, end_ms)


def _clip_from(src: Path, archive: Archive, copier: MediaCopier, audio: MediaFile,
               start_ms: int, end_ms: int | None) -> dict:
    if cuttable(archive, audio):
        return {"src": copier.wav_cut(src, audio.sha256, start_ms, end_ms), "fragment": "",
                "end": "", "mime": "audio/wav"}
    rel = copier.audio_whole(src, audio.sha256, suffix_of(audio.path, audio.format))
    end = f"{end_ms / 1000:g}" if end_ms is not None else ""
    return {"src": rel, "fragment": f"#t={start_ms / 1000:g}" + (f",{end}" if end else ""),
            "end": end, "mime": audio.mime}


def _guard_names(folder: Path, names: Protector) -> None:
    """Last line of defence: no protected name (any confirmed variant, any item) in
    any exported file, media copies included."""
    try:
        guard_tree(names, folder)
    except ProtectedNameFound as found:
        raise ExportError(f"A protected name would appear in {found.what}; "
                          "export stopped.") from None


def _checksums(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _manifest(archive: Archive, exhibit: Exhibit, result: ExportResult, kiosk: bool,
              langs: list[str]) -> str:
    sizes = {rel: (result.dest.with_name(f".{result.dest.name}.export-tmp") / rel).stat().st_size
             for rel in result.files}
    data = {
        "format": MANIFEST_FORMAT,
        "exhibit": {"name": exhibit.name, "updated_at": exhibit.updated_at},
        "as_of": archive.today().isoformat(),
        "scope": result.scope.value, "kiosk": kiosk, "languages": langs,
        "files": [{"path": rel, "sha256": sha, "size": sizes[rel]}
                  for rel, sha in sorted(result.files.items())],
        "entries": [{"entry": c.entry.id, "kind": c.entry.kind.value, "accession": c.accession,
                     "scope": result.scope.value, "consent_records": list(c.consent_ids),
                     "anonymisation": sorted(a.value for a in c.anonymisation)}
                    for c in result.exported],
        # How many entries were left out, never which or why: the kiosk's stick is
        # public, and a left-out accession with "withdrawn" beside it says too much.
        # The curator reads the list in the export report and the audit log.
        "left_out_count": len(result.left_out),
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _swap(tmp: Path, dest: Path) -> None:
    """Replace an earlier export at `dest` by the new one, never leaving a mix."""
    old = dest.with_name(f".{dest.name}.export-old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        os.replace(dest, old)
    os.replace(tmp, dest)
    shutil.rmtree(old, ignore_errors=True)
