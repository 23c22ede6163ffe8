"""Promise: under a stream of consent changes every search answers, and no item is
shown to an audience after its withdrawal returned.

A separate process (as the window would be) withdraws and re-grants consent
200 times, logging when each change started and returned; meanwhile this
process runs `memoria search` for every audience. An item shown by a search
that started after a withdrawal returned, with no re-grant begun before the
search ended, is a breach.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from memoria.cli import main

CHANGES = 200

WRITER = """
import sys, time
from memoria.storage.archive import Archive
from memoria.storage import consents
from memoria.domain.model import ConsentStatus

root, log_path, changes = sys.argv[1], sys.argv[2], int(sys.argv[3])
with Archive.open(root) as archive, open(log_path, "w") as log:
    granted = [r for r in consents.all_records(archive)
               if r.status is ConsentStatus.GRANTED and r.covers_whole_items]
    done = 0
    while done < changes:
        for record in granted:
            if done >= changes:
                break
            items = " ".join(map(str, sorted(record.item_ids)))
            start = time.time()
            consents.withdraw_many(archive, [record.id], "carga")
            log.write(f"withdrawn {start} {time.time()} {items}\\n"); log.flush()
            current = consents.get_record(archive, record.id)
            start = time.time()
            terms = consents.ConsentTerms(ConsentStatus.GRANTED, set(current.scopes),
                                          anonymisation=set(current.anonymisation),
                                          pseudonym=current.pseudonym)
            new_id = consents.record_consent(archive, current.person_id, current.item_ids,
                                             terms, reason="carga")
            log.write(f"granted {start} {time.time()} {items}\\n"); log.flush()
            granted[granted.index(record)] = consents.get_record(archive, new_id)
            done += 2
            time.sleep(0.03)
"""


@pytest.mark.slow
def test_searches_never_fail_nor_show_a_withdrawn_item(tmp_path, capsys):
    root = tmp_path / "demo"
    assert main(["demo", str(root)]) == 0
    assert main(["reindex", "--procs", "1", "--archive", str(root)]) == 0
    log = tmp_path / "changes.log"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(root), str(log),
                               str(CHANGES)], env=env, stderr=subprocess.PIPE, text=True)
    searches, failures, shown = 0, [], []
    audiences = ["researcher", "public", "curator", "custodian"]
    try:
        while writer.poll() is None or searches < 8:
            audience = audiences[searches % len(audiences)]
            capsys.readouterr()
            started = time.time()
            code = main(["search", "de", "--as", audience, "--json", "--archive", str(root)])
            ended = time.time()
            out, err = capsys.readouterr()
            searches += 1
            if code != 0 or "Traceback" in err:
                failures.append(err)
                continue
            ids = [item["id"] for item in json.loads(out)["items"]]
            shown.append((audience, started, ended, ids))
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert failures == []
    events = [line.split(maxsplit=3) for line in log.read_text().splitlines()]
    assert len(events) == CHANGES
    breaches = []
    for audience, started, ended, ids in shown:
        if audience in ("custodian", "curator"):
            continue  # withdrawal hides from researchers and the public
        for item in ids:
            history = [(kind, float(a), float(b)) for kind, a, b, items in events
                       if item in map(int, items.split())]
            withdrawn_before = [b for kind, _a, b in history if kind == "withdrawn" and b < started]
            if not withdrawn_before:
                continue
            last = max(withdrawn_before)
            regranted = [a for kind, a, _b in history if kind == "granted" and last < a < ended]
            if not regranted:
                breaches.append((audience, item, started))
    assert breaches == []
    print(f"{searches} searches during {CHANGES} consent changes")
