"""Intake dialog: register an incoming letter (surat masuk / permohonan) as a request.

The dialog gathers the fields and hands an :class:`IntakeForm` to a ``submit`` callable, which
returns an error message (shown, the dialog stays open and nothing changes) or ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.office import Office
from ...domain.sop import Sop
from ...domain.validation import (
    EVENT_AHEAD_DAYS,
    EVENT_BEHIND_DAYS,
    LETTER_BEHIND_DAYS,
    RECEIVED_AHEAD_DAYS,
    RECEIVED_BEHIND_DAYS,
    far_date_question,
)
from ...services.requests import IntakeForm
from ..dialog_service import DialogService
from ..widgets import (
    date_edit,
    datetime_edit,
    far_dates_confirmed,
    from_qt,
    literal,
    office_now,
    office_today,
    to_qt,
    typed_dates_ok,
)

ATTACHMENT_FILTER = "Dokumen (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.odt *.xls *.xlsx *.txt *.rtf)"


class IntakeDialog(QDialog):
    def __init__(
        self,
        sops: list[Sop],
        office: Office,
        submit: Callable[[IntakeForm], str | None],
        dialogs: DialogService,
        parent: QWidget | None = None,
        deadline: Callable[[str, datetime], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._deadline = deadline
        self.setWindowTitle("Permohonan Baru")
        self.setMinimumWidth(780)
        self._sops = sops
        self._office = office
        self._submit = submit
        self._dialogs = dialogs
        self._attachments: list[Path] = []
        self.result_form: IntakeForm | None = None

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.service = QComboBox()
        for sop in sops:
            self.service.addItem(f"{sop.service} — {sop.code}", sop.code)
        form.addRow("Layanan", self.service)
        self.nomor_surat = QLineEdit()
        self.nomor_surat.setPlaceholderText("mis. 005/123/Disdikbud/2026")
        form.addRow("Nomor surat", self.nomor_surat)
        # Dates and times on the office's clock, whatever zone this PC is set to.
        today = office_today()
        self.tanggal_surat = date_edit(today)
        form.addRow("Tanggal surat", self.tanggal_surat)
        self.received = datetime_edit()
        self.received.setDateTime(to_qt(datetime.now(UTC)))
        form.addRow(f"Diterima ({office.timezone})", self.received)
        self.deadline_label = QLabel()  # the office's deadline rule and the due date it gives
        self.deadline_label.setWordWrap(True)
        form.addRow("", self.deadline_label)
        self.perihal = QPlainTextEdit()
        self.perihal.setFixedHeight(56)
        form.addRow("Perihal", self.perihal)
        self.pengirim = QLineEdit()
        form.addRow("Pengirim / penyelenggara", self.pengirim)
        contact = QHBoxLayout()
        self.contact_name = QLineEdit()
        self.contact_name.setPlaceholderText("Nama narahubung")
        self.contact_phone = QLineEdit()
        self.contact_phone.setPlaceholderText("0812…, +62…, (0334) 881009")
        contact.addWidget(self.contact_name, 1)
        contact.addWidget(self.contact_phone, 1)
        form.addRow("Narahubung", contact)
        self.leader = QComboBox()
        self.leader.addItem("", "")
        for title in office.leaders:
            self.leader.addItem(title, title)
        form.addRow("Pimpinan yang diminta", self.leader)
        event = QHBoxLayout()
        self.event_date = date_edit(today.addDays(7))
        self.event_time = QLineEdit()
        self.event_time.setPlaceholderText("14.05")
        self.event_time.setMaximumWidth(70)
        self.event_place = QLineEdit()
        self.event_place.setPlaceholderText("Tempat acara")
        event.addWidget(self.event_date)
        event.addWidget(self.event_time)
        event.addWidget(self.event_place, 1)
        self.event_label = QLabel("Acara (tanggal, jam, tempat)")
        form.addRow(self.event_label, event)
        self.srikandi = QLineEdit()
        self.srikandi.setPlaceholderText("opsional")
        form.addRow("Nomor SRIKANDI", self.srikandi)
        layout.addLayout(form)

        self.requirements_box = QGroupBox("Persyaratan")
        self.requirements_layout = QVBoxLayout(self.requirements_box)
        self.requirement_checks: list[QCheckBox] = []
        layout.addWidget(self.requirements_box)
        self.incomplete_label = QLabel()
        self.incomplete_label.setStyleSheet("color: #c62828; font-weight: bold;")
        layout.addWidget(self.incomplete_label)

        attach_box = QGroupBox("Lampiran (disalin ke folder data)")
        attach_layout = QHBoxLayout(attach_box)
        self.attachments = QListWidget()
        self.attachments.setFixedHeight(60)
        attach_layout.addWidget(self.attachments, 1)
        self.add_attachment = QPushButton("Tambah…")
        attach_layout.addWidget(self.add_attachment, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(attach_box)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)

        self.service.currentIndexChanged.connect(self._service_changed)
        self.received.dateTimeChanged.connect(self._show_deadline)
        self.add_attachment.clicked.connect(self._pick_attachment)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._service_changed()

    def current_sop(self) -> Sop:
        return self._sops[max(0, self.service.currentIndex())]

    def _service_changed(self) -> None:
        sop = self.current_sop()
        for check in self.requirement_checks:
            check.setParent(None)
            check.deleteLater()
        self.requirement_checks = []
        for requirement in sop.standard.persyaratan:
            label = requirement.text + ("" if requirement.required else " (jika perlu)")
            check = QCheckBox(literal(label))
            check.toggled.connect(self._update_incomplete)
            self.requirements_layout.addWidget(check)
            self.requirement_checks.append(check)
        self.requirements_box.setVisible(bool(sop.standard.persyaratan))
        for widget in (self.event_date, self.event_time, self.event_place):
            widget.setEnabled(sop.has_event)
        self._update_incomplete()
        self._show_deadline()

    def _show_deadline(self) -> None:
        self.deadline_label.setVisible(self._deadline is not None)
        if self._deadline is not None:
            form = self.build_form()
            self.deadline_label.setText(self._deadline(form.sop_code, form.received_at))

    def _update_incomplete(self) -> None:
        sop = self.current_sop()
        missing = [
            r.text
            for r, check in zip(sop.standard.persyaratan, self.requirement_checks, strict=True)
            if r.required and not check.isChecked()
        ]
        self.incomplete_label.setText(
            "Berkas belum lengkap: dapat disimpan, tetapi belum dapat dimulai." if missing else ""
        )
        self.incomplete_label.setVisible(bool(missing))

    def _pick_attachment(self) -> None:
        for path in self._dialogs.open_files(self, "Pilih lampiran", ATTACHMENT_FILTER):
            self._attachments.append(Path(path))
            self.attachments.addItem(Path(path).name)

    def build_form(self) -> IntakeForm:
        sop = self.current_sop()
        received_at = from_qt(self.received).astimezone(UTC)
        return IntakeForm(
            sop_code=sop.code,
            nomor_surat=self.nomor_surat.text(),
            tanggal_surat=self.tanggal_surat.date().toPython(),
            received_at=received_at,
            perihal=self.perihal.toPlainText(),
            pengirim=self.pengirim.text(),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            leader=self.leader.currentData() or "",
            event_date=self.event_date.date().toPython() if sop.has_event else None,
            event_time=self.event_time.text() if sop.has_event else "",
            event_place=self.event_place.text() if sop.has_event else "",
            srikandi=self.srikandi.text(),
            fulfilled=tuple(i for i, check in enumerate(self.requirement_checks) if check.isChecked()),
            attachments=tuple(self._attachments),
        )

    def _accept(self) -> None:
        if not typed_dates_ok(self._dialogs, self, self.tanggal_surat, self.received, self.event_date):
            return
        form = self.build_form()
        today = office_now().date()
        received_day = form.received_at.astimezone(self._office.zone).date()
        letter_question = (
            far_date_question(
                "Tanggal surat", form.tanggal_surat, received_day, ahead_days=0, behind_days=LETTER_BEHIND_DAYS
            )
            if form.tanggal_surat <= received_day  # a later one is refused with its own message
            else None
        )
        received_question = far_date_question(
            "Tanggal diterima", received_day, today, ahead_days=RECEIVED_AHEAD_DAYS, behind_days=RECEIVED_BEHIND_DAYS
        )
        event_question = (
            far_date_question(
                "Tanggal acara", form.event_date, today, ahead_days=EVENT_AHEAD_DAYS, behind_days=EVENT_BEHIND_DAYS
            )
            if form.event_date
            else None
        )
        if not far_dates_confirmed(self._dialogs, self, letter_question, received_question, event_question):
            return
        error = self._submit(form)
        if error:
            self._dialogs.error(self, "Permohonan belum disimpan", error)
            return
        self.result_form = form
        self.accept()

    @classmethod
    def get_request(
        cls,
        sops: list[Sop],
        office: Office,
        submit: Callable[[IntakeForm], str | None],
        dialogs: DialogService,
        parent: QWidget | None = None,
        deadline: Callable[[str, datetime], str] | None = None,
    ) -> IntakeForm | None:
        dialog = cls(sops, office, submit, dialogs, parent, deadline)
        return dialog.result_form if dialog.exec() else None
