"""The Bimtek tab in the request detail: schedule and venue, invitations, speakers, participants with
their attendance, minutes, the final report and the Excel export (attendance list and report)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.indonesian import format_date, format_datetime
from ...services import ServiceError, bimtek, visits
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row, RowsModel
from ..widgets import (
    date_edit,
    datetime_edit,
    event_dates_ok,
    from_qt,
    read_only_table,
    to_qt,
)
from .common import group, record_frame, side_by_side


def _fit(table: QTableView, stretch: int) -> None:
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class BimtekTab(QWidget):
    changed = Signal()
    """A record was saved: the request's history and the board refresh."""

    def __init__(self, request_id: int, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request_id = request_id
        self.context = context
        self._dirty: set[str] = set()
        self._filling = False
        self.summary, self.export, self.sections = record_frame(
            self, "Daftar hadir peserta siap ditandatangani, narasumber, notulen dan laporan akhir"
        )

        schedule, box = group("Jadwal, tempat dan undangan")
        form = QFormLayout()
        self.start = datetime_edit()
        self.end = datetime_edit()
        self.venue = QLineEdit()
        self.venue.setPlaceholderText("mis. Ruang Rapat Sekretariat Daerah")
        form.addRow("Mulai", self.start)
        form.addRow("Selesai", self.end)
        form.addRow("Tempat", self.venue)
        box.addLayout(form)
        self.save_schedule = QPushButton("Simpan jadwal")
        box.addWidget(self.save_schedule, 0, Qt.AlignmentFlag.AlignRight)
        sent = QHBoxLayout()
        sent.addWidget(QLabel("Undangan dikirim"))
        self.invitation_day = date_edit()
        sent.addWidget(self.invitation_day)
        self.invitations = QPushButton("Catat")
        sent.addWidget(self.invitations)
        sent.addStretch(1)
        box.addLayout(sent)
        self.invitation_state = QLabel()
        box.addWidget(self.invitation_state)
        box.addStretch(1)
        schedule.setMinimumWidth(340)

        speakers, box = group("Narasumber")
        self.speaker_model = RowsModel(["Nama", "Instansi", "Kontak", "Topik"], self)
        self.speakers = read_only_table(self.speaker_model)
        _fit(self.speakers, 3)
        box.addWidget(self.speakers, 1)
        row = QHBoxLayout()
        self.speaker_name, self.speaker_agency, self.speaker_contact, self.speaker_topic = (
            QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit(),
        )  # fmt: skip
        for widget, hint in ((self.speaker_name, "Nama"), (self.speaker_agency, "Instansi"),
                             (self.speaker_contact, "Telepon/email"), (self.speaker_topic, "Topik")):  # fmt: skip
            widget.setPlaceholderText(hint)
            row.addWidget(widget)
        self.add_speaker = QPushButton("Tambah")
        self.withdraw_speaker = QPushButton("Tarik…")
        row.addWidget(self.add_speaker)
        row.addWidget(self.withdraw_speaker)
        box.addLayout(row)

        people, box = group("Peserta dan kehadiran")
        self.participant_model = RowsModel(["Nama", "NIP", "Unit kerja", "Hadir"], self)
        self.participants = read_only_table(self.participant_model)
        _fit(self.participants, 2)
        box.addWidget(self.participants, 1)
        self.participant_count = QLabel()
        box.addWidget(self.participant_count)
        row = QHBoxLayout()
        self.participant_name, self.participant_nip, self.participant_unit = QLineEdit(), QLineEdit(), QLineEdit()
        for widget, hint in ((self.participant_name, "Nama"), (self.participant_nip, "NIP (18 angka)"),
                             (self.participant_unit, "Unit kerja")):  # fmt: skip
            widget.setPlaceholderText(hint)
            row.addWidget(widget, 1)
        self.add_participant = QPushButton("Tambah")
        row.addWidget(self.add_participant)
        box.addLayout(row)
        row = QHBoxLayout()
        self.toggle_attendance = QPushButton("Hadir / tidak hadir")
        self.withdraw_participant = QPushButton("Tarik…")
        row.addWidget(self.toggle_attendance)
        row.addWidget(self.withdraw_participant)
        row.addStretch(1)
        box.addLayout(row)

        texts = QWidget()
        box = QVBoxLayout(texts)
        box.setContentsMargins(0, 0, 0, 0)
        minutes, inner = group("Notulen")
        self.minutes = QPlainTextEdit()
        self.minutes.setPlaceholderText("Notulen pelaksanaan Bimtek: pembukaan, materi, tanya jawab")
        inner.addWidget(self.minutes)
        report, inner = group("Laporan hasil pelaksanaan")
        self.report = QPlainTextEdit()
        self.report.setPlaceholderText("Laporan akhir kepada Kabag: peserta, materi, hasil, saran")
        inner.addWidget(self.report)
        box.addWidget(side_by_side(minutes, report, 1, 1), 1)
        self.save_texts = QPushButton("Simpan notulen dan laporan")
        box.addWidget(self.save_texts, 0, Qt.AlignmentFlag.AlignRight)

        self.sections.addTab(side_by_side(schedule, speakers, 2, 3), "Persiapan dan narasumber")
        self.sections.addTab(people, "Peserta dan kehadiran")
        self.sections.addTab(texts, "Notulen dan laporan")

        self.save_schedule.clicked.connect(self._save_schedule)
        self.start.dateTimeChanged.connect(self._schedule_edited)
        self.end.dateTimeChanged.connect(self._schedule_edited)
        self.venue.textEdited.connect(self._schedule_edited)
        self.invitations.clicked.connect(self._invitations)
        self.add_speaker.clicked.connect(self._add_speaker)
        self.withdraw_speaker.clicked.connect(self._withdraw_speaker)
        self.add_participant.clicked.connect(self._add_participant)
        self.participant_unit.returnPressed.connect(self._add_participant)
        self.toggle_attendance.clicked.connect(self._toggle)
        self.participants.doubleClicked.connect(self._toggle)
        self.withdraw_participant.clicked.connect(self._withdraw_participant)
        self.minutes.textChanged.connect(self._texts_edited)
        self.report.textChanged.connect(self._texts_edited)
        self.save_texts.clicked.connect(self._save_texts)
        self.export.clicked.connect(self._export)

    def refresh(self) -> None:
        record = bimtek.bimtek_of(self.request_id)
        zone = active_office().zone
        self._filling = True
        try:
            if "schedule" not in self._dirty:
                start, _ = visits.suggested_times(self.request_id)
                self.start.setDateTime(to_qt(record.start or start))
                self.end.setDateTime(to_qt(record.end or start + timedelta(hours=6)))
                self.venue.setText(record.venue)
            today = datetime.now(UTC).astimezone(zone).date()
            day = record.invitations_sent or today
            self.invitation_day.setDate(QDate(day.year, day.month, day.day))
            self.invitation_state.setText(
                f"Undangan tercatat dikirim {format_date(record.invitations_sent)}"
                if record.invitations_sent else "Undangan belum tercatat dikirim"
            )  # fmt: skip
            self.speaker_model.set_rows(
                [Row((s.nama, s.instansi, s.kontak, s.topik), key=s.id) for s in bimtek.speakers(self.request_id)]
            )
            people = bimtek.participants(self.request_id)
            self.participant_model.set_rows(
                [Row((p.nama, p.nip, p.instansi, "Ya" if p.attended else "Tidak"), key=(p.id, p.attended),
                     colour=None if p.attended else "#888888") for p in people]
            )  # fmt: skip
            present = sum(1 for p in people if p.attended)
            self.participant_count.setText(f"{len(people)} peserta terdaftar, {present} hadir")
            when = (f"{format_datetime(record.start.astimezone(zone))} di {record.venue or '-'}"
                    if record.start else "jadwal belum disimpan")  # fmt: skip
            self.summary.setText(
                f"Bimtek: {when} · {self.speaker_model.rowCount()} narasumber · {len(people)} peserta "
                f"({present} hadir) · notulen {'terisi' if record.minutes.strip() else 'belum diisi'} · "
                f"laporan {'terisi' if record.report.strip() else 'belum diisi'}"
            )
            if "texts" not in self._dirty:
                self.minutes.setPlainText(record.minutes)
                self.report.setPlainText(record.report)
        finally:
            self._filling = False

    def _schedule_edited(self) -> None:
        if not self._filling:
            self._dirty.add("schedule")

    def _texts_edited(self) -> None:
        if not self._filling:
            self._dirty.add("texts")

    def _run(self, title: str, action, clean: str = "") -> bool:  # noqa: ANN001
        try:
            action()
        except ServiceError as exc:
            self.context.dialogs.error(self, title, str(exc))
            return False
        self._dirty.discard(clean)
        self.refresh()
        self.changed.emit()
        return True

    def _save_schedule(self) -> None:
        if not event_dates_ok(self.context.dialogs, self, "Tanggal Bimtek", self.start, self.end):
            return
        self._run("Jadwal tidak disimpan", lambda: bimtek.set_schedule(
            self.request_id, self.context.actor(), from_qt(self.start), from_qt(self.end), self.venue.text()
        ), "schedule")  # fmt: skip

    def _invitations(self) -> None:
        chosen = self.invitation_day.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        self._run("Undangan", lambda: bimtek.invitations_sent(self.request_id, day, self.context.actor()))

    def _add_speaker(self) -> None:
        if self._run("Narasumber tidak ditambahkan", lambda: bimtek.add_speaker(
            self.request_id, self.context.actor(), self.speaker_name.text(), self.speaker_agency.text(),
            self.speaker_contact.text(), self.speaker_topic.text(),
        )):  # fmt: skip
            for field in (self.speaker_name, self.speaker_agency, self.speaker_contact, self.speaker_topic):
                field.clear()

    def _selected_key(self, table: QTableView, model: RowsModel, title: str):  # noqa: ANN202
        rows = table.selectionModel().selectedRows()
        if not rows:
            self.context.dialogs.info(self, title, "Pilih dulu barisnya di tabel.")
            return None
        return model.row(rows[0].row())

    def _withdraw_speaker(self) -> None:
        row = self._selected_key(self.speakers, self.speaker_model, "Tarik narasumber")
        if row is None:
            return
        reason = self.context.dialogs.ask_text(self, "Tarik narasumber", f"Alasan menarik {row.values[0]}:")
        if reason is not None:
            self._run("Narasumber tidak ditarik",
                      lambda: bimtek.withdraw_speaker(int(row.key), reason, self.context.actor()))  # fmt: skip

    def _add_participant(self) -> None:
        if self._run("Peserta tidak ditambahkan", lambda: bimtek.add_participant(
            self.request_id, self.context.actor(), self.participant_name.text(), self.participant_nip.text(),
            self.participant_unit.text(),
        )):  # fmt: skip
            for field in (self.participant_name, self.participant_nip):
                field.clear()
            self.participant_name.setFocus()

    def _toggle(self) -> None:
        row = self._selected_key(self.participants, self.participant_model, "Kehadiran")
        if row is None:
            return
        attendee_id, attended = row.key
        self._run("Kehadiran", lambda: bimtek.mark_attendance(attendee_id, not attended, self.context.actor()))

    def _withdraw_participant(self) -> None:
        row = self._selected_key(self.participants, self.participant_model, "Tarik peserta")
        if row is None:
            return
        reason = self.context.dialogs.ask_text(
            self, "Tarik peserta", f"Alasan menarik {row.values[0]} (mis. salah ketik):"
        )
        if reason is not None:
            self._run("Peserta tidak ditarik",
                      lambda: bimtek.withdraw_participant(row.key[0], reason, self.context.actor()))  # fmt: skip

    def _save_texts(self) -> None:
        minutes, report = self.minutes.toPlainText(), self.report.toPlainText()
        self._run("Notulen/laporan tidak disimpan", lambda: bimtek.set_texts(
            self.request_id, self.context.actor(), minutes=minutes, report=report
        ), "texts")  # fmt: skip

    def _export(self) -> None:
        suggested = self.context.paths.exports / f"bimtek-{self.request_id}.xlsx"
        chosen = self.context.dialogs.save_file(self, "Ekspor Bimtek", str(suggested), "Excel (*.xlsx)")
        if not chosen:
            return
        try:
            out = bimtek.export_bimtek(self.request_id, Path(chosen), self.context.actor())
        except (ServiceError, OSError) as exc:
            self.context.dialogs.error(self, "Ekspor gagal", str(exc))
            return
        self.context.dialogs.file_written(self, "Ekspor berhasil", "Data Bimtek disimpan ke:", out)
