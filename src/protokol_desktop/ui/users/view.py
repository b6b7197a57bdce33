"""Layout of the accounts page: the table and a form to add an account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..models.rows import RowsModel
from ..widgets import read_only_table

HEADERS = ["Nama pengguna", "Nama lengkap", "NIP", "Jabatan", "Peran", "Status"]


class UsersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel("<b>Pengguna</b> — akun tidak pernah dihapus, hanya dinonaktifkan."))
        self.model = RowsModel(HEADERS, self)
        self.table = read_only_table(self.model, fit_columns=True, single=True)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.reset_button = QPushButton("Atur ulang kata sandi…")
        self.toggle_button = QPushButton("Nonaktifkan / aktifkan")
        actions.addWidget(self.reset_button)
        actions.addWidget(self.toggle_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        box = QGroupBox("Tambah pengguna")
        form = QFormLayout(box)
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText("18 angka, mis. 19700101 199503 1 001")
        self.jabatan = QLineEdit()
        self.role = QComboBox()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton("Tambah")
        form.addRow("Nama pengguna", self.username)
        form.addRow("Nama lengkap", self.full_name)
        form.addRow("NIP", self.nip)
        form.addRow("Jabatan", self.jabatan)
        form.addRow("Peran", self.role)
        form.addRow("Kata sandi awal", self.password)
        form.addRow("", self.add_button)
        layout.addWidget(box)
