"""Every time a user sees is on the office's clock (issue 15, item 12). The PC here is set to
São Paulo (UTC−3) while the office is Kota Ambon (WIT, UTC+9): twelve hours apart, so a time taken
from the PC's clock cannot pass for the office's."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt

from protokol_desktop.store.models import Request
from protokol_desktop.ui.dialogs.intake import IntakeDialog
from tests.conftest import utc

WIT = ZoneInfo("Asia/Jayapura")


@pytest.fixture
def pc_in_sao_paulo():
    """This process's local zone (Python's and Qt's) set to UTC−3 for the test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/Sao_Paulo"
    time.tzset()
    assert datetime.now().astimezone().utcoffset() == timedelta(hours=-3)
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_new_request_prefills_and_saves_the_office_time(pc_in_sao_paulo, main_window, qtbot, dialogs, monkeypatch):
    window, controller = main_window
    seen = {}
    yesterday = (datetime.now(UTC).astimezone(WIT) - timedelta(days=1)).date()

    def person(dialog: IntakeDialog) -> int:
        seen["received"] = dialog.received.text()
        seen["label"] = dialog.layout().itemAt(0).layout().labelForField(dialog.received).text()
        seen["office_now"] = datetime.now(UTC).astimezone(WIT)
        dialog.service.setCurrentIndex(dialog.service.findData("AMB-SAMBUTAN"))
        qtbot.keyClicks(dialog.nomor_surat, "005/777/Dinkes/2026")
        qtbot.keyClicks(dialog.perihal, "Permohonan sambutan Walikota")
        qtbot.keyClicks(dialog.pengirim, "Dinas Kesehatan")
        qtbot.keyClicks(dialog.contact_phone, "(0911) 352122")
        line = dialog.received.lineEdit()
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(3, line.height() // 2))
        qtbot.keyClicks(dialog.received, f"{yesterday:%d/%m/%Y} 08.00")
        line = dialog.tanggal_surat.lineEdit()
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(3, line.height() // 2))
        qtbot.keyClicks(dialog.tanggal_surat, f"{yesterday:%d/%m/%Y}")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(IntakeDialog, "exec", person)
    window.new_request_action.trigger()
    assert dialogs.errors == []
    shown = datetime.strptime(seen["received"], "%d/%m/%Y %H.%M").replace(tzinfo=WIT)
    assert abs(shown - seen["office_now"]) < timedelta(minutes=2)  # the office's clock…
    pc_now = datetime.now().strftime("%d/%m/%Y %H.%M")
    assert seen["received"] != pc_now  # …not the PC's, twelve hours behind
    assert seen["label"] == "Diterima (WIT)"
    (request,) = Request.select()
    assert request.received_at == datetime.combine(yesterday, datetime.min.time(), WIT).replace(hour=8)
    assert dialogs.errors == []


def test_sop_revision_saved_time_is_shown_on_the_office_clock(pc_in_sao_paulo, main_window, qtbot):
    from protokol_desktop.services import library

    window, controller = main_window
    window.navigation.setCurrentRow(window.pages.indexOf(window.library))
    view = window.library
    row = next(r for r in range(view.model.rowCount()) if view.model.row(r).values[0] == "AMB-SAMBUTAN")
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(view.model.index(row, 0)).center()
    )
    saved = library.revisions("AMB-SAMBUTAN")[-1].created_at
    shown = view.revisions_model.row(0).values[3]
    assert shown == saved.astimezone(WIT).strftime("%d/%m/%Y %H.%M")
    assert shown != saved.strftime("%d/%m/%Y %H.%M")  # UTC, as it was shown before


def test_a_finished_card_names_the_office_day(pc_in_sao_paulo, main_window):
    from protokol_desktop.services import Actor
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.board import load_cards
    from protokol_desktop.store.models import Request
    from protokol_desktop.ui.board.delegate import timer_text
    from tests.conftest import sambutan_form

    window, controller = main_window
    request_id = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    finished_at = utc(2026, 11, 24, 20, 0)  # 05.00 WIT on the 25th, still the 24th in São Paulo
    Request.update(status="selesai", finished_at=finished_at).where(Request.id == request_id).execute()
    (finished,) = load_cards(now=utc(2026, 11, 25), request_ids=[request_id])
    assert timer_text(finished, utc(2026, 11, 25)) == "Selesai 25 Nov 2026"


def test_backup_times_are_shown_on_the_office_clock(pc_in_sao_paulo, main_window, qtbot):
    from protokol_desktop.services import backup

    window, controller = main_window
    folder = backup.backup_folder(controller.context.paths)
    # A backup named by this PC's clock: 08.00 in São Paulo is 11.00 UTC, 20.00 WIT.
    (folder / "protokol-20261202-080000.sqlite3").write_bytes(b"")
    window.navigation.setCurrentRow(window.pages.indexOf(window.trust))
    assert "terbaru: 2 Des 2026 20.00" in window.trust.backups.text()


def test_the_file_dialog_dates_are_on_the_office_clock(pc_in_sao_paulo, store, qtbot, tmp_path):
    from PySide6.QtWidgets import QFileSystemModel

    from protokol_desktop.ui.dialog_service import DATE_COLUMN
    from protokol_desktop.ui.file_model import IndonesianFileModel

    folder = tmp_path / "cadangan"
    folder.mkdir()
    made = folder / "protokol-20261202-080000.sqlite3"
    made.write_bytes(b"x")
    stamp = utc(2026, 12, 2, 11, 0).timestamp()  # 08.00 in São Paulo, 20.00 WIT
    os.utime(made, (stamp, stamp))
    source = QFileSystemModel()
    with qtbot.waitSignal(source.directoryLoaded):
        source.setRootPath(str(folder))
    proxy = IndonesianFileModel()
    proxy.setSourceModel(source)
    index = proxy.mapFromSource(source.index(str(made)).siblingAtColumn(DATE_COLUMN))
    assert proxy.data(index) == "02/12/2026 20.00"
