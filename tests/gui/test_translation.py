"""Qt's own buttons and menus speak Indonesian, and the shipped catalogue matches its source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from protokol_desktop.paths import resource_dir
from protokol_desktop.ui.app import create_application


def test_standard_buttons_are_indonesian(qtbot):
    create_application()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert "Batal" in texts
    message = QMessageBox(
        QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(message)
    assert {b.text().replace("&", "") for b in message.buttons()} == {"Ya", "Tidak"}
    assert QCoreApplication.translate("QPlatformTheme", "Close") == "Tutup"


def test_compiled_catalogue_is_up_to_date(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists() and not shutil.which("pyside6-lrelease"):
        pytest.skip("pyside6-lrelease not installed")
    source = resource_dir() / "translations" / "qtbase_id.ts"
    out = tmp_path / "qtbase_id.qm"
    subprocess.run(
        [str(lrelease if lrelease.exists() else "pyside6-lrelease"), str(source), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (resource_dir() / "translations" / "qtbase_id.qm").read_bytes()
