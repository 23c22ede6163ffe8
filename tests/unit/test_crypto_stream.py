"""STREAM files: what is written reads back byte for byte at any offset, and any
change to the ciphertext (a flipped bit, swapped or dropped chunks, a cut at a chunk
boundary, another file's identity, another key) is refused with StreamDamaged."""

from __future__ import annotations

import io
import os
import random
import stat

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from memoria.crypto.stream import (
    CHUNK,
    HEADER,
    MAGIC,
    SEALED,
    StreamDamaged,
    StreamReader,
    StreamWriter,
    file_key,
    nonce,
    open_encrypted,
    plaintext_size,
)

KEY = bytes(range(32))
IDENTITY = b"index/gen-1/_MAIN_1.seg"


def seal(plain: bytes, key: bytes = KEY, identity: bytes = IDENTITY, pieces: int = 1) -> bytes:
    out = io.BytesIO()
    writer = StreamWriter(out, key, identity, close_dest=False)
    step = max(1, len(plain) // pieces)
    for start in range(0, len(plain), step):
        writer.write(plain[start:start + step])
    writer.close()
    return out.getvalue()


def unseal(blob: bytes, key: bytes = KEY, identity: bytes = IDENTITY) -> bytes:
    return StreamReader(io.BytesIO(blob), key, identity).read()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * 1024 * 1024 + 7])
def test_round_trip_at_chunk_edges(size: int) -> None:
    plain = os.urandom(size)
    for pieces in (1, 7):
        blob = seal(plain, pieces=pieces)
        assert len(blob) == HEADER + max(1, -(-size // CHUNK)) * 16 + size
        assert plaintext_size(len(blob)) == size
        reader = StreamReader(io.BytesIO(blob), KEY, IDENTITY)
        assert reader.size == size
        assert reader.read() == plain
        assert reader.read(10) == b""


def test_ciphertext_hides_the_plaintext_and_differs_each_time() -> None:
    plain = b"Rosa Elena Vargas vio la masacre de El Salado. " * 3000
    one, two = seal(plain), seal(plain)
    assert b"Vargas" not in one and b"Salado" not in one
    assert one != two  # a fresh salt (so a fresh key) every file


def test_first_chunk_is_plain_aes_gcm_as_documented() -> None:
    """An independent check of the layout against AESGCM itself."""
    plain = os.urandom(CHUNK + 100)
    blob = seal(plain)
    assert blob[:8] == MAGIC and blob[8] == 1
    salt, prefix = blob[9:41], blob[41:48]
    aead = AESGCM(file_key(KEY, salt, IDENTITY))
    first = blob[HEADER:HEADER + SEALED]
    assert aead.decrypt(prefix + b"\x00\x00\x00\x00\x00", first, IDENTITY) == plain[:CHUNK]
    last = blob[HEADER + SEALED:]
    assert aead.decrypt(nonce(prefix, 1, True), last, IDENTITY) == plain[CHUNK:]
    # and the key is the HKDF of RFC 5869 with the identity as info
    from cryptography.hazmat.primitives.hashes import SHA256
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF
    assert file_key(KEY, salt, IDENTITY) == HKDF(SHA256(), 32, salt, IDENTITY).derive(KEY)


def test_empty_file_is_one_empty_last_chunk() -> None:
    blob = seal(b"")
    assert len(blob) == HEADER + 16
    salt, prefix = blob[9:41], blob[41:48]
    assert AESGCM(file_key(KEY, salt, IDENTITY)).decrypt(
        nonce(prefix, 0, True), blob[HEADER:], IDENTITY) == b""


def test_random_seeks_read_what_the_plaintext_holds() -> None:
    rng = random.Random(13)
    plain = rng.randbytes(5 * CHUNK + 1234)
    reader = StreamReader(io.BytesIO(seal(plain)), KEY, IDENTITY, cache=2)
    for _ in range(500):
        pos = rng.randrange(0, len(plain) + 10)
        length = rng.choice([1, 4, 100, CHUNK - 3, CHUNK + 5, 3 * CHUNK])
        whence = rng.choice([0, 1, 2])
        if whence == 0:
            reader.seek(pos)
        elif whence == 1:
            reader.seek(pos - reader.tell(), 1)
        else:
            reader.seek(pos - len(plain), 2)
        assert reader.tell() == pos
        assert reader.read(length) == plain[pos:pos + length]
        assert reader.pread(pos, length) == plain[pos:pos + length]
    buf = bytearray(50)
    reader.seek(CHUNK - 25)
    assert reader.readinto(buf) == 50 and bytes(buf) == plain[CHUNK - 25:CHUNK + 25]


def test_truncation_at_a_chunk_boundary_is_found_by_the_last_flag() -> None:
    plain = os.urandom(3 * CHUNK + 10)
    blob = seal(plain)
    cut = blob[:HEADER + 2 * SEALED]  # two whole chunks: looks well formed
    assert plaintext_size(len(cut)) == 2 * CHUNK
    with pytest.raises(StreamDamaged) as err:
        StreamReader(io.BytesIO(cut), KEY, IDENTITY, name="indice/_MAIN_1.seg")
    assert "indice/_MAIN_1.seg" in err.value.sentence("es")
    assert "dañado" in err.value.sentence("es")
    assert "damaged" in err.value.sentence("en")
    # cut inside a tag, or only the header left
    for size in (HEADER + SEALED + 5, HEADER, HEADER + 3, 4):
        with pytest.raises(StreamDamaged):
            StreamReader(io.BytesIO(blob[:size]), KEY, IDENTITY)


def test_swapped_chunks_are_refused() -> None:
    plain = os.urandom(3 * CHUNK + 10)
    blob = seal(plain)
    c0 = blob[HEADER:HEADER + SEALED]
    c1 = blob[HEADER + SEALED:HEADER + 2 * SEALED]
    swapped = blob[:HEADER] + c1 + c0 + blob[HEADER + 2 * SEALED:]
    reader = StreamReader(io.BytesIO(swapped), KEY, IDENTITY)
    with pytest.raises(StreamDamaged):
        reader.pread(0, 10)
    with pytest.raises(StreamDamaged):
        reader.pread(CHUNK, 10)
    assert reader.pread(3 * CHUNK, 10) == plain[3 * CHUNK:]  # untouched chunks still read
    # a chunk moved from another file sealed with the same key and identity
    other = seal(os.urandom(3 * CHUNK + 10))
    spliced = blob[:HEADER + SEALED] + other[HEADER + SEALED:HEADER + 2 * SEALED] \
        + blob[HEADER + 2 * SEALED:]
    with pytest.raises(StreamDamaged):
        StreamReader(io.BytesIO(spliced), KEY, IDENTITY).pread(CHUNK, 1)


def test_a_flipped_bit_anywhere_is_refused() -> None:
    plain = os.urandom(2 * CHUNK + 77)
    blob = seal(plain)
    rng = random.Random(7)
    positions = [0, 8, 9, 40, 41, 47] + [rng.randrange(HEADER, len(blob)) for _ in range(20)]
    for pos in positions:
        bad = bytearray(blob)
        bad[pos] ^= 1 << rng.randrange(8)
        with pytest.raises(StreamDamaged):
            unseal(bytes(bad))


def test_wrong_identity_or_key_is_refused() -> None:
    blob = seal(b"testimonio" * 10)
    with pytest.raises(StreamDamaged):
        unseal(blob, identity=b"index/gen-1/_MAIN_2.seg")
    with pytest.raises(StreamDamaged):
        unseal(blob, key=bytes(32))
    assert unseal(blob) == b"testimonio" * 10


def test_a_file_written_is_owner_only_and_read_by_path(tmp_path) -> None:
    path = tmp_path / "blob.enc"
    plain = os.urandom(CHUNK * 2 + 3)
    with open_encrypted(path, KEY, IDENTITY, "wb") as out:
        out.write(plain[:5])
        out.write(memoryview(plain)[5:])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with open_encrypted(path, KEY, IDENTITY) as reader:
        assert reader.seekable()
        reader.seek(CHUNK - 1)
        assert reader.read(4) == plain[CHUNK - 1:CHUNK + 3]
    with pytest.raises(StreamDamaged) as err:
        open_encrypted(path, KEY, b"other")
    assert str(path) in err.value.sentence("en")


def test_readers_sharing_a_cache_stay_apart_and_within_its_budget() -> None:
    """Two files with the same key and identity (a rewrite) never meet each
    other's chunks, and the shared cache keeps to its byte budget."""
    from memoria.crypto.stream import ChunkCache

    cache = ChunkCache(3 * CHUNK + 500)
    old, new = os.urandom(4 * CHUNK), os.urandom(4 * CHUNK)
    a = StreamReader(io.BytesIO(seal(old)), KEY, IDENTITY, cache=cache)
    b = StreamReader(io.BytesIO(seal(new)), KEY, IDENTITY, cache=cache)
    rng = random.Random(3)
    for _ in range(200):
        pos = rng.randrange(0, 4 * CHUNK)
        assert a.pread(pos, 100) == old[pos:pos + 100]
        assert b.pread(pos, 100) == new[pos:pos + 100]
        assert len(cache) <= 3
    cache.clear()
    assert len(cache) == 0 and a.pread(5, 5) == old[5:10]


def test_a_shared_cache_never_spares_a_reader_its_own_check() -> None:
    """A chunk decrypted for one key or identity is not served to a reader of
    the same bytes under another key or identity: it fails as it would alone."""
    from memoria.crypto.stream import ChunkCache

    cache = ChunkCache(8 * CHUNK)
    blob = seal(os.urandom(2 * CHUNK))
    StreamReader(io.BytesIO(blob), KEY, IDENTITY, cache=cache).pread(0, 2 * CHUNK)
    assert len(cache) == 2
    with pytest.raises(StreamDamaged):
        StreamReader(io.BytesIO(blob), bytes(32), IDENTITY, cache=cache)
    with pytest.raises(StreamDamaged):
        StreamReader(io.BytesIO(blob), KEY, b"another file", cache=cache)
