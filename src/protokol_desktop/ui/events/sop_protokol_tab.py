"""The "SOP Protokol" tab of an LMJ-KOORDINASI request: generate the document (Excel and PDF) from the
event's records, its correction rounds, the Kasubag's paraf, the Kabag's signature, and who received
it when (the protocol officers, then the adjutants of the Bupati and Wakil Bupati)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.indonesian import format_datetime
from ...services import permissions
from ...services import sop_protokol as sp
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row, RowsModel
from ..rights import show_permission
from ..widgets import read_only_table
from .common import RecordTab, select_key, selected_key

DOCUMENT_HEADERS = ["Putaran", "Dibuat", "Oleh", "Status", "Koreksi", "Paraf Kasubag", "Tanda tangan Kabag"]
DISTRIBUTION_HEADERS = ["Penerima", "Nama", "Diterima", "Dicatat oleh", "Catatan"]
PENDING_COLOUR = "#c62828"


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)
    return button


def _pdf_writer():  # noqa: ANN202
    from ..pdf.sop_protokol_pdf import write_sop_protokol_pdf

    return write_sop_protokol_pdf


class SopProtokolTab(RecordTab):
    def __init__(self, request_id: int, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(request_id, context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        actions = QHBoxLayout()
        self.generate_button = _button("Buat SOP Protokol (Excel + PDF)")
        self.open_xlsx_button = _button("Buka Excel")
        self.open_pdf_button = _button("Buka PDF")
        self.correct_button = _button("Catat koreksi…")
        self.paraf_button = _button("Paraf Kasubag")
        self.sign_button = _button("Tanda tangan Kabag")
        for button in (self.generate_button, self.open_xlsx_button, self.open_pdf_button, self.correct_button,
                       self.paraf_button, self.sign_button):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.document_model = RowsModel(DOCUMENT_HEADERS, self)
        self.document_table = read_only_table(self.document_model, widths=(60, 130, 110, 190, 60, 170))
        self.document_table.setMaximumHeight(150)
        layout.addWidget(self.document_table)
        self.corrections = QLabel()
        self.corrections.setWordWrap(True)
        self.corrections.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.corrections)
        box = QGroupBox("Distribusi (langkah 11: petugas protokol, lalu ajudan Bupati dan Wakil Bupati)")
        box_layout = QVBoxLayout(box)
        self.distribution_model = RowsModel(DISTRIBUTION_HEADERS, self)
        self.distribution_table = read_only_table(self.distribution_model, widths=(170, 220, 150, 140))
        box_layout.addWidget(self.distribution_table, 1)
        record = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setMinimumContentsLength(18)
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText("Nama penerima")
        self.record_button = _button("Catat diterima sekarang")
        record.addWidget(self.kind)
        record.addWidget(self.recipient, 1)
        record.addWidget(self.record_button)
        box_layout.addLayout(record)
        layout.addWidget(box, 1)
        self.generate_button.clicked.connect(self.generate)
        self.open_xlsx_button.clicked.connect(self.open_xlsx)
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.correct_button.clicked.connect(self.correct)
        self.paraf_button.clicked.connect(self.paraf)
        self.sign_button.clicked.connect(self.sign)
        self.record_button.clicked.connect(self.record_receipt)
        self.recipient.returnPressed.connect(self.record_receipt)
        self.document_table.selectionModel().selectionChanged.connect(self._show_selected)
        self.distribution_table.doubleClicked.connect(self._prefill)
        self.refresh()

    # -- filling
    def refresh(self) -> None:
        zone = active_office().zone
        kinds = [sp.PETUGAS, *sp.ajudan_kinds(), sp.OTHER]
        if [self.kind.itemText(i) for i in range(self.kind.count())] != kinds:
            self.kind.clear()
            self.kind.addItems(kinds)
        documents = sp.documents(self.request_id)

        def when(name: str, at) -> str:  # noqa: ANN001
            return f"{name}, {format_datetime(at.astimezone(zone))}" if at else ""

        self.document_model.set_rows(
            [
                Row(
                    (
                        d.round,
                        format_datetime(d.generated_at.astimezone(zone)),
                        d.generated_by,
                        d.status,
                        len(d.corrections) or "",
                        when(d.paraf_by, d.paraf_at),
                        when(d.signed_by, d.signed_at),
                    ),
                    key=d.id,
                    bold=d.current,
                )
                for d in documents
            ]
        )
        current = documents[-1] if documents else None
        if current is None:
            self.summary.setText(
                "Belum ada SOP Protokol. Isi susunan acara, petugas, tata tempat, tata pakaian dan cek lokasi pada "
                "tab Pengaturan Acara, lalu buat dokumennya di sini."
            )
        else:
            self.summary.setText(
                f"SOP Protokol putaran <b>{current.round}</b>: {current.status}. "
                f"Acara: {current.content['event']['name']} — {current.content['event']['date_text']} "
                f"{current.content['event']['time']}, {current.content['event']['place']}."
            )
            select_key(self.document_table, current.id)
        self._show_selected()

    def selected_document(self) -> sp.DocumentRow | None:
        key = selected_key(self.document_table)
        return next((d for d in sp.documents(self.request_id) if d.id == key), None)

    def _show_selected(self, *_: object) -> None:
        zone = active_office().zone
        document = self.selected_document()
        self.open_xlsx_button.setEnabled(document is not None and bool(document.xlsx_name))
        self.open_pdf_button.setEnabled(document is not None and bool(document.pdf_name))
        current = document if document is not None and document.current else None
        actor = self.context.actor()
        show_permission(
            self.correct_button, permissions.can_sop_protokol_correction(actor),
            available=current is not None and current.signed_at is None,
        )  # fmt: skip
        show_permission(
            self.paraf_button, permissions.can_sop_protokol_paraf(actor),
            available=current is not None and current.paraf_at is None,
        )  # fmt: skip
        show_permission(
            self.sign_button, permissions.can_sop_protokol_sign(actor),
            available=current is not None and current.paraf_at is not None and current.signed_at is None,
        )  # fmt: skip
        self.record_button.setEnabled(current is not None and current.signed_at is not None)
        if document is None:
            self.corrections.setText("")
            self.distribution_model.set_rows([])
            return
        items = "".join(
            f"<li><b>{c.role}</b> ({c.by}, {format_datetime(c.at.astimezone(zone))}): {c.text}</li>"
            for c in document.corrections
        )
        self.corrections.setText(
            f"<b>Koreksi putaran {document.round}</b><ul>{items}</ul>" if items else "<i>Belum ada koreksi.</i>"
        )
        lines = sp.distribution(document.id)
        self.distribution_model.set_rows(
            [
                Row(
                    (
                        line.kind,
                        line.recipient or "(belum disebut)",
                        format_datetime(line.received_at.astimezone(zone)) if line.received_at else "belum diterima",
                        line.recorded_by,
                        line.note,
                    ),
                    key=(line.kind, line.recipient),
                    colour=None if line.received else PENDING_COLOUR,
                )
                for line in lines
            ]
        )

    # -- actions
    def generate(self) -> bool:
        return self.run(
            "SOP Protokol tidak dibuat",
            lambda: sp.generate(
                self.request_id, self.context.actor(), self.context.paths.attachments, pdf_writer=_pdf_writer()
            ),
        )

    def _open(self, stored: str) -> None:
        if stored:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.paths.attachments / stored)))

    def open_xlsx(self) -> None:
        document = self.selected_document()
        if document is not None:
            self._open(document.xlsx_name)

    def open_pdf(self) -> None:
        document = self.selected_document()
        if document is not None:
            self._open(document.pdf_name)

    def correct(self) -> bool:
        document = self.selected_document()
        if document is None:
            return False
        text = self.context.dialogs.ask_text(self, "Koreksi SOP Protokol", f"Koreksi atas putaran {document.round}:")
        if text is None:
            return False
        return self.run("Koreksi tidak dicatat", lambda: sp.add_correction(document.id, text, self.context.actor()))

    def paraf(self) -> bool:
        document = self.selected_document()
        if document is None:
            return False
        return self.run("Paraf tidak dicatat", lambda: sp.paraf(document.id, self.context.actor()))

    def sign(self) -> bool:
        document = self.selected_document()
        if document is None:
            return False
        return self.run("Tanda tangan tidak dicatat", lambda: sp.sign(document.id, self.context.actor()))

    def _prefill(self, *_: object) -> None:
        key = selected_key(self.distribution_table)
        if key is None:
            return
        kind, recipient = key
        self.kind.setCurrentText(kind)
        self.recipient.setText(recipient.split(" (", 1)[0] if recipient else "")

    def record_receipt(self) -> bool:
        document = self.selected_document()
        if document is None:
            return False
        ok = self.run(
            "Distribusi tidak dicatat",
            lambda: sp.record_distribution(
                document.id, self.kind.currentText(), self.recipient.text(), self.context.actor()
            ),
        )
        if ok:
            self.recipient.clear()
        return ok
