"""Small things a user meets (issue 15, item 13): an export says where the file went and opens it
or its folder; a restore starts in the backups folder; no English word is left on the SOP status."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from protokol_desktop.ui.dialog_service import DialogService

# The message box is shown for real here; offscreen cannot size a top-level to its hints.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def opened(monkeypatch):
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


def _click_when_shown(qtbot, button_text: str, seen: list[str]) -> None:
    """Answer the message box the way a person does: click the button with ``button_text``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize(("button", "choice"), [("Buka berkas", "berkas"), ("Buka folder", "folder"), ("Tutup", None)])
def test_an_export_message_opens_the_file_or_its_folder(qtbot, tmp_path, opened, button, choice):
    written = tmp_path / "ekspor" / "AMB-SAMBUTAN.xlsx"
    written.parent.mkdir()
    written.write_bytes(b"x")
    seen: list[str] = []
    _click_when_shown(qtbot, button, seen)
    assert DialogService().file_written(None, "Ekspor berhasil", "SOP AMB-SAMBUTAN disimpan ke:", written) == choice
    assert seen == [f"SOP AMB-SAMBUTAN disimpan ke:\n\n{written}"]
    expected = {"berkas": [written], "folder": [written.parent], None: []}[choice]
    assert [Path(url.toLocalFile()) for url in opened] == expected


def test_exports_from_the_pages_go_through_the_message_with_buttons(main_window, qtbot, dialogs, tmp_path):
    from PySide6.QtCore import Qt

    window, controller = main_window
    window.navigation.setCurrentRow(window.pages.indexOf(window.agenda))
    dialogs.files = [str(tmp_path / "agenda.xlsx")]
    qtbot.mouseClick(window.agenda.export_button, Qt.MouseButton.LeftButton)
    window.navigation.setCurrentRow(window.pages.indexOf(window.complaints))
    dialogs.files = [str(tmp_path / "pengaduan.xlsx")]
    qtbot.mouseClick(window.complaints.export_button, Qt.MouseButton.LeftButton)
    assert [(title, Path(path)) for title, _, path in dialogs.written] == [
        ("Agenda diekspor", tmp_path / "agenda.xlsx"),
        ("Ekspor berhasil", tmp_path / "pengaduan.xlsx"),
    ]
    assert all(Path(path).is_file() for _, _, path in dialogs.written)
    assert dialogs.errors == []


def test_restore_opens_in_the_backups_folder(main_window, qtbot, dialogs):
    from PySide6.QtCore import Qt

    from protokol_desktop.services import backup

    window, controller = main_window
    window.navigation.setCurrentRow(window.pages.indexOf(window.trust))
    qtbot.mouseClick(window.trust.restore_button, Qt.MouseButton.LeftButton)  # then cancelled
    folder = backup.backup_folder(controller.context.paths)
    assert dialogs.starts == [str(folder)]
    assert folder.name == "backup" and "ekspor" not in dialogs.starts[0]


def test_the_sop_status_is_in_indonesian(qtbot, dialogs):
    from protokol_desktop.store.seed import seed_sops
    from protokol_desktop.ui.dialogs.sop_editor import SopEditorDialog
    from protokol_desktop.ui.library.controller import STATUS_LABELS

    sop = next(s for s in seed_sops() if s.code == "AMB-SAMBUTAN")
    dialog = SopEditorDialog(sop, dialogs)
    qtbot.addWidget(dialog)
    assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == ["Draf", "Berlaku"]
    assert STATUS_LABELS["draft"] == "Draf"
