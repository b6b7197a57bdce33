"""The Qt binding must not lose references to None: PySide6 6.12.0 does on CPython < 3.12, and the
app then aborts ("none_dealloc") after a few thousand paints. pyproject.toml pins it out."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFont, QImage, QPainter


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from CPython 3.12 on")
def test_painting_keeps_none_alive(qapp):
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.drawRect(0, 0, 1, 1)
        font.setBold(True)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 50  # the interpreter's own churn, not one per call
