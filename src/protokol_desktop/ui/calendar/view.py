"""Layout of the working-day calendar: the year's holidays and the office's own days."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..models.rows import RowsModel
from ..widgets import date_edit, read_only_table

HEADERS = ["Tanggal", "Hari", "Jenis", "Keterangan"]


class CalendarView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>Kalender Hari Kerja</b>"))
        bar.addStretch(1)
        bar.addWidget(QLabel("Tahun"))
        self.year = QSpinBox()
        self.year.setRange(2020, 2040)
        bar.addWidget(self.year)
        layout.addLayout(bar)
        self.explanation = QLabel(
            "Hari kerja: Senin–Jumat, kecuali libur nasional, cuti bersama dan libur kantor. "
            "Jangka waktu layanan dalam hari kerja dihitung dengan kalender ini."
        )
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.model = RowsModel(HEADERS, self)
        self.table = read_only_table(self.model, fit_columns=True, single=False)
        layout.addWidget(self.table, 1)
        form = QHBoxLayout()
        self.day = date_edit()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Keterangan, mis. HUT Kota")
        self.add_holiday = QPushButton("Tambah libur kantor")
        self.add_workday = QPushButton("Jadikan hari kerja")
        form.addWidget(QLabel("Tanggal"))
        form.addWidget(self.day)
        form.addWidget(self.name, 1)
        form.addWidget(self.add_holiday)
        form.addWidget(self.add_workday)
        layout.addLayout(form)
        self.calculator = QLabel()
        layout.addWidget(self.calculator)
