"""Fills the complaint register, records new complaints and their handling, exports it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ...domain.indonesian import format_date, format_datetime
from ...services import ServiceError, complaints
from ...services.library import list_library
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row
from .view import ComplaintsView


class ComplaintsController(QObject):
    overdueChanged = Signal(int)
    """How many complaints are past their answer deadline: the main window shows it."""

    def __init__(self, view: ComplaintsView, context: AppContext) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        view.search.textChanged.connect(self.apply)
        view.status.currentIndexChanged.connect(self.apply)
        view.add_button.clicked.connect(self.add)
        view.assign_button.clicked.connect(self.assign)
        view.note_button.clicked.connect(self.note)
        view.resolve_button.clicked.connect(self.resolve)
        view.export_button.clicked.connect(self.export)

    def reload(self) -> None:
        view = self.view
        view.channel.clear()
        for channel in complaints.CHANNELS:
            view.channel.addItem(channel, channel)
        view.service.clear()
        view.service.addItem("(tidak terkait layanan tertentu)", "")
        for entry in list_library():
            view.service.addItem(entry.sop.service, entry.sop.code)
        self.apply()

    def apply(self) -> None:
        zone = active_office().zone
        found = complaints.rows(self.view.search.text(), self.view.status.currentData() or "")
        self.view.model.set_rows(
            [
                Row(
                    (
                        r.id,
                        format_datetime(r.received_at.astimezone(zone)),
                        r.channel,
                        r.complainant,
                        r.service,
                        r.content,
                        r.handler,
                        format_date(r.due_date),
                        complaints.STATUSES[r.status],
                    ),
                    key=r.id,
                    colour="#c62828" if r.overdue else ("#888888" if r.status == "selesai" else None),
                    bold=r.overdue,
                    tooltip=r.resolution,
                )  # fmt: skip
                for r in found
            ]
        )
        overdue = complaints.overdue_count()
        self.view.summary.setText(f"  {len(found)} pengaduan · {overdue} melewati batas jawab")
        self.overdueChanged.emit(overdue)

    def _selected(self) -> int | None:
        rows = self.view.table.selectionModel().selectedRows()
        return None if not rows else int(self.view.model.row(rows[0].row()).key)

    def _run(self, title: str, action) -> None:  # noqa: ANN001
        try:
            action()
        except ServiceError as exc:
            self.context.dialogs.error(self.view, title, str(exc))
            return
        self.apply()

    def add(self) -> None:
        view = self.view
        received = view.received.dateTime().toPython().replace(tzinfo=active_office().zone)

        def record() -> None:
            complaints.register(
                self.context.actor(), received, str(view.channel.currentData()), view.content.toPlainText(),
                complainant=view.complainant.text(), contact=view.contact.text(),
                sop_code=view.service.currentData() or "", classification=view.classification.text(),
            )  # fmt: skip
            for field in (view.complainant, view.contact, view.classification):
                field.clear()
            view.content.clear()

        self._run("Pengaduan belum dicatat", record)

    def _ask(self, title: str, label: str, action) -> None:  # noqa: ANN001
        complaint_id = self._selected()
        if complaint_id is None:
            return
        text = self.context.dialogs.ask_text(self.view, title, label)
        if text is not None:
            self._run(title, lambda: action(complaint_id, text))

    def assign(self) -> None:
        self._ask("Tugaskan", "Petugas yang menangani:",
                  lambda cid, text: complaints.assign(cid, text, self.context.actor()))  # fmt: skip

    def note(self) -> None:
        self._ask("Tindak lanjut", "Catatan tindak lanjut:",
                  lambda cid, text: complaints.add_note(cid, text, self.context.actor()))  # fmt: skip

    def resolve(self) -> None:
        self._ask("Selesaikan pengaduan", "Penyelesaian / jawaban kepada pengadu:",
                  lambda cid, text: complaints.resolve(cid, text, self.context.actor()))  # fmt: skip

    def export(self) -> None:
        suggested = self.context.paths.exports / f"pengaduan-{datetime.now():%Y%m%d}.xlsx"
        chosen = self.context.dialogs.save_file(
            self.view, "Ekspor register pengaduan", str(suggested), "Excel (*.xlsx)"
        )
        if not chosen:
            return
        try:
            out = complaints.export_register(
                Path(chosen), self.view.search.text(), self.view.status.currentData() or ""
            )
        except (ServiceError, OSError) as exc:
            self.context.dialogs.error(self.view, "Ekspor gagal", str(exc))
            return
        self.context.dialogs.info(self.view, "Ekspor berhasil", f"Disimpan ke {out}")
