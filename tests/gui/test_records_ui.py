"""The visit and Bimtek tabs in the request detail, and the complaint register page."""

from __future__ import annotations

from datetime import UTC, datetime

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from protokol_desktop.services import Actor, complaints, visits
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import apply_office
from protokol_desktop.ui.records.bimtek_tab import BimtekTab
from protokol_desktop.ui.records.visit_tab import VisitTab
from tests.conftest import sambutan_form
from tests.gui.conftest import account


def test_visit_tab_end_to_end(main_window, qtbot, dialogs, tmp_path, qtmodeltester):
    window, controller = main_window
    apply_office("tangerang", Actor("Admin", "Admin"))
    controller.context.account = account("Rina Wulandari", "PPTK & Staff Umum")
    form = sambutan_form(sop_code="TNG-KUNJUNGAN", perihal="Kunjungan kerja DPRD Kabupaten Bogor", fulfilled=())
    request_id = rs.register_request(form, Actor("Rina", "PPTK & Staff Umum"))
    tab = VisitTab(request_id, controller.context)
    qtbot.addWidget(tab)
    tab.refresh()
    assert len(tab.checklist_model.items()) == 13  # 8 peralatan + 5 pencatatan from the SOP
    tab.instansi.setText("DPRD Kabupaten Bogor")
    tab.people.setValue(12)
    with qtbot.waitSignal(tab.changed):
        tab.save_delegation.click()
    first = tab.checklist_model.index(1, 0)  # row 0 is the heading "Peralatan/Perlengkapan"
    with qtbot.waitSignal(tab.changed):
        tab.checklist_model.setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert "Rina Wulandari" in tab.checklist_model.items()[0].done_by
    tab.guest_name.setText("H. Rudy Susmanto")
    tab.guest_phone.setText("12")
    tab.add_guest.click()
    assert "Nomor telepon" in dialogs.errors[-1][1]
    tab.guest_phone.setText("0812 1111 2222")
    tab.add_guest.click()
    tab.refresh()
    assert tab.guest_model.rowCount() == 1
    qtmodeltester.check(tab.guest_model)
    tab.minutes.setPlainText("Rombongan diterima Sekretaris Dinas.")
    tab.save_minutes.click()
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    photo = tmp_path / "dokumentasi.png"
    image.save(str(photo))
    dialogs.files = [str(photo)]
    tab.add_photo.click()
    tab.refresh()
    assert tab.photos.count() == 1 and not tab.photos.item(0).icon().isNull()
    dialogs.files = [str(tmp_path / "kunjungan.xlsx")]
    tab.export.click()
    assert openpyxl.load_workbook(tmp_path / "kunjungan.xlsx").sheetnames == [
        "Daftar Periksa",
        "Daftar Hadir",
        "Notulen",
    ]
    tab.grab().save(str(tmp_path / "visit_tab.png"))


def test_bimtek_tab(main_window, qtbot, dialogs):
    window, controller = main_window
    apply_office("madiun", Actor("Admin", "Admin"))
    form = sambutan_form(sop_code="MDN-BIMTEK", perihal="Bimtek Keprotokolan", fulfilled=())
    request_id = rs.register_request(form, Actor("Dewi", "Staf"))
    tab = BimtekTab(request_id, controller.context)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.venue.setText("Aula Bappeda")
    tab.save_schedule.click()
    tab.participant_name.setText("Siti Aminah")
    tab.participant_nip.setText("19850101 201001 2 003")
    tab.add_participant.click()
    tab.refresh()
    assert tab.participant_model.rowCount() == 1
    tab.participants.selectRow(0)
    tab.toggle_attendance.click()
    tab.refresh()
    assert tab.participant_model.row(0).values[3] == "Tidak"


def test_complaints_page(main_window, qtbot, dialogs, qtmodeltester, tmp_path):
    window, controller = main_window
    complaints.register(Actor("Admin", "Admin"), datetime(2026, 5, 13, 1, tzinfo=UTC), "telepon", "Lama dijawab")
    window.navigation.setCurrentRow(window.pages.indexOf(window.complaints))
    view = window.complaints
    assert view.model.rowCount() == 1
    qtmodeltester.check(view.model)
    assert "melewati batas jawab" in window.overdue_label.text()
    view.content.setPlainText("Petugas tidak datang ke lokasi")
    view.channel.setCurrentIndex(view.channel.findData("WhatsApp"))
    view.add_button.click()
    assert view.model.rowCount() == 2
    view.table.selectRow(1)
    dialogs.texts = ["Sudah dijelaskan melalui telepon"]
    view.resolve_button.click()
    view.search.setText("lama dijawab")
    assert view.model.rowCount() == 1 and view.model.row(0).values[-1] == "Selesai"
    dialogs.files = [str(tmp_path / "pengaduan.xlsx")]
    view.export_button.click()
    assert (tmp_path / "pengaduan.xlsx").exists()


def test_board_search_finds_a_guest_by_name(main_window):
    window, controller = main_window
    apply_office("tangerang", Actor("Admin", "Admin"))
    controller.board.rebuild()
    form = sambutan_form(sop_code="TNG-KUNJUNGAN", perihal="Kunjungan kerja", fulfilled=())
    request_id = rs.register_request(form, Actor("Rina", "PPTK & Staff Umum"))
    other = rs.register_request(
        sambutan_form(sop_code="TNG-KUNJUNGAN", nomor_surat="9", fulfilled=()), Actor("R", "PPTK & Staff Umum")
    )
    visits.add_attendee(request_id, Actor("Rina", "PPTK & Staff Umum"), "Hj. Nurhayati", "Kabid", "Dinas Koperasi")
    controller.board.reload()
    window.board.search.setText("nurhayati")
    shown = [c.request_id for c in controller.board.models["__belum__"].cards()]
    assert shown == [request_id] and other not in shown
