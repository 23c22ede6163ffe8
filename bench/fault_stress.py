"""Kill every operation but import at swept moments; prove the archive and its backup survive.

    python -m bench.fault_stress --kills 50 [--ops withdraw,transcript,reindex,backup,restore]
                                 [--seed N]

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
- encrypt: once opened again the folder is the plain archive or the encrypted
  one (never a mix: no journal left, no plain catalogue beside an encrypted
  one), and verify passes;
- and a backup made before the kills still restores clean.

The operation's own `memoria` command runs in the child (forked after the
imports, so a round costs milliseconds). POSIX only.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.fault_checks import consistency_problems, one_person_consenting_everywhere

VTT_LINES = 300


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
    return {"template": template, "person": person_id, "audio": audio, "vtt": vtt,
            "backup": backup}


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
        import sqlite3

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
        import sqlite3

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


OPS: dict[str, type[Op]] = {op.name: op for op in (Withdraw, Transcript, Reindex, Backup,
                                                   Restore, Purge, Encrypt)}


def _timed(op: Op) -> float:
    """The shortest of three unhindered runs (the first pays for warming caches)."""
    took = []
    for _ in range(3):
        op.fresh()
        start = time.perf_counter()
        code = _quiet_main(op.argv())
        took.append(time.perf_counter() - start)
        if code != 0:
            raise RuntimeError(f"{op.name} fails even without a kill (exit {code})")
    return min(took)


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
            try:
                _quiet_main(op.argv())
            finally:
                os._exit(0)
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _pid, status = os.waitpid(pid, 0)
        if not os.WIFSIGNALED(status):
            result.finished_before_kill += 1
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
