"""Fills the Agenda Pimpinan page and carries out its actions through :mod:`...services.agenda`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QAbstractButton

from ...domain.indonesian import DAYS, format_date_short
from ...domain.validation import EVENT_AHEAD_DAYS, EVENT_BEHIND_DAYS, far_date_question
from ...services import ServiceError, permissions
from ...services import agenda as agenda_service
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row
from ..rights import show_permission
from ..widgets import far_dates_confirmed, office_today, typed_dates_ok
from .agenda_view import AgendaView
from .models import CLASH_BACKGROUND, DECLINED_FOREGROUND

ALL_LEADERS = "Semua pimpinan"


def _short(item: agenda_service.AgendaItem) -> str:
    start = item.time_text.split(" ")[0] if item.start else ""
    return f"{start} {item.title}".strip()


class AgendaController(QObject):
    agendaChanged = Signal()
    """An entry was added, withdrawn or decided."""
    requestOpened = Signal(int)
    """The user asked to open a request's detail (its id)."""

    def __init__(self, view: AgendaView, context: AppContext) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        self.mode = "minggu"
        self.items: list[agenda_service.AgendaItem] = []
        today = office_today()
        view.day.setDate(today)
        view.entry_day.setDate(today)
        view.view_buttons[self.mode].setChecked(True)
        view.view_group.buttonClicked.connect(self._view_clicked)
        view.previous_button.clicked.connect(self.previous_period)
        view.next_button.clicked.connect(self.next_period)
        view.today_button.clicked.connect(self.go_today)
        view.day.dateChanged.connect(self.reload)
        view.leader.currentIndexChanged.connect(self.reload)
        view.export_button.clicked.connect(self.export_week)
        view.add_button.clicked.connect(self.add_entry)
        view.decide_button.clicked.connect(self.decide)
        view.withdraw_button.clicked.connect(self.withdraw)
        view.open_button.clicked.connect(self.open_request)
        view.decision.currentIndexChanged.connect(self._decision_changed)
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        view.table.doubleClicked.connect(self.open_request)
        view.footnote.setText(agenda_service.ASSUMPTION + " Tanda * pada jam selesai berarti perkiraan.")
        self._fill_leaders()
        self._selection_changed()

    # -- filling
    def _fill_leaders(self) -> None:
        leaders = list(active_office().leaders)
        current = self.view.leader.currentText()
        self.view.leader.blockSignals(True)
        self.view.leader.clear()
        self.view.leader.addItem(ALL_LEADERS, "")
        for leader in leaders:
            self.view.leader.addItem(leader, leader)
        index = self.view.leader.findText(current)
        self.view.leader.setCurrentIndex(max(0, index))
        self.view.leader.blockSignals(False)
        self.view.entry_leader.clear()
        self.view.entry_leader.addItems(leaders)

    def current_day(self) -> date:
        return self.view.day.date().toPython()  # type: ignore[return-value]

    def reload(self) -> None:
        view = self.view
        if view.leader.count() != len(active_office().leaders) + 1:
            self._fill_leaders()
        day = self.current_day()
        start, end = agenda_service.period(self.mode, day)
        leader = view.leader.currentData() or None
        try:
            self.items = agenda_service.items(start, end, leader)
        except ServiceError as exc:
            self.context.dialogs.error(view, "Agenda tidak dapat dimuat", str(exc))
            self.items = []
        view.period.setText(f"<h3>{agenda_service.period_title(self.mode, day)}</h3>")
        by_key = {i.key: i for i in self.items}
        rows, backgrounds = [], []
        for item in self.items:
            note = item.decision_note
            if item.clash:
                note = "Bentrok: " + "; ".join(_short(by_key[k]) for k in item.clash_with if k in by_key)
            elif item.same_event_as:
                note = "Acara yang sama dengan permohonan lain"
            source = f"Permohonan {item.reference}" if item.source == "permohonan" else "Agenda langsung"
            rows.append(
                Row(
                    (
                        f"{DAYS[item.day.weekday()]}, {format_date_short(item.day)}",
                        item.time_text,
                        item.leader,
                        f"{item.title}\n{item.organiser}" if item.organiser else item.title,
                        item.place,
                        source,
                        item.decision_text,
                        note,
                    ),
                    key=item.key,
                    colour=DECLINED_FOREGROUND if item.decision == "ditolak" else None,
                    bold=item.clash,
                    tooltip=note,
                )
            )
            backgrounds.append(CLASH_BACKGROUND if item.clash else None)
        view.model.set_rows(rows, backgrounds)
        view.table.resizeRowsToContents()
        view.empty.setVisible(not rows)
        clashes = agenda_service.clashes(start, end, leader)
        if clashes:
            view.banner.setText(
                f"<b>{len(clashes)} jadwal bentrok belum diputuskan.</b> Pilih barisnya lalu catat: hadir, "
                "diwakili (sebutkan pejabatnya) atau tidak hadir (catat surat balasannya).<br>"
                + "<br>".join(c.text for c in clashes)
            )
        view.banner.setVisible(bool(clashes))
        self._selection_changed()

    # -- navigation
    def set_mode(self, mode: str) -> None:
        if mode not in agenda_service.VIEWS:
            raise ValueError(mode)
        self.mode = mode
        self.view.view_buttons[mode].setChecked(True)
        self.reload()

    def _view_clicked(self, button: QAbstractButton) -> None:
        self.set_mode(str(button.property("view")))

    def _shift(self, sign: int) -> None:
        day = self.current_day()
        if self.mode == "hari":
            new = day + timedelta(days=sign)
        elif self.mode == "minggu":
            new = day + timedelta(days=7 * sign)
        else:
            month = day.month - 1 + sign
            new = date(day.year + month // 12, month % 12 + 1, 1)
        self.view.day.setDate(QDate(new.year, new.month, new.day))

    def previous_period(self) -> None:
        self._shift(-1)

    def next_period(self) -> None:
        self._shift(1)

    def go_today(self) -> None:
        self.view.day.setDate(office_today())

    def go_to(self, day: date) -> None:
        self.view.day.setDate(QDate(day.year, day.month, day.day))

    # -- selection and decisions
    def selected_item(self) -> agenda_service.AgendaItem | None:
        rows = self.view.table.selectionModel().selectedRows()
        if not rows:
            return None
        key = self.view.model.row(rows[0].row()).key
        return next((i for i in self.items if i.key == key), None)

    def select(self, key: str) -> bool:
        for number, row in enumerate(self.view.model.rows()):
            if row.key == key:
                self.view.table.selectRow(number)
                return True
        return False

    def _selection_changed(self, *_: object) -> None:
        view = self.view
        item = self.selected_item()
        actor = self.context.actor()
        deciding = permissions.can_decide_agenda(actor)
        for widget in (view.decision, view.representative, view.reply_letter, view.decision_note, view.decide_button):
            show_permission(widget, deciding, available=item is not None)
        show_permission(
            view.withdraw_button,
            permissions.can_withdraw_agenda(actor, item.created_by if item is not None else ""),
            available=item is not None and item.source == "agenda",
        )
        view.open_button.setEnabled(item is not None and item.request_id is not None)
        if item is None:
            view.selected.setText("Pilih satu baris agenda.")
            return
        view.selected.setText(f"<b>{item.leader}</b> — {item.time_text}, {item.title}")
        index = view.decision.findData(item.decision or "hadir")
        view.decision.setCurrentIndex(max(0, index))
        view.representative.setText(item.representative)
        view.reply_letter.setText(item.reply_letter)
        view.decision_note.setText(item.decision_note)
        self._decision_changed()

    def _decision_changed(self, *_: object) -> None:
        chosen = self.view.decision.currentData()
        show_permission(
            self.view.representative,
            permissions.can_decide_agenda(self.context.actor()),
            available=self.selected_item() is not None and chosen == "diwakili",
        )

    def decide(self) -> bool:
        item = self.selected_item()
        if item is None:
            return False
        view = self.view
        try:
            agenda_service.decide(
                item.key,
                str(view.decision.currentData()),
                self.context.actor(),
                representative=view.representative.text(),
                reply_letter=view.reply_letter.text(),
                note=view.decision_note.text(),
            )
        except ServiceError as exc:
            self.context.dialogs.error(view, "Keputusan tidak disimpan", str(exc))
            return False
        self.reload()
        self.select(item.key)
        self.agendaChanged.emit()
        return True

    def add_entry(self) -> int | None:
        view = self.view
        dialogs = self.context.dialogs
        if not typed_dates_ok(dialogs, view, view.entry_day):
            return None
        day = view.entry_day.date().toPython()
        question = far_date_question(
            "Tanggal agenda", day, office_today().toPython(), ahead_days=EVENT_AHEAD_DAYS, behind_days=EVENT_BEHIND_DAYS
        )
        if not far_dates_confirmed(dialogs, view, question):
            return None
        form = agenda_service.EntryForm(
            leader=view.entry_leader.currentText(),
            day=day,  # type: ignore[arg-type]
            start_time=view.entry_start.text(),
            end_time=view.entry_end.text(),
            title=view.entry_title.text(),
            place=view.entry_place.text(),
            organiser=view.entry_organiser.text(),
        )
        try:
            entry_id = agenda_service.add_entry(form, self.context.actor())
        except ServiceError as exc:
            self.context.dialogs.error(view, "Agenda tidak ditambah", str(exc))
            return None
        for field in (view.entry_start, view.entry_end, view.entry_title, view.entry_place, view.entry_organiser):
            field.clear()
        self.go_to(form.day)
        self.reload()
        self.select(f"agenda:{entry_id}")
        self.agendaChanged.emit()
        return entry_id

    def withdraw(self) -> None:
        item = self.selected_item()
        if item is None or item.entry_id is None:
            return
        reason = self.context.dialogs.ask_text(self.view, "Tarik agenda", f"Alasan menarik “{item.title}”:")
        if reason is None:
            return
        try:
            agenda_service.withdraw_entry(item.entry_id, reason, self.context.actor())
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Agenda tidak ditarik", str(exc))
            return
        self.reload()
        self.agendaChanged.emit()

    def open_request(self, *_: object) -> None:
        item = self.selected_item()
        if item is not None and item.request_id is not None:
            self.requestOpened.emit(item.request_id)

    def export_week(self) -> Path | None:
        day = self.current_day()
        start, _ = agenda_service.period("minggu", day)
        suggested = str(self.context.paths.exports / f"Agenda-Pimpinan-{start.isoformat()}.xlsx")
        chosen = self.context.dialogs.save_file(self.view, "Ekspor agenda minggu ini", suggested, "Excel (*.xlsx)")
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != ".xlsx":
            out = out.with_suffix(".xlsx")
        try:
            written = agenda_service.export_week(day, out, actor=self.context.actor())
        except (ServiceError, OSError) as exc:
            self.context.dialogs.error(self.view, "Agenda tidak diekspor", str(exc))
            return None
        self.context.dialogs.file_written(
            self.view, "Agenda diekspor", f"Agenda minggu {start:%d/%m/%Y} disimpan ke:", written
        )
        return written
