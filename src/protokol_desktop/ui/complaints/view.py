"""Layout of the complaint register: the table, a form for a new complaint, actions."""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..models.rows import RowsModel
from ..widgets import read_only_table

HEADERS = ["No.", "Diterima", "Saluran", "Pengadu", "Layanan", "Isi", "Petugas", "Batas jawab", "Status"]


class ComplaintsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>Register Pengaduan</b>"))
        self.summary = QLabel()
        bar.addWidget(self.summary, 1)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari isi, pengadu, petugas…")
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.status = QComboBox()
        for label, key in (("Semua status", ""), ("Baru", "baru"), ("Ditangani", "ditangani"), ("Selesai", "selesai")):
            self.status.addItem(label, key)
        bar.addWidget(self.status)
        self.export_button = QPushButton("Ekspor Excel…")
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = RowsModel(HEADERS, self)
        self.table = read_only_table(self.model)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.assign_button = QPushButton("Tugaskan…")
        self.note_button = QPushButton("Tindak lanjut…")
        self.resolve_button = QPushButton("Selesaikan…")
        for button in (self.assign_button, self.note_button, self.resolve_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        box = QGroupBox("Pengaduan baru")
        form = QFormLayout(box)
        self.received = QDateTimeEdit(QDateTime.currentDateTime())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("dd/MM/yyyy HH.mm")
        self.channel = QComboBox()
        self.complainant = QLineEdit()
        self.complainant.setPlaceholderText("kosongkan bila anonim")
        self.contact = QLineEdit()
        self.service = QComboBox()
        self.classification = QLineEdit()
        self.content = QPlainTextEdit()
        self.content.setFixedHeight(60)
        self.add_button = QPushButton("Catat pengaduan")
        form.addRow("Diterima", self.received)
        form.addRow("Saluran", self.channel)
        form.addRow("Pengadu", self.complainant)
        form.addRow("Kontak", self.contact)
        form.addRow("Layanan", self.service)
        form.addRow("Klasifikasi", self.classification)
        form.addRow("Isi pengaduan", self.content)
        form.addRow("", self.add_button)
        layout.addWidget(box)
