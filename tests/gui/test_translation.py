"""Qt's own buttons and menus speak Indonesian, and the shipped catalogue matches its source."""

from __future__ import annotations

import re
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


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # offscreen platform
def test_file_dialog_speaks_indonesian(qtbot, tmp_path):
    """Qt's own file dialog (used outside Windows): labels from the catalogue, sizes and dates in the
    Indonesian locale, not the system's."""
    import sys

    from PySide6.QtWidgets import QFileDialog, QLabel

    from protokol_desktop.ui.dialog_service import DATE_COLUMN, SIZE_COLUMN, DialogService

    if sys.platform == "win32":
        pytest.skip("Windows shows its own dialog")
    create_application()
    (tmp_path / "laporan.xlsx").write_bytes(b"x" * 10)
    dialog = DialogService().file_dialog(
        None, "Simpan laporan", "Excel (*.xlsx)", QFileDialog.FileMode.AnyFile, str(tmp_path / "rekap.xlsx")
    )
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert {"Cari di:", "Nama berkas:", "Jenis berkas:"} <= labels
    model = dialog.proxyModel()
    root = model.mapFromSource(model.sourceModel().index(str(tmp_path)))
    qtbot.waitUntil(lambda: model.rowCount(root) == 1)
    size = model.index(0, SIZE_COLUMN, root).data()
    date = model.index(0, DATE_COLUMN, root).data()
    assert size == "10 byte", size
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d\.\d\d", date), date
    assert QCoreApplication.translate("QFileSystemModel", "Computer") == "Komputer"
