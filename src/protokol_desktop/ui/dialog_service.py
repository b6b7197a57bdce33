"""Message boxes and simple prompts behind one seam, so tests replace a single object.

Buttons carry Indonesian texts (Qt ships no Indonesian catalogue).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    return box


class DialogService:
    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        box = _box(parent, QMessageBox.Icon.Information, title, text)
        box.addButton("Tutup", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        box = _box(parent, QMessageBox.Icon.Warning, title, text)
        box.addButton("Tutup", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = _box(parent, QMessageBox.Icon.Question, title, text)
        yes = box.addButton("Ya", QMessageBox.ButtonRole.YesRole)
        box.addButton("Tidak", QMessageBox.ButtonRole.NoRole)
        box.exec()
        return box.clickedButton() is yes

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setOkButtonText("OK")
        dialog.setCancelButtonText("Batal")
        if dialog.exec():
            return dialog.textValue()
        return None

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(paths)

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None
