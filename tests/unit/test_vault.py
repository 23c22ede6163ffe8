"""The vault: every byte of an encrypted archive's media/ and derived/ is ciphertext under
a keyed name; readers get the plaintext back (seekable); verify finds changed ciphertext."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from memoria.domain.model import Kind
from memoria.importing.importer import ImportOptions, import_paths
from memoria.media import derive
from memoria.storage import items as item_store
from memoria.trust.fixity import verify_archive
from tests.conftest import make_jpeg, make_wav


class TestKeys:
    """A fixed master key with the ArchiveKeys interface (subkey by HKDF)."""

    account, role = "ana", "custodian"

    def subkey(self, purpose: str) -> bytes:
        from cryptography.hazmat.primitives.hashes import SHA256
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        return HKDF(algorithm=SHA256(), length=32, salt=None,
                    info=b"memoria/" + purpose.encode()).derive(b"k" * 32)


def encrypt(archive):
    keys = getattr(archive, "keys", None)
    if keys is None:
        archive.keys = TestKeys()
    return archive


def import_one(archive, path: Path):
    report = import_paths(archive, [path], ImportOptions(kind=Kind.PHOTOGRAPH))
    (outcome,) = report.with_status("imported")
    return outcome


def test_plain_vault_keeps_todays_names_and_files(archive, tmp_path):
    photo = make_jpeg(tmp_path / "a.jpg", size=(300, 200))
    outcome = import_one(archive, photo)
    sha = outcome.sha256
    (media,) = item_store.media_of(archive, outcome.item_id)
    assert media.path == f"media/{sha[:2]}/{sha}.jpg"
    assert (archive.root / media.path).read_bytes() == photo.read_bytes()
    assert archive.vault.read_bytes(media.path) == photo.read_bytes()
    assert derive.existing(archive.vault, sha)[derive.THUMB].name.startswith(sha)


def test_encrypted_originals_and_derived_files_are_ciphertext_under_keyed_names(
        archive, tmp_path):
    encrypt(archive)
    photo = make_jpeg(tmp_path / "a.jpg", size=(900, 600))
    original = photo.read_bytes()
    outcome = import_one(archive, photo)
    sha = outcome.sha256
    (media,) = item_store.media_of(archive, outcome.item_id)
    stored = archive.root / media.path
    assert sha not in media.path and "." not in Path(media.path).name
    assert original[100:164] not in stored.read_bytes()
    assert archive.vault.read_bytes(media.path) == original
    with archive.vault.open_read(media.path) as handle:  # seekable plaintext
        handle.seek(500)
        assert handle.read(64) == original[500:564]
    # every file under media/ and derived/ is named without the hash and holds no plaintext
    thumb = derive.existing(archive.vault, sha)[derive.THUMB]
    for path in (archive.root / "media").rglob("*"):
        assert sha not in path.name
    for path in (archive.root / "derived").rglob("*"):
        assert sha not in path.name
        if path.is_file():
            assert path.read_bytes()[:3] != b"\xff\xd8\xff"
    picture = Image.open(io.BytesIO(archive.vault.read_bytes(archive.vault.relpath(thumb))))
    assert max(picture.size) == derive.THUMB_PX
    # rebuilt on demand from the encrypted original, in a worker, still encrypted
    made = derive.ensure_derivatives(archive, sha, force=True)
    assert set(made) == {derive.THUMB, derive.ACCESS}
    access = archive.vault.read_bytes(archive.vault.relpath(made[derive.ACCESS]))
    assert Image.open(io.BytesIO(access)).size == (900, 600)
    assert verify_archive(archive).ok


def test_encrypted_audio_gets_its_waveform_through_the_vault(archive, tmp_path):
    encrypt(archive)
    sound = make_wav(tmp_path / "e.wav")
    report = import_paths(archive, [sound], ImportOptions(kind=Kind.TESTIMONY))
    (outcome,) = report.with_status("imported")
    peaks = derive.read_waveform(archive.vault, outcome.sha256)
    assert peaks and len(peaks) <= derive.WAVEFORM_BUCKETS
    assert outcome.sha256 not in str(derive.waveform_path(archive.vault, outcome.sha256))


def test_verify_names_an_original_whose_ciphertext_changed(archive, tmp_path):
    encrypt(archive)
    outcome = import_one(archive, make_jpeg(tmp_path / "a.jpg", size=(300, 200)))
    (media,) = item_store.media_of(archive, outcome.item_id)
    stored = archive.root / media.path
    stored.chmod(0o600)
    data = bytearray(stored.read_bytes())
    data[100] ^= 1
    stored.write_bytes(bytes(data))
    report = verify_archive(archive)
    assert not report.ok
    accession = item_store.get_item(archive, outcome.item_id).accession
    assert report.changed == [f"{media.path} (damaged: the encrypted data was changed or moved;"
                              f" original of {accession})"]
    assert hashlib.sha256(bytes(data)).hexdigest() != outcome.sha256


def test_a_file_moved_onto_another_name_does_not_open(archive, tmp_path):
    encrypt(archive)
    a = import_one(archive, make_jpeg(tmp_path / "a.jpg", size=(300, 200)))
    b = import_one(archive, make_jpeg(tmp_path / "b.jpg", color=(1, 2, 3), size=(300, 200)))
    (ma,) = item_store.media_of(archive, a.item_id)
    (mb,) = item_store.media_of(archive, b.item_id)
    pa, pb = archive.root / ma.path, archive.root / mb.path
    pb.chmod(0o600)
    pb.write_bytes(pa.read_bytes())
    report = verify_archive(archive)
    assert [p.split(" ")[0] for p in report.changed] == [mb.path]


def test_a_killed_encrypted_import_leaves_only_ciphertext_and_the_sweep_removes_it(
        archive, tmp_path):
    from memoria.storage import media_store

    encrypt(archive)
    photo = make_jpeg(tmp_path / "a.jpg", size=(300, 200))
    staged = media_store.stage(archive, photo, "jpg")  # staged, never recorded: a kill now
    intents = list((archive.root / "tmp").glob("*.intent"))
    assert [p.name for p in intents] == [f"{Path(staged.relpath).name}.intent"]
    assert staged.sha256 not in intents[0].name
    assert photo.read_bytes()[:64] not in (archive.root / staged.relpath).read_bytes()
    assert media_store.sweep_orphans(archive) == [staged.relpath]
    assert not (archive.root / staged.relpath).exists()


@pytest.mark.parametrize("encrypted", [False, True])
def test_files_are_owner_only(archive, tmp_path, encrypted):
    if encrypted:
        encrypt(archive)
    outcome = import_one(archive, make_jpeg(tmp_path / "a.jpg", size=(300, 200)))
    (media,) = item_store.media_of(archive, outcome.item_id)
    assert (archive.root / media.path).stat().st_mode & 0o777 == 0o400
    for path in (archive.root / "derived" / "thumbs").rglob("*"):
        assert path.stat().st_mode & 0o077 == 0, path


def test_a_purge_finds_an_encrypted_originals_derived_files(archive, tmp_path):
    from memoria.storage.purge_wipe import _derived_of

    encrypt(archive)
    outcome = import_one(archive, make_jpeg(tmp_path / "a.jpg", size=(300, 200)))
    made = derive.ensure_derivatives(archive, outcome.sha256, force=True)
    assert sorted(_derived_of(archive, [outcome.sha256])) == sorted(made.values())


def test_an_encrypted_archive_without_its_keys_never_falls_back_to_plain(tmp_path):
    keys = pytest.importorskip("memoria.crypto.keys", reason="keys: not on main yet")
    from memoria.storage.archive import Archive
    from memoria.storage.vault import VaultLocked

    archive = Archive.create(tmp_path / "a", encrypt=True, account="ana",
                             passphrase="una frase larga de prueba", kdf=keys.KdfCost.FOR_TESTS)
    try:
        outcome = import_one(archive, make_jpeg(tmp_path / "a.jpg", size=(300, 200)))
        (media,) = item_store.media_of(archive, outcome.item_id)
        before = sorted(p for p in (archive.root / "derived").rglob("*") if p.is_file())
        archive.keys = None  # the keys forgotten (a lock) while this object lives on
        for call in (lambda: archive.vault.open_read(media.path),
                     lambda: archive.vault.stored_name(outcome.sha256, "jpg"),
                     lambda: archive.vault.write("derived/x", b"plain"),
                     lambda: derive.ensure_derivatives(archive, outcome.sha256, force=True)):
            with pytest.raises(VaultLocked):
                call()
        assert sorted(p for p in (archive.root / "derived").rglob("*") if p.is_file()) == before
    finally:
        archive.keys = None
        archive.close()
