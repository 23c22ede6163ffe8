"""UI fixtures: a session on a real temporary archive, tasks run inline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from memoria.ui.session import Session
from memoria.ui.tasks import TaskRunner


@pytest.fixture
def session(archive, qtbot):
    """A Session over the `archive` fixture's folder, with a synchronous runner so
    background work (search, writes) has finished when the call returns."""
    path = archive.root
    archive.close()
    sess = Session(path, TaskRunner(synchronous=True))
    yield sess
    sess.close()


@pytest.fixture
def settings(tmp_path):
    """Window state kept in a throwaway file, never the user's own settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def museum(archive, tmp_path):
    """The exhibits test archive: an item in every consent state (tests/unit support)."""
    from tests.unit.test_exhibits_support import build_museum

    return build_museum(archive, tmp_path / "sources")


@pytest.fixture
def msession(museum, qtbot):
    path = museum.arch.root
    museum.arch.close()
    sess = Session(path, TaskRunner(synchronous=True))
    yield sess
    sess.close()
