"""Layout of the Agenda Pimpinan page: period switch (hari / minggu / bulan), leader filter, the list of
events with clashes shaded, a form to type an event in, and the attendance decision for the selected
event. No decisions here: :mod:`.agenda_controller` fills and connects it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..widgets import date_edit, read_only_table
from .models import ShadedRowsModel

HEADERS = ["Tanggal", "Waktu", "Pimpinan", "Kegiatan / penyelenggara", "Tempat", "Sumber", "Kehadiran", "Keterangan"]
WIDTHS = (112, 92, 110, 0, 160, 130, 150, 210)  # 0: the column that takes the remaining width
VIEW_LABELS = {"hari": "Hari", "minggu": "Minggu", "bulan": "Bulan"}
DECISION_LABELS = [("hadir", "Hadir"), ("diwakili", "Diwakili"), ("ditolak", "Tidak hadir (ditolak)")]


class AgendaView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        bar = QHBoxLayout()
        bar.addWidget(QLabel("<b>Agenda Pimpinan</b>"))
        bar.addSpacing(12)
        self.view_group = QButtonGroup(self)
        self.view_buttons: dict[str, QToolButton] = {}
        for key, label in VIEW_LABELS.items():
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setProperty("view", key)
            self.view_group.addButton(button)
            self.view_buttons[key] = button
            bar.addWidget(button)
        bar.addSpacing(12)
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip("Periode sebelumnya")
        self.today_button = QPushButton("Hari ini")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip("Periode berikutnya")
        self.day = date_edit()
        for widget in (self.previous_button, self.today_button, self.next_button, self.day):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(QLabel("Pimpinan"))
        self.leader = QComboBox()
        self.leader.setMinimumContentsLength(12)
        self.leader.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        bar.addWidget(self.leader)
        bar.addStretch(1)
        layout.addLayout(bar)

        # The period and the export share a line, so that the bar above fits a 1024-pixel screen.
        period_line = QHBoxLayout()
        self.period = QLabel()
        self.period.setTextFormat(Qt.TextFormat.RichText)
        period_line.addWidget(self.period, 1)
        self.export_button = QPushButton("Ekspor minggu ke Excel…")
        period_line.addWidget(self.export_button)
        layout.addLayout(period_line)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #f8d7da; color: #842029; padding: 6px; border-radius: 3px; }")
        self.banner.setVisible(False)
        layout.addWidget(self.banner)

        self.model = ShadedRowsModel(HEADERS, self)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate(WIDTHS):
            if width:
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._fit_rows)
        layout.addWidget(self.table, 1)
        self.empty = QLabel("Tidak ada agenda pada periode ini.")
        self.empty.setStyleSheet("color: #666666;")
        layout.addWidget(self.empty)

        lower = QHBoxLayout()
        add_box = QGroupBox("Tambah agenda (tanpa surat permohonan)")
        add_grid = QGridLayout(add_box)
        self.entry_leader = QComboBox()
        self.entry_day = date_edit()
        self.entry_start = QLineEdit()
        self.entry_start.setPlaceholderText("09.00")
        self.entry_start.setMaximumWidth(70)
        self.entry_end = QLineEdit()
        self.entry_end.setPlaceholderText("selesai")
        self.entry_end.setToolTip("Jam selesai; boleh kosong (dianggap 2 jam)")
        self.entry_end.setMaximumWidth(70)
        times = QHBoxLayout()
        times.addWidget(self.entry_start)
        times.addWidget(QLabel("s.d."))
        times.addWidget(self.entry_end)
        self.entry_title = QLineEdit()
        self.entry_title.setPlaceholderText("Nama kegiatan")
        self.entry_place = QLineEdit()
        self.entry_place.setPlaceholderText("Tempat")
        self.entry_organiser = QLineEdit()
        self.entry_organiser.setPlaceholderText("Penyelenggara")
        self.add_button = QPushButton("Tambah ke agenda")
        self.entry_leader.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.entry_leader.setMinimumContentsLength(10)
        add_grid.addWidget(QLabel("Pimpinan"), 0, 0)
        add_grid.addWidget(self.entry_leader, 0, 1)
        add_grid.addWidget(QLabel("Tanggal"), 0, 2)
        add_grid.addWidget(self.entry_day, 0, 3)
        add_grid.addWidget(QLabel("Jam"), 1, 0)
        add_grid.addLayout(times, 1, 1)
        add_grid.addWidget(QLabel("Kegiatan"), 2, 0)
        add_grid.addWidget(self.entry_title, 2, 1, 1, 3)
        add_grid.addWidget(QLabel("Tempat"), 3, 0)
        add_grid.addWidget(self.entry_place, 3, 1)
        add_grid.addWidget(self.entry_organiser, 3, 2, 1, 2)
        add_grid.addWidget(self.add_button, 4, 2, 1, 2)
        add_grid.setColumnStretch(1, 1)
        add_grid.setColumnStretch(3, 1)
        lower.addWidget(add_box, 1)

        decide_box = QGroupBox("Kehadiran pimpinan pada agenda terpilih")
        decide_grid = QGridLayout(decide_box)
        self.selected = QLabel("Pilih satu baris agenda.")
        self.selected.setWordWrap(True)
        self.decision = QComboBox()
        for key, label in DECISION_LABELS:
            self.decision.addItem(label, key)
        self.representative = QLineEdit()
        self.representative.setPlaceholderText("Nama dan jabatan pejabat yang mewakili")
        self.reply_letter = QLineEdit()
        self.reply_letter.setPlaceholderText("Nomor dan tanggal surat balasan")
        self.decision_note = QLineEdit()
        self.decision_note.setPlaceholderText("Catatan")
        buttons = QHBoxLayout()
        self.decide_button = QPushButton("Simpan keputusan")
        self.withdraw_button = QPushButton("Tarik agenda…")
        self.open_button = QPushButton("Buka permohonan")
        buttons.addWidget(self.decide_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        decide_grid.addWidget(self.selected, 0, 0, 1, 4)
        decide_grid.addWidget(QLabel("Keputusan"), 1, 0)
        decide_grid.addWidget(self.decision, 1, 1)
        decide_grid.addWidget(QLabel("Diwakili"), 1, 2)
        decide_grid.addWidget(self.representative, 1, 3)
        decide_grid.addWidget(QLabel("Surat balasan"), 2, 0)
        decide_grid.addWidget(self.reply_letter, 2, 1)
        decide_grid.addWidget(QLabel("Catatan"), 2, 2)
        decide_grid.addWidget(self.decision_note, 2, 3)
        decide_grid.addLayout(buttons, 3, 0, 1, 4)
        decide_grid.setColumnStretch(1, 1)
        decide_grid.setColumnStretch(3, 2)
        lower.addWidget(decide_box, 1)
        layout.addLayout(lower)

        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet("color: #555555;")
        layout.addWidget(self.footnote)

    def _fit_rows(self, *_: object) -> None:
        """Wrapped texts need the rows re-measured whenever a column changes width."""
        self.table.resizeRowsToContents()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self._fit_rows()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._fit_rows()
