"""What every transcript reader shares: problems, the parsed result, the error, and
the rule that tells "Speaker: text" from text with a colon in it.

Below `transcripts` (which dispatches to the readers) and the readers
(`subtitles`, `ohms`), so none of them imports another in a circle.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from memoria.domain.model import SegmentDraft


@dataclass(frozen=True)
class Problem:
    """Something in the file that was skipped or guessed, and where."""

    line: int  # 1-based line of the file; 0 when not tied to a line
    message: str
    message_es: str = ""

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message

    def text(self, lang: str, file: str = "") -> str:
        """One sentence naming the file and the line, in Spanish or English."""
        es = not lang.lower().startswith("en")
        message = (self.message_es or self.message) if es else self.message
        where = [file] if file else []
        if self.line:
            where.append(f"línea {self.line}" if es else f"line {self.line}")
        return (", ".join(where) + ": " if where else "") + message + "."


@dataclass
class Parsed:
    segments: list[SegmentDraft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class TranscriptError(ValueError):
    """Nothing could be read (not a transcript, or not this format)."""

    def __init__(self, message: str, es: str = "", *, file: str = "", line: int = 0) -> None:
        super().__init__(message)
        self.message, self.message_es, self.file, self.line = message, es or message, file, line

    def text(self, lang: str, file: str = "") -> str:
        """One sentence naming the file (and line), in Spanish or English."""
        return Problem(self.line, self.message, self.message_es).text(lang, file or self.file)


# --- text -----------------------------------------------------------------------

_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"), (b"\xef\xbb\xbf", "utf-8"))


def decode(data: bytes) -> str:
    """Bytes to text: any Unicode BOM (UTF-32 before UTF-16, as pysrt checks),
    else UTF-8, else cp1252 (Windows subtitle editors)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def format_time(ms: int, sep: str = ".") -> str:
    hours, rest = divmod(max(0, int(ms)), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{sep}{millis:03d}"


# --- the speaker rule -------------------------------------------------------------

_LABEL = re.compile(r"^([^:\n]{1,40}):(?:\s+(.*))?$")
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "e", "da", "do", "dos", "das",
                        "van", "von", "der", "di"})


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


_NUMBERED = re.compile(r"^(?:[^\W\d_][^\W\d_]+[ _]\d{1,3}|SPEAKER_\d{1,3})$")


def looks_like_a_name(label: str) -> bool:
    """One to four words, each capitalised (particles such as "de", "del", "la"
    allowed between them), letters only: "Doña Rosa", "María de los Ángeles",
    "ENTREVISTADORA", "P"; or a speech-to-text label, a capitalised word and a
    number ("Speaker 1", "Hablante 2", "SPEAKER_00"). Not "Le dije", "A las 3",
    "sin hablante"."""
    if _NUMBERED.match(label) and label[0].isupper():
        return True
    words = label.split()
    if not 1 <= len(words) <= 4:
        return False
    for n, word in enumerate(words):
        bare = word.replace(".", "").replace("-", "").replace("'", "").replace("\u2019", "")
        if not bare or not bare.isalpha():
            return False
        if word[0].isupper():
            continue
        if 0 < n < len(words) - 1 and word in _PARTICLES:
            continue
        return False
    return True


def speaker_and_text(line: str, known: frozenset[str] = frozenset()) -> tuple[str, str]:
    """("Speaker", "text") when the cue starts with a speaker label, else ("", line).

    A label is the text before the first colon at the start of the cue, with
    words after it. It is taken when it is the name of a person known to the
    item (any case), or when it looks like a name (`looks_like_a_name`).
    "Le dije: no vuelva más." and "A las 3: 30 llegaron." stay text.
    """
    m = _LABEL.match(line)
    if not m or not (m.group(2) or "").strip():
        return "", line
    label = m.group(1).strip()
    if _name_key(label) in {_name_key(k) for k in known} or looks_like_a_name(label):
        return label, m.group(2).strip()
    return "", line


# --- reading --------------------------------------------------------------------------
