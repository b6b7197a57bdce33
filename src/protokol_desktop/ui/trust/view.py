"""Layout of the "Audit & Cadangan" page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..models.rows import RowsModel
from ..widgets import date_edit, office_today, read_only_table

AUDIT_HEADERS = ["No.", "Waktu", "Oleh", "Tindakan", "Objek", "Kunci", "Sebelum", "Sesudah"]


class TrustView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(
            QLabel("<b>Jejak Audit</b> — setiap perubahan, berantai hash; tidak dapat diubah dari aplikasi.")
        )
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari (nama, nomor, isi)…")
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.actor = QLineEdit()
        self.actor.setPlaceholderText("Oleh")
        bar.addWidget(self.actor, 1)
        self.action = QComboBox()
        bar.addWidget(self.action, 1)
        self.use_dates = QCheckBox("Tanggal")
        bar.addWidget(self.use_dates)
        self.date_from = date_edit(office_today().addMonths(-1))
        self.date_to = date_edit(office_today())
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("s.d."))
        bar.addWidget(self.date_to)
        self.verify_button = QPushButton("Periksa rantai")
        self.export_button = QPushButton("Ekspor Excel…")
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.model = RowsModel(AUDIT_HEADERS, self)
        self.table = read_only_table(self.model, fit_columns=False, single=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate([60, 130, 200, 130, 90, 110, 260]):
            header.resizeSection(column, width)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate([60, 130, 200, 130, 90, 110, 260]):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)

        box = QGroupBox("Cadangan")
        backup = QVBoxLayout(box)
        row = QHBoxLayout()
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        row.addWidget(QLabel("Folder cadangan:"))
        row.addWidget(self.folder, 1)
        self.folder_button = QPushButton("Ganti folder…")
        row.addWidget(self.folder_button)
        backup.addLayout(row)
        actions = QHBoxLayout()
        self.backup_button = QPushButton("Cadangkan sekarang")
        self.restore_button = QPushButton("Pulihkan dari cadangan…")
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        backup.addLayout(actions)
        self.backups = QLabel()
        self.backups.setWordWrap(True)
        backup.addWidget(self.backups)
        layout.addWidget(box)
