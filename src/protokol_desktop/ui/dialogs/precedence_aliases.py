"""The alias table of titles ("Sebutan jabatan"): the shipped aliases and the office's own, with a
form to add one ("Kaban Kesbang" = "Kepala Badan Kesbangpol") that previews where it will rank.

The dialog only lays out and forwards: the caller hands it the service calls (list, add, remove,
preview), each returning an error message or ``None``, as the intake dialog does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..dialog_service import DialogService
from ..models.rows import Row, RowsModel
from ..widgets import read_only_table

HEADERS = ["Sebutan", "Jabatan yang dimaksud", "Golongan (UU 9/2010)", "Asal"]
OWN_COLOUR = "#1b5e20"


class AliasDialog(QDialog):
    def __init__(
        self,
        rows: Callable[[], Sequence[Any]],
        add: Callable[[str, str], str | None],
        remove: Callable[[str], str | None],
        preview: Callable[[str, str], str],
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sebutan Jabatan")
        self.setMinimumSize(820, 520)
        self._rows, self._add, self._remove, self._preview = rows, add, remove, preview
        self._dialogs = dialogs
        self.changed = False

        layout = QVBoxLayout(self)
        note = QLabel(
            "Sebutan dan singkatan yang diketik petugas dibaca sebagai jabatan yang dikenal urutan UU 9/2010. "
            "Sebutan bawaan tidak dapat dihapus; sebutan kantor dengan ejaan yang sama menggantikannya."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.model = RowsModel(HEADERS, self)
        self.table = read_only_table(self.model, widths=(170, 260, 280))
        layout.addWidget(self.table, 1)
        form = QHBoxLayout()
        self.alias = QLineEdit()
        self.alias.setPlaceholderText("Sebutan, mis. Kaban Kesbang")
        self.meaning = QLineEdit()
        self.meaning.setPlaceholderText("Jabatan yang dimaksud, mis. Kepala Badan Kesbangpol")
        self.add_button = QPushButton("Tambah sebutan")
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton("Hapus sebutan kantor")
        self.remove_button.setAutoDefault(False)
        form.addWidget(self.alias, 2)
        form.addWidget(self.meaning, 3)
        form.addWidget(self.add_button)
        form.addWidget(self.remove_button)
        layout.addLayout(form)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        layout.addWidget(self.preview_label)
        buttons = QDialogButtonBox()
        buttons.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.alias.textChanged.connect(self._show_preview)
        self.meaning.textChanged.connect(self._show_preview)
        self.meaning.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.reload()
        self._show_preview()

    def reload(self) -> None:
        self.model.set_rows(
            [
                Row(
                    (r.alias, r.meaning, r.group, "bawaan (diganti kantor)" if r.replaced else "bawaan" if r.builtin
                     else "kantor"),
                    key=r.alias,
                    colour=None if r.builtin else OWN_COLOUR,
                )  # fmt: skip
                for r in self._rows()
            ]
        )

    def _show_preview(self) -> None:
        self.preview_label.setText(self._preview(self.alias.text(), self.meaning.text()))

    def add(self) -> bool:
        error = self._add(self.alias.text(), self.meaning.text())
        if error:
            self._dialogs.error(self, "Sebutan tidak ditambah", error)
            return False
        self.changed = True
        self.alias.clear()
        self.meaning.clear()
        self.reload()
        self.alias.setFocus()
        return True

    def remove(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._dialogs.error(self, "Sebutan tidak dihapus", "Pilih dulu sebutan kantor yang akan dihapus")
            return False
        error = self._remove(str(self.model.row(rows[0].row()).key))
        if error:
            self._dialogs.error(self, "Sebutan tidak dihapus", error)
            return False
        self.changed = True
        self.reload()
        return True

    @classmethod
    def edit(
        cls,
        rows: Callable[[], Sequence[Any]],
        add: Callable[[str, str], str | None],
        remove: Callable[[str], str | None],
        preview: Callable[[str, str], str],
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> bool:
        """Show the table; ``True`` when an alias was added or removed."""
        dialog = cls(rows, add, remove, preview, dialogs, parent)
        dialog.exec()
        return dialog.changed
