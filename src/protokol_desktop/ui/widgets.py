"""Small view helpers shared by the pages: read-only tables, date and date-and-time fields that keep
what is typed into them, in the office's time zone, and data texts on widgets that read "&" as a
mnemonic."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractItemModel, QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QValidator
from PySide6.QtWidgets import QAbstractItemView, QDateTimeEdit, QHeaderView, QTableView, QToolTip, QWidget

from ..domain.validation import EVENT_AHEAD_DAYS, EVENT_BEHIND_DAYS, far_date_question
from ..services.office import active_office
from .dialog_service import DialogService


def literal(text: str) -> str:
    """``text`` for an action, button, check box or tab, which take "&x" as the shortcut Alt+X: data
    such as "Subag Umum & Kepegawaian" keeps its "&"."""
    return text.replace("&", "&&")


def read_only_table(
    model: QAbstractItemModel, *, fit_columns: bool = False, single: bool = True, widths: Sequence[int] = ()
) -> QTableView:
    """A table of whole-row selection that cannot be edited in place, rows wrapped, last column
    stretched; ``fit_columns`` sizes the other columns to their contents, ``widths`` gives the first
    columns their widths in pixels."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    if fit_columns:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.horizontalHeader().resizeSection(column, width)
    return view


Section = QDateTimeEdit.Section
SECTION_NAMES = {
    Section.DaySection: ("Hari", "1–31"),
    Section.MonthSection: ("Bulan", "1–12"),
    Section.YearSection: ("Tahun", "empat angka, mis. 2026"),
    Section.HourSection: ("Jam", "00–23"),
    Section.MinuteSection: ("Menit", "00–59"),
}
SECTION_DIGITS = {Section.YearSection: 4}  # every other section holds two digits
STEP_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
SEPARATORS = {"/", "-", ".", ":", " "}
FINISH_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
WARNING_STYLE = "QDateTimeEdit { border: 1px solid #c62828; }"


def _digits(section: QDateTimeEdit.Section) -> int:
    return SECTION_DIGITS.get(section, 2)


class TypedDateTimeEdit(QDateTimeEdit):
    """A date(-and-time) field in which what is typed is what it holds, or it says why not.

    Qt's own field inserts a typed digit at the cursor: a click into "30" followed by "25" makes "2530",
    which it refuses key by key and so keeps 30; with the whole text selected it refuses every key; a
    "/" typed after a full "25" jumps over the month; the day is fitted to the month while the year is
    still being typed (29/02 becomes 28/02 before "2028" is complete); a two-digit year is dropped.

    Here a digit typed into a full section replaces it (under a whole-text selection, the first
    section), a separator right after a full section is the step Qt already took, the sections are put
    together as typed once they are all complete, and "26" as a year is 2026. What cannot be kept — a
    day 45, a month 13, 31/02 — is said in a tooltip and a red border, kept in ``warning`` until that
    section is typed again or the value is set otherwise (calendar, arrow keys, the program)."""

    def __init__(self, display_format: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(display_format)
        self._typed: dict[QDateTimeEdit.Section, str] = {}  # each section's text as typed
        self._runs: dict[QDateTimeEdit.Section, str] = {}  # the digits pressed for each section
        self._problems: dict[QDateTimeEdit.Section | None, str] = {}  # None: the whole date
        self._advanced: QDateTimeEdit.Section | None = None  # the section a digit just filled
        self._typing = False
        self.warning = ""
        self.dateTimeChanged.connect(self._changed)

    # --- typing -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in FINISH_KEYS:
            self.finish_typing()
        elif key in STEP_KEYS:
            self._typed.pop(self.currentSection(), None)
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        advanced, self._advanced = self._advanced, None
        if plain and text in SEPARATORS and advanced is not None:
            return  # "25/12": the "/" after a full "25" is where Qt already went, not one section further
        self._typing = key not in STEP_KEYS  # a value stepped by arrow keys is not a typed one
        try:
            if plain and len(text) == 1 and text.isdigit():
                self._type_digit(event, text, advanced)
            else:
                super().keyPressEvent(event)
        finally:
            self._typing = False
        self._show_warning()

    def _type_digit(self, event: QKeyEvent, digit: str, advanced: QDateTimeEdit.Section | None) -> None:
        if advanced is not None and len(self._runs.get(advanced, "")) < _digits(advanced):
            # "4" was a whole day (no day starts 4x) and Qt moved on; a "5" next may mean day 45.
            self._check_run(advanced, self._runs[advanced] + digit)
        section = self.currentSection()
        if self._select_section_for_typing():
            section = self.currentSection()
            self._runs[section] = ""
            self._problems.pop(section, None)
        self._runs[section] = self._runs.get(section, "") + digit
        before = self.text()
        super().keyPressEvent(event)
        if self.text() == before and self.currentSection() == section:
            self._check_run(section, self._runs[section], refused=True)
            return
        self._typed[section] = self.sectionText(section)
        if self.currentSection() != section:
            self._advanced = section
        self._apply_typed(finishing=False)

    def _check_run(self, section: QDateTimeEdit.Section, run: str, refused: bool = False) -> None:
        name, allowed = SECTION_NAMES.get(section, ("Bagian ini", ""))
        if refused or not self._fits(section, int(run)):
            self._problems[section] = f"{name} {run} tidak ada ({allowed})."

    def _fits(self, section: QDateTimeEdit.Section, value: int) -> bool:
        limits = {
            Section.DaySection: (1, 31),
            Section.MonthSection: (1, 12),
            Section.HourSection: (0, 23),
            Section.MinuteSection: (0, 59),
        }
        low, high = limits.get(section, (0, 9999))
        return low <= value <= high

    def _select_section_for_typing(self) -> bool:
        """Make a digit replace a full section or a selection; True when it starts the section anew."""
        line = self.lineEdit()
        if line.hasSelectedText():
            if line.selectedText() != self.sectionText(self.currentSection()):
                line.setCursorPosition(line.selectionStart())  # the section at the selection's start
                self.setSelectedSection(self.currentSection())
            return True
        section = self.currentSection()
        if len(self.sectionText(section)) >= _digits(section):
            self.setSelectedSection(section)
            return True
        return False

    def _intended(self) -> QDateTime | None:
        """The value typed: the field's own with every typed section as typed; None if none exists."""
        current = self.dateTime()
        values = {
            Section.DaySection: current.date().day(),
            Section.MonthSection: current.date().month(),
            Section.YearSection: current.date().year(),
            Section.HourSection: current.time().hour(),
            Section.MinuteSection: current.time().minute(),
        }
        for section, typed in self._typed.items():
            if typed.isdigit() and section in values:
                values[section] = int(typed) + (2000 if section == Section.YearSection and len(typed) <= 2 else 0)
        moment = QDateTime(
            QDate(values[Section.YearSection], values[Section.MonthSection], values[Section.DaySection]),
            QTime(values[Section.HourSection], values[Section.MinuteSection], current.time().second()),
        )
        if not moment.isValid() or not self.minimumDateTime() <= moment <= self.maximumDateTime():
            return None
        return moment

    def _apply_typed(self, finishing: bool) -> None:
        complete = self.validate(self.text(), 0)[0] == QValidator.State.Acceptable
        if not self._typed or not (finishing or complete):
            return  # a section is being typed: put together when it is whole
        intended = self._intended()
        if intended is None:
            self._problems[None] = self._missing_date()
            return
        self._problems.pop(None, None)
        if intended == self.dateTime() and complete:
            return
        section, cursor = self.currentSection(), self.lineEdit().cursorPosition()
        self.setDateTime(intended)
        if not finishing:
            self.setCurrentSection(section)
            self.lineEdit().setCursorPosition(cursor)

    def _missing_date(self) -> str:
        shown = self.dateTime().date()
        day, month, year = (
            self._typed.get(section) or str(value)
            for section, value in (
                (Section.DaySection, shown.day()),
                (Section.MonthSection, shown.month()),
                (Section.YearSection, shown.year()),
            )
        )
        return (
            f"Tanggal {day.zfill(2)}/{month.zfill(2)}/{year} tidak ada di kalender; kolom ini berisi "
            f"{shown.toString('dd/MM/yyyy')}."
        )

    def finish_typing(self) -> None:
        """Put what was typed into the field (at Enter and when the field loses focus)."""
        self._typing = True
        try:
            self._apply_typed(finishing=True)
        finally:
            self._typing = False
        self._typed.clear()
        self._runs.clear()
        self._advanced = None
        self._show_warning()

    # --- saying why not -----------------------------------------------------------------------
    def _show_warning(self) -> None:
        text = " ".join(self._problems.values())
        if text == self.warning:
            return
        self.warning = text
        self.setToolTip(text)
        self.setStyleSheet(WARNING_STYLE if text else "")
        if text:
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), text, self)
        else:
            QToolTip.hideText()

    def _changed(self) -> None:
        if not self._typing:  # the calendar, an arrow key, the program: nothing typed is pending
            self._typed.clear()
            self._runs.clear()
            self._problems.clear()
            self._show_warning()

    # --- the other ways a value changes ---------------------------------------------------------
    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.finish_typing()
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.finish_typing()  # the calendar popup's arrow: what was typed goes in first
        super().mousePressEvent(event)


class TypedDateEdit(TypedDateTimeEdit):
    """A date field ("dd/MM/yyyy") that keeps what is typed; see ``TypedDateTimeEdit``."""

    def __init__(self, value: QDate | None = None, parent=None) -> None:  # noqa: ANN001
        super().__init__("dd/MM/yyyy", parent)
        if value is not None:
            self.setDate(value)


def date_edit(value: QDate | None = None) -> TypedDateEdit:
    """A date field with the calendar popup, in "dd/MM/yyyy", that keeps what is typed."""
    return TypedDateEdit(value)


def datetime_edit() -> TypedDateTimeEdit:
    """A date-and-time field with the calendar popup, in the office's "dd/MM/yyyy HH.mm"."""
    return TypedDateTimeEdit("dd/MM/yyyy HH.mm")


def office_now() -> datetime:
    """Now on the office's clock (its WIB/WITA/WIT), whatever zone this PC is set to."""
    return datetime.now(UTC).astimezone(active_office().zone)


def office_today() -> QDate:
    """Today in the office's time zone, for the date fields' defaults."""
    today = office_now().date()
    return QDate(today.year, today.month, today.day)


def to_qt(moment: datetime) -> QDateTime:
    """A stored instant as the office's local wall-clock time, to the minute."""
    local = moment.astimezone(active_office().zone)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)


def from_qt(edit: QDateTimeEdit) -> datetime:
    """The field's wall-clock time as an aware datetime in the office's zone."""
    return edit.dateTime().toPython().replace(tzinfo=active_office().zone)


def typed_dates_ok(dialogs: DialogService, parent: QWidget, *edits: QDateTimeEdit) -> bool:
    """Before a save: what was typed into ``edits`` goes in; False (after saying why) while one of
    them holds a date it could not keep as typed (31/02, a month 13)."""
    problems = []
    for edit in edits:
        if isinstance(edit, TypedDateTimeEdit):
            edit.finish_typing()
            if edit.warning:
                problems.append(edit.warning)
    if problems:
        advice = "\n\nKetik ulang tanggalnya atau pilih dari kalender."
        dialogs.error(parent, "Tanggal belum benar", "\n".join(problems) + advice)
        return False
    return True


def far_dates_confirmed(dialogs: DialogService, parent: QWidget, *questions: str | None) -> bool:
    """Ask once about every date far from today (see ``domain.validation.far_date_question``)."""
    asked = [question for question in questions if question]
    return not asked or dialogs.confirm(parent, "Periksa tanggal", "\n\n".join(asked))


def event_dates_ok(dialogs: DialogService, parent: QWidget, label: str, start: QDateTimeEdit,
                   *others: QDateTimeEdit) -> bool:  # fmt: skip
    """Before saving an event's dates: every typed date kept (``typed_dates_ok``), and the start
    (``label``: "Tanggal Bimtek") confirmed when it lies over a year ahead or a month back."""
    if not typed_dates_ok(dialogs, parent, start, *others):
        return False
    question = far_date_question(label, from_qt(start).date(), office_now().date(),
                                 ahead_days=EVENT_AHEAD_DAYS, behind_days=EVENT_BEHIND_DAYS)  # fmt: skip
    return far_dates_confirmed(dialogs, parent, question)
