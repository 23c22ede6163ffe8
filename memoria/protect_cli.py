"""`memoria protect list | person | term | variants | remove` (custodians).

    memoria protect list                          who and what is protected, and by which variants
    memoria protect person "Camilo Restrepo" --as "el niño" --reason "menor de edad"
    memoria protect term "El Mono" --as "[apodo]"
    memoria protect variants person:3             Memoria's proposal (on = caught by default)
    memoria protect variants person:3 --set "Rosa Quintero" "Rosita" "los Quinteros"
    memoria protect remove 4 --reason "..."

Real names are printed here: the command is for custodians, like `consent show`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from memoria.cli_common import emit, open_archive
from memoria.operations import consent as protect_ops
from memoria.operations.actor import Actor
from memoria.protect import propose_variants
from memoria.storage import authorities, protections
from memoria.storage.archive import Archive

_TEXT = {
    "es": {"none": "No hay nombres ni términos protegidos.", "confirmed": "confirmadas",
           "proposed": "propuestas", "by": {"consent": "por consentimiento",
                                            "custodian": "marcado por custodia",
                                            "pseudonym": "seudónimo en la ficha"},
           "saved": "Protección guardada; {n} elementos que lo mencionan se reindexarán.",
           "removed": "Protección retirada.", "on": "sí", "off": "solo si se confirma",
           "no_person": "No hay ninguna persona llamada «{name}»."},
    "en": {"none": "Nothing is protected.", "confirmed": "confirmed", "proposed": "proposed",
           "by": {"consent": "by consent", "custodian": "marked by a custodian",
                  "pseudonym": "pseudonym on the record"},
           "saved": "Protection saved; {n} items that mention it will be re-indexed.",
           "removed": "Protection removed.", "on": "yes", "off": "only if confirmed",
           "no_person": "There is no person named '{name}'."},
}


def register(sub: object) -> None:
    p = sub.add_parser("protect", help="names and terms protected on every path out (custodians)")  # type: ignore[attr-defined]
    psub = p.add_subparsers(dest="protect_command", required=True)
    q = psub.add_parser("list", help="every protected person and term, with its variants")
    q.add_argument("--json", action="store_true")
    q = psub.add_parser("person", help="protect a person everywhere their name appears")
    q.add_argument("person", help="the person's name, or person:ID")
    q.add_argument("--as", dest="replacement", default="", help="what outsiders read instead")
    q.add_argument("--reason", default="")
    q.add_argument("--json", action="store_true")
    q = psub.add_parser("term", help="protect a term (an address, a nickname)")
    q.add_argument("term")
    q.add_argument("--as", dest="replacement", default="")
    q.add_argument("--reason", default="")
    q.add_argument("--json", action="store_true")
    q = psub.add_parser("variants", help="show or confirm the variants caught for a person")
    q.add_argument("person", help="the person's name, or person:ID")
    q.add_argument("--set", nargs="+", metavar="VARIANT", help="the confirmed list")
    q.add_argument("--json", action="store_true")
    q = psub.add_parser("remove", help="end a custodian's protection (by its number)")
    q.add_argument("protection_id", type=int)
    q.add_argument("--reason", default="")
    q.add_argument("--json", action="store_true")


def _person(archive: Archive, ref: str, lang: str) -> int:
    if ref.lower().startswith(("person:", "persona:")):
        return authorities.get_person(archive, int(ref.split(":", 1)[1])).id
    found = authorities.person_by_name(archive, ref)
    if found is None:
        raise ValueError(_TEXT[lang]["no_person"].format(name=ref))
    return found.id


def _as_dict(p: protections.Protection) -> dict:
    return {"id": p.id, "person_id": p.person_id, "name": p.name, "replacement": p.replacement,
            "variants": list(p.variants), "confirmed": p.confirmed, "source": p.source,
            "reason": p.reason}


def cmd_protect(args: argparse.Namespace, lang: str) -> int:
    lang = lang if lang in _TEXT else "es"
    text = _TEXT[lang]
    command = args.protect_command
    with open_archive(args, writable=command != "list") as archive:
        if command == "list":
            found = protections.all_protections(archive, lang)
            lines = [f"{'#' + str(p.id) if p.id else '-':>4}  {p.name} -> {p.replacement}"
                     f"  ({text['by'][p.source]}; "
                     f"{text['confirmed'] if p.confirmed else text['proposed']}: "
                     f"{', '.join(p.variants)})" for p in found]
            emit(args, {"protections": [_as_dict(p) for p in found]},
                 "\n".join(lines) or text["none"])
            return 0
        if command == "variants" and not args.set:
            person = authorities.get_person(archive, _person(archive, args.person, lang))
            current = {p.key: p for p in protections.all_protections(archive, lang)}.get(
                f"person:{person.id}")
            proposed = propose_variants(person.name)
            lines = [f"  {v.text}  ({text['on'] if v.default else text['off']})"
                     for v in proposed]
            if current and current.confirmed:
                lines.append(f"{text['confirmed']}: {', '.join(current.variants)}")
            emit(args, {"person": person.id, "proposed": [
                {"text": v.text, "default": v.default, "why": v.why} for v in proposed],
                "confirmed": list(current.variants) if current and current.confirmed else None},
                "\n".join(lines))
            return 0
        before = archive.generation()
        actor = Actor.of(archive, lang=lang)
        if command == "person":
            pid = protect_ops.protect_person(archive, actor, _person(archive, args.person, lang),
                                             args.replacement, args.reason).value
        elif command == "term":
            pid = protect_ops.protect_term(archive, actor, args.term, args.replacement,
                                           args.reason).value
        elif command == "variants":
            pid = protect_ops.confirm_variants(archive, actor,
                                               _person(archive, args.person, lang),
                                               args.set).value
        else:
            protect_ops.unprotect(archive, actor, args.protection_id, args.reason)
            emit(args, {"removed": args.protection_id}, text["removed"])
            return 0
        touched = protections.items_changed_since(archive, before)
    emit(args, {"protection": pid, "reindexed": touched}, text["saved"].format(n=touched))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {"protect": cmd_protect}
