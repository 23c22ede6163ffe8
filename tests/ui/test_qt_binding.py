"""The Qt binding must keep Python's reference counts straight.

PySide6 6.12.0 under Python 3.11 dropped one reference to None on every Qt
call that returns nothing; the app then aborted with "deallocating None"
after painting a few hundred list rows. Python 3.12+ hides it (None is
immortal there), so this checks the count itself.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QColor, QImage, QPainter


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_do_not_steal_references_to_none(qapp):
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            painter.setPen(QColor("red"))
            painter.drawRect(0, 0, 1, 1)
        lost = before - sys.getrefcount(None)
    finally:
        painter.end()
    assert lost < 100, f"the Qt binding lost {lost} references to None in 4000 calls"
