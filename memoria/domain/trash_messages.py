"""The trash's sentences, in Spanish and English (memoria.operations.trash, `memoria trash`,
`memoria empty-trash`, the window's confirmations): the core's own table, beside
memoria.domain.messages (which holds the other operations' tables)."""

from __future__ import annotations

# -- the trash (memoria.operations.trash, `memoria trash`, the window) --------------------
# A value that is a pair is (one, many), chosen by "n"; {items}, {originals} and {files}
# are counted nouns ("1 elemento", "3 elementos"), never "elemento(s)".
_TRASH: dict[str, dict[str, str | tuple[str, str]]] = {
    "es": {
        "no_item": "No hay ningún elemento «{item}» en el catálogo.",
        "no_items": "Indique qué elementos mover a la papelera (número de registro o id).",
        "not_in_trash": "El elemento «{item}» no está en la papelera.",
        "moved": ("{n} elemento movido a la papelera; se puede restaurar con «memoria trash "
                  "--restore» hasta que se vacíe la papelera.",
                  "{n} elementos movidos a la papelera; se pueden restaurar con «memoria "
                  "trash --restore» hasta que se vacíe la papelera."),
        "restored": ("{n} elemento restaurado desde la papelera.",
                     "{n} elementos restaurados desde la papelera."),
        "empty": "La papelera está vacía.",
        "confirm": "Vaciar la papelera elimina del archivo {items} y los originales que ningún "
                   "otro elemento usa ({files}). Queda registrado en la auditoría. Las copias "
                   "de seguridad los conservan hasta que sus generaciones caduquen.",
        "ask_yes": "Escriba «memoria empty-trash --yes» para vaciarla.",
        "emptied": "Papelera vaciada: {items} y {originals} eliminados del archivo; las copias "
                   "de seguridad los conservan hasta que sus generaciones caduquen.",
        "files_left": "{files} se eliminarán la próxima vez que se abra el archivo.",
        "heading": "En la papelera ({n}):",
        "line": "{accession}  {title}  (movido el {when} por {who})",
    },
    "en": {
        "no_item": "There is no item “{item}” in the catalogue.",
        "no_items": "Say which items to move to the trash (accession number or id).",
        "not_in_trash": "Item “{item}” is not in the trash.",
        "moved": ("{n} item moved to the trash; 'memoria trash --restore' brings it back "
                  "until the trash is emptied.",
                  "{n} items moved to the trash; 'memoria trash --restore' brings them back "
                  "until the trash is emptied."),
        "restored": ("{n} item restored from the trash.", "{n} items restored from the trash."),
        "empty": "The trash is empty.",
        "confirm": "Emptying the trash deletes {items} from the archive, and the originals no "
                   "other item uses ({files}). The audit log records it. Backups keep them "
                   "until their generations expire.",
        "ask_yes": "Type 'memoria empty-trash --yes' to empty it.",
        "emptied": "Trash emptied: {items} and {originals} deleted from the archive; backups "
                   "keep them until their generations expire.",
        "files_left": "{files} will be removed the next time the archive is opened.",
        "heading": "In the trash ({n}):",
        "line": "{accession}  {title}  (moved on {when} by {who})",
    },
}
_TRASH_NOUNS = {
    "es": {"items": ("elemento", "elementos"), "originals": ("original", "originales"),
           "files": ("archivo", "archivos")},
    "en": {"items": ("item", "items"), "originals": ("original", "originals"),
           "files": ("file", "files")},
}


def trash_sentence(key: str, lang: str = "es", **values: object) -> str:
    """A trash sentence in Spanish or English (memoria.operations.trash, `memoria trash`,
    the window). Counts given as items=, originals=, files= become counted nouns."""
    lang = lang if lang in _TRASH else "es"
    for noun, (one, many) in _TRASH_NOUNS[lang].items():
        if isinstance(values.get(noun), int):
            count = int(values[noun])  # type: ignore[call-overload]
            values[noun] = f"{count} {one if count == 1 else many}"
    text = _TRASH[lang][key]
    if isinstance(text, tuple):
        text = text[0] if values.get("n") == 1 else text[1]
    return text.format(**values)
