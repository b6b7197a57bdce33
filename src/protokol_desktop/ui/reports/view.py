"""Layout of the reports page."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..widgets import date_edit, office_today


class ReportsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(QLabel("<b>Laporan</b>"))
        intro = QLabel(
            "Buku agenda permohonan (register dan riwayat langkah), laporan kinerja terhadap Mutu Baku, "
            "dan rekapitulasi untuk pimpinan, dalam berkas Excel siap cetak (A4)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem("Buku Agenda Permohonan (register)", "register")
        self.kind.addItem("Kinerja terhadap Mutu Baku", "kinerja")
        self.kind.addItem("Rekapitulasi untuk pimpinan", "rekap")
        form.addRow("Jenis laporan", self.kind)
        period = QHBoxLayout()
        today = office_today()
        self.date_from = date_edit(QDate(today.year(), today.month(), 1))
        self.date_to = date_edit(today)
        period.addWidget(self.date_from)
        period.addWidget(QLabel("s.d."))
        period.addWidget(self.date_to)
        self.this_month = QPushButton("Bulan ini")
        self.last_month = QPushButton("Bulan lalu")
        period.addWidget(self.this_month)
        period.addWidget(self.last_month)
        period.addStretch(1)
        form.addRow("Tanggal diterima", period)
        self.use_board_filter = QCheckBox("Pakai filter papan kerja (layanan, pimpinan, keadaan, pencarian)")
        form.addRow("", self.use_board_filter)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.export_button = QPushButton("Ekspor ke Excel…")
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        results = QHBoxLayout()
        self.open_file = QPushButton("Buka berkas")
        self.open_folder = QPushButton("Buka folder")
        self.open_file.setVisible(False)
        self.open_folder.setVisible(False)
        results.addWidget(self.open_file)
        results.addWidget(self.open_folder)
        results.addStretch(1)
        layout.addLayout(results)
        layout.addStretch(1)
