"""Layout of the accounts page: the table and a form to add an account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.rows import RowsModel

HEADERS = ["Nama pengguna", "Nama lengkap", "NIP", "Jabatan", "Peran", "Status"]


class UsersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel("<b>Pengguna</b> — akun tidak pernah dihapus, hanya dinonaktifkan."))
        self.model = RowsModel(HEADERS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
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
