"""Fills the calendar page and records the office's own holidays and working days."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...domain.indonesian import DAYS, format_date
from ...services import ServiceError
from ...services.office import calendar, calendar_entries, rescheduled_message, set_office_day
from ...services.permissions import can_set_office_days
from ..context import AppContext
from ..models.rows import Row
from ..rights import show_permission
from ..widgets import office_today, typed_dates_ok
from .view import CalendarView

KIND_COLOURS = {"cuti bersama": "#ef6c00", "libur kantor": "#6a1b9a", "hari kerja kantor": "#2e7d32"}


class CalendarController(QObject):
    calendarChanged = Signal()
    """An office day was added: deadlines on the board are recomputed."""

    def __init__(self, view: CalendarView, context: AppContext) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        view.year.setValue(office_today().year())
        view.day.setDate(office_today())
        view.year.valueChanged.connect(self.reload)
        view.add_holiday.clicked.connect(self.add_holiday)
        view.add_workday.clicked.connect(self.add_workday)

    def reload(self) -> None:
        setting = can_set_office_days(self.context.actor())
        for widget in (self.view.name, self.view.add_holiday, self.view.add_workday):
            show_permission(widget, setting)
        year = self.view.year.value()
        self.view.model.set_rows(
            [
                Row((format_date(day), DAYS[day.weekday()], kind, name), key=day, colour=KIND_COLOURS.get(kind))
                for day, name, kind in calendar_entries(year)
            ]
        )
        today = office_today().toPython()
        due = calendar().due_day(today, 3)
        self.view.calculator.setText(
            f"Contoh: 3 hari kerja dari hari ini jatuh pada {DAYS[due.weekday()]}, {format_date(due)}."
        )

    def _save(self, is_holiday: bool) -> None:
        if not typed_dates_ok(self.context.dialogs, self.view, self.view.day):
            return
        day = self.view.day.date().toPython()
        try:
            moved = set_office_day(day, is_holiday, self.view.name.text(), actor=self.context.actor())
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Tanggal tidak disimpan", str(exc))
            return
        self.view.name.clear()
        self.view.year.setValue(day.year)
        self.reload()
        self.calendarChanged.emit()
        what = "Libur kantor" if is_holiday else "Hari kerja kantor"
        self.context.dialogs.info(
            self.view, "Kalender kantor", f"{what} {format_date(day)} disimpan. {rescheduled_message(moved)}"
        )

    def add_holiday(self) -> None:
        self._save(True)

    def add_workday(self) -> None:
        self._save(False)
