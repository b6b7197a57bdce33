"""The Bimtek tab: schedule and venue, speakers, participants with attendance, minutes, report."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import ServiceError, bimtek
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row, RowsModel
from ..widgets import read_only_table


class BimtekTab(QWidget):
    changed = Signal()
    """A record was saved."""

    def __init__(self, request_id: int, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request_id = request_id
        self.context = context
        grid = QGridLayout(self)
        schedule = QGroupBox("Jadwal dan tempat")
        form = QFormLayout(schedule)
        self.start = QDateTimeEdit()
        self.end = QDateTimeEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy HH.mm")
        self.venue = QLineEdit()
        self.save_schedule = QPushButton("Simpan jadwal")
        self.invitations = QPushButton("Catat undangan terkirim hari ini")
        form.addRow("Mulai", self.start)
        form.addRow("Selesai", self.end)
        form.addRow("Tempat", self.venue)
        form.addRow("", self.save_schedule)
        form.addRow("", self.invitations)
        grid.addWidget(schedule, 0, 0)

        speakers = QGroupBox("Narasumber")
        box = QVBoxLayout(speakers)
        self.speaker_model = RowsModel(["Nama", "Instansi", "Kontak", "Topik"], self)
        box.addWidget(read_only_table(self.speaker_model))
        row = QHBoxLayout()
        self.speaker_name, self.speaker_agency, self.speaker_contact, self.speaker_topic = (
            QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit(),
        )  # fmt: skip
        for widget, hint in ((self.speaker_name, "Nama"), (self.speaker_agency, "Instansi"),
                             (self.speaker_contact, "Kontak"), (self.speaker_topic, "Topik")):  # fmt: skip
            widget.setPlaceholderText(hint)
            row.addWidget(widget)
        self.add_speaker = QPushButton("Tambah")
        row.addWidget(self.add_speaker)
        box.addLayout(row)
        grid.addWidget(speakers, 0, 1)

        people = QGroupBox("Peserta dan kehadiran")
        box = QVBoxLayout(people)
        self.participant_model = RowsModel(["Nama", "NIP", "Unit kerja", "Hadir"], self)
        self.participants = read_only_table(self.participant_model)
        box.addWidget(self.participants)
        row = QHBoxLayout()
        self.participant_name, self.participant_nip, self.participant_unit = QLineEdit(), QLineEdit(), QLineEdit()
        for widget, hint in ((self.participant_name, "Nama"), (self.participant_nip, "NIP (18 angka)"),
                             (self.participant_unit, "Unit kerja")):  # fmt: skip
            widget.setPlaceholderText(hint)
            row.addWidget(widget)
        self.add_participant = QPushButton("Tambah")
        self.toggle_attendance = QPushButton("Hadir / tidak")
        row.addWidget(self.add_participant)
        row.addWidget(self.toggle_attendance)
        box.addLayout(row)
        grid.addWidget(people, 1, 0)

        texts = QGroupBox("Notulen dan laporan akhir")
        box = QVBoxLayout(texts)
        self.minutes = QPlainTextEdit()
        self.minutes.setPlaceholderText("Notulen")
        self.report = QPlainTextEdit()
        self.report.setPlaceholderText("Laporan hasil pelaksanaan")
        box.addWidget(self.minutes)
        box.addWidget(self.report)
        buttons = QHBoxLayout()
        self.save_texts = QPushButton("Simpan notulen dan laporan")
        self.export = QPushButton("Ekspor ke Excel…")
        buttons.addWidget(self.save_texts)
        buttons.addStretch(1)
        buttons.addWidget(self.export)
        box.addLayout(buttons)
        grid.addWidget(texts, 1, 1)

        self.save_schedule.clicked.connect(self._save_schedule)
        self.invitations.clicked.connect(self._invitations)
        self.add_speaker.clicked.connect(self._add_speaker)
        self.add_participant.clicked.connect(self._add_participant)
        self.toggle_attendance.clicked.connect(self._toggle)
        self.save_texts.clicked.connect(self._save_texts)
        self.export.clicked.connect(self._export)

    def refresh(self) -> None:
        record = bimtek.bimtek_of(self.request_id)
        zone = active_office().zone
        start = (record.start or datetime.now(UTC)).astimezone(zone)
        end = (record.end or datetime.now(UTC) + timedelta(hours=4)).astimezone(zone)
        self.start.setDateTime(QDateTime(start.year, start.month, start.day, start.hour, start.minute, 0))
        self.end.setDateTime(QDateTime(end.year, end.month, end.day, end.hour, end.minute, 0))
        self.venue.setText(record.venue)
        sent = f" (terkirim {record.invitations_sent:%d/%m/%Y})" if record.invitations_sent else ""
        self.invitations.setText("Catat undangan terkirim hari ini" + sent)
        self.speaker_model.set_rows(
            [Row((s.nama, s.instansi, s.kontak, s.topik)) for s in bimtek.speakers(self.request_id)]
        )
        self.participant_model.set_rows(
            [Row((p.nama, p.nip, p.instansi, "Ya" if p.attended else "Tidak"), key=(p.id, p.attended))
             for p in bimtek.participants(self.request_id)]
        )  # fmt: skip
        if not self.minutes.hasFocus():
            self.minutes.setPlainText(record.minutes)
        if not self.report.hasFocus():
            self.report.setPlainText(record.report)

    def _run(self, title: str, action) -> bool:  # noqa: ANN001
        try:
            action()
        except ServiceError as exc:
            self.context.dialogs.error(self, title, str(exc))
            return False
        self.changed.emit()
        return True

    def _local(self, edit: QDateTimeEdit) -> datetime:
        return edit.dateTime().toPython().replace(tzinfo=active_office().zone)

    def _save_schedule(self) -> None:
        self._run("Jadwal tidak disimpan", lambda: bimtek.set_schedule(
            self.request_id, self.context.actor(), self._local(self.start), self._local(self.end), self.venue.text()
        ))  # fmt: skip

    def _invitations(self) -> None:
        self._run("Undangan", lambda: bimtek.invitations_sent(self.request_id, date.today(), self.context.actor()))

    def _add_speaker(self) -> None:
        if self._run("Narasumber tidak ditambahkan", lambda: bimtek.add_speaker(
            self.request_id, self.context.actor(), self.speaker_name.text(), self.speaker_agency.text(),
            self.speaker_contact.text(), self.speaker_topic.text(),
        )):  # fmt: skip
            for field in (self.speaker_name, self.speaker_agency, self.speaker_contact, self.speaker_topic):
                field.clear()

    def _add_participant(self) -> None:
        if self._run("Peserta tidak ditambahkan", lambda: bimtek.add_participant(
            self.request_id, self.context.actor(), self.participant_name.text(), self.participant_nip.text(),
            self.participant_unit.text(),
        )):  # fmt: skip
            for field in (self.participant_name, self.participant_nip, self.participant_unit):
                field.clear()

    def _toggle(self) -> None:
        rows = self.participants.selectionModel().selectedRows()
        if not rows:
            return
        attendee_id, attended = self.participant_model.row(rows[0].row()).key
        self._run("Kehadiran", lambda: bimtek.mark_attendance(attendee_id, not attended, self.context.actor()))

    def _save_texts(self) -> None:
        minutes, report = self.minutes.toPlainText(), self.report.toPlainText()
        self._run("Notulen/laporan tidak disimpan", lambda: bimtek.set_texts(
            self.request_id, self.context.actor(), minutes=minutes, report=report
        ))  # fmt: skip

    def _export(self) -> None:
        suggested = self.context.paths.exports / f"bimtek-{self.request_id}.xlsx"
        chosen = self.context.dialogs.save_file(self, "Ekspor Bimtek", str(suggested), "Excel (*.xlsx)")
        if not chosen:
            return
        try:
            out = bimtek.export_bimtek(self.request_id, Path(chosen))
        except (ServiceError, OSError) as exc:
            self.context.dialogs.error(self, "Ekspor gagal", str(exc))
            return
        self.context.dialogs.info(self, "Ekspor berhasil", f"Disimpan ke {out}")
