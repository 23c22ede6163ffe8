"""Promise: a window action stopped by the disk says one sentence naming the file."""

from __future__ import annotations

import errno

from memoria.ui.tasks import TaskRunner


def test_a_full_disk_in_a_window_action_is_one_sentence(qtbot, capsys):
    runner = TaskRunner(synchronous=True)
    said = []

    def write_copy(progress, cancelled):
        raise OSError(errno.ENOSPC, "No space left on device", "/respaldo/media/ab.jpg")

    runner.run(write_copy, on_error=said.append)
    assert len(said) == 1
    assert "/respaldo/media/ab.jpg" in said[0]
    assert "espacio" in said[0] or "space" in said[0]
    assert "Traceback" not in capsys.readouterr().err  # a fault of the disk is not a bug
