"""Layout of the complaint register page: filters, the register table, the selected complaint's
details with its actions, and the form for a new complaint. No decisions here: the controller fills
and wires it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..models.rows import RowsModel
from ..widgets import datetime_edit, read_only_table

HEADERS = ["No.", "Diterima", "Saluran", "Pengadu", "Layanan", "Isi", "Klasifikasi", "Petugas", "Batas jawab", "Status"]
CONTENT_COLUMN = HEADERS.index("Isi")


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
        self.search.setPlaceholderText("Cari isi, pengadu, petugas, tindak lanjut…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        bar.addWidget(self.search, 1)
        self.status = QComboBox()
        bar.addWidget(self.status)
        self.export_button = QPushButton("Ekspor Excel…")
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.model = RowsModel(HEADERS, self)
        self.table = read_only_table(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONTENT_COLUMN, QHeaderView.ResizeMode.Stretch)

        details = QGroupBox("Pengaduan terpilih")
        box = QVBoxLayout(details)
        box.setContentsMargins(6, 6, 6, 6)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        box.addWidget(self.detail, 1)
        actions = QHBoxLayout()
        self.assign_button = QPushButton("Tugaskan…")
        self.note_button = QPushButton("Tindak lanjut…")
        self.resolve_button = QPushButton("Selesaikan…")
        for button in (self.assign_button, self.note_button, self.resolve_button):
            actions.addWidget(button)
        actions.addStretch(1)
        box.addLayout(actions)

        new = QGroupBox("Pengaduan baru")
        form = QGridLayout(new)
        form.setContentsMargins(6, 6, 6, 6)
        self.received = datetime_edit()
        self.channel = QComboBox()
        self.complainant = QLineEdit()
        self.complainant.setPlaceholderText("kosongkan bila anonim")
        self.contact = QLineEdit()
        self.contact.setPlaceholderText("telepon atau email (boleh kosong)")
        self.service = QComboBox()
        self.request = QComboBox()
        # Service names and letter numbers are long: the combos show them whole in their lists only, so
        # that the form fits beside the details on a 1024-pixel screen.
        for combo, length in ((self.service, 10), (self.request, 12), (self.channel, 8)):
            combo.setMinimumContentsLength(length)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.classification = QComboBox()
        self.classification.setEditable(True)
        self.classification.lineEdit().setPlaceholderText("pilih atau tulis")
        self.content = QPlainTextEdit()
        self.content.setPlaceholderText("Isi pengaduan seperti disampaikan pengadu")
        self.content.setMinimumHeight(56)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        self.add_button = QPushButton("Catat pengaduan")
        for row, (left_label, left, right_label, right) in enumerate(
            (
                ("Diterima", self.received, "Saluran", self.channel),
                ("Pengadu", self.complainant, "Kontak", self.contact),
                ("Layanan", self.service, "Permohonan", self.request),
            )
        ):
            form.addWidget(QLabel(left_label), row, 0)
            form.addWidget(left, row, 1)
            form.addWidget(QLabel(right_label), row, 2)
            form.addWidget(right, row, 3)
        form.addWidget(QLabel("Klasifikasi"), 3, 0)
        form.addWidget(self.classification, 3, 1)
        form.addWidget(self.deadline, 3, 2, 1, 2)
        form.addWidget(QLabel("Isi"), 4, 0, Qt.AlignmentFlag.AlignTop)
        form.addWidget(self.content, 4, 1, 1, 3)
        form.addWidget(self.add_button, 5, 3, Qt.AlignmentFlag.AlignRight)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        form.setRowStretch(4, 1)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(details)
        bottom.addWidget(new)
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 3)
        bottom.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
