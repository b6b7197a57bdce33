"""The record screens as a user drives them: the guest-visit tab through Tangerang's five steps, the
Bimtek tab, and the complaint register page with its overdue count."""

from __future__ import annotations

from datetime import UTC, datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from protokol_desktop.services import Actor, ServiceError, bimtek, complaints, visits
from protokol_desktop.services import requests as rs
from protokol_desktop.services.library import get_sop
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import History
from protokol_desktop.ui.records import TAB_FACTORIES
from protokol_desktop.ui.records.bimtek_tab import BimtekTab
from protokol_desktop.ui.records.visit_tab import VisitTab
from tests.conftest import sambutan_form
from tests.gui.conftest import account

ADMIN = Actor("Admin", "Admin")
SUBAG = Actor("Yanti", "Subag Umum & Kepegawaian")
KEPALA = Actor("Drs. Hendra", "Kepala SKPD")
STAFF = Actor("Rina Wulandari", "PPTK & Staff Umum")


@pytest.fixture
def tangerang(main_window):
    window, controller = main_window
    apply_office("tangerang", ADMIN)
    controller.context.account = account("Rina Wulandari", "PPTK & Staff Umum")
    form = sambutan_form(sop_code="TNG-KUNJUNGAN", nomor_surat="005/11/DPRD-Bogor", pengirim="DPRD Kabupaten Bogor",
                         perihal="Kunjungan kerja DPRD Kabupaten Bogor", fulfilled=())  # fmt: skip
    request_id = rs.register_request(form, SUBAG)
    rs.start_request(request_id, SUBAG)
    return controller, request_id


def _tick(qtbot, tab: VisitTab, item_id: int) -> None:
    model = tab.checklist_model
    with qtbot.waitSignal(tab.changed):
        assert model.setData(model.index(model.row_of(item_id), 0), Qt.CheckState.Checked,
                             Qt.ItemDataRole.CheckStateRole)  # fmt: skip


def test_the_tab_factories_pick_their_service(tangerang, qtbot):
    controller, request_id = tangerang
    made = [factory(request_id, "TNG-KUNJUNGAN", controller.context, None) for factory in TAB_FACTORIES]
    titles = [m[0] for m in made if m is not None]
    assert titles == ["Kunjungan Tamu"]
    for _, tab in filter(None, made):
        qtbot.addWidget(tab)
    assert all(factory(request_id, "AMB-SAMBUTAN", controller.context, None) is None for factory in TAB_FACTORIES)


def test_a_guest_visit_driven_through_the_tab(tangerang, qtbot, dialogs, tmp_path, qtmodeltester):
    controller, request_id = tangerang
    tab = VisitTab(request_id, controller.context)
    qtbot.addWidget(tab)
    tab.resize(1100, 560)
    tab.refresh()
    qtmodeltester.check(tab.checklist_model)
    sop = get_sop("TNG-KUNJUNGAN")
    assert [row.text for row in tab.checklist_model.items()] == [*sop.identity.peralatan, *sop.identity.pencatatan]
    assert tab.checklist_model.row(0).text == "Peralatan/Perlengkapan" and tab.checklist.columnSpan(0, 0) == 3
    assert not tab.template_button.isEnabled()  # PPTK staff may not change the office's template
    rs.complete_step(request_id, SUBAG)  # 1: the letter is received

    # The delegation, typed; a tick elsewhere does not wipe what is not saved yet.
    qtbot.keyClicks(tab.instansi, "DPRD Kabupaten Bogor")
    qtbot.keyClicks(tab.leader, "H. Rudy Susmanto")
    items = [row.item_id for row in tab.checklist_model.items()]
    _tick(qtbot, tab, items[0])
    assert tab.instansi.text() == "DPRD Kabupaten Bogor"
    tab.people.setValue(12)
    qtbot.keyClicks(tab.host, "Sekretaris Dinas")
    with qtbot.waitSignal(tab.changed):
        tab.save_delegation.click()
    visit = visits.visit_of(request_id)
    assert (visit.instansi, visit.leader_name, visit.people, visit.host) == (
        "DPRD Kabupaten Bogor", "H. Rudy Susmanto", 12, "Sekretaris Dinas"
    )  # fmt: skip

    # The checklist: every item ticked with who and when; a note on one.
    for item_id in items[1:]:
        _tick(qtbot, tab, item_id)
    assert all(row.done and row.done_by.startswith("Rina Wulandari, ") for row in tab.checklist_model.items())
    tab.checklist.selectRow(tab.checklist_model.row_of(items[5]))
    dialogs.texts = ["Sewa 2 unit dari vendor"]
    tab.note_button.click()
    assert tab.checklist_model.items()[5].note == "Sewa 2 unit dari vendor"
    qtbot.keyClicks(tab.catering_menu, "Nasi kotak, kopi dan teh")
    tab.catering_count.setValue(15)
    tab.save_catering.click()
    rs.complete_step(request_id, KEPALA)  # 2: preparation ordered and done

    # Step 3 cannot complete while the attendance list is empty.
    with pytest.raises(ServiceError, match="daftar hadir masih kosong"):
        rs.complete_step(request_id, STAFF)
    assert "daftar hadir masih kosong" in tab.readiness.text()
    tab.sections.setCurrentIndex(1)
    qtbot.keyClicks(tab.guest_agency, "DPRD Kabupaten Bogor")  # kept for the next guest of the delegation
    for name, role in (("H. Rudy Susmanto", "Ketua DPRD"), ("Salah Ketik", "")):
        qtbot.keyClicks(tab.guest_name, name)
        qtbot.keyClicks(tab.guest_role, role)
        tab.add_guest.click()
    assert [row.values[2] for row in tab.guest_model.rows()] == ["DPRD Kabupaten Bogor"] * 2
    qtbot.keyClicks(tab.guest_phone, "12")
    assert not tab.add_guest.isEnabled()  # no name: Tambah waits for one, nothing is added
    tab.add_guest.click()
    assert tab.guest_model.rowCount() == 2
    tab.guest_phone.clear()
    tab.guests.selectRow(1)
    dialogs.texts = ["salah ketik"]
    tab.withdraw_guest.click()
    assert [row.values[0] for row in tab.guest_model.rows()] == ["H. Rudy Susmanto"]
    qtmodeltester.check(tab.guest_model)
    with pytest.raises(ServiceError, match="notulen belum diisi"):
        rs.complete_step(request_id, STAFF)
    assert not tab.save_minutes.isEnabled()
    qtbot.keyClicks(tab.minutes, "Rombongan diterima Sekretaris Dinas.")
    assert tab.save_minutes.isEnabled()
    tab.save_minutes.click()
    assert not tab.save_minutes.isEnabled() and "lengkap" in tab.readiness.text()
    rs.complete_step(request_id, STAFF)  # 3: attendance list and minutes made

    # Step 4: photo documentation, shown as a thumbnail.
    tab.sections.setCurrentIndex(2)
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    photo = tmp_path / "penyambutan.png"
    assert image.save(str(photo))
    dialogs.files = [str(photo)]
    tab.add_photo.click()
    assert tab.photos.count() == 1 and not tab.photos.item(0).icon().isNull()
    stored = controller.context.paths.attachments / str(tab.photos.item(0).data(Qt.ItemDataRole.UserRole))
    assert stored.read_bytes() == photo.read_bytes()
    rs.complete_step(request_id, STAFF)  # 4
    assert rs.complete_step(request_id, SUBAG).finished  # 5: archived

    for number in range(3):
        tab.sections.setCurrentIndex(number)
        assert tab.grab().save(str(tmp_path / f"kunjungan-{number}.png"))

    dialogs.files = [str(tmp_path / "kunjungan.xlsx")]
    tab.export.click()
    assert dialogs.written[-1][0] == "Ekspor berhasil" and dialogs.written[-1][2] == str(tmp_path / "kunjungan.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "kunjungan.xlsx")
    checks = wb["Daftar Periksa"]
    header = next(r for r in range(1, 20) if checks.cell(r, 1).value == "No")
    listed = [(row[1].value, row[2].value) for row in checks.iter_rows(min_row=header + 1)]
    assert listed == [("Peralatan/Perlengkapan", t) for t in sop.identity.peralatan] + [
        ("Pencatatan dan Pendataan", t) for t in sop.identity.pencatatan
    ]
    guests = wb["Daftar Hadir"]
    header = next(r for r in range(1, 20) if guests.cell(r, 1).value == "No")
    assert guests.cell(header, 6).value == "Tanda Tangan"
    assert [guests.cell(header + 1, c).value for c in range(1, 7)] == [
        1, "H. Rudy Susmanto", "Ketua DPRD", "DPRD Kabupaten Bogor", None, "1. "
    ]  # fmt: skip
    assert "Rombongan diterima Sekretaris Dinas." in [c.value for c in wb["Notulen"]["A"]]
    actions = {h.action for h in History.select().where(History.request == request_id)}
    assert {"kunjungan", "daftar_periksa", "jamuan", "daftar_hadir", "notulen", "foto"} <= actions


def test_a_manager_edits_the_checklist_template(tangerang, qtbot, dialogs):
    controller, request_id = tangerang
    controller.context.account = account("Drs. Hendra", "Kepala SKPD")
    tab = VisitTab(request_id, controller.context)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.template_button.isEnabled()
    tab.template_editor = lambda parent, items: [*items, ("peralatan", "Papan nama meja")]
    tab.template_button.click()
    assert dialogs.infos[-1][0] == "Templat disimpan"
    assert visits.template()[-1].text == "Papan nama meja"
    assert len(tab.checklist_model.items()) == 13  # this visit keeps its list


def test_the_bimtek_tab(main_window, qtbot, dialogs, tmp_path, qtmodeltester):
    window, controller = main_window
    apply_office("madiun", ADMIN)
    controller.context.account = account("Dewi Lestari", "Staf")
    form = sambutan_form(sop_code="MDN-BIMTEK", perihal="Bimtek Keprotokolan 2026", fulfilled=())
    request_id = rs.register_request(form, Actor("Dewi", "Staf"))
    made = [factory(request_id, "MDN-BIMTEK", controller.context, None) for factory in TAB_FACTORIES]
    assert [m[0] for m in made if m is not None] == ["Bimtek"]
    tab = next(m[1] for m in made if m is not None)
    assert isinstance(tab, BimtekTab)
    qtbot.addWidget(tab)
    tab.resize(1100, 560)
    tab.refresh()
    tab.venue.clear()
    qtbot.keyClicks(tab.venue, "Aula Bappeda")
    tab.save_schedule.click()
    assert bimtek.bimtek_of(request_id).venue == "Aula Bappeda"
    tab.invitations.click()
    assert "tercatat dikirim" in tab.invitation_state.text()
    for name, contact in (("Drs. Bambang Irawan", "0812 3333 4444"), ("Batal Hadir", "")):
        qtbot.keyClicks(tab.speaker_name, name)
        qtbot.keyClicks(tab.speaker_contact, contact)
        tab.add_speaker.click()
    tab.speakers.selectRow(1)
    dialogs.texts = ["berhalangan"]
    tab.withdraw_speaker.click()
    assert [row.values[0] for row in tab.speaker_model.rows()] == ["Drs. Bambang Irawan"]
    qtmodeltester.check(tab.speaker_model)
    tab.sections.setCurrentIndex(1)
    for name, nip in (("Siti Aminah", "19850101 201001 2 003"), ("Joko Santoso", "197905122006041001")):
        qtbot.keyClicks(tab.participant_name, name)
        qtbot.keyClicks(tab.participant_nip, nip)
        qtbot.keyClicks(tab.participant_unit, "Kelurahan Oro-oro Ombo")
        tab.add_participant.click()
    qtbot.keyClicks(tab.participant_name, "NIP Salah")
    qtbot.keyClicks(tab.participant_nip, "123")
    tab.add_participant.click()
    assert "18 angka" in dialogs.errors[-1][1]
    tab.participants.selectRow(1)
    tab.toggle_attendance.click()
    assert [row.values[3] for row in tab.participant_model.rows()] == ["Ya", "Tidak"]
    assert tab.participant_count.text() == "2 peserta terdaftar, 1 hadir"
    qtmodeltester.check(tab.participant_model)
    tab.sections.setCurrentIndex(2)
    qtbot.keyClicks(tab.minutes, "Materi tata tempat.")
    qtbot.keyClicks(tab.report, "Diikuti 2 peserta.")
    tab.save_texts.click()
    record = bimtek.bimtek_of(request_id)
    assert (record.minutes, record.report) == ("Materi tata tempat.", "Diikuti 2 peserta.")
    assert "notulen terisi · laporan terisi" in tab.summary.text()
    assert tab.grab().save(str(tmp_path / "bimtek.png"))
    dialogs.files = [str(tmp_path / "bimtek.xlsx")]
    tab.export.click()
    assert "Joko Santoso" in [c.value for c in openpyxl.load_workbook(tmp_path / "bimtek.xlsx")["Daftar Hadir"]["B"]]


def test_the_complaint_register_page(main_window, qtbot, dialogs, tmp_path, qtmodeltester):
    window, controller = main_window
    request_id = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    late = complaints.register(ADMIN, datetime(2026, 5, 13, 1, tzinfo=UTC), "telepon", "Surat lama dijawab",
                               complainant="Budi")  # fmt: skip
    page = controller.complaints
    with qtbot.waitSignal(page.overdueChanged) as signal:
        window.navigation.setCurrentRow(window.pages.indexOf(window.complaints))
    assert signal.args == [1] and window.overdue_label.text() == "1 pengaduan melewati batas jawab"
    view = window.complaints
    qtmodeltester.check(view.model)
    assert view.model.data(view.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == QColor("#c62828")
    assert view.model.row(0).values[-1] == "Baru (lewat batas)"
    assert not view.resolve_button.isEnabled()  # nothing selected yet
    assert "Batas jawab" in view.deadline.text()

    view.channel.setCurrentIndex(view.channel.findData("WhatsApp"))
    view.service.setCurrentIndex(view.service.findData("AMB-SAMBUTAN"))
    assert view.request.isEnabled() and view.request.findData(request_id) > 0
    view.request.setCurrentIndex(view.request.findData(request_id))
    view.classification.setEditText("Waktu pelayanan")
    qtbot.keyClicks(view.content, "Konfirmasi sambutan belum diterima")
    view.add_button.click()
    assert view.model.rowCount() == 2 and view.model.row(0).values[4] == "Sambutan Walikota"
    assert any("Konfirmasi sambutan" in h.detail for h in History.select().where(History.request == request_id))

    view.table.selectRow(1)
    assert f"Pengaduan #{late.id}" in view.detail.toPlainText()
    dialogs.texts = ["Pengadu ditelepon"]
    view.note_button.click()
    assert "Pengadu ditelepon" in view.detail.toPlainText()
    view.status.setCurrentIndex(view.status.findData(complaints.OVERDUE))
    assert [row.key for row in view.model.rows()] == [late.id]
    view.table.selectRow(0)
    dialogs.texts = ["Sudah dijelaskan melalui telepon"]
    with qtbot.waitSignal(page.overdueChanged) as signal:
        view.resolve_button.click()
    assert signal.args == [0] and window.overdue_label.text() == ""
    view.status.setCurrentIndex(0)
    view.search.setText("lama dijawab")
    assert view.model.rowCount() == 1 and view.model.row(0).values[-1] == "Selesai"
    assert window.grab().save(str(tmp_path / "pengaduan.png"))
    dialogs.files = [str(tmp_path / "pengaduan.xlsx")]
    view.export_button.click()
    assert openpyxl.load_workbook(tmp_path / "pengaduan.xlsx").sheetnames == ["Register Pengaduan"]
