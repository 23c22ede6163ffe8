"""Kill every operation but import at swept moments; prove the archive and its backup survive.

    python -m bench.fault_stress --kills 50 [--ops withdraw,grant-form,transcript,reindex,
                                 backup,restore,purge,empty-trash,export-bag,import-bag,
                                 exhibit-export,rebuild-derived] [--seed N]

For each operation the command is timed once unhindered, then run `kills`
times in a forked child that is SIGKILLed after a delay swept across the
whole run (kill i lands at (i + random) / kills of its duration, so the
kills cover it every few milliseconds). After each kill:

- the archive passes `consistency_problems` (integrity, originals, sweep,
  audit log matching the catalogue);
- withdraw: the person's records are all withdrawn or all still granted, and
  a researcher sees none of the person's items once they are withdrawn;
- transcript: the item has no segments or all of them;
- reindex: a search still answers;
- backup: the newest generation in the destination restores clean;
- restore: the folder either refuses to open (marked unfinished) or is a
  consistent archive, and restoring again completes it;
- purge (of a person, due): once the archive is opened again the person is
  either all there or all gone, and then no byte of the folder holds their
  surname (a killed purge's disk part is finished at that open);
- empty-trash: the trashed items are all still in the trash or all gone, each
  deletion audited, and once the archive is opened again none of their files
  is left in media/ (the open finishes a killed wipe);
- encrypt: once opened again the folder is the plain archive or the encrypted
  one (never a mix: no journal left, no plain catalogue beside an encrypted
  one), and verify passes;
- grant-form: a consent with a 4 MB signed form is recorded whole or not at
  all (no form stored and referenced by nothing: the consistency check sees
  an orphan in media/);
- export-bag, exhibit-export: the destination is absent or a whole copy (the
  bag validates; the exhibit's files match its manifest), and running the
  export again succeeds and leaves nothing beside the destination;
- import-bag: the archive holds whole items only, and importing again
  completes the set;
- rebuild-derived: every derived file in place decodes, a photograph with
  blur regions never has an unblurred thumbnail, and running it again
  completes the set;
- and a backup made before the kills still restores clean.

The operation's own `memoria` command runs in the child (forked after the
imports, so a round costs milliseconds) in its own process group, and the
whole group is killed (the decoder and index workers with it, as in a power
cut). POSIX only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.fault_checks import consistency_problems, one_person_consenting_everywhere

VTT_LINES = 300
EXHIBIT = "muestra"


@dataclass
class OpResult:
    op: str
    kills: int = 0
    finished_before_kill: int = 0
    seconds_per_run: float = 0.0
    failures: list[str] = field(default_factory=list)


def _quiet_main(argv: list[str]) -> int:
    from memoria.cli import main

    with open(os.devnull, "w") as null:
        old_out, old_err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = null
        try:
            return main(argv)
        finally:
            sys.stdout, sys.stderr = old_out, old_err


def make_template(workdir: Path) -> dict[str, object]:
    """A demo archive with one person consenting on every item, a transcript, a backup."""
    from memoria.storage.archive import Archive

    template = workdir / "template"
    assert _quiet_main(["demo", str(template)]) == 0
    with Archive.open(template) as archive:
        person_id = one_person_consenting_everywhere(archive)
        audio = archive.conn.execute(
            "SELECT accession FROM items WHERE kind = 'audio' AND id NOT IN "
            "(SELECT item_id FROM segments) ORDER BY id LIMIT 1").fetchone()[0]
    lines = ["WEBVTT", ""]
    for n in range(VTT_LINES):
        lines += [f"00:{n // 60:02d}:{n % 60:02d}.000 --> 00:{n // 60:02d}:{n % 60:02d}.900",
                  f"<v Narradora>Frase número {n} del relato.", ""]
    vtt = workdir / "relato.vtt"
    vtt.write_text("\n".join(lines), encoding="utf-8")
    backup = workdir / "good-backup"
    assert _quiet_main(["backup", str(backup), "--archive", str(template)]) == 0
    base: dict[str, object] = {"template": template, "person": person_id, "audio": audio,
                               "vtt": vtt, "backup": backup}
    base.update(_outbound_template(workdir, template))
    return base


def _outbound_template(workdir: Path, template: Path) -> dict[str, object]:
    """An exhibit of every item, blur regions on every photograph (whose derived files
    are then removed), a bag to import, a signed form to record, and the digests of
    the blurred thumbnails."""
    from memoria.media import derive
    from memoria.storage.archive import Archive
    from memoria.storage.exhibits import set_blur_regions

    argv = ["--archive", str(template)]
    assert _quiet_main(["exhibit", "create", EXHIBIT, "--title", "Muestra", *argv]) == 0
    with Archive.open(template) as archive:
        accessions = [r[0] for r in archive.conn.execute(
            "SELECT accession FROM items ORDER BY id")]
        photos = [r[0] for r in archive.conn.execute(
            "SELECT DISTINCT b.sha256 FROM blobs b JOIN media_files m ON m.sha256 = b.sha256 "
            "WHERE b.mime LIKE 'image/%' ORDER BY b.sha256")]
        for sha in photos:
            set_blur_regions(archive, sha, [(0.1, 0.1, 0.4, 0.4)])
    for accession in accessions:
        _quiet_main(["exhibit", "add", EXHIBIT, accession, *argv])  # refused ones: left out
    bag = workdir / "bag"
    assert _quiet_main(["export-bag", "--all", str(bag), *argv]) == 0
    form = workdir / "firma.pdf"  # big enough that storing it takes a while
    form.write_bytes(b"%PDF-1.4\n" + random.Random(18).randbytes(4 << 20))
    assert _quiet_main(["rebuild-derived", *argv]) == 0
    blurred = {sha: _digest(derive.existing(template / "derived", sha)[derive.THUMB])
               for sha in photos}  # what the blurred thumbnails must be
    for variant in ("thumbs", "access"):  # rebuild-derived will remake the photographs'
        shutil.rmtree(template / "derived" / variant, ignore_errors=True)
    return {"bag": bag, "bag_items": len(accessions), "form": form,
            "blurred": blurred}


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def restores_clean(backup: Path, scratch: Path) -> list[str]:
    target = scratch / f"restore-{time.time_ns()}"
    try:
        code = _quiet_main(["restore", str(backup), str(target)])
        if code != 0:
            return [f"restore of {backup.name} exited {code}"]
        return consistency_problems(target)
    finally:
        shutil.rmtree(target, ignore_errors=True)


class Op:
    """One operation under test: a fresh state, the command, and what must hold after."""

    name = ""

    def __init__(self, base: dict[str, object], work: Path) -> None:
        self.base, self.work = base, work
        self.archive = work / "archive"

    def fresh(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        shutil.copytree(Path(str(self.base["template"])), self.archive)

    def argv(self) -> list[str]:
        raise NotImplementedError

    def check(self) -> list[str]:
        return consistency_problems(self.archive)


class Withdraw(Op):
    name = "withdraw"

    def argv(self) -> list[str]:
        return ["consent", "withdraw", f"person:{self.base['person']}", "--reason",
                "la persona lo pidió", "--archive", str(self.archive)]

    def check(self) -> list[str]:
        problems = consistency_problems(self.archive)
        conn = sqlite3.connect(self.archive / "catalogue.sqlite")
        statuses = {r[0] for r in conn.execute(
            "SELECT status FROM consents WHERE person_id = ?", (self.base["person"],))}
        conn.close()
        if len(statuses) > 1:
            problems.append(f"person half-withdrawn: {sorted(statuses)}")
        if statuses == {"withdrawn"}:
            from memoria.access import visible_item_ids
            from memoria.domain.consent import Audience
            from memoria.storage.archive import Archive

            with Archive.open(self.archive, writable=False) as archive:
                theirs = {r[0] for r in archive.conn.execute(
                    "SELECT item_id FROM item_people WHERE person_id = ?",
                    (self.base["person"],))}
                seen = theirs & visible_item_ids(archive, Audience.RESEARCHER)
            if seen:
                problems.append(f"withdrawn, yet a researcher sees items {sorted(seen)}")
        return problems


class Transcript(Op):
    name = "transcript"

    def argv(self) -> list[str]:
        return ["transcript", "import", str(self.base["audio"]), str(self.base["vtt"]),
                "--archive", str(self.archive)]

    def check(self) -> list[str]:
        problems = consistency_problems(self.archive)
        conn = sqlite3.connect(self.archive / "catalogue.sqlite")
        count = conn.execute("SELECT COUNT(*) FROM segments s JOIN items i ON i.id = s.item_id "
                             "WHERE i.accession = ?", (self.base["audio"],)).fetchone()[0]
        conn.close()
        if count not in (0, VTT_LINES):
            problems.append(f"half a transcript: {count} of {VTT_LINES} segments")
        return problems


class Reindex(Op):
    name = "reindex"

    def argv(self) -> list[str]:
        return ["reindex", "--procs", "1", "--archive", str(self.archive)]

    def check(self) -> list[str]:
        problems = consistency_problems(self.archive)
        if _quiet_main(["search", "de", "--json", "--archive", str(self.archive)]) != 0:
            problems.append("a search after the killed reindex failed")
        return problems


class Backup(Op):
    name = "backup"

    def fresh(self) -> None:
        if not self.work.exists():  # one destination for all rounds: generations pile up
            super().fresh()
            shutil.copytree(Path(str(self.base["backup"])), self.work / "dest")
        self.dest = self.work / "dest"

    def argv(self) -> list[str]:
        return ["backup", str(self.dest), "--keep", "3", "--archive", str(self.archive)]

    def check(self) -> list[str]:
        return restores_clean(self.dest, self.work)


class Restore(Op):
    name = "restore"

    def fresh(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        self.target = self.work / "restored"

    def argv(self) -> list[str]:
        return ["restore", str(self.base["backup"]), str(self.target)]

    def check(self) -> list[str]:
        from memoria.storage.archive import RESTORING, Archive, ArchiveError

        problems = []
        unfinished = (self.target / RESTORING).exists()
        if unfinished:
            try:
                Archive.open(self.target, writable=False).close()
                problems.append("a half-restored folder opened as an archive")
            except ArchiveError:
                pass
        elif self.target.exists() and any(self.target.iterdir()):
            return consistency_problems(self.target)  # it finished before the kill
        if _quiet_main(["restore", str(self.base["backup"]), str(self.target)]) != 0:
            problems.append("restoring again into the killed restore's folder failed")
        else:
            problems += consistency_problems(self.target)
        return problems


class Purge(Op):
    name = "purge"
    surname = "Marín Cardona"  # the demo's first narrator (person 1), shared items purged too

    def fresh(self) -> None:
        from memoria.storage.archive import Archive

        super().fresh()
        assert _quiet_main(["purge", "person:1", "--reason", "Rosa Elena Marín lo pidió",
                            "--basis", "Ley 1581 de 2012", "--shared", "purge",
                            "--archive", str(self.archive)]) == 0
        with Archive.open(self.archive) as archive:  # the waiting period is over
            archive.conn.execute("UPDATE purges SET not_before = '2000-01-01T00:00:00+00:00'")

    def argv(self) -> list[str]:
        return ["purge", "--confirm", "1", "--archive", str(self.archive)]

    def check(self) -> list[str]:
        from memoria.storage.archive import Archive

        problems = consistency_problems(self.archive)  # the open finishes a killed purge
        with Archive.open(self.archive, writable=False) as archive:
            state = archive.conn.execute("SELECT state FROM purges WHERE id = 1").fetchone()[0]
            person = archive.conn.execute("SELECT COUNT(*) FROM people WHERE id = 1"
                                          ).fetchone()[0]
            items = archive.conn.execute("SELECT COUNT(*) FROM items WHERE id IN (1, 10)"
                                         ).fetchone()[0]
        if state == "pending" and (person, items) != (1, 2):
            problems.append(f"purge still pending but person {person}, items {items} left")
        elif state != "pending":
            if state != "done" or person or items:
                problems.append(f"purge {state}: person {person}, items {items} left")
            needle = self.surname.encode()
            problems += [f"{p.relative_to(self.archive)} still holds the surname"
                         for p in self.archive.rglob("*") if p.is_file()
                         and needle in p.read_bytes()]
        return problems


class EmptyTrash(Op):
    """`memoria empty-trash --yes` of the photographs and the first testimony: after a
    kill the items are all still in the trash or all gone (each deletion audited), and
    once the archive is opened again no file of theirs is left in media/ (the open
    finishes a killed wipe; `consistency_problems` counts strays)."""

    name = "empty-trash"

    def fresh(self) -> None:
        super().fresh()
        with _catalogue(self.archive) as conn:
            self.ids = [r[0] for r in conn.execute(
                "SELECT id FROM items WHERE kind = 'photograph' OR id = 1 ORDER BY id")]
        assert _quiet_main(["trash", *map(str, self.ids), "--archive", str(self.archive)]) == 0

    def argv(self) -> list[str]:
        return ["empty-trash", "--yes", "--archive", str(self.archive)]

    def check(self) -> list[str]:
        problems = consistency_problems(self.archive)  # the open finishes a killed wipe
        marks = ",".join("?" * len(self.ids))
        with _catalogue(self.archive) as conn:
            left = conn.execute(f"SELECT COUNT(*) FROM items WHERE id IN ({marks})",
                                self.ids).fetchone()[0]
            trashed = conn.execute("SELECT COUNT(*) FROM trash").fetchone()[0]
            audited = conn.execute(
                "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'item' AND action ="
                f" 'delete' AND entity_id IN ({marks})", self.ids).fetchone()[0]
            pending = conn.execute("SELECT COUNT(*) FROM trash_wipe").fetchone()[0]
        if (left, trashed, audited) not in ((len(self.ids), len(self.ids), 0),
                                            (0, 0, len(self.ids))):
            problems.append(f"half-emptied trash: {left} items, {trashed} trashed, "
                            f"{audited} deletions audited")
        if pending:
            problems.append(f"{pending} files still listed for removal after an open")
        return problems


class Encrypt(Op):
    """`memoria encrypt` of the plain template: after a kill the folder is the plain archive
    or the encrypted one (its next open settles the journal), never a mix; verify passes."""

    name = "encrypt"
    passphrase = "frase de la prueba de cortes"

    def fresh(self) -> None:
        super().fresh()
        os.environ["MEMORIA_ACCOUNT"] = "ana"  # inherited by the forked child
        os.environ["MEMORIA_PASSPHRASE"] = self.passphrase

    def argv(self) -> list[str]:
        return ["encrypt", "--archive", str(self.archive)]

    def check(self) -> list[str]:
        from memoria.crypto import keys as keyslots
        from memoria.storage.archive import Archive, ArchiveError
        from memoria.storage.encrypt_journal import JOURNAL
        from memoria.trust.fixity import verify_archive

        os.environ.pop("MEMORIA_ACCOUNT", None)
        os.environ.pop("MEMORIA_PASSPHRASE", None)
        with contextlib.suppress(ArchiveError):
            Archive.open(self.archive, writable=False).close()  # settles a killed switch
        problems = [f"{JOURNAL} left behind"] if (self.archive / JOURNAL).exists() else []
        if not keyslots.is_encrypted(self.archive):
            return problems + consistency_problems(self.archive)
        keys = keyslots.unlock(self.archive, "ana", self.passphrase)
        with Archive.open(self.archive, keys=keys) as archive:
            report = verify_archive(archive)
        needle = b"SQLite format 3"
        problems += [f"{p.relative_to(self.archive)} is a plain SQLite file"
                     for p in self.archive.rglob("*.sqlite*") if p.is_file()
                     and p.read_bytes()[:15] == needle]
        return problems + ([] if report.ok else [report.summary()])


class GrantForm(Op):
    name = "grant-form"

    def argv(self) -> list[str]:
        return ["consent", "grant", f"person:{self.base['person']}", "--scope", "research",
                "--form",
                str(self.base["form"]), "--obtained-by", "la archivista", "--archive",
                str(self.archive)]

    def check(self) -> list[str]:
        problems = consistency_problems(self.archive)  # an unreferenced form is an orphan
        with _catalogue(self.archive) as conn:
            lost = conn.execute("SELECT COUNT(*) FROM consents WHERE form_sha256 IS NOT NULL "
                                "AND form_sha256 NOT IN (SELECT sha256 FROM blobs)").fetchone()
        if lost[0]:
            problems.append(f"{lost[0]} consents name a form that is not stored")
        return problems


class _Outbound(Op):
    """An export to a folder outside the archive: absent or whole, and a rerun cleans up."""

    def fresh(self) -> None:
        super().fresh()
        self.out = self.work / "out"
        self.out.mkdir()
        self.dest = self.out / "copy"

    def whole(self) -> list[str]:
        raise NotImplementedError

    def check(self) -> list[str]:
        problems = consistency_problems(self.archive)
        if self.dest.exists() and any(self.dest.iterdir()):
            return problems + self.whole()  # it finished before the kill
        if _quiet_main(self.argv()) != 0:
            return problems + ["running the export again after the kill failed"]
        problems += self.whole()
        left = sorted(p.name for p in self.out.iterdir() if p != self.dest)
        return problems + ([f"left beside the export: {left}"] if left else [])


class ExportBag(_Outbound):
    name = "export-bag"

    def argv(self) -> list[str]:
        return ["export-bag", "--all", str(self.dest), "--archive", str(self.archive)]

    def whole(self) -> list[str]:
        import bagit

        try:
            bagit.Bag(str(self.dest)).validate()
        except (bagit.BagError, bagit.BagValidationError) as exc:
            return [f"a bag was left that does not validate: {exc}"]
        return []


class ExhibitExport(_Outbound):
    name = "exhibit-export"

    def argv(self) -> list[str]:
        return ["exhibit", "export", EXHIBIT, str(self.dest), "--archive", str(self.archive)]

    def whole(self) -> list[str]:
        import json

        manifest = self.dest / "manifest.json"
        if not manifest.is_file():
            return ["an exhibit folder was left without its manifest"]
        listed = {f["path"]: f["sha256"] for f in json.loads(manifest.read_text())["files"]}
        found = {p.relative_to(self.dest).as_posix(): _digest(p)
                 for p in self.dest.rglob("*") if p.is_file() and p != manifest}
        return [] if listed == found else ["the exhibit's files differ from its manifest"]


class ImportBag(Op):
    name = "import-bag"

    def fresh(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        assert _quiet_main(["init", str(self.archive)]) == 0

    def argv(self) -> list[str]:
        return ["import-bag", str(self.base["bag"]), "--archive", str(self.archive)]

    def check(self) -> list[str]:
        from bench.crash_stress import check_after_crash

        problems = check_after_crash(self.archive) + consistency_problems(self.archive)
        if _quiet_main(self.argv()) != 0:
            return problems + ["importing the bag again after the kill failed"]
        with _catalogue(self.archive) as conn:
            count = conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
        if count != self.base["bag_items"]:
            problems.append(f"importing again gave {count} of {self.base['bag_items']} items")
        return problems


class RebuildDerived(Op):
    name = "rebuild-derived"

    def argv(self) -> list[str]:
        return ["rebuild-derived", "--archive", str(self.archive)]

    def derived_problems(self) -> list[str]:
        from PIL import Image

        from memoria.media import derive

        problems = []
        derived = self.archive / "derived"
        for path in derived.rglob("*.jpg"):
            if derive.INCOMING in path.relative_to(derived).parts:
                continue
            try:
                with Image.open(path) as image:
                    image.load()
            except (OSError, SyntaxError) as exc:
                problems.append(f"a derived file does not decode: {path.name} ({exc})")
        blurred = dict(self.base["blurred"])  # type: ignore[call-overload]
        for sha, expected in blurred.items():
            thumb = derive.existing(derived, sha).get(derive.THUMB)
            if thumb is not None and _digest(thumb) != expected:
                problems.append(f"an unblurred thumbnail of a blurred photograph: {sha[:12]}")
        return problems

    def check(self) -> list[str]:
        problems = consistency_problems(self.archive) + self.derived_problems()
        if _quiet_main(self.argv()) != 0:
            return problems + ["rebuild-derived after the kill failed"]
        from memoria.media import derive

        missing = [sha[:12] for sha in dict(self.base["blurred"])  # type: ignore[call-overload]
                   if derive.THUMB not in derive.existing(self.archive / "derived", sha)]
        problems += [f"thumbnails still missing after a rerun: {missing}"] if missing else []
        return problems + self.derived_problems()


@contextlib.contextmanager
def _catalogue(archive: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(archive / "catalogue.sqlite")
    try:
        yield conn
    finally:
        conn.close()


OPS: dict[str, type[Op]] = {op.name: op for op in (
    Withdraw, GrantForm, Transcript, Reindex, Backup, Restore, ExportBag, ImportBag,
    ExhibitExport, RebuildDerived, Purge, EmptyTrash, Encrypt)}


def _timed(op: Op) -> float:
    """The shorter of two unhindered runs (the first pays for warming caches)."""
    took = []
    for _ in range(2):
        op.fresh()
        start = time.perf_counter()
        code = _quiet_main(op.argv())
        took.append(time.perf_counter() - start)
        if code != 0:
            raise RuntimeError(f"{op.name} fails even without a kill (exit {code})")
    return min(took)


def _forget_parents_forkserver() -> None:
    """A forked child must start its own decoder forkserver: the parent's is not its child
    (multiprocessing would wait for it and fail with ECHILD)."""
    from multiprocessing import forkserver

    server = forkserver._forkserver  # type: ignore[attr-defined]
    for attribute in ("_forkserver_pid", "_forkserver_address", "_forkserver_alive_fd"):
        setattr(server, attribute, None)


def run_op(name: str, kills: int, seed: int, base: dict[str, object], workdir: Path,
           log: Callable[[str], None] = lambda _s: None) -> OpResult:
    rng = random.Random(seed)
    op = OPS[name](base, workdir / name)
    result = OpResult(name)
    result.seconds_per_run = _timed(op)
    for i in range(kills):
        op.fresh()
        delay = (i + rng.random()) * result.seconds_per_run / kills
        pid = os.fork()
        if pid == 0:  # the child: run the command, never return into the parent's code
            code = 70
            try:
                os.setpgid(0, 0)
                _forget_parents_forkserver()
                code = _quiet_main(op.argv())
            finally:
                os._exit(code)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # whichever of the two runs first
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)  # the command and its workers, as a power cut
        _pid, status = os.waitpid(pid, 0)
        if not os.WIFSIGNALED(status):
            result.finished_before_kill += 1
            if os.WEXITSTATUS(status) != 0:  # it stopped by itself: that is a failure too
                result.failures.append(f"{name} run {i} exited {os.WEXITSTATUS(status)} "
                                       "without a kill")
                log(result.failures[-1])
                break
        result.kills += 1
        problems = op.check()
        problems += [f"the earlier backup: {p}" for p in
                     restores_clean(Path(str(base["backup"])), workdir)] if i % 10 == 0 else []
        if problems:
            result.failures.append(f"{name} kill {i} at {delay * 1000:.0f} ms: {problems}")
            log(result.failures[-1])
            break
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=50, help="kills per operation")
    parser.add_argument("--ops", default=",".join(OPS))
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"seed {seed} (rerun with --seed {seed})")
    failed = False
    with tempfile.TemporaryDirectory(prefix="memoria-faults-") as tmp:
        base = make_template(Path(tmp))
        for name in args.ops.split(","):
            result = run_op(name, args.kills, seed, base, Path(tmp), log=print)
            print(f"{name:<11} {result.kills} kills, {result.finished_before_kill} finished "
                  f"first, run {result.seconds_per_run * 1000:.0f} ms: "
                  + ("FAILED" if result.failures else "all consistent"))
            failed = failed or bool(result.failures)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
