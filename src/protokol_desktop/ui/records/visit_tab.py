"""The guest-visit tab: delegation, checklist, guest book, minutes, catering, photos, export."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.indonesian import format_datetime
from ...services import ServiceError, visits
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row, RowsModel
from ..widgets import read_only_table


class VisitTab(QWidget):
    changed = Signal()
    """A record was saved: the request's history and the board refresh."""

    def __init__(self, request_id: int, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request_id = request_id
        self.context = context
        grid = QGridLayout(self)

        delegation = QGroupBox("Rombongan")
        form = QFormLayout(delegation)
        self.instansi = QLineEdit()
        self.leader = QLineEdit()
        self.people = QSpinBox()
        self.people.setRange(0, 10_000)
        self.arrival = QDateTimeEdit()
        self.departure = QDateTimeEdit()
        for edit in (self.arrival, self.departure):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy HH.mm")
        self.host = QLineEdit()
        self.place = QLineEdit()
        self.save_delegation = QPushButton("Simpan data rombongan")
        form.addRow("Instansi", self.instansi)
        form.addRow("Pimpinan rombongan", self.leader)
        form.addRow("Jumlah orang", self.people)
        form.addRow("Kedatangan", self.arrival)
        form.addRow("Kepulangan", self.departure)
        form.addRow("Penerima (tuan rumah)", self.host)
        form.addRow("Tempat", self.place)
        form.addRow("", self.save_delegation)
        grid.addWidget(delegation, 0, 0)

        checklist = QGroupBox("Daftar periksa (Peralatan dan Pencatatan SOP)")
        box = QVBoxLayout(checklist)
        self.checklist = QListWidget()
        box.addWidget(self.checklist)
        grid.addWidget(checklist, 0, 1)

        guests = QGroupBox("Buku tamu / daftar hadir")
        box = QVBoxLayout(guests)
        self.guest_model = RowsModel(["Nama", "Jabatan", "Instansi", "Telepon"], self)
        self.guests = read_only_table(self.guest_model)
        box.addWidget(self.guests)
        row = QGridLayout()
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText("Nama")
        self.guest_role = QLineEdit()
        self.guest_role.setPlaceholderText("Jabatan")
        self.guest_agency = QLineEdit()
        self.guest_agency.setPlaceholderText("Instansi")
        self.guest_phone = QLineEdit()
        self.guest_phone.setPlaceholderText("Telepon")
        self.add_guest = QPushButton("Tambah")
        self.withdraw_guest = QPushButton("Tarik…")
        row.addWidget(self.guest_name, 0, 0)
        row.addWidget(self.guest_role, 0, 1)
        row.addWidget(self.add_guest, 0, 2)
        row.addWidget(self.guest_agency, 1, 0)
        row.addWidget(self.guest_phone, 1, 1)
        row.addWidget(self.withdraw_guest, 1, 2)
        box.addLayout(row)
        grid.addWidget(guests, 1, 0)

        right = QGroupBox("Notulen, jamuan, dokumentasi")
        box = QVBoxLayout(right)
        self.minutes = QPlainTextEdit()
        self.minutes.setPlaceholderText("Notulen kunjungan")
        box.addWidget(self.minutes, 2)
        self.save_minutes = QPushButton("Simpan notulen")
        box.addWidget(self.save_minutes)
        catering = QGridLayout()
        self.catering_count = QSpinBox()
        self.catering_count.setRange(0, 10_000)
        self.catering_count.setSuffix(" porsi")
        self.catering_menu = QLineEdit()
        self.catering_menu.setPlaceholderText("Menu")
        self.catering_vendor = QLineEdit()
        self.catering_vendor.setPlaceholderText("Penyedia")
        self.save_catering = QPushButton("Simpan jamuan")
        catering.addWidget(self.catering_count, 0, 0)
        catering.addWidget(self.catering_menu, 0, 1)
        catering.addWidget(self.catering_vendor, 1, 0, 1, 2)
        catering.addWidget(self.save_catering, 0, 2, 2, 1)
        catering.setColumnStretch(1, 1)
        box.addLayout(catering)
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(96, 72))
        self.photos.setFixedHeight(110)
        box.addWidget(self.photos)
        buttons = QHBoxLayout()
        self.add_photo = QPushButton("Tambah foto…")
        self.export = QPushButton("Ekspor ke Excel…")
        buttons.addWidget(self.add_photo)
        buttons.addStretch(1)
        buttons.addWidget(self.export)
        box.addLayout(buttons)
        grid.addWidget(right, 1, 1)
        self.guests.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.checklist.setWordWrap(True)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.save_delegation.clicked.connect(self._save_delegation)
        self.checklist.itemChanged.connect(self._ticked)
        self.add_guest.clicked.connect(self._add_guest)
        self.withdraw_guest.clicked.connect(self._withdraw_guest)
        self.save_minutes.clicked.connect(self._save_minutes)
        self.save_catering.clicked.connect(self._save_catering)
        self.add_photo.clicked.connect(self._add_photo)
        self.export.clicked.connect(self._export)
        self._filling = False

    # -- showing
    def refresh(self) -> None:
        visit = visits.visit_of(self.request_id)
        zone = active_office().zone
        self._filling = True
        self.instansi.setText(visit.instansi)
        self.leader.setText(visit.leader_name)
        self.people.setValue(visit.people)
        for edit, value in ((self.arrival, visit.arrival), (self.departure, visit.departure)):
            moment = (value or datetime.now(UTC)).astimezone(zone)
            edit.setDateTime(QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0))
        self.host.setText(visit.host)
        self.place.setText(visit.place)
        self.checklist.clear()
        for item in visit.checklist.order_by(visits.VisitChecklistItem.position):
            label = item.text
            if item.done:
                label += f" — {item.done_by}, {format_datetime(item.done_at.astimezone(zone))}"
            if item.note:
                label += f" ({item.note})"
            entry = QListWidgetItem(label)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.checklist.addItem(entry)
        self.guest_model.set_rows(
            [Row((a.nama, a.jabatan, a.instansi, a.telepon), key=a.id) for a in visits.attendees(self.request_id)]
        )
        if not self.minutes.hasFocus():
            self.minutes.setPlainText(visit.minutes)
        self.catering_count.setValue(visit.catering_jumlah)
        self.catering_menu.setText(visit.catering_menu)
        self.catering_vendor.setText(visit.catering_penyedia)
        self.photos.clear()
        for photo in visits.photos(self.request_id):
            pixmap = QPixmap(str(self.context.paths.attachments / photo.stored_name))
            icon = QIcon(pixmap.scaled(96, 72, Qt.AspectRatioMode.KeepAspectRatio)) if not pixmap.isNull() else QIcon()
            self.photos.addItem(QListWidgetItem(icon, photo.original_name))
        self._filling = False

    # -- actions
    def _run(self, title: str, action) -> bool:  # noqa: ANN001
        try:
            action()
        except ServiceError as exc:
            self.context.dialogs.error(self, title, str(exc))
            return False
        self.changed.emit()
        return True

    def _local(self, edit: QDateTimeEdit) -> datetime:
        value = edit.dateTime().toPython()
        return value.replace(tzinfo=active_office().zone)

    def _save_delegation(self) -> None:
        self._run("Data rombongan tidak disimpan", lambda: visits.update_visit(
            self.request_id, self.context.actor(), instansi=self.instansi.text(), leader_name=self.leader.text(),
            people=self.people.value(), arrival=self._local(self.arrival), departure=self._local(self.departure),
            host=self.host.text(), place=self.place.text(),
        ))  # fmt: skip

    def _ticked(self, entry: QListWidgetItem) -> None:
        if self._filling:
            return
        item_id = int(entry.data(Qt.ItemDataRole.UserRole))
        done = entry.checkState() == Qt.CheckState.Checked
        self._run("Daftar periksa", lambda: visits.tick(item_id, done, self.context.actor()))

    def _add_guest(self) -> None:
        if self._run("Tamu tidak ditambahkan", lambda: visits.add_attendee(
            self.request_id, self.context.actor(), self.guest_name.text(), self.guest_role.text(),
            self.guest_agency.text(), self.guest_phone.text(),
        )):  # fmt: skip
            for field in (self.guest_name, self.guest_role, self.guest_agency, self.guest_phone):
                field.clear()

    def _withdraw_guest(self) -> None:
        rows = self.guests.selectionModel().selectedRows()
        if not rows:
            return
        attendee_id = int(self.guest_model.row(rows[0].row()).key)
        reason = self.context.dialogs.ask_text(self, "Tarik dari daftar hadir", "Alasan (mis. salah ketik):")
        if reason is None:
            return
        self._run("Tamu tidak ditarik", lambda: visits.withdraw_attendee(attendee_id, reason, self.context.actor()))

    def _save_minutes(self) -> None:
        text = self.minutes.toPlainText()
        self._run("Notulen tidak disimpan", lambda: visits.set_minutes(self.request_id, text, self.context.actor()))

    def _save_catering(self) -> None:
        self._run("Pesanan jamuan tidak disimpan", lambda: visits.set_catering(
            self.request_id, self.context.actor(), self.catering_count.value(), self.catering_menu.text(),
            self.catering_vendor.text(),
        ))  # fmt: skip

    def _add_photo(self) -> None:
        for path in self.context.dialogs.open_files(self, "Pilih foto dokumentasi", "Foto (*.jpg *.jpeg *.png)"):
            self._run("Foto tidak disimpan", lambda p=path: visits.add_photo(
                self.request_id, Path(p), self.context.actor(), self.context.paths.attachments
            ))  # fmt: skip

    def _export(self) -> None:
        suggested = self.context.paths.exports / f"kunjungan-{self.request_id}.xlsx"
        chosen = self.context.dialogs.save_file(self, "Ekspor kunjungan", str(suggested), "Excel (*.xlsx)")
        if not chosen:
            return
        try:
            out = visits.export_visit(self.request_id, Path(chosen))
        except (ServiceError, OSError) as exc:
            self.context.dialogs.error(self, "Ekspor gagal", str(exc))
            return
        self.context.dialogs.info(self, "Ekspor berhasil", f"Disimpan ke {out}")
