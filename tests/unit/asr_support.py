"""Spoken test material for the transcription tests: espeak-ng reads known,
fictional sentences one by one, with known silences between them, into one WAV.
Also the word error rate and the real model (installed by `dev.py test`)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import soundfile

# A fictional testimony (nobody real; places invented), about a minute spoken.
SPANISH = [
    ("Me llamo Rosa Elena y nací en un pueblo pequeño cerca del río.",
     ["rosa", "pueblo", "río"]),
    ("Mi familia cultivaba café y plátano en una finca de la montaña.",
     ["familia", "café", "montaña"]),
    ("En el año dos mil dos llegaron hombres armados a la vereda.",
     ["hombres", "armados", "vereda"]),
    ("Esa noche salimos caminando con mis tres hijos hacia la ciudad.",
     ["noche", "hijos", "ciudad"]),
    ("Durante muchos años no pudimos volver a nuestra casa.",
     ["años", "volver", "casa"]),
    ("Hoy quiero contar lo que pasó para que nadie lo olvide.",
     ["contar", "pasó", "olvide"]),
    ("Mi hermano todavía está desaparecido y lo seguimos buscando.",
     ["hermano", "desaparecido", "buscando"]),
    ("La escuela del pueblo fue cerrada y los maestros se fueron.",
     ["escuela", "cerrada", "maestros"]),
    ("Mi madre guardó las fotografías de la familia en una caja de madera.",
     ["madre", "fotografías", "caja"]),
    ("Cada domingo nos reunimos con otras mujeres en la plaza del barrio.",
     ["domingo", "mujeres", "plaza"]),
    ("Pedimos verdad, justicia y memoria para todas las víctimas.",
     ["verdad", "justicia", "memoria"]),
    ("Gracias por escuchar mi historia.",
     ["gracias", "escuchar", "historia"]),
]
ENGLISH = [
    ("My name is Thomas and I worked as a teacher in the village school.",
     ["thomas", "teacher", "school"]),
    ("One morning the soldiers closed the road to the market.",
     ["morning", "road", "market"]),
    ("We waited many days for news of our neighbours.",
     ["waited", "days", "news"]),
]
GAP_S = 1.2  # the known silence between sentences


@dataclass(frozen=True)
class Spoken:
    path: Path
    starts_ms: list[int]
    text: str
    key_words: list[list[str]]
    duration_ms: int


def speak(sentences: list[tuple[str, list[str]]], voice: str, out: Path) -> Spoken:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (dev.py test installs it)")
    pieces, starts, t, rate = [], [], 0, 16000
    silence = None
    with tempfile.TemporaryDirectory() as tmp:
        for n, (sentence, _) in enumerate(sentences):
            wav = Path(tmp) / f"{n}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", "145", "-w", str(wav), sentence],
                           check=True, capture_output=True)
            data, rate = soundfile.read(wav, dtype="float32")
            if silence is None:
                silence = np.zeros(int(GAP_S * rate), dtype="float32")
                pieces.append(np.zeros(int(0.5 * rate), dtype="float32"))
                t = len(pieces[0])
            # espeak-ng's own lead-in silence is part of the sentence's time
            lead = int(np.argmax(np.abs(data) > 0.01))
            starts.append((t + lead) * 1000 // rate)
            pieces.extend([data, silence])
            t += len(data) + len(silence)
    audio = np.concatenate(pieces)
    soundfile.write(out, audio, rate)
    return Spoken(out, starts, " ".join(s for s, _ in sentences), [k for _, k in sentences],
                  len(audio) * 1000 // rate)


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.casefold())
    return re.findall(r"[^\W\d_]+|\d+", text)


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate (accents folded: the draft is checked by a person anyway)."""
    ref = [fold(w) for w in words(reference)]
    hyp = [fold(w) for w in words(hypothesis)]
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            cur = min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
            prev, row[j] = row[j], cur
    return row[len(hyp)] / max(1, len(ref))


def real_model() -> tuple[Path, str]:
    """The registered model (``memoria asr install``); the test is skipped without it."""
    from memoria.asr import engine, model

    if not engine.available():
        pytest.skip("faster-whisper is not installed (pip install 'memoria[asr]')")
    reg = model.registered_model()
    if reg is None or not Path(reg.path, "model.bin").is_file():
        pytest.skip("no transcription model registered (memoria asr install)")
    return Path(reg.path), reg.sha256
