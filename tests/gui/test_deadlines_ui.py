"""Due dates on real widgets: the intake form shows the office's rule and the date it gives, and a
holiday added on the calendar page moves the open requests and says how many."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDateTimeEdit

from protokol_desktop.domain.calendar import OFFICE_CLOSE
from protokol_desktop.services.office import active_office
from protokol_desktop.store.models import Request
from protokol_desktop.ui.dialogs.intake import IntakeDialog


def _set_received(edit: QDateTimeEdit, day: QDate) -> None:
    # The received field's own typing is another change's test (date fields); here the date is set.
    edit.setDateTime(QDateTime(day, QTime(1, 0)))


def test_intake_shows_rule_and_working_day_deadline(main_window, qtbot, monkeypatch, dialogs):
    window, controller = main_window
    seen: list[str] = []

    def fake_exec(dialog: IntakeDialog) -> int:
        combo = dialog.service
        combo.setFocus()
        qtbot.keyClicks(combo, "Sambutan")  # chooses by typing, as keyboard users do
        assert combo.currentData() == "AMB-SAMBUTAN"
        _set_received(dialog.received, QDate(2026, 5, 13))
        seen.append(dialog.deadline_label.text())
        _set_received(dialog.received, QDate(2026, 11, 27))
        seen.append(dialog.deadline_label.text())
        dialog.nomor_surat.setFocus()
        qtbot.keyClicks(dialog.nomor_surat, "005/900/Dinkes/2026")
        dialog.tanggal_surat.setDate(QDate(2026, 11, 20))
        qtbot.keyClicks(dialog.perihal, "Permohonan sambutan Walikota")
        qtbot.keyClicks(dialog.pengirim, "Dinas Kesehatan")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(IntakeDialog, "exec", fake_exec)
    request_id = controller.new_request()
    assert seen == [
        "Batas waktu: Senin, 18 Mei 2026 (1 hari kerja, dihitung sejak hari kerja berikutnya)",
        "Batas waktu: Senin, 30 November 2026 (1 hari kerja, dihitung sejak hari kerja berikutnya)",
    ]
    assert request_id is not None, dialogs.errors
    zone = active_office().zone
    assert Request.get_by_id(request_id).due_at == datetime.combine(date(2026, 11, 30), OFFICE_CLOSE, tzinfo=zone)

    # The calendar page: a holiday on the due day moves it and the page says so.
    window.navigation.setCurrentRow(window.pages.indexOf(window.calendar))
    view = window.calendar
    view.day.setDate(QDate(2026, 11, 30))
    qtbot.keyClicks(view.name, "HUT Kota (libur kantor)")
    with qtbot.waitSignal(controller.calendar.calendarChanged):
        qtbot.mouseClick(view.add_holiday, Qt.MouseButton.LeftButton)
    assert dialogs.infos[-1][1].startswith("Libur kantor 30 November 2026 disimpan. 1 permohonan terbuka digeser")
    assert "005/900/Dinkes/2026" in dialogs.infos[-1][1]
    assert Request.get_by_id(request_id).due_at == datetime.combine(date(2026, 12, 1), OFFICE_CLOSE, tzinfo=zone)
