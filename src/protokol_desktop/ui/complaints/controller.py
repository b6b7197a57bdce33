"""Fills the complaint register, records new complaints and their handling, exports the register,
and tells the main window how many complaints are past their answer deadline."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.indonesian import format_date, format_datetime
from ...services import ServiceError, complaints
from ...services.library import list_library
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row
from ..widgets import from_qt, to_qt, typed_dates_ok
from .view import ComplaintsView

OVERDUE_COLOUR = "#c62828"
DONE_COLOUR = "#777777"
RECHECK_MS = 10 * 60 * 1000  # the overdue count changes with the date, not only with edits


class ComplaintsController(QObject):
    overdueChanged = Signal(int)
    """How many complaints are past their answer deadline: the main window shows it."""

    def __init__(self, view: ComplaintsView, context: AppContext) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        self._rows: dict[int, complaints.ComplaintRow] = {}
        view.status.addItem("Semua status", "")
        for key, label in complaints.STATUSES.items():
            view.status.addItem(label, key)
        view.status.addItem("Lewat batas jawab", complaints.OVERDUE)
        view.search.textChanged.connect(self.apply)
        view.status.currentIndexChanged.connect(self.apply)
        view.table.selectionModel().selectionChanged.connect(self.show_selected)
        view.service.currentIndexChanged.connect(self._fill_requests)
        view.received.dateTimeChanged.connect(self._show_deadline)
        view.add_button.clicked.connect(self.add)
        view.assign_button.clicked.connect(self.assign)
        view.note_button.clicked.connect(self.note)
        view.resolve_button.clicked.connect(self.resolve)
        view.export_button.clicked.connect(self.export)
        self._timer = QTimer(self)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(self.recount)
        self._timer.start()
        self.show_selected()

    # -- filling
    def reload(self) -> None:
        view = self.view
        view.channel.clear()
        for channel in complaints.CHANNELS:
            view.channel.addItem(channel, channel)
        view.service.blockSignals(True)
        view.service.clear()
        view.service.addItem("(tidak terkait layanan tertentu)", "")
        for entry in list_library():
            view.service.addItem(entry.sop.service, entry.sop.code)
        view.service.blockSignals(False)
        self._fill_requests()
        self._fill_classifications()
        self._reset_received()
        self.apply()

    def _fill_requests(self) -> None:
        view = self.view
        view.request.clear()
        view.request.addItem("(tidak terkait permohonan tertentu)", None)
        for request_id, label in complaints.request_choices(view.service.currentData() or ""):
            view.request.addItem(label, request_id)
        view.request.setEnabled(view.request.count() > 1)

    def _fill_classifications(self) -> None:
        view = self.view
        view.classification.clear()
        view.classification.addItems(complaints.classifications())
        view.classification.setCurrentIndex(-1)
        view.classification.setEditText("")

    def _reset_received(self) -> None:
        self.view.received.setDateTime(to_qt(datetime.now(UTC)))
        self._show_deadline()

    def _received(self) -> datetime:
        return from_qt(self.view.received)

    def _show_deadline(self) -> None:
        due = complaints.due_date(self._received())
        days = active_office().complaint_days
        self.view.deadline.setText(f"Batas jawab: <b>{format_date(due)}</b> ({days} hari kerja)")

    def apply(self) -> None:
        view = self.view
        selected = self._selected()
        zone = active_office().zone
        found = complaints.rows(view.search.text(), view.status.currentData() or "")
        self._rows = {r.id: r for r in found}
        view.model.set_rows(
            [
                Row(
                    (
                        r.id,
                        format_datetime(r.received_at.astimezone(zone)),
                        r.channel,
                        r.complainant,
                        r.service,
                        r.content.replace("\n", " "),
                        r.classification,
                        r.handler,
                        format_date(r.due_date),
                        r.status_label,
                    ),
                    key=r.id,
                    colour=OVERDUE_COLOUR if r.overdue else (DONE_COLOUR if r.status == "selesai" else None),
                    bold=r.overdue,
                    tooltip=r.content,
                )
                for r in found
            ]
        )
        if selected in self._rows:
            view.table.selectRow(list(self._rows).index(selected))
        self.show_selected()
        overdue = self.recount()
        view.summary.setText(f"  {len(found)} pengaduan · {overdue} melewati batas jawab")

    def recount(self) -> int:
        overdue = complaints.overdue_count()
        self.overdueChanged.emit(overdue)
        return overdue

    def _selected(self) -> int | None:
        rows = self.view.table.selectionModel().selectedRows()
        return None if not rows else int(self.view.model.row(rows[0].row()).key)

    def show_selected(self) -> None:
        view = self.view
        row = self._rows.get(self._selected() or -1)
        view.assign_button.setEnabled(row is not None and row.status != "selesai")
        view.note_button.setEnabled(row is not None)
        view.resolve_button.setEnabled(row is not None and row.status != "selesai")
        if row is None:
            view.detail.setHtml("<p style='color:#777'>Pilih pengaduan di tabel untuk melihat rincian dan "
                                "menindaklanjutinya.</p>")  # fmt: skip
            return
        zone = active_office().zone
        if row.days_left is None:
            deadline = format_date(row.due_date)
        elif row.days_left < 0:
            deadline = (f"<b style='color:{OVERDUE_COLOUR}'>{format_date(row.due_date)} — lewat "
                        f"{-row.days_left} hari kerja</b>")  # fmt: skip
        elif row.days_left == 0:
            deadline = f"<b>{format_date(row.due_date)} — hari ini</b>"
        else:
            deadline = f"{format_date(row.due_date)} — {row.days_left} hari kerja lagi"
        lines = [
            f"<b>Pengaduan #{row.id}</b> · {escape(row.status_label)}",
            f"Diterima {format_datetime(row.received_at.astimezone(zone))} lewat {escape(row.channel)}",
            f"Pengadu: {escape(row.complainant)}" + (f" · {escape(row.contact)}" if row.contact else ""),
        ]
        if row.service:
            lines.append(f"Layanan: {escape(row.service)}" + (f" — {escape(row.request_label)}" if row.request_label
                                                              else ""))  # fmt: skip
        lines.append(f"Klasifikasi: {escape(row.classification or '-')} · Petugas: {escape(row.handler or '-')}")
        lines.append(f"Batas jawab: {deadline}")
        html = "<br>".join(lines)
        html += f"<p>{escape(row.content).replace(chr(10), '<br>')}</p>"
        if row.notes:
            html += "<b>Tindak lanjut</b><ul>" + "".join(
                f"<li>{format_datetime(n.at.astimezone(zone))}, {escape(n.actor)}: {escape(n.text)}</li>"
                for n in row.notes
            ) + "</ul>"  # fmt: skip
        if row.status == "selesai" and row.resolved_at is not None:
            timely = "tepat waktu" if row.on_time else "melewati batas jawab"
            html += (f"<b>Penyelesaian</b> ({format_datetime(row.resolved_at.astimezone(zone))}, {timely})"
                     f"<p>{escape(row.resolution)}</p>")  # fmt: skip
        view.detail.setHtml(html)

    # -- actions
    def _run(self, title: str, action) -> bool:  # noqa: ANN001
        try:
            action()
        except ServiceError as exc:
            self.context.dialogs.error(self.view, title, str(exc))
            return False
        self.apply()
        return True

    def add(self) -> None:
        view = self.view
        if not typed_dates_ok(self.context.dialogs, view, view.received):
            return
        received = self._received()

        def record() -> None:
            complaints.register(
                self.context.actor(), received, str(view.channel.currentData()), view.content.toPlainText(),
                complainant=view.complainant.text(), contact=view.contact.text(),
                sop_code=view.service.currentData() or "", request_id=view.request.currentData(),
                classification=view.classification.currentText(),
            )  # fmt: skip

        if self._run("Pengaduan belum dicatat", record):
            for field in (view.complainant, view.contact):
                field.clear()
            view.content.clear()
            view.service.setCurrentIndex(0)
            self._fill_classifications()
            self._reset_received()
            view.table.selectRow(0)  # newest first: the one just recorded, unless filtered out

    def _ask(self, title: str, label: str, action) -> None:  # noqa: ANN001
        complaint_id = self._selected()
        if complaint_id is None:
            self.context.dialogs.info(self.view, title, "Pilih dulu pengaduannya di tabel.")
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
        today = datetime.now(UTC).astimezone(active_office().zone)
        suggested = self.context.paths.exports / f"pengaduan-{today:%Y%m%d}.xlsx"
        chosen = self.context.dialogs.save_file(
            self.view, "Ekspor register pengaduan", str(suggested), "Excel (*.xlsx)"
        )
        if not chosen:
            return
        try:
            out = complaints.export_register(
                Path(chosen), self.view.search.text(), self.view.status.currentData() or "", actor=self.context.actor()
            )
        except (ServiceError, OSError) as exc:
            self.context.dialogs.error(self.view, "Ekspor gagal", str(exc))
            return
        self.context.dialogs.file_written(self.view, "Ekspor berhasil", "Register pengaduan disimpan ke:", out)
