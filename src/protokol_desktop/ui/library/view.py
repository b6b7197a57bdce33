"""Layout of the SOP library: the table of SOPs on top, the chosen SOP below (identity, service
standard, steps). No decisions here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..models.rows import RowsModel
from ..widgets import read_only_table

LIBRARY_HEADERS = [
    "Kode",
    "Nama SOP",
    "Kantor",
    "Nomor",
    "Langkah",
    "Pelaksana",
    "Total waktu",
    "Jangka waktu",
    "Status",
]
LIBRARY_WIDTHS = [125, 290, 130, 160, 60, 210, 160, 95, 100]
REVISION_HEADERS = ["Revisi", "Status", "Tanggal revisi", "Disimpan", "Oleh", "Catatan"]
STEP_HEADERS = ["No", "Uraian Prosedur", "Pelaksana", "Jenis", "Kelengkapan", "Waktu", "Output", "Ket."]


class LibraryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        title = QLabel("<b>Pustaka SOP</b>")
        bar.addWidget(title)
        bar.addStretch(1)
        self.edit_button = QPushButton("Ubah…")
        self.copy_button = QPushButton("Buat dari SOP lain…")
        self.import_button = QPushButton("Impor berkas SOP…")
        self.export_json_button = QPushButton("Ekspor JSON…")
        self.export_xlsx_button = QPushButton("Ekspor Excel…")
        self.export_pdf_button = QPushButton("Ekspor PDF…")
        for button in (self.edit_button, self.copy_button, self.import_button, self.export_json_button,
                       self.export_xlsx_button, self.export_pdf_button):  # fmt: skip
            bar.addWidget(button)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = RowsModel(LIBRARY_HEADERS, self)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(LIBRARY_WIDTHS):
            header.resizeSection(column, width)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        splitter.addWidget(self.table)
        self.tabs = QTabWidget()
        self.identity = QTextBrowser()
        self.tabs.addTab(self.identity, "Identitas SOP")
        self.steps_model = RowsModel(STEP_HEADERS, self)
        self.steps = read_only_table(self.steps_model)
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.steps.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.steps, "Langkah")
        self.standard = QTextBrowser()
        self.tabs.addTab(self.standard, "Standar Pelayanan")
        self.revisions_model = RowsModel(REVISION_HEADERS, self)
        self.revisions = read_only_table(self.revisions_model)
        self.revisions.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.revisions.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.revisions, "Riwayat Revisi")
        splitter.addWidget(self.tabs)
        splitter.setSizes([220, 420])
        layout.addWidget(splitter, 1)
