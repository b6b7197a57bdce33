"""Message boxes, simple prompts and file pickers behind one seam, so tests replace a single object.

Buttons carry Indonesian texts (Qt ships no Indonesian catalogue). Windows shows its own file dialog
in the system's language; elsewhere Qt's dialog is used, with sizes and dates in Indonesian.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QInputDialog, QMessageBox, QTreeView, QWidget

SIZE_COLUMN, DATE_COLUMN = 1, 3


class IndonesianFileModel(QIdentityProxyModel):
    """Qt's file dialog formats sizes ("0 bytes") and dates with the system locale, which on a Linux
    machine is often English; this shows them in the application's Indonesian locale."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        source = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and isinstance(source, QFileSystemModel):
            if index.column() == SIZE_COLUMN:
                original = self.mapToSource(index)
                return "" if source.isDir(original) else QLocale().formattedDataSize(source.size(original))
            if index.column() == DATE_COLUMN:
                return QLocale().toString(source.lastModified(self.mapToSource(index)), "dd/MM/yyyy HH.mm")
        return super().data(index, role)


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

    def file_dialog(
        self, parent: QWidget | None, title: str, filters: str, mode: QFileDialog.FileMode, suggested: str = ""
    ) -> QFileDialog:
        """A file dialog for opening (``mode``) or, with ``AnyFile``, saving; ``suggested`` is a path."""
        dialog = QFileDialog(parent, title, "", filters)
        dialog.setFileMode(mode)
        if mode == QFileDialog.FileMode.AnyFile:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if suggested:
            dialog.selectFile(suggested)
        if sys.platform != "win32":
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setProxyModel(IndonesianFileModel(dialog))
            dialog.resize(900, 540)
            for view in dialog.findChildren(QTreeView):  # the detail view: room for "02/12/2026 14.05"
                width = view.fontMetrics().horizontalAdvance("00/00/0000 00.00") + 24
                view.header().resizeSection(DATE_COLUMN, width)
        return dialog

    def _chosen(self, dialog: QFileDialog) -> list[str]:
        return list(dialog.selectedFiles()) if dialog.exec() else []

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> str | None:
        chosen = self._chosen(self.file_dialog(parent, title, filters, QFileDialog.FileMode.ExistingFile))
        return chosen[0] if chosen else None

    def open_files(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        return self._chosen(self.file_dialog(parent, title, filters, QFileDialog.FileMode.ExistingFiles))

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
        chosen = self._chosen(self.file_dialog(parent, title, filters, QFileDialog.FileMode.AnyFile, suggested))
        return chosen[0] if chosen else None

    def choose_folder(self, parent: QWidget | None, title: str, start: str) -> str | None:
        dialog = self.file_dialog(parent, title, "", QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        if start:
            dialog.setDirectory(start)
        chosen = self._chosen(dialog)
        return chosen[0] if chosen else None
