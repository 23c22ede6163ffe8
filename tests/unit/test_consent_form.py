"""A consent and its signed form are recorded together or not at all (issues 16 and 18).

The command line, the consent editor and the demo all call
`consent_form.record_with_form`; a refused grant, a refused form or a kill
leaves no stored form referenced by nothing."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import time

import pytest
from PIL import Image

from memoria.domain.model import ConsentStatus, Kind, Role, Scope
from memoria.importing import consent_form
from memoria.importing.ingest import Refused
from memoria.importing.probe import sniff
from memoria.storage import authorities, consents, driver
from memoria.storage import items as item_store
from memoria.storage.archive import Archive
from memoria.storage.consents import ConsentTerms
from memoria.trust.fixity import media_on_disk
from tests.conftest import make_jpeg
from tests.unit.test_cli import memoria

GRANTED = ConsentTerms(status=ConsentStatus.GRANTED, scopes={Scope.RESEARCH})


def _testimony(archive: Archive) -> tuple[int, int]:
    ana = authorities.add_person(archive, "Ana Restrepo").id
    item_id = item_store.create_item(archive, item_store.ItemFields(
        kind=Kind.TESTIMONY, title="Testimonio", people=[(ana, Role.NARRATOR)]))
    return item_id, ana


def unreferenced(archive: Archive) -> list[str]:
    """Stored originals or blob rows that nothing refers to: what must never remain."""
    q = archive.conn.execute
    blobs = {sha: path for sha, path in q("SELECT sha256, path FROM blobs")}
    used = {r[0] for r in q("SELECT sha256 FROM media_files")}
    used |= {r[0] for r in q("SELECT form_sha256 FROM consents WHERE form_sha256 IS NOT NULL")}
    problems = [f"blob referenced by nothing: {p}" for s, p in blobs.items() if s not in used]
    problems += [f"original with no blob: {p}"
                 for p in sorted(media_on_disk(archive.root) - set(blobs.values()))]
    problems += [f"consent form missing: {s}" for s in used if s not in blobs]
    problems += [f"left in tmp/: {p.name}" for p in (archive.root / "tmp").iterdir()]
    return problems


def test_form_and_consent_are_recorded_together(archive, tmp_path):
    item_id, ana = _testimony(archive)
    (cid,) = consent_form.record_with_form(archive, [ana], [item_id], GRANTED,
                                           make_jpeg(tmp_path / "firma.jpg"), reason="firmado")
    record = consents.records_for_item(archive, item_id)[0]
    assert record.id == cid and record.form_sha256
    mime, technical = archive.conn.execute(
        "SELECT mime, technical FROM blobs WHERE sha256 = ?", (record.form_sha256,)).fetchone()
    assert mime == "image/jpeg" and '"role": "consent_form"' in technical
    assert unreferenced(archive) == []


@pytest.mark.parametrize("person, terms, error", [
    (999, GRANTED, driver.IntegrityError),  # an unknown person
    (None, ConsentTerms(status=ConsentStatus.GRANTED), consents.ConsentError),  # no scope
])
def test_a_refused_grant_keeps_no_form(archive, tmp_path, person, terms, error):
    item_id, ana = _testimony(archive)
    with pytest.raises(error):
        consent_form.record_with_form(archive, [person or ana], [item_id], terms,
                                      make_jpeg(tmp_path / "firma.jpg"))
    assert consents.records_for_item(archive, item_id) == []
    assert archive.conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0
    assert unreferenced(archive) == [] and not media_on_disk(archive.root)


def test_a_form_for_nobody_is_refused(archive, tmp_path):
    item_id, _ana = _testimony(archive)
    with pytest.raises(consents.ConsentError):
        consent_form.record_with_form(archive, [], [item_id], GRANTED,
                                      make_jpeg(tmp_path / "firma.jpg"))
    assert not media_on_disk(archive.root) and unreferenced(archive) == []


def test_a_truncated_form_is_refused_before_anything_is_written(archive, tmp_path):
    item_id, ana = _testimony(archive)
    cut = tmp_path / "firma.jpg"
    Image.effect_noise((256, 256), 80).convert("RGB").save(cut, quality=95)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    with pytest.raises(Refused) as refused:
        consent_form.record_with_form(archive, [ana], [item_id], GRANTED, cut)
    assert refused.value.code == "truncated"
    assert consents.records_for_item(archive, item_id) == []
    assert not media_on_disk(archive.root) and unreferenced(archive) == []


def test_command_line_refusals_name_the_form_and_store_nothing(tmp_path):
    arch = tmp_path / "arch"
    memoria("init", arch)
    with Archive.open(arch) as archive:
        _testimony(archive)
    form = make_jpeg(tmp_path / "firma.jpg")
    result = memoria("consent", "grant", "1", "--scope", "research", "--person", "Nadie",
                     "--form", form, archive=arch, check=False)
    assert result.returncode != 0 and "Nadie" in result.stderr
    assert "Traceback" not in result.stderr
    empty = tmp_path / "vacia.jpg"
    empty.write_bytes(b"")
    result = memoria("consent", "grant", "1", "--scope", "research", "--form", empty,
                     archive=arch, check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("No consent was recorded: the signed form vacia.jpg could not be stored because "
            "the file is empty (0 bytes).") in result.stderr
    result = memoria("consent", "grant", "1", "--scope", "research", "--form", empty,
                     "--lang", "es", archive=arch, check=False)
    assert "el formulario firmado «vacia.jpg» no se pudo guardar" in result.stderr
    with Archive.open(arch) as archive:
        assert archive.conn.execute("SELECT COUNT(*) FROM consents").fetchone()[0] == 0
        assert unreferenced(archive) == [] and not media_on_disk(archive.root)
    memoria("consent", "grant", "1", "--scope", "research", "--form", form, archive=arch)
    with Archive.open(arch) as archive:
        (sha,) = archive.conn.execute("SELECT form_sha256 FROM consents").fetchone()
        assert sha and unreferenced(archive) == []


def _grant_in_child(path, form, kill_before_commit: bool) -> None:
    try:
        with Archive.open(path) as archive:
            if kill_before_commit:  # the form is in media/, its consent not yet committed
                real = consents.record_consent

                def killed(*args, **kwargs):
                    real(*args, **kwargs)
                    os.kill(os.getpid(), signal.SIGKILL)
                consents.record_consent = killed
            item_id = archive.conn.execute("SELECT MAX(id) FROM items").fetchone()[0]
            person = archive.conn.execute("SELECT MAX(id) FROM people").fetchone()[0]
            consent_form.record_with_form(archive, [person], [item_id], GRANTED, form,
                                          probe_fn=sniff)
    finally:
        os._exit(0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL")
def test_a_kill_while_recording_a_form_leaves_nothing_unreferenced(archive, tmp_path):
    """Killed just before the commit, then at random moments across the whole grant.

    Stress run: MEMORIA_CRASH_ROUNDS=500 pytest tests/unit/test_consent_form.py -k kill
    """
    seed = int(os.environ.get("MEMORIA_CRASH_SEED", random.randrange(2**32)))
    print(f"crash test seed: {seed} (rerun with MEMORIA_CRASH_SEED={seed})")
    rng = random.Random(seed)
    path = archive.root
    archive.close()
    outcomes = []
    rounds = int(os.environ.get("MEMORIA_CRASH_ROUNDS", "25"))  # a stress run: 500
    for round_ in range(rounds):
        form = tmp_path / f"firma_{round_}.pdf"  # big enough that copying it takes a while
        form.write_bytes(b"%PDF-1.4\n" + rng.randbytes(4 << 20))
        with Archive.open(path) as arch:
            _testimony(arch)
        pid = os.fork()
        if pid == 0:
            _grant_in_child(path, form, kill_before_commit=round_ == 0)
        if round_:
            time.sleep(rng.uniform(0, 0.15))
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with Archive.open(path) as arch:  # the start-up sweep runs here
            assert unreferenced(arch) == [], f"round {round_} (seed {seed})"
            outcomes.append(arch.conn.execute("SELECT COUNT(*) FROM consents").fetchone()[0])
    assert outcomes[0] == 0  # killed before its commit: no consent, and no form
