"""Sentences the core says to people, in Spanish and English (tables, so past 600 lines).

The core has no Qt, so it cannot use Qt's translator; the few sentences it
owns (why consent refuses something) live here, and the UI and the command
line both show them. Everything else a person reads is translated in the UI.
Also the core's one bilingual vocabulary: `VALUE_LABELS` (`value_label`) and `SCOPE_LABELS`.
"""

from __future__ import annotations

import locale
import os

from memoria.domain.consent import Audience, Decision, Refusal

_REFUSAL = {
    "es": {
        Refusal.WITHDRAWN: "el consentimiento fue retirado",
        Refusal.NO_CONSENT: "no hay consentimiento registrado",
        Refusal.PENDING: "el consentimiento está pendiente",
        Refusal.RESTRICTED: "el consentimiento está restringido al uso interno del archivo",
        Refusal.EMBARGOED: "está bajo embargo hasta el {embargo}",
        Refusal.EMBARGO_REVIEW: "el embargo terminó el {embargo} y espera revisión",
        Refusal.SCOPE_NOT_GRANTED: "el consentimiento no cubre el uso «{scope}»",
        Refusal.IN_TRASH: "está en la papelera",
    },
    "en": {
        Refusal.WITHDRAWN: "consent was withdrawn",
        Refusal.NO_CONSENT: "no consent is recorded",
        Refusal.PENDING: "consent is pending",
        Refusal.RESTRICTED: "consent is restricted to internal archive use",
        Refusal.EMBARGOED: "it is embargoed until {embargo}",
        Refusal.EMBARGO_REVIEW: "its embargo ended on {embargo} and awaits review",
        Refusal.SCOPE_NOT_GRANTED: "consent does not cover “{scope}”",
        Refusal.IN_TRASH: "it is in the trash",
    },
}

# Catalogue values shown to people (kinds, consent states, roles, consent history
# actions, audiences, scopes, anonymisations, kinds of copies): the one bilingual
# table; the command line, the window (memoria/ui/labels.py, capitalised with
# `value_title`) and the exports all take their words from here.
# `--json` keeps the values themselves.
VALUE_LABELS: dict[str, dict[str, dict[str, str]]] = {
    "es": {
        "kind": {"testimony": "testimonio", "photograph": "fotografía",
                 "audio": "audio"},
        "kind_title": {"testimony": "testimonio", "photograph": "fotografía",
                       "audio": "grabación de audio"},
        "kind_plural": {"testimony": "testimonios", "photograph": "fotografías",
                        "audio": "audios"},
        "status": {"pending": "pendiente", "granted": "otorgado", "restricted": "restringido",
                   "withdrawn": "retirado", "superseded": "reemplazado",
                   "none": "sin consentimiento", "embargoed": "en embargo",
                   "review": "embargo por revisar"},
        "role": {"narrator": "narrador(a)", "interviewer": "entrevistador(a)",
                 "depicted": "retratado(a)", "photographer": "fotógrafo(a)",
                 "author": "autor(a)"},
        "action": {"record": "registro", "withdraw": "retiro", "status": "cambio de estado",
                   "supersede": "reemplazo", "embargo_reviewed": "embargo revisado"},
        "audience": {"custodian": "custodia", "curator": "curaduría",
                     "researcher": "investigación", "public": "público"},
        "scope": {"internal": "uso interno",
                  "research": "investigación en sala de consulta",
                  "exhibition": "exposición en el museo",
                  "publication_print": "publicación impresa",
                  "publication_online": "publicación en línea", "press": "prensa"},
        "anonymisation": {"pseudonym": "usar un seudónimo", "redact_names": "ocultar nombres",
                          "blur_faces": "difuminar rostros",
                          "no_voice": "no reproducir la voz",
                          "generalise_places": "generalizar lugares"},
        "account_role": {"custodian": "custodio", "curator": "curador",
                         "researcher": "investigador", "public": "público"},
        "copy_kind": {"bag": "paquete BagIt", "exhibit": "exposición",
                      "edition": "edición de sala", "backup": "copia de seguridad",
                      "transcript": "transcripción"},
    },
    "en": {
        "kind": {"testimony": "testimony", "photograph": "photograph", "audio": "audio"},
        "kind_title": {"audio": "audio recording"},
        "kind_plural": {"testimony": "testimonies", "photograph": "photographs"},
        "status": {"none": "no consent", "review": "embargo to review"},
        "role": {},
        "action": {"embargo_reviewed": "embargo reviewed"},
        "audience": {}, "account_role": {},
        "scope": {"internal": "internal use", "research": "reading-room research",
                  "exhibition": "museum exhibition", "publication_print": "print publication",
                  "publication_online": "online publication", "press": "press"},
        "anonymisation": {"pseudonym": "use a pseudonym", "redact_names": "redact names",
                          "blur_faces": "blur faces", "no_voice": "voice must not be played",
                          "generalise_places": "generalise places"},
        "copy_kind": {"bag": "BagIt bag", "edition": "reading-room edition"},
    },
}


# Consent scopes in running text (the command line's consent lines, refusals).
SCOPE_LABELS = {lang: VALUE_LABELS[lang]["scope"] for lang in VALUE_LABELS}


def value_label(field: str, value: str, lang: str = "es") -> str:
    """A catalogue value (`field`: a key of VALUE_LABELS) in `lang`'s words, lower
    case for running text; an unknown value is shown as it is (English words that
    are the value itself are not repeated in the table: "pending")."""
    table = VALUE_LABELS.get(lang, VALUE_LABELS["en"]).get(field, {})
    return table.get(str(value), str(value))


def value_title(field: str, value: str, lang: str = "es") -> str:
    """`value_label` as a label or a list entry: its first letter in capitals."""
    word = value_label(field, value, lang)
    return word[:1].upper() + word[1:]


# The command line's consent lines ({n}: items, said with `items_text`).
_CONSENT_LINES = {
    "es": {
        "recorded": "Consentimiento #{cid} registrado para {name} ({items}).",
        "withdrawn": "Consentimiento #{cid} de {name} retirado; {items} ya no {se_ven} fuera "
                     "de la custodia.",
        "reviewed": "Embargo del consentimiento #{cid} revisado y levantado.",
        "no_person": "No hay ninguna persona llamada «{name}».",
        "no_items": "Esta persona todavía no aparece en ningún elemento.",
        "nobody": "{acc} no tiene narrador(a) ni persona retratada; diga de quién es el "
                  "consentimiento con --person.",
        "export_which": "Nombre los elementos que va a exportar, o use --all (no ambos).",
        "nothing_to_withdraw": "Aquí no hay un consentimiento vigente que retirar (sin "
                               "consentimiento, ya solo la custodia lo ve).",
        "interrupted": "interrumpido",
    },
    "en": {
        "recorded": "Consent #{cid} recorded for {name} ({items}).",
        "withdrawn": "Consent #{cid} of {name} withdrawn; {items} no longer visible outside "
                     "custody.",
        "reviewed": "Embargo of consent #{cid} reviewed and lifted.",
        "no_person": "There is no person named '{name}'.",
        "no_items": "This person appears on no item yet.",
        "nobody": "{acc} has no narrator or depicted person; say whose consent with --person.",
        "export_which": "Name the items to export, or use --all (not both).",
        "nothing_to_withdraw": "There is no current consent to withdraw here (without "
                               "consent, only custodians see it already).",
        "interrupted": "interrupted",
    },
}


def items_text(n: int, lang: str = "es") -> str:
    """"1 elemento", "3 elementos" / "1 item", "3 items"."""
    if lang == "es":
        return f"{n} elemento" if n == 1 else f"{n:,} elementos".replace(",", ".")
    return f"{n} item" if n == 1 else f"{n:,} items"


def consent_line(key: str, lang: str = "es", **values: object) -> str:
    table = _CONSENT_LINES["es" if lang == "es" else "en"]
    if key == "withdrawn":  # "1 elemento ya no se ve", "3 elementos ya no se ven"
        values["se_ven"] = "se ve" if str(values.get("items", "")).startswith("1 ") else "se ven"
    return table[key].format(**values)



def default_language() -> str:
    """'es' unless the environment clearly asks for English (Spanish first)."""
    for var in ("MEMORIA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "es"
    loc = locale.getlocale()[0] or ""
    return "en" if loc.lower().startswith("en") else "es"


def refusal_text(refusal: Refusal, decision: Decision, lang: str = "es") -> str:
    lang = lang if lang in _REFUSAL else "es"
    scope = decision.scope.value if decision.scope else ""
    return _REFUSAL[lang][refusal].format(
        embargo=decision.embargo_until.isoformat() if decision.embargo_until else "?",
        scope=SCOPE_LABELS[lang].get(scope, scope),
    )


def explain(decision: Decision, lang: str = "es") -> str:
    """One sentence saying whether and why this audience may see the item."""
    lang = lang if lang in _REFUSAL else "es"
    who = value_label("audience", decision.audience.value, lang)
    if decision.allowed:
        if decision.audience is Audience.CUSTODIAN:
            return (
                "Visible para custodia: quien custodia el archivo lo ve todo."
                if lang == "es"
                else "Visible to custodians: custodians see everything."
            )
        return f"Visible para {who}." if lang == "es" else f"Visible to {who}."
    reasons = "; ".join(refusal_text(r, decision, lang) for r in decision.refusals)
    if lang == "es":
        return f"No visible para {who}: {reasons}."
    return f"Not visible to {who}: {reasons}."


def also_searched_text(words: list[str], lang: str = "es") -> str:
    """The note a search shows when it also searched ñ spellings of words typed
    without ñ ("ninos" -> "niños"); empty when it did not."""
    if not words:
        return ""
    listed = ", ".join(words)
    if lang == "en":
        return f"also searched: {listed}"
    return f"también se buscó: {listed}" if len(words) == 1 else f"también se buscaron: {listed}"


# -- forgetting on request (memoria.operations.purge, `memoria purge`, the window) -----
_PURGE = {
    "es": {
        "no_reason": "Escriba el motivo de la supresión (--reason).",
        "no_basis": "Escriba la base legal de la supresión (--basis), por ejemplo "
                    "«Ley 1581 de 2012, art. 8».",
        "no_person": "No hay ninguna persona {person} en el catálogo.",
        "no_items": "Indique qué elementos suprimir.",
        "no_item": "No hay ningún elemento «{item}» en el catálogo.",
        "no_request": "No hay ninguna solicitud de supresión número {purge}.",
        "not_pending": "La solicitud de supresión {purge} ya no está pendiente (está «{state}»).",
        "waiting": "La solicitud de supresión {purge} espera hasta el {until} (UTC): nadie "
                   "puede suprimir solo y con prisa.",
        "waiting_accounts": " Otro custodio, con su propia cuenta, puede confirmarla antes.",
        "waiting_too_short": "La espera de una supresión no puede ser menor de {least} día.",
        "requested": "Solicitud de supresión {purge} registrada; no se ha borrado nada. Se "
                     "puede llevar a cabo desde el {until} (UTC) con «memoria purge --confirm "
                     "{purge}», o antes si la confirma otro custodio con su cuenta; se puede "
                     "cancelar hasta entonces con «memoria purge --cancel {purge}».",
        "cancelled": "Solicitud de supresión {purge} cancelada; no se borró nada.",
        "done": "Supresión {purge} llevada a cabo: {items} elementos, {consents} registros de "
                "consentimiento, {files} archivos; lápida en el registro de auditoría (#{tomb}).",
        "unfinished": "La parte en disco de la supresión {purge} no terminó (otro programa "
                      "tiene abierto el catálogo); se completará al abrir el archivo de nuevo.",
        "index_dropped": "El índice de búsqueda se borró y se reconstruirá desde el catálogo.",
        "none_pending": "No hay solicitudes de supresión pendientes.",
        "pending_line": "{purge}  {what}  pedida por {by} el {at}; desde el {until}; "
                        "base: {basis}",
        "what_items": "{n} elementos",
        "what_person": "la persona {person}",
        "plan": "Se suprimirán {items} elementos, {consents} registros de consentimiento "
                "({forms} formularios firmados) y {files} archivos; {unlinked} elementos "
                "quedan sin el vínculo con la persona y su nombre se reemplaza por "
                "una marca de supresión.",
        "shared": "Elementos compartidos con otras personas (decida: --shared purge los "
                  "suprime, --shared keep los conserva sin la persona):",
        "copies": "Copias fuera del archivo que todavía contienen este material (recójalas):",
        "backups": "Respaldos que pueden contener el material suprimido (sus generaciones "
                   "anteriores lo restaurarían):",
        "shared_undecided": "La persona aparece en {n} elementos compartidos con otras "
                            "personas; decida con --shared purge o --shared keep.",
    },
    "en": {
        "no_reason": "Give the reason for the purge (--reason).",
        "no_basis": "Give the legal basis for the purge (--basis), for example "
                    "\"Ley 1581 de 2012, art. 8\".",
        "no_person": "There is no person {person} in the catalogue.",
        "no_items": "Say which items to purge.",
        "no_item": "There is no item \"{item}\" in the catalogue.",
        "no_request": "There is no purge request number {purge}.",
        "not_pending": "Purge request {purge} is no longer pending (it is \"{state}\").",
        "waiting": "Purge request {purge} waits until {until} (UTC): nobody purges alone "
                   "and in a hurry.",
        "waiting_accounts": " Another custodian, with their own account, can confirm it sooner.",
        "waiting_too_short": "A purge's waiting period cannot be shorter than {least} day.",
        "requested": "Purge request {purge} recorded; nothing was removed. It can be carried "
                     "out from {until} (UTC) with 'memoria purge --confirm {purge}', or sooner "
                     "if another custodian confirms it with their account; it can be "
                     "cancelled until then with 'memoria purge --cancel {purge}'.",
        "cancelled": "Purge request {purge} cancelled; nothing was removed.",
        "done": "Purge {purge} carried out: {items} items, {consents} consent records, "
                "{files} files; tombstone in the audit log (#{tomb}).",
        "unfinished": "The disk part of purge {purge} did not finish (another program has the "
                      "catalogue open); it is completed when the archive is next opened.",
        "index_dropped": "The search index was removed and will be rebuilt from the catalogue.",
        "none_pending": "There are no pending purge requests.",
        "pending_line": "{purge}  {what}  requested by {by} on {at}; from {until}; "
                        "basis: {basis}",
        "what_items": "{n} items",
        "what_person": "person {person}",
        "plan": "{items} items, {consents} consent records ({forms} signed forms) and {files} "
                "files will be removed; {unlinked} items lose the link to the person and "
                "their name is replaced by a purge mark.",
        "shared": "Items shared with other people (decide: --shared purge removes them, "
                  "--shared keep keeps them without the person):",
        "copies": "Copies outside the archive that still hold this material (recall them):",
        "backups": "Backups that may hold the purged material (their older generations "
                   "would restore it):",
        "shared_undecided": "The person appears on {n} items shared with other people; "
                            "decide with --shared purge or --shared keep.",
    },
}


def purge_sentence(key: str, lang: str = "es", **values: object) -> str:
    """A purge sentence in Spanish or English (memoria.operations.purge's errors and reports)."""
    table = _PURGE.get(lang, _PURGE["es"])
    text = table[key].format(**values)
    if key == "waiting" and values.get("accounts"):
        text += table["waiting_accounts"]
    return text


# -- batch edits and batch consent (issue 15) -----------------------------------------------

_BATCH = {
    "es": {
        "no_items": "No hay elementos seleccionados: elija uno o más en la lista.",
        "unknown_item": "No hay ningún elemento «{id}» en este archivo; no se cambió nada.",
        "changed_since": "{acc} cambió después de la vista previa (otra ventana o la línea de "
                         "comandos lo guardó); revise la vista previa y aplique de nuevo.",
        "nothing": "No se pidió ningún cambio: agregue, quite o reemplace al menos un campo.",
        "bad_date": "La fecha «{date}» no es válida: {why}",
        "bad_place": "El lugar «{place}» no se puede usar: {why}",
        "no_title": "{acc} quedaría sin título; no se cambió nada.",
        "no_person": "{acc} no tiene narrador ni persona retratada: diga de quién es el "
                     "consentimiento.",
        "unknown_person": "No hay ninguna persona con el número {id}; no se registró nada.",
        "unknown_role": "«{role}» no es un rol de persona (para {name}); no se cambió nada.",
        "withdrawn": "El consentimiento de {acc} fue retirado: volver a abrirlo se confirma "
                     "elemento por elemento; no se registró nada.",
        "no_scope": "Un consentimiento otorgado debe indicar al menos un alcance; no se "
                    "registró nada.",
        "no_pseudonym": "Diga qué seudónimo usar; no se registró nada.",
        "bad_status": "En lote solo se registra un consentimiento pendiente, otorgado o "
                      "restringido; para retirarlo use el diálogo de consentimiento.",
        "edited": "Se cambiaron {n} de {total} elementos.",
        "would_edit": "Vista previa, no se escribió nada: cambiarían {n} de {total} elementos.",
        "field_count": "{field}: {change} por cambiar, {already} ya estaban así",
        "recorded": "Consentimiento registrado en {n} elementos ({records} registros).",
    },
    "en": {
        "no_items": "No items are selected: choose one or more in the list.",
        "unknown_item": "There is no item “{id}” in this archive; nothing was changed.",
        "changed_since": "{acc} changed after the preview (another window or the command line "
                         "saved it); look at the preview again and apply.",
        "nothing": "No change was asked for: add, remove or replace at least one field.",
        "bad_date": "The date “{date}” is not valid: {why}",
        "bad_place": "The place “{place}” cannot be used: {why}",
        "no_title": "{acc} would be left without a title; nothing was changed.",
        "no_person": "{acc} has no narrator or depicted person: say whose consent it is.",
        "unknown_person": "There is no person with id {id}; nothing was recorded.",
        "unknown_role": "“{role}” is not a person's role (for {name}); nothing was changed.",
        "withdrawn": "Consent for {acc} was withdrawn: reopening it must be confirmed item by "
                     "item; nothing was recorded.",
        "no_scope": "Granted consent must name at least one scope; nothing was recorded.",
        "no_pseudonym": "Say which pseudonym to use; nothing was recorded.",
        "bad_status": "A batch records pending, granted or restricted consent only; to "
                      "withdraw, use the consent dialog.",
        "edited": "{n} of {total} items changed.",
        "would_edit": "Preview, nothing written: {n} of {total} items would change.",
        "field_count": "{field}: {change} to change, {already} already so",
        "recorded": "Consent recorded on {n} items ({records} records).",
    },
}


def batch_sentence(key: str, lang: str = "es", **values: object) -> str:
    """One sentence of a batch edit or a batch consent, in `lang` (Spanish unless 'en')."""
    return _BATCH["en" if lang == "en" else "es"][key].format(**values)


# -- faults: what verify, backup and restore find (issue 18) ------------------------------

_FAULT = {
    "es": {
        # storage/seal.py: pages and commits
        "seal_unreadable": "{path} no se puede leer; no se puede probar que el catálogo esté "
                           "intacto",
        "page_changed": "la página {n} del catálogo cambió fuera de Memoria (un disco dañado u "
                        "otro programa)",
        "more_pages": "... y {n} páginas cambiadas más",
        "grew": "el catálogo creció {n} páginas fuera de Memoria",
        "shrank": "el catálogo perdió {n} páginas al final",
        "commits_unreadable": "{path} no se puede leer; no se puede probar que los cambios "
                              "confirmados estén presentes",
        "lost_commits": "el catálogo perdió cambios ya confirmados: su historial termina en el "
                        "registro {present}, pero se confirmó el registro {recorded} (un WAL "
                        "dañado o una copia más antigua puesta en su lugar); pueden haberse "
                        "perdido cambios de consentimiento, retiros incluidos",
        "seal_cannot_read": "el sello del catálogo no se puede leer: {cause}",
        "history_cannot_read": "el historial del catálogo no se puede leer: {cause}",
        # trust/fixity.py: verify
        "cannot_check": "el catálogo no se puede revisar: {cause}",
        "link_broken": "la fila {rowid} de {table} apunta a un {target} que no existe",
        "links_cannot_check": "los vínculos del catálogo no se pueden revisar: {cause}",
        "originals_unreadable": "la lista de originales no se puede leer: {cause}",
        "original_unreadable": "{path} (ilegible: {cause})",
        "cannot_open": "el catálogo no se puede abrir: {cause}",
        "verify_cancelled": "La verificación se canceló después de {n} archivos; no se probó "
                            "nada.",
        "verify_ok": "Los {n} originales están intactos ({mb} MB verificados de nuevo); el "
                     "catálogo está sano.",
        "verify_problems": "SE ENCONTRARON PROBLEMAS. {parts}.",
        "n_changed": "{n} cambiados: {paths}",
        "n_missing": "{n} faltantes: {paths}",
        "n_unexpected": "{n} inesperados: {paths}",
        "p_integrity": "catálogo dañado: {what}",
        "p_seal": "catálogo cambiado o devuelto atrás: {what}",
        "p_links": "vínculos del catálogo rotos: {what}",
        "line_changed": "  cambiado:    {what}",
        "line_missing": "  faltante:    {what}",
        "line_unexpected": "  inesperado:  {what}",
        "line_catalogue": "  catálogo:    {what}",
        "line_not_recorded": "  no quedó registrado en el catálogo: {what}",
        "saved_in": "{why} El resultado se guardó en {path}.",
        "saved_nowhere": "{why} No se pudo guardar en ningún lugar: conserve esta salida.",
        "warning_seal": "memoria: aviso: {what}; ejecute 'memoria verify'.",
        # trust/backup.py: backup and restore
        "backup_inside": "Una copia de seguridad debe estar fuera de la carpeta del archivo.",
        "backup_refused": "El catálogo de {root} está dañado ({what}); no se copió, y las "
                          "copias de seguridad en {dest} quedaron como estaban. Ejecute "
                          "'memoria verify' para ver el daño y 'memoria restore' para traer "
                          "la última copia buena.",
        "backup_foreign": "{dest} no está vacía y no es una copia de seguridad de Memoria; "
                          "elija otra carpeta.",
        "copy_not_whole": "La copia del catálogo escrita en {folder} no se lee completa "
                          "({what}); se conservó la copia anterior.",
        "checksum_differs": "{path} no coincide con su suma de verificación registrada; no se "
                            "copió",
        "path_leaves": "{path}: rechazado (la ruta sale del archivo)",
        "original_missing": "{path}: falta en el archivo",
        "not_a_backup": "{backup} no es una copia de seguridad de Memoria (no tiene {name}).",
        "restore_not_empty": "{dest} no está vacía; restaure en una carpeta vacía o nueva.",
        "restore_damaged": "El catálogo en {catalogue} está dañado ({what}); restaure una "
                           "generación anterior (vea su carpeta generations/).",
        "backup_done": "Copia de seguridad en {dest}: catálogo copiado, {copied} originales "
                       "nuevos copiados ({mb} MB), {skipped} ya estaban.",
        "restore_done": "Restaurado en {dest}: {copied} originales. Ejecute 'memoria verify "
                        "--archive {dest}' para comprobarlo.",
        "problem": "  problema: {what}",
        # storage/archive.py: opening
        "already_archive": "{path} ya es un archivo de Memoria.",
        "create_not_empty": "{path} no está vacía. Elija una carpeta vacía o nueva para un "
                            "archivo nuevo.",
        "no_archive": "No hay ningún archivo en {path} (la carpeta no existe).",
        "catalogue_missing": "falta el archivo del catálogo",
        "catalogue_empty": "el archivo del catálogo está vacío",
        "not_archive": "{path} no es un archivo de Memoria (no tiene {name}). Use 'memoria "
                       "init' para crear uno.",
        "edition_readonly": "{path} es una edición de sala de lectura: se abre solo para "
                            "leer, para su público. Actualícela desde el archivo con 'memoria "
                            "edition'.",
        "needs_upgrade": "{path} necesita actualizarse; ábralo una vez para escribir y se "
                         "actualizará.",
        "unreadable_catalogue": "{path} no se puede leer como catálogo: {cause}",
        # trust/bag.py
        "bag_not_empty": "{dest} no está vacía; elija una carpeta nueva para el paquete.",
        "bag_done": "Paquete escrito en {dest}: {n} elementos, validado.",
        "bag_left_out": "  quedó fuera {acc}: {why}",
        "note": "  nota: {what}",
        "bag_imported": "Se importaron {n} elementos de {bag}.",
        "bag_link": "el paquete contiene un enlace ({name}); rechazado",
        "bag_path_outside": "{manifest} nombra una ruta fuera del paquete ({path}); rechazado",
        "bag_leaves_item": "{file} sale de la carpeta del elemento",
        "bag_checksum": "{file} no coincide con su suma de verificación registrada",
        "bag_already": "ya está en el archivo como {acc}",
        "bag_not_bagit": "{bag} no es un paquete BagIt (no tiene bagit.txt).",
        "bag_invalid": "el paquete no pasó la validación; no se importó nada: {cause}",
        "bag_no_metadata": "no tiene metadata.json",
        "bag_not_imported": "  no se importó {acc}: {why}",
    },
    "en": {
        "seal_unreadable": "{path} is unreadable; the catalogue cannot be proven unchanged",
        "page_changed": "page {n} of the catalogue changed outside Memoria (a damaged disk or "
                        "another program)",
        "more_pages": "... and {n} more changed pages",
        "grew": "the catalogue grew by {n} pages outside Memoria",
        "shrank": "the catalogue lost {n} pages at its end",
        "commits_unreadable": "{path} is unreadable; committed changes cannot be proven present",
        "lost_commits": "the catalogue has lost committed changes: its history ends at record "
                        "{present}, but record {recorded} was committed (a damaged WAL or an "
                        "older copy put back); consent changes, withdrawals included, may be "
                        "lost",
        "seal_cannot_read": "the catalogue's seal cannot be read: {cause}",
        "history_cannot_read": "the catalogue's history cannot be read: {cause}",
        "cannot_check": "the catalogue cannot be checked: {cause}",
        "link_broken": "{table} row {rowid} points to a missing {target}",
        "links_cannot_check": "the catalogue's links cannot be checked: {cause}",
        "originals_unreadable": "the list of originals cannot be read: {cause}",
        "original_unreadable": "{path} (unreadable: {cause})",
        "cannot_open": "the catalogue cannot be opened at all: {cause}",
        "verify_cancelled": "Fixity check cancelled after {n} files; nothing is proven.",
        "verify_ok": "All {n} originals are intact ({mb} MB re-hashed); the catalogue is sound.",
        "verify_problems": "PROBLEMS FOUND. {parts}.",
        "n_changed": "{n} changed: {paths}",
        "n_missing": "{n} missing: {paths}",
        "n_unexpected": "{n} unexpected: {paths}",
        "p_integrity": "catalogue damaged: {what}",
        "p_seal": "catalogue changed or rolled back: {what}",
        "p_links": "catalogue links broken: {what}",
        "line_changed": "  changed:    {what}",
        "line_missing": "  missing:    {what}",
        "line_unexpected": "  unexpected: {what}",
        "line_catalogue": "  catalogue:  {what}",
        "line_not_recorded": "  not recorded in the catalogue: {what}",
        "saved_in": "{why} The result was saved in {path}.",
        "saved_nowhere": "{why} It could not be saved anywhere: keep this output.",
        "warning_seal": "memoria: warning: {what}; run 'memoria verify'.",
        "backup_inside": "A backup must live outside the archive folder.",
        "backup_refused": "The catalogue of {root} is damaged ({what}); it was not backed up, "
                          "and the backups in {dest} were left as they were. Run 'memoria "
                          "verify' to see the damage and 'memoria restore' to bring back the "
                          "last good backup.",
        "backup_foreign": "{dest} is not empty and is not a Memoria backup; choose another "
                          "folder.",
        "copy_not_whole": "The copy of the catalogue written to {folder} does not read back "
                          "whole ({what}); the previous backup was kept.",
        "checksum_differs": "{path} does not match its recorded checksum; not copied",
        "path_leaves": "{path}: refused (path leaves the archive)",
        "original_missing": "{path}: missing from the archive",
        "not_a_backup": "{backup} is not a Memoria backup (it has no {name}).",
        "restore_not_empty": "{dest} is not empty; restore into an empty or new folder.",
        "restore_damaged": "The catalogue in {catalogue} is damaged ({what}); restore an older "
                           "generation (see its generations/ folder).",
        "backup_done": "Backup in {dest}: catalogue copied, {copied} new originals copied "
                       "({mb} MB), {skipped} already there.",
        "restore_done": "Restored into {dest}: {copied} originals. Run 'memoria verify "
                        "--archive {dest}' to prove it.",
        "problem": "  problem: {what}",
        "already_archive": "{path} is already a Memoria archive.",
        "create_not_empty": "{path} is not empty. Choose an empty or new folder for a new "
                            "archive.",
        "no_archive": "There is no archive at {path} (the folder does not exist).",
        "catalogue_missing": "the catalogue file is missing",
        "catalogue_empty": "the catalogue file is empty",
        "not_archive": "{path} is not a Memoria archive (it has no {name}). Use 'memoria "
                       "init' to create one.",
        "edition_readonly": "{path} is a reading-room edition: it opens read-only, for its "
                            "audience. Refresh it from the archive with 'memoria edition'.",
        "needs_upgrade": "{path} needs an upgrade; open it once for writing to upgrade it.",
        "unreadable_catalogue": "{path} cannot be read as a catalogue: {cause}",
        "bag_not_empty": "{dest} is not empty; choose a new folder for the bag.",
        "bag_done": "Bag written to {dest}: {n} items, validated.",
        "bag_left_out": "  left out {acc}: {why}",
        "note": "  note: {what}",
        "bag_imported": "Imported {n} items from {bag}.",
        "bag_link": "the bag contains a link ({name}); refused",
        "bag_path_outside": "{manifest} names a path outside the bag ({path}); refused",
        "bag_leaves_item": "{file} leaves the item folder",
        "bag_checksum": "{file} does not match its recorded checksum",
        "bag_already": "already in the archive as {acc}",
        "bag_not_bagit": "{bag} is not a BagIt bag (no bagit.txt).",
        "bag_invalid": "the bag failed validation; nothing was imported: {cause}",
        "bag_no_metadata": "no metadata.json",
        "bag_not_imported": "  not imported {acc}: {why}",
    },
}


def fault_text(key: str, lang: str = "es", **values: object) -> str:
    """One sentence of the fault table in `lang` (Spanish unless 'en')."""
    table = _FAULT["en" if lang == "en" else "es"]
    return table[key].format(**{k: say(v, lang) for k, v in values.items()})


# -- undo and redo (memoria/operations/undo.py) ------------------------------------------

_UNDO = {
    "es": {
        "changed_undo": "«{name}» cambió después de este paso (en otra ventana o desde la "
                        "línea de comandos): no se deshizo nada.",
        "changed_redo": "«{name}» cambió después de deshacer este paso (en otra ventana o "
                        "desde la línea de comandos): no se rehízo nada.",
        "gone": "«{name}» ya no está en el archivo: este paso no se puede deshacer.",
        "consent": "Los registros de consentimiento no se deshacen: son la historia de lo que "
                   "cada persona autorizó. Para cambiar uno, registre un nuevo consentimiento "
                   "o un retiro.",
    },
    "en": {
        "changed_undo": "“{name}” has changed since this step (in another window or from the "
                        "command line): nothing was undone.",
        "changed_redo": "“{name}” has changed since this step was undone (in another window "
                        "or from the command line): nothing was redone.",
        "gone": "“{name}” is no longer in the archive: this step cannot be undone.",
        "consent": "Consent records are not undone: they are the history of what each person "
                   "agreed to. To change one, record a new consent or a withdrawal.",
    },
}


def undo_sentence(key: str, lang: str = "es", **values: object) -> str:
    """An undo refusal (or why consent is not undone) in Spanish or English."""
    return _UNDO["en" if lang == "en" else "es"][key].format(**values)


class Sentence(str):
    """A finding kept until the language is known: str() is the Spanish sentence,
    `say(finding, "en")` the English one (an archive's findings are made at open,
    before anyone has said which language they read)."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, **values: object) -> Sentence:
        made = super().__new__(cls, fault_text(key, "es", **values))
        made.key, made.values = key, values
        return made

    def __reduce__(self) -> tuple:
        return (_sentence, (self.key, self.values))

    def __deepcopy__(self, memo: dict) -> Sentence:
        return self


def _sentence(key: str, values: dict[str, object]) -> Sentence:
    return Sentence(key, **values)


def say(text: object, lang: str = "es") -> str:
    """`text` in `lang` when it is a Sentence; anything else as it is."""
    if isinstance(text, Sentence):
        return fault_text(text.key, lang, **text.values)
    return str(text)


def error_text(exc: BaseException, lang: str = "es") -> str:
    """An error's sentence in `lang`: its own `sentence(lang)`, or its message said in
    `lang` when it was raised with a Sentence."""
    sentence = getattr(exc, "sentence", None)
    if callable(sentence):
        return str(sentence(lang))
    return say(exc.args[0], lang) if len(exc.args) == 1 else str(exc)
