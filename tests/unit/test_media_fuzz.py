"""Damaged files of every kind end as MediaError, never as another exception.

A seeded mutation run over real files (flipped bytes, cuts, spliced garbage):
the catalogue and the UI rely on catching one exception type with a code.
"""

from __future__ import annotations

import random
import shutil

import pytest
from PIL import Image

from memoria.media.anonymise import strip_audio_metadata, strip_image_metadata, verify_stripped
from memoria.media.audio import compute_waveform, probe_audio
from memoria.media.errors import MediaError
from memoria.media.images import make_thumbnail, probe_image
from tests.unit.test_media_support import (
    AUDIO_FIXTURES,
    DATA,
    add_wav_metadata,
    jpeg_with_exif,
    jpeg_with_xmp,
    make_wav,
    tiff16_gray,
)


def seeds(folder):
    folder.mkdir()
    made = [jpeg_with_exif(folder / "a.jpg"), jpeg_with_xmp(folder / "b.jpg"),
            tiff16_gray(folder / "c.tif"), add_wav_metadata(make_wav(folder / "d.wav", 0.2))]
    Image.new("RGBA", (30, 30), (1, 2, 3, 100)).save(folder / "e.png")
    frames = [Image.new("RGB", (20, 20), c) for c in ((1, 2, 3), (200, 2, 3))]
    frames[0].save(folder / "f.gif", save_all=True, append_images=frames[1:])
    Image.new("RGB", (20, 20)).save(folder / "g.webp")
    made += [folder / "e.png", folder / "f.gif", folder / "g.webp"]
    for name in AUDIO_FIXTURES:
        made.append(folder / name)
        shutil.copy(DATA / name, made[-1])
    return made


def mutate(rng: random.Random, data: bytearray) -> bytes:
    op = rng.random()
    if op < 0.4:
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif op < 0.7:
        data = data[: rng.randrange(1, len(data))]
    else:
        at = rng.randrange(len(data))
        data[at : at + rng.randint(1, 64)] = rng.randbytes(rng.randint(0, 64))
    return bytes(data)


@pytest.mark.filterwarnings("ignore::UserWarning")  # Pillow narrates the damage it skips
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutated_media_only_ever_raise_media_error(tmp_path, seed):
    rng = random.Random(seed)
    sources = seeds(tmp_path / "seeds")
    leaked = []
    for i in range(60):
        src = rng.choice(sources)
        path = tmp_path / f"m{i}{src.suffix}"
        path.write_bytes(mutate(rng, bytearray(src.read_bytes())))
        for fn in (probe_image, probe_audio, verify_stripped,
                   lambda p: make_thumbnail(p, tmp_path / "out.jpg"),
                   lambda p: compute_waveform(p, 20),
                   lambda p: strip_image_metadata(p, tmp_path / "clean.jpg"),
                   lambda p: strip_audio_metadata(p, tmp_path / f"clean{p.suffix}")):
            try:
                fn(path)
            except MediaError:
                pass
            except Exception as exc:  # collected, to report every leak at once
                leaked.append(f"{src.name} #{i} {getattr(fn, '__name__', fn)}: {exc!r}")
    assert leaked == []
