"""What the ingest path says to people, in Spanish and English: one sentence each,
naming the file and the cause. The command line and the window show the same words."""

from __future__ import annotations

_CAUSE = {
    "es": {
        "corrupt": "los datos están dañados",
        "truncated": "el archivo está incompleto (truncado)",
        "bomb": "declara muchísimos más píxeles que cualquier fotografía real "
                "(bomba de descompresión)",
        "timeout": "leerlo tardó demasiado y se detuvo",
        "memory": "leerlo necesitó demasiada memoria y se detuvo",
        "crashed": "el decodificador falló al leerlo",
        "unsupported": "no es un formato de fotografía, audio o documento que Memoria conozca",
        "empty": "el archivo está vacío (0 bytes)",
        "unreadable": "no se puede leer",
        "too_large": "supera el tamaño máximo de importación",
        "disk_full": "no queda espacio en el disco",
        "unwritable": "no se pudo copiar dentro del archivo",
        "changed": "el archivo cambió mientras se importaba; inténtelo de nuevo",
    },
    "en": {
        "corrupt": "the data is damaged",
        "truncated": "the file is incomplete (truncated)",
        "bomb": "it declares far more pixels than any real photograph (decompression bomb)",
        "timeout": "reading it took too long and was stopped",
        "memory": "reading it needed too much memory and was stopped",
        "crashed": "the decoder crashed on it",
        "unsupported": "it is not a photograph, audio or document format Memoria knows",
        "empty": "the file is empty (0 bytes)",
        "unreadable": "it cannot be read",
        "too_large": "it is over the import size limit",
        "disk_full": "there is no space left on the disk",
        "unwritable": "it could not be copied into the archive",
        "changed": "the file changed while it was being imported; try again",
    },
}


def _lang(lang: str) -> str:
    return lang if lang in _CAUSE else "es"


def cause(code: str, reason: str, lang: str = "es") -> str:
    """The cause of a refusal in the user's language (the core's own words if unknown)."""
    return _CAUSE[_lang(lang)].get(code, reason)


def refused(name: str, code: str, reason: str, lang: str = "es") -> str:
    """'No se guardó «x.png»: ...' — a refused file, by name and cause."""
    if _lang(lang) == "es":
        return f"No se guardó «{name}»: {cause(code, reason, 'es')}."
    return f"{name} was not stored: {cause(code, reason, 'en')}."


def form_refused(name: str, code: str, reason: str, lang: str = "es") -> str:
    """The signed form was refused, so no consent was recorded either."""
    if _lang(lang) == "es":
        return (f"No se registró el consentimiento: el formulario firmado «{name}» no se "
                f"pudo guardar porque {cause(code, reason, 'es')}.")
    return (f"No consent was recorded: the signed form {name} could not be stored because "
            f"{cause(code, reason, 'en')}.")


def csv_row_unmatched(csv_name: str, line: int, file: str, lang: str = "es") -> str:
    if _lang(lang) == "es":
        return (f"{csv_name}, línea {line}: «{file}» no coincide con ningún archivo "
                "importado; su fila no se aplicó.")
    return (f"{csv_name}, line {line}: {file} matches no imported file; "
            "its row was not applied.")


def csv_matches_nothing(csv_name: str, rows: int, lang: str = "es", stopped: bool = True) -> str:
    """No row of the spreadsheet names a file of this import; `stopped`: said after refusing."""
    es = _lang(lang) == "es"
    if rows == 0:
        text = (f"{csv_name} no tiene ninguna fila que nombre un archivo" if es
                else f"{csv_name} has no row naming a file")
    elif rows == 1:
        text = (f"la única fila de {csv_name} no nombra ningún archivo de lo que se importa "
                "(¿está la hoja en otra carpeta?)" if es else
                f"the only row of {csv_name} names no file in what is being imported "
                "(is the spreadsheet in another folder?)")
    elif es:
        text = (f"ninguna de las {rows} filas de {csv_name} nombra un archivo de lo que se "
                "importa (¿está la hoja en otra carpeta?)")
    else:
        text = (f"none of the {rows} rows of {csv_name} names a file in what is being "
                "imported (is the spreadsheet in another folder?)")
    if stopped:
        return f"No se importó nada: {text}." if es else f"Nothing was imported: {text}."
    return f"{text[0].upper()}{text[1:]}."
