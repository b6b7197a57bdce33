"""Message boxes, simple prompts and file pickers behind one seam, so tests replace a single object.

Buttons carry Indonesian texts (Qt ships no Indonesian catalogue). Windows shows its own file dialog
in the system's language; elsewhere Qt's dialog is used, with sizes and dates in Indonesian.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

SIZE_COLUMN, DATE_COLUMN = 1, 3


# Qt's dialog classes are reached through their module when a dialog is first shown: making their
# Python types would cost a start that shows none of them a few milliseconds.


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    return QtWidgets.QMessageBox(icon, title, text, QtWidgets.QMessageBox.StandardButton.NoButton, parent)


PROMPT_WIDTH = 560


def fit_prompt(dialog: QWidget) -> None:
    """A prompt whose question is long (the missing requirements of a file, say) wraps it over lines
    instead of growing past the screen."""
    from .screen_fit import room

    width = min(PROMPT_WIDTH, room(dialog).width())
    for label in dialog.findChildren(QtWidgets.QLabel):
        label.setWordWrap(True)
        label.setMaximumWidth(width - 24)
    dialog.setMaximumWidth(width)


class DialogService:
    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        box = _box(parent, QtWidgets.QMessageBox.Icon.Information, title, text)
        box.addButton("Tutup", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        box = _box(parent, QtWidgets.QMessageBox.Icon.Warning, title, text)
        box.addButton("Tutup", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def file_written(self, parent: QWidget | None, title: str, text: str, path: Path | str) -> str | None:
        """An export is done: say where it went and offer to open the file or its folder. Returns
        ``"berkas"`` or ``"folder"`` for what was opened, ``None`` for *Tutup*."""
        target = Path(path)
        box = _box(parent, QtWidgets.QMessageBox.Icon.Information, title, f"{text}\n\n{target}")
        open_file = box.addButton("Buka berkas", QtWidgets.QMessageBox.ButtonRole.ActionRole)
        open_folder = box.addButton("Buka folder", QtWidgets.QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(box.addButton("Tutup", QtWidgets.QMessageBox.ButtonRole.RejectRole))
        box.exec()
        clicked = box.clickedButton()
        choice = "berkas" if clicked is open_file else "folder" if clicked is open_folder else None
        if choice is not None:
            self.open_path(parent, target if choice == "berkas" else target.parent)
        return choice

    def open_path(self, parent: QWidget | None, path: Path) -> bool:
        """Open a file or folder with the program Windows (or the desktop) uses for it."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self.error(parent, "Tidak dapat dibuka", f"{path} tidak dapat dibuka di PC ini. Bukalah dari Explorer.")
        return False

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = _box(parent, QtWidgets.QMessageBox.Icon.Question, title, text)
        yes = box.addButton("Ya", QtWidgets.QMessageBox.ButtonRole.YesRole)
        box.addButton("Tidak", QtWidgets.QMessageBox.ButtonRole.NoRole)
        box.exec()
        return box.clickedButton() is yes

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        dialog = QtWidgets.QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setOkButtonText("OK")
        dialog.setCancelButtonText("Batal")
        fit_prompt(dialog)
        if dialog.exec():
            return dialog.textValue()
        return None

    def file_dialog(
        self, parent: QWidget | None, title: str, filters: str, mode: QFileDialog.FileMode, suggested: str = ""
    ) -> QFileDialog:
        """A file dialog for opening (``mode``) or, with ``AnyFile``, saving; ``suggested`` is a path."""
        file_dialog = QtWidgets.QFileDialog
        dialog = file_dialog(parent, title, "", filters)
        dialog.setFileMode(mode)
        if mode == file_dialog.FileMode.AnyFile:
            dialog.setAcceptMode(file_dialog.AcceptMode.AcceptSave)
        if suggested:
            dialog.selectFile(suggested)
        if sys.platform != "win32":
            from .file_model import IndonesianFileModel

            dialog.setOption(file_dialog.Option.DontUseNativeDialog)
            dialog.setProxyModel(IndonesianFileModel(dialog))
            dialog.resize(900, 540)
            for view in dialog.findChildren(QtWidgets.QTreeView):  # the detail view: room for "02/12/2026 14.05"
                width = view.fontMetrics().horizontalAdvance("00/00/0000 00.00") + 24
                view.header().resizeSection(DATE_COLUMN, width)
        return dialog

    def _chosen(self, dialog: QFileDialog) -> list[str]:
        return list(dialog.selectedFiles()) if dialog.exec() else []

    def open_file(self, parent: QWidget | None, title: str, filters: str, start: str = "") -> str | None:
        """One existing file; ``start`` is the folder the dialog opens in."""
        dialog = self.file_dialog(parent, title, filters, QtWidgets.QFileDialog.FileMode.ExistingFile)
        if start:
            dialog.setDirectory(start)
        chosen = self._chosen(dialog)
        return chosen[0] if chosen else None

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        return self._chosen(self.file_dialog(parent, title, filters, QtWidgets.QFileDialog.FileMode.ExistingFiles))

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        mode = QtWidgets.QFileDialog.FileMode.AnyFile
        chosen = self._chosen(self.file_dialog(parent, title, filters, mode, suggested))
        return chosen[0] if chosen else None

    def choose_folder(self, parent: QWidget | None, title: str, start: str) -> str | None:
        dialog = self.file_dialog(parent, title, "", QtWidgets.QFileDialog.FileMode.Directory)
        dialog.setOption(QtWidgets.QFileDialog.Option.ShowDirsOnly)
        if start:
            dialog.setDirectory(start)
        chosen = self._chosen(dialog)
        return chosen[0] if chosen else None
