"""Promise: a full disk stops any operation with one sentence, never a traceback,
nothing half-written, and the archive consistent afterwards.

Each operation runs through `memoria`'s own `main` on a real tmpfs of a few
megabytes (made by the test; root only), filled so that it runs out of space
at many points of the operation: the sweep measures how much the operation
writes with room to spare, then leaves 0 %, 5 %, ... 95 % of that free.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.fault_checks import SmallDisk, consistency_problems, one_person_consenting_everywhere
from memoria.cli import main
from tests.conftest import make_jpeg, make_wav

POINTS = 12
CAUSE = ("espacio", "space")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The fictional demo archive, with one person's consent spread over many records."""
    root = tmp_path_factory.mktemp("template")
    arch = root / "archive"
    assert main(["demo", str(arch)]) == 0
    from memoria.storage.archive import Archive

    with Archive.open(arch) as archive:
        person_id = one_person_consenting_everywhere(archive)
    (root / "person").write_text(str(person_id))
    batch = root / "batch"
    batch.mkdir()
    for i in range(6):
        make_jpeg(batch / f"foto_{i}.jpg", color=(i * 30, 20, 90), size=(120 + i, 90))
        make_wav(batch / f"voz_{i}.wav", seconds=0.4 + i / 10, freq=300 + 40 * i)
    lines = ["WEBVTT", ""]
    for n in range(300):
        lines += [f"00:{n // 60:02d}:{n % 60:02d}.000 --> 00:{n // 60:02d}:{n % 60:02d}.900",
                  f"<v Narradora>Frase número {n} del relato, sobre el río y la casa.", ""]
    (root / "relato.vtt").write_text("\n".join(lines), encoding="utf-8")
    return root


@pytest.fixture
def disk(tmp_path):
    small = SmallDisk(tmp_path / "disk", size=24 * 1024 * 1024)
    if not small.mount():
        pytest.skip("needs root to mount a small tmpfs")
    yield small
    small.unmount()


def _audio_item(archive_path: Path) -> str:
    """An audio item without a transcript (read from the template: the small disk is full)."""
    import sqlite3

    conn = sqlite3.connect(archive_path / "catalogue.sqlite")
    try:
        return conn.execute("SELECT accession FROM items WHERE kind = 'audio' AND id NOT IN "
                            "(SELECT item_id FROM segments) ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def _sweep(disk: SmallDisk, template: Path, capsys, setup, argv, check) -> list[str]:
    """Run `argv(paths)` once with room, then at POINTS fill levels; return the sentences."""
    def fresh() -> dict[str, Path]:
        for entry in disk.mountpoint.iterdir():
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        return setup(disk.mountpoint)

    paths = fresh()
    disk.unfill()
    before = disk.free()
    assert main(argv(paths)) == 0, capsys.readouterr().err
    needed = before - disk.free()  # what stays written (a WAL may come and go)
    levels = sorted({*(needed * k // POINTS for k in range(POINTS)),
                     *(4096 << k for k in range(POINTS // 2))})
    sentences = []
    for level in levels:
        paths = fresh()
        capsys.readouterr()
        disk.leave(level)
        code = main(["--lang", "es", *argv(paths)])  # a traceback would raise here
        err = capsys.readouterr().err
        disk.unfill()
        assert "Traceback" not in err
        if code != 0:
            last = err.strip().splitlines()[-1]  # the sentence (an import lists files first)
            assert any(word in last for word in CAUSE), err
            sentences.append(last)
        assert check(paths) == [], (level, err)
    assert sentences, "the disk never ran out: the sweep tested nothing"
    return sentences


def _archive_on_disk(template: Path):
    def setup(mount: Path) -> dict[str, Path]:
        shutil.copytree(template / "archive", mount / "archive")
        return {"archive": mount / "archive"}
    return setup


def _check_archive(paths: dict[str, Path]) -> list[str]:
    return consistency_problems(paths["archive"])


def test_import_on_a_full_disk(disk, template, capsys):
    _sweep(disk, template, capsys, _archive_on_disk(template),
           lambda p: ["import", str(template / "batch"), "--archive", str(p["archive"])],
           _check_archive)


def test_transcript_import_on_a_full_disk(disk, template, capsys):
    accession = _audio_item(template / "archive")
    _sweep(disk, template, capsys, _archive_on_disk(template),
           lambda p: ["transcript", "import", accession,
                      str(template / "relato.vtt"), "--archive", str(p["archive"])],
           _check_archive)


def test_person_withdrawal_on_a_full_disk_is_all_or_nothing(disk, template, capsys):
    person = (template / "person").read_text()

    def check(paths: dict[str, Path]) -> list[str]:
        import sqlite3

        conn = sqlite3.connect(paths["archive"] / "catalogue.sqlite")
        statuses = {r[0] for r in conn.execute(
            "SELECT status FROM consents WHERE person_id = ?", (int(person),))}
        conn.close()
        half = ["half withdrawn"] if statuses == {"granted", "withdrawn"} else []
        return half + _check_archive(paths)

    _sweep(disk, template, capsys, _archive_on_disk(template),
           lambda p: ["consent", "withdraw", f"person:{person}", "--reason", "pidió retirarlo",
                      "--archive", str(p["archive"])], check)


def test_reindex_on_a_full_disk(disk, template, capsys):
    def check(paths: dict[str, Path]) -> list[str]:
        index = paths["archive"] / "index"
        debris = [p.name for p in index.iterdir() if p.is_dir() and p.name.startswith("b")]
        return [f"half-built index left: {debris}"] if debris else _check_archive(paths)

    _sweep(disk, template, capsys, _archive_on_disk(template),
           lambda p: ["reindex", "--procs", "1", "--archive", str(p["archive"])], check)


def test_verify_on_a_full_disk(disk, template, capsys):
    _sweep(disk, template, capsys, _archive_on_disk(template),
           lambda p: ["verify", "--archive", str(p["archive"])], _check_archive)


def _backup_setup(template: Path, incremental: bool):
    def setup(mount: Path) -> dict[str, Path]:
        archive = template / "archive"
        dest = mount / "backup"
        if incremental:
            assert main(["backup", str(dest), "--archive", str(archive)]) == 0
        return {"archive": archive, "dest": dest}
    return setup


def _check_backup(paths: dict[str, Path]) -> list[str]:
    """No debris, and the destination's newest generation (old or new) restores clean."""
    import tempfile

    dest = paths["dest"]
    debris = [p.name for p in dest.rglob("*") if p.name.endswith((".part", ".building"))]
    if debris:
        return [f"debris in the backup: {debris}"]
    if not (dest / "catalogue.sqlite").exists():
        return []  # a first backup that failed: nothing to restore, nothing claimed
    with tempfile.TemporaryDirectory() as scratch:
        if main(["restore", str(dest), str(Path(scratch) / "r")]) != 0:
            return ["the backup no longer restores"]
        return consistency_problems(Path(scratch) / "r")


def test_full_backup_onto_a_full_disk(disk, template, capsys):
    _sweep(disk, template, capsys, _backup_setup(template, incremental=False),
           lambda p: ["backup", str(p["dest"]), "--archive", str(p["archive"])], _check_backup)


def test_incremental_backup_onto_a_full_disk(disk, template, capsys, tmp_path):
    grown = tmp_path / "grown"
    shutil.copytree(template / "archive", grown / "archive")
    assert main(["import", str(template / "batch"), "--archive", str(grown / "archive")]) == 0

    def setup(mount: Path) -> dict[str, Path]:
        dest = mount / "backup"
        assert main(["backup", str(dest), "--archive", str(template / "archive")]) == 0
        return {"archive": grown / "archive", "dest": dest}

    _sweep(disk, template, capsys, setup,
           lambda p: ["backup", str(p["dest"]), "--archive", str(p["archive"])], _check_backup)


def test_a_read_only_disk_is_one_sentence_for_every_writer(disk, template, capsys):
    import subprocess

    shutil.copytree(template / "archive", disk.mountpoint / "archive")
    archive = disk.mountpoint / "archive"
    person = (template / "person").read_text()
    subprocess.run(["mount", "-o", "remount,ro", str(disk.mountpoint)], check=True)
    try:
        for argv in (["import", str(template / "batch")],
                     ["consent", "withdraw", f"person:{person}", "--reason", "x"],
                     ["verify"], ["reindex", "--procs", "1"]):
            capsys.readouterr()
            code = main(["--lang", "es", *argv, "--archive", str(archive)])
            err = capsys.readouterr().err
            assert code != 0 and "Traceback" not in err, (argv, err)
            assert "solo lectura" in err.strip().splitlines()[-1], (argv, err)
        capsys.readouterr()
        code = main(["--lang", "es", "backup", str(disk.mountpoint / "bk"),
                     "--archive", str(template / "archive")])
        err = capsys.readouterr().err
        assert code != 0 and "solo lectura" in err and str(disk.mountpoint) in err, err
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(disk.mountpoint)], check=True)
    assert consistency_problems(archive) == []


def _outbound_check(archive: Path, whole):
    """The archive consistent; the destination absent or whole; nothing left beside it."""
    def check(paths: dict[str, Path]) -> list[str]:
        dest = paths["dest"]
        left = sorted(p.name for p in dest.parent.iterdir()
                      if p != dest and p.name != ".filler")
        problems = [f"left beside {dest.name}: {left}"] if left else []
        if dest.exists() and any(dest.iterdir()):
            problems += whole(dest)
        return problems + consistency_problems(archive)
    return check


def _bag_whole(dest: Path) -> list[str]:
    import bagit

    try:
        bagit.Bag(str(dest)).validate()
    except (bagit.BagError, bagit.BagValidationError) as exc:
        return [f"a bag that does not validate was left: {exc}"]
    return []


def test_export_bag_onto_a_full_disk(disk, template, capsys, tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(template / "archive", archive)

    def setup(mount: Path) -> dict[str, Path]:
        (mount / "stick").mkdir()
        return {"archive": archive, "dest": mount / "stick" / "bag"}

    _sweep(disk, template, capsys, setup,
           lambda p: ["export-bag", "--all", str(p["dest"]), "--archive", str(p["archive"])],
           _outbound_check(archive, _bag_whole))


def test_export_bag_of_an_archive_on_a_full_disk(disk, template, capsys):
    """The bag fits, but the archive's own disk is full when the copy is registered."""
    def setup(mount: Path) -> dict[str, Path]:
        shutil.copytree(template / "archive", mount / "archive")
        (mount / "out").mkdir()
        return {"archive": mount / "archive", "dest": mount / "out" / "bag"}

    def check(paths: dict[str, Path]) -> list[str]:
        return _outbound_check(paths["archive"], _bag_whole)(paths)

    _sweep(disk, template, capsys, setup,
           lambda p: ["export-bag", "--all", str(p["dest"]), "--archive", str(p["archive"])],
           check)
