"""Typing a date into a date field keeps what was typed, or the field says why not (issue 15, item 3).

Qt's own field inserted each digit at the cursor: a click into "30/12/2026" followed by "25/12/2026"
kept 30/12 and, with the whole text selected, kept everything, without a word. Every test here types
into the real field with ``qtbot.keyClicks`` after a click, a Tab or a select-all."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from protokol_desktop.store.events import AgendaEntry
from protokol_desktop.store.models import Request
from protokol_desktop.ui.dialogs.intake import IntakeDialog
from protokol_desktop.ui.widgets import TypedDateEdit, TypedDateTimeEdit, office_today

# The offscreen platform cannot resize a shown top-level to its hints nor raise the tooltip that
# says why a date was not kept; on a real screen both happen (see the walk-through screenshots).
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


def click_day(qtbot, edit) -> None:
    """A click on the day digits, where a person puts the cursor before typing a date."""
    line = edit.lineEdit()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(3, line.height() // 2))


def select_all(qtbot, edit) -> None:
    edit.setFocus()
    edit.lineEdit().selectAll()


def tab_in(qtbot, edit) -> None:
    qtbot.keyClick(edit.parentWidget().findChild(QLineEdit, "before"), Qt.Key.Key_Tab)


@pytest.fixture
def field(qtbot):
    """A date field after a line edit, in a shown window; the line edit takes the focus afterwards."""
    windows = []  # kept alive for the test

    def make(value, with_time: bool = False):
        window = QWidget()
        layout = QVBoxLayout(window)
        before = QLineEdit(objectName="before")
        layout.addWidget(before)
        if with_time:
            edit = TypedDateTimeEdit("dd/MM/yyyy HH.mm")
            edit.setDateTime(value)
        else:
            edit = TypedDateEdit(value)
        layout.addWidget(edit)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        before.setFocus()
        return edit, before

    return make


@pytest.mark.parametrize("enter", [click_day, select_all, tab_in], ids=["klik", "semua-terpilih", "tab"])
@pytest.mark.parametrize(
    ("shown", "typed", "kept"),
    [
        (QDate(2026, 12, 30), "25/12/2026", QDate(2026, 12, 25)),  # the report: 25/12 became 30/12
        (QDate(2026, 11, 2), "30/11/2026", QDate(2026, 11, 30)),  # the agenda entry saved on 2 Nov
        (QDate(2026, 12, 30), "25122026", QDate(2026, 12, 25)),  # without separators
        (QDate(2026, 12, 30), "5/1/2027", QDate(2027, 1, 5)),  # one-digit day and month
        (QDate(2026, 12, 30), "29/02/2028", QDate(2028, 2, 29)),  # Qt made it 28 while "2028" was typed
        (QDate(2026, 12, 30), "25/12/26", QDate(2026, 12, 25)),  # a two-digit year
    ],
)
def test_what_is_typed_is_what_the_field_holds(field, qtbot, enter, shown, typed, kept):
    edit, before = field(shown)
    enter(qtbot, edit)
    qtbot.keyClicks(edit, typed)
    before.setFocus()  # the person moves on
    assert edit.date() == kept
    assert edit.warning == ""


@pytest.mark.parametrize(
    ("typed", "warning"),
    [
        ("31/02/2026", "Tanggal 31/02/2026 tidak ada di kalender"),
        ("25/13/2026", "Bulan 13 tidak ada (1–12)"),
        ("45/12/2026", "Hari 45 tidak ada (1–31)"),
    ],
)
def test_a_date_that_cannot_be_kept_is_said(field, qtbot, typed, warning):
    edit, before = field(QDate(2026, 12, 30))
    click_day(qtbot, edit)
    qtbot.keyClicks(edit, typed)
    before.setFocus()
    assert warning in edit.warning
    assert warning in edit.toolTip()
    # Choosing a date another way (the calendar, the program) clears what was said.
    edit.setDate(QDate(2026, 3, 1))
    assert edit.warning == "" and edit.toolTip() == ""


def test_date_and_time_field_keeps_the_typed_hour(field, qtbot):
    edit, before = field(QDateTime(QDate(2026, 12, 30), QTime(8, 0)), with_time=True)
    click_day(qtbot, edit)
    qtbot.keyClicks(edit, "25/12/2026 14.05")
    before.setFocus()
    assert edit.dateTime() == QDateTime(QDate(2026, 12, 25), QTime(14, 5))
    click_day(qtbot, edit)
    qtbot.keyClicks(edit, "25/12/2026 25.05")
    before.setFocus()
    assert "Jam 25 tidak ada (00–23)" in edit.warning


def _qdate(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def test_an_agenda_entry_is_saved_on_the_day_typed(main_window, qtbot, dialogs):
    window, controller = main_window
    window.navigation.setCurrentRow(window.pages.indexOf(window.agenda))
    view = window.agenda
    today = office_today().toPython()
    day = today + timedelta(days=12)
    assert view.entry_day.date().toPython() == today
    click_day(qtbot, view.entry_day)
    qtbot.keyClicks(view.entry_day, _qdate(day))
    qtbot.keyClicks(view.entry_start, "09.00")
    qtbot.keyClicks(view.entry_title, "Rapat koordinasi HUT Kota")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors == []
    assert [(e.day, e.title) for e in AgendaEntry.select()] == [(day, "Rapat koordinasi HUT Kota")]


def test_an_agenda_entry_with_an_impossible_date_is_not_saved(main_window, qtbot, dialogs):
    window, controller = main_window
    window.navigation.setCurrentRow(window.pages.indexOf(window.agenda))
    view = window.agenda
    year = office_today().year()
    click_day(qtbot, view.entry_day)
    qtbot.keyClicks(view.entry_day, f"31/02/{year}")
    qtbot.keyClicks(view.entry_start, "09.00")
    qtbot.keyClicks(view.entry_title, "Rapat")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors[-1][0] == "Tanggal belum benar"
    assert f"Tanggal 31/02/{year} tidak ada" in dialogs.errors[-1][1]
    assert AgendaEntry.select().count() == 0


def _fill_intake(qtbot, dialog: IntakeDialog) -> None:
    dialog.service.setCurrentIndex(dialog.service.findData("AMB-SAMBUTAN"))
    qtbot.keyClicks(dialog.nomor_surat, "005/777/Dinkes/2026")
    qtbot.keyClicks(dialog.perihal, "Permohonan sambutan Walikota pada Hari Kesehatan Nasional")
    qtbot.keyClicks(dialog.pengirim, "Dinas Kesehatan")
    qtbot.keyClicks(dialog.contact_phone, "(0911) 352122")
    qtbot.keyClicks(dialog.event_time, "09.00")


def test_the_event_date_typed_into_a_new_request_is_the_one_saved(main_window, qtbot, dialogs, monkeypatch):
    window, controller = main_window
    today = office_today().toPython()
    event_day = today + timedelta(days=40)

    def person(dialog: IntakeDialog) -> int:
        _fill_intake(qtbot, dialog)
        select_all(qtbot, dialog.event_date)  # the whole date selected, as after a double click
        qtbot.keyClicks(dialog.event_date, _qdate(event_day))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(IntakeDialog, "exec", person)
    window.new_request_action.trigger()
    assert dialogs.errors == [] and dialogs.confirms == []
    assert [r.event_date for r in Request.select()] == [event_day]


def test_an_event_in_2099_is_asked_about_before_it_is_saved(main_window, qtbot, dialogs, monkeypatch):
    window, controller = main_window
    dialogs.answers = [False, True]  # "Tidak" first: the dialog stays for a correction; then "Ya"

    def person(dialog: IntakeDialog) -> int:
        _fill_intake(qtbot, dialog)
        click_day(qtbot, dialog.event_date)
        qtbot.keyClicks(dialog.event_date, "01/01/2099")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert Request.select().count() == 0 and dialog.result() == 0
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(IntakeDialog, "exec", person)
    window.new_request_action.trigger()
    titles = {title for title, _ in dialogs.confirms}
    assert titles == {"Periksa tanggal"}
    assert dialogs.confirms[0][1] == "Tanggal acara Kamis, 1 Januari 2099 benar? Tanggal itu " + (
        f"{(date(2099, 1, 1) - office_today().toPython()).days // 365} tahun lagi."
    )
    assert [r.event_date for r in Request.select()] == [date(2099, 1, 1)]


def test_a_letter_dated_years_before_it_came_is_asked_about(main_window, qtbot, dialogs, monkeypatch):
    window, controller = main_window
    dialogs.answers = [False]
    letter_day = office_today().toPython() - timedelta(days=800)

    def person(dialog: IntakeDialog) -> int:
        _fill_intake(qtbot, dialog)
        click_day(qtbot, dialog.tanggal_surat)
        qtbot.keyClicks(dialog.tanggal_surat, _qdate(letter_day))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(IntakeDialog, "exec", person)
    window.new_request_action.trigger()
    assert dialogs.confirms and dialogs.confirms[0][1].startswith("Tanggal surat ")
    assert "2 tahun yang lalu" in dialogs.confirms[0][1]
    assert Request.select().count() == 0


def test_a_complaint_received_on_an_impossible_date_is_not_recorded(main_window, qtbot, dialogs):
    from protokol_desktop.store.records import Complaint

    window, controller = main_window
    window.navigation.setCurrentRow(window.pages.indexOf(window.complaints))
    view = window.complaints
    year = office_today().year() - 1  # in the past whatever day the test runs
    click_day(qtbot, view.received)
    qtbot.keyClicks(view.received, f"30/02/{year} 10.00")
    qtbot.keyClicks(view.content, "Undangan upacara terlambat diterima")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors[-1][0] == "Tanggal belum benar"
    assert Complaint.select().count() == 0
    # Typed again, correctly, it is recorded on the day typed.
    click_day(qtbot, view.received)
    qtbot.keyClicks(view.received, f"27/02/{year} 10.00")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    (complaint,) = Complaint.select()
    assert complaint.received_at.astimezone(ZoneInfo("Asia/Jayapura")).date() == date(year, 2, 27)


def test_a_bimtek_scheduled_for_2099_is_asked_about(main_window, qtbot, dialogs):
    from protokol_desktop.services import Actor, bimtek
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.office import apply_office
    from protokol_desktop.ui.records import TAB_FACTORIES
    from tests.conftest import sambutan_form
    from tests.gui.conftest import account

    window, controller = main_window
    apply_office("madiun", Actor("Admin", "Admin"))
    controller.context.account = account("Dewi Lestari", "Staf")
    form = sambutan_form(sop_code="MDN-BIMTEK", perihal="Bimtek Keprotokolan", fulfilled=())
    request_id = rs.register_request(form, Actor("Dewi", "Staf"))
    tab = next(m[1] for f in TAB_FACTORIES if (m := f(request_id, "MDN-BIMTEK", controller.context, None)))
    qtbot.addWidget(tab)
    tab.refresh()
    before = bimtek.bimtek_of(request_id).start
    dialogs.answers = [False]
    click_day(qtbot, tab.start)
    qtbot.keyClicks(tab.start, "01/06/2099 08.00")
    click_day(qtbot, tab.end)
    qtbot.keyClicks(tab.end, "01/06/2099 16.00")
    qtbot.mouseClick(tab.save_schedule, Qt.MouseButton.LeftButton)
    assert dialogs.confirms[-1][1].startswith("Tanggal Bimtek Senin, 1 Juni 2099 benar?")
    assert bimtek.bimtek_of(request_id).start == before  # "Tidak": nothing saved
