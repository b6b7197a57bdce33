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


class _TableDialog(QDialog):
    """The frame both tables share: a note, the table, the subclass's own rows of controls, *Tutup*;
    ``changed`` says whether anything was saved while it was open."""

    def __init__(self, title: str, size: tuple[int, int], note_text: str, headers: list[str],
                 widths: tuple[int, ...], dialogs: DialogService, parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(*size)
        self._dialogs = dialogs
        self.changed = False
        self.body = QVBoxLayout(self)
        note = QLabel(note_text)
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.model = RowsModel(headers, self)
        self.table = read_only_table(self.model, widths=widths)
        self.body.addWidget(self.table, 1)

    def _add_close_button(self) -> None:
        buttons = QDialogButtonBox()
        buttons.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.body.addWidget(buttons)

    def _selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(self.model.row(rows[0].row()).key) if rows else None

    def _saved(self, error: str | None, failure_title: str) -> bool:
        """After a service call: its error said (False), or marked as changed (True); the caller shows
        the table anew."""
        if error:
            self._dialogs.error(self, failure_title, error)
            return False
        self.changed = True
        return True

    @classmethod
    def edit(cls, *args: Any, **kwargs: Any) -> bool:
        """Show the dialog (its own constructor's arguments); ``True`` when anything was saved."""
        dialog = cls(*args, **kwargs)
        dialog.exec()
        return dialog.changed


class AliasDialog(_TableDialog):
    def __init__(
        self,
        rows: Callable[[], Sequence[Any]],
        add: Callable[[str, str], str | None],
        remove: Callable[[str], str | None],
        preview: Callable[[str, str], str],
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Sebutan Jabatan", (820, 520),
            "Sebutan dan singkatan yang diketik petugas dibaca sebagai jabatan yang dikenal urutan UU 9/2010. "
            "Sebutan bawaan tidak dapat dihapus; sebutan kantor dengan ejaan yang sama menggantikannya.",
            HEADERS, (170, 260, 280), dialogs, parent,
        )  # fmt: skip
        self._rows, self._add, self._remove, self._preview = rows, add, remove, preview
        layout = self.body
        form = QHBoxLayout()
        self.alias = QLineEdit()
        self.alias.setPlaceholderText("Sebutan, mis. Ketua TP PKK")
        self.meaning = QLineEdit()
        self.meaning.setPlaceholderText("Jabatan yang dimaksud, mis. Istri Walikota")
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
        self._add_close_button()

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
        if not self._saved(self._add(self.alias.text(), self.meaning.text()), "Sebutan tidak ditambah"):
            return False
        self.alias.clear()
        self.meaning.clear()
        self.reload()
        self.alias.setFocus()
        return True

    def remove(self) -> bool:
        key = self._selected_key()
        if key is None:
            self._dialogs.error(self, "Sebutan tidak dihapus", "Pilih dulu sebutan kantor yang akan dihapus")
            return False
        if not self._saved(self._remove(key), "Sebutan tidak dihapus"):
            return False
        self.reload()
        return True


ORDER_HEADERS = ["No", "Golongan (huruf)", "Urutan"]


class GroupOrderDialog(_TableDialog):
    """The office's order of the huruf groups: UU 9/2010, or moved up and down within its tier where
    the office's Perda orders its officials otherwise. ``move`` and ``reset`` return an error or
    ``None``."""

    def __init__(
        self,
        rows: Callable[[], Sequence[Any]],
        move: Callable[[str, int], str | None],
        reset: Callable[[], str | None],
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Urutan Golongan Tata Tempat", (760, 560),
            "Urutan menurut UU 9/2010. Bila Perda kantor mengatur lain, pindahkan golongan naik atau turun "
            "(di dalam tingkatnya: pejabat pusat dan provinsi tetap didahulukan).",
            ORDER_HEADERS, (36, 560), dialogs, parent,
        )  # fmt: skip
        self._rows, self._move, self._reset = rows, move, reset
        actions = QHBoxLayout()
        self.up_button = QPushButton("Naik")
        self.down_button = QPushButton("Turun")
        self.reset_button = QPushButton("Kembalikan urutan UU 9/2010")
        for button in (self.up_button, self.down_button, self.reset_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        self.body.addLayout(actions)
        self._add_close_button()
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.reset_button.clicked.connect(self.reset_order)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        rows = list(self._rows())
        self.model.set_rows(
            [
                Row((number, r.label, "diubah kantor" if r.moved else "UU 9/2010"), key=r.key,
                    colour=OWN_COLOUR if r.moved else None)  # fmt: skip
                for number, r in enumerate(rows, start=1)
            ]
        )
        keys = [r.key for r in rows]
        if select in keys:
            self.table.selectRow(keys.index(select))

    def _moved(self, delta: int) -> bool:
        key = self._selected_key()
        if key is None or not self._saved(self._move(key, delta), "Urutan tidak diubah"):
            return False
        self.reload(select=key)
        return True

    def move_up(self) -> bool:
        return self._moved(-1)

    def move_down(self) -> bool:
        return self._moved(1)

    def reset_order(self) -> bool:
        if not self._saved(self._reset(), "Urutan tidak diubah"):
            return False
        self.reload()
        return True
