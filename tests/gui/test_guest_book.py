"""The guest book and the visit checklist driven as a person does: typing and Tab through the fields,
Space and Enter on the real widgets, correcting a row, ticking the checklist with the mouse."""

from __future__ import annotations

import pytest
from PySide6 import QtWidgets
from PySide6.QtCore import QPoint, Qt

from protokol_desktop.services import Actor, visits
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import History
from protokol_desktop.ui.records.visit_tab import VisitTab
from tests.conftest import sambutan_form
from tests.gui.conftest import account

# The tab is shown on its own, as a window of the offscreen platform, so that it takes the focus.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

@pytest.fixture
def visit_tab(main_window, qtbot):
    window, controller = main_window
    apply_office("tangerang", Actor("Admin", "Admin"))
    controller.context.account = account("Rina Wulandari", "PPTK & Staff Umum")
    form = sambutan_form(sop_code="TNG-KUNJUNGAN", perihal="Kunjungan kerja DPRD Kabupaten Bogor", fulfilled=())
    request_id = rs.register_request(form, Actor("Rina", "PPTK & Staff Umum"))
    tab = VisitTab(request_id, controller.context)
    qtbot.addWidget(tab)
    tab.resize(1000, 560)
    tab.show()
    qtbot.waitExposed(tab)
    tab.refresh()
    tab.sections.setCurrentIndex(1)  # "Daftar hadir dan notulen"
    return tab


def focused():
    return QtWidgets.QApplication.focusWidget()


def test_tab_goes_through_every_field_before_tambah(visit_tab, qtbot):
    tab = visit_tab
    tab.guest_name.setFocus()
    assert focused() is tab.guest_name
    qtbot.keyClicks(tab.guest_name, "H. Rudy Susmanto")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is tab.guest_role
    qtbot.keyClicks(focused(), "Ketua DPRD")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is tab.guest_agency  # was Tambah: a space then added a half-filled row
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # a space here is a space in the agency, nothing is added
    assert visits.attendees(tab.request_id) == []
    tab.guest_agency.clear()
    qtbot.keyClicks(focused(), "DPRD Kabupaten Bogor")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is tab.guest_phone
    qtbot.keyClicks(focused(), "0812 1111 2222")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is tab.add_guest
    qtbot.keyClick(tab.add_guest, Qt.Key.Key_Space)  # the button pressed from the keyboard
    rows = visits.attendees(tab.request_id)
    assert [(r.nama, r.jabatan, r.instansi) for r in rows] == [
        ("H. Rudy Susmanto", "Ketua DPRD", "DPRD Kabupaten Bogor")
    ]
    # The next guest of the same delegation: name first, the agency stays, Enter adds.
    assert focused() is tab.guest_name and tab.guest_agency.text() == "DPRD Kabupaten Bogor"
    qtbot.keyClicks(tab.guest_name, "Dra. Sri Wahyuni")
    qtbot.keyClick(tab.guest_name, Qt.Key.Key_Return)
    rows = visits.attendees(tab.request_id)
    assert [(r.nama, r.instansi) for r in rows][-1] == ("Dra. Sri Wahyuni", "DPRD Kabupaten Bogor")
    assert tab.guest_model.rowCount() == 2
    assert [tab.guest_model.index(1, c).data() for c in range(3)] == ["Dra. Sri Wahyuni", "", "DPRD Kabupaten Bogor"]


def test_tambah_waits_for_a_name(visit_tab, qtbot, dialogs):
    tab = visit_tab
    assert not tab.add_guest.isEnabled()
    qtbot.mouseClick(tab.guest_role, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(tab.guest_role, "Sekretaris DPRD")
    assert not tab.add_guest.isEnabled()
    qtbot.mouseClick(tab.add_guest, Qt.MouseButton.LeftButton)
    qtbot.keyClick(tab.guest_role, Qt.Key.Key_Return)  # Enter without a name: nothing, no error box
    assert visits.attendees(tab.request_id) == [] and dialogs.errors == []
    assert focused() is tab.guest_name  # the field that is missing
    qtbot.keyClicks(tab.guest_name, "  ")
    assert not tab.add_guest.isEnabled()
    qtbot.keyClicks(tab.guest_name, "Drs. H. Ade Sarip")
    assert tab.add_guest.isEnabled()
    qtbot.mouseClick(tab.add_guest, Qt.MouseButton.LeftButton)
    assert [r.nama for r in visits.attendees(tab.request_id)] == ["Drs. H. Ade Sarip"]
    assert not tab.add_guest.isEnabled()  # the fields are clear again


def test_a_row_is_corrected_in_place(visit_tab, qtbot, dialogs):
    tab = visit_tab
    visits.add_attendee(tab.request_id, Actor("Rina", "Staf"), "H. Rudi Susmanto", "Ketua DPRD", "DPRD Kab. Bogr")
    visits.add_attendee(tab.request_id, Actor("Rina", "Staf"), "Dra. Sri Wahyuni", "Anggota", "DPRD Kabupaten Bogor")
    tab.refresh()
    qtbot.mouseClick(tab.edit_guest, Qt.MouseButton.LeftButton)
    assert dialogs.infos and "Pilih dulu" in dialogs.infos[-1][1]  # nothing selected yet
    first = tab.guests.visualRect(tab.guest_model.index(0, 0)).center()
    qtbot.mouseClick(tab.guests.viewport(), Qt.MouseButton.LeftButton, pos=first)  # QTest's double-click
    qtbot.mouseDClick(tab.guests.viewport(), Qt.MouseButton.LeftButton, pos=first)  # needs the press first
    assert tab.guest_name.text() == "H. Rudi Susmanto" and tab.guest_agency.text() == "DPRD Kab. Bogr"
    assert tab.add_guest.text() == "Simpan perubahan" and tab.cancel_edit.isVisible()
    tab.guest_name.selectAll()
    qtbot.keyClicks(tab.guest_name, "H. Rudy Susmanto")
    tab.guest_agency.selectAll()
    qtbot.keyClicks(tab.guest_agency, "DPRD Kabupaten Bogor")
    qtbot.mouseClick(tab.add_guest, Qt.MouseButton.LeftButton)
    rows = visits.attendees(tab.request_id)
    assert [(r.nama, r.instansi) for r in rows] == [
        ("H. Rudy Susmanto", "DPRD Kabupaten Bogor"),
        ("Dra. Sri Wahyuni", "DPRD Kabupaten Bogor"),
    ]  # corrected, not added, and still in its place
    assert tab.add_guest.text() == "Tambah" and not tab.cancel_edit.isVisible() and tab.guest_name.text() == ""
    history = [h.detail for h in History.select().where(History.request == tab.request_id)]
    assert any("H. Rudi Susmanto → H. Rudy Susmanto" in line for line in history)
    # Ubah, then Batal ubah: nothing changes.
    tab.guests.selectRow(1)
    qtbot.mouseClick(tab.edit_guest, Qt.MouseButton.LeftButton)
    tab.guest_name.setText("Salah")
    qtbot.mouseClick(tab.cancel_edit, Qt.MouseButton.LeftButton)
    assert [r.nama for r in visits.attendees(tab.request_id)][1] == "Dra. Sri Wahyuni"


def _row_places(table):
    model = table.model()
    return [(table.rowViewportPosition(row), table.rowHeight(row)) for row in range(model.rowCount())]


def test_checklist_rows_stay_put_while_ticking(visit_tab, qtbot):
    tab = visit_tab
    tab.sections.setCurrentIndex(0)  # "Persiapan"
    table = tab.checklist
    qtbot.waitExposed(table)
    before = _row_places(table)
    assert len({height for _, height in before}) == 1  # every row the same height
    widths = [table.columnWidth(c) for c in range(3)]
    ticked = []  # exactly the rows clicked, no neighbour
    for row in (1, 2, 5):  # row 0 is the heading "Peralatan/Perlengkapan"
        rect = table.visualRect(tab.checklist_model.index(row, 0))
        qtbot.mouseMove(table.viewport(), rect.center())  # hovering moves nothing
        assert _row_places(table) == before
        check = QPoint(rect.left() + table.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_IndicatorWidth) // 2 + 4,
                       rect.center().y())  # fmt: skip
        with qtbot.waitSignal(tab.changed):
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=check)
        assert tab.checklist_model.row(row).done, row
        assert "Rina Wulandari" in tab.checklist_model.row(row).done_by
        assert _row_places(table) == before, row  # the rows under the cursor did not move
        assert [table.columnWidth(c) for c in range(3)] == widths
        ticked.append(row)
        assert [n for n in range(tab.checklist_model.rowCount()) if tab.checklist_model.row(n).done] == ticked
