"""The Agenda Pimpinan page and the event tabs (Pengaturan Acara, Sambutan, SOP Protokol), driven
through their widgets; their item models through qtmodeltester."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from protokol_desktop.domain.calendar import office_zone
from protokol_desktop.domain.indonesian import format_datetime
from protokol_desktop.services import Actor
from protokol_desktop.services import agenda as ag
from protokol_desktop.services import events as ev
from protokol_desktop.services import requests as rs
from protokol_desktop.services import sop_protokol as sop
from protokol_desktop.services import speeches as sp
from protokol_desktop.services.office import apply_office
from protokol_desktop.services.speeches import compare_texts
from protokol_desktop.ui.context import AppContext
from protokol_desktop.ui.models.rows import Row
from tests.conftest import sambutan_form, utc
from tests.gui.conftest import account

STAF = Actor("Maria", "Staf")
WEDNESDAY = date(2026, 11, 25)
ZONE_WIT = office_zone("WIT")


def _acara(**overrides):
    values = dict(
        sop_code="AMB-ACARA",
        nomor_surat="005/90/Dinkes/2026",
        perihal="Pencanangan Bulan Imunisasi",
        pengirim="Dinas Kesehatan",
        event_place="Puskesmas Rijali",
        fulfilled=(0, 1, 2),
    )
    values.update(overrides)
    return sambutan_form(**values)


def _context(store, dialogs, name="Drs. Ahmad", role="Kabag"):
    return AppContext(store, dialogs, account=account(name, role))


def test_models_pass_the_model_tester(qtmodeltester, qapp):
    from protokol_desktop.ui.events.models import DiffModel, ShadedRowsModel

    shaded = ShadedRowsModel(["A", "B"])
    shaded.set_rows([Row(("x", 1), key=1), Row(("y", 2), key=2, colour="#888888")], ["#f8d7da", None])
    qtmodeltester.check(shaded)
    assert shaded.background(0) == "#f8d7da"
    with pytest.raises(ValueError):
        shaded.set_rows([Row(("x", 1))], [])
    diff = DiffModel()
    diff.set_lines(compare_texts("a\nb\nc", "a\nB\nc\nd"), "Konsep", "Draft")
    qtmodeltester.check(diff)
    assert diff.headerData(1, Qt.Orientation.Horizontal) == "Konsep"
    assert diff.headerData(3, Qt.Orientation.Horizontal) == "Draft"
    assert [line.tag for line in diff.lines()] == ["equal", "replace", "equal", "insert"]


def test_agenda_page_flags_and_resolves_a_clash(store, qtbot, dialogs, tmp_path):
    from protokol_desktop.ui.events.agenda_controller import AgendaController
    from protokol_desktop.ui.events.agenda_view import AgendaView

    first = rs.register_request(sambutan_form(), STAF)
    second = rs.register_request(_acara(), STAF)
    view = AgendaView()
    qtbot.addWidget(view)
    controller = AgendaController(view, _context(store, dialogs))
    controller.go_to(WEDNESDAY)
    controller.set_mode("hari")
    assert view.model.rowCount() == 2
    assert view.banner.isVisibleTo(view) and "1 jadwal bentrok" in view.banner.text()
    assert all(view.model.background(r) for r in range(2))
    assert "Bentrok" in view.model.row(0).values[-1]

    assert controller.select(f"permohonan:{second}")
    view.decision.setCurrentIndex(view.decision.findData("diwakili"))
    view.representative.setText("Asisten II, Drs. J. Latuheru")
    view.reply_letter.setText("005/120/Prokopim/2026")
    with qtbot.waitSignal(controller.agendaChanged):
        assert controller.decide()
    assert not view.banner.isVisibleTo(view)
    assert view.model.background(0) is None and view.model.background(1) is None
    assert ag.item(f"permohonan:{second}").decision == "diwakili"
    assert dialogs.errors == []

    # A refused decision is shown and changes nothing.
    controller.select(f"permohonan:{first}")
    view.decision.setCurrentIndex(view.decision.findData("ditolak"))
    view.reply_letter.clear()
    assert not controller.decide()
    assert "surat balasan" in dialogs.errors[-1][1]

    # Type an entry in, in the week view; then the week goes to Excel.
    controller.set_mode("minggu")
    view.entry_leader.setCurrentText("Wakil Walikota")
    view.entry_day.setDate(WEDNESDAY)
    view.entry_start.setText("14.00")
    view.entry_title.setText("Safari Natal")
    entry = controller.add_entry()
    assert entry is not None and view.model.rowCount() == 3
    view.leader.setCurrentText("Wakil Walikota")
    assert view.model.rowCount() == 1
    dialogs.files.append(str(tmp_path / "agenda-minggu"))
    out = controller.export_week()
    assert out == tmp_path / "agenda-minggu.xlsx" and out.exists()
    assert load_workbook(out).sheetnames[:2] == ["Walikota", "Wakil Walikota"]
    dialogs.texts.append("Acara diundur")
    controller.select(f"agenda:{entry}")
    controller.withdraw()
    assert view.model.rowCount() == 0 and view.empty.isVisibleTo(view)
    controller.next_period()
    assert controller.current_day() == date(2026, 12, 2)
    controller.set_mode("bulan")
    controller.previous_period()
    assert controller.current_day() == date(2026, 11, 1)

    with qtbot.waitSignal(controller.requestOpened) as opened:
        controller.go_to(WEDNESDAY)
        controller.set_mode("hari")
        view.leader.setCurrentIndex(0)
        controller.select(f"permohonan:{first}")
        controller.open_request()
    assert opened.args == [first]


def test_reminders_reach_the_main_window(store, qtbot, dialogs):
    from protokol_desktop.ui.events import ReminderBanner, ReminderWatcher, reminder_texts

    rs.register_request(_acara(), STAF)
    controller = ReminderWatcher()
    banner = ReminderBanner()
    qtbot.addWidget(banner)
    controller.remindersChanged.connect(banner.set_reminders)
    # Tuesday 24 Nov 10.00 WIT: H-1 of the Wednesday 09.00 WIT event.
    with qtbot.waitSignal(controller.remindersChanged) as signal:
        found = controller.check_reminders(utc(2026, 11, 24, 1))
    assert [r.kind for r in signal.args[0]] == ["cek_lokasi", "gladi"] == [r.kind for r in found]
    assert banner.isVisibleTo(banner.parentWidget() or banner) and "Pengingat H-1" in banner.text()
    assert len(reminder_texts(utc(2026, 11, 24, 1))) == 2
    banner.set_reminders([])
    assert banner.text() == ""
    # The timer's first check comes on the next turn of the event loop, after the window is painted.
    with qtbot.waitSignal(controller.remindersChanged):
        timer = controller.start_reminder_timer(3_600_000)
    assert timer.isActive()
    timer.stop()


def test_event_tab_rundown_officers_checks_and_guests(store, qtbot, dialogs):
    from protokol_desktop.ui.events.event_tab import EventTab

    # The tab records checks at the real clock: an event the day after tomorrow, a gladi an hour ago.
    now = datetime.now(UTC)
    soon = (now + timedelta(days=2)).astimezone(ZONE_WIT).date()
    request_id = rs.register_request(
        _acara(tanggal_surat=soon - timedelta(days=5), received_at=now - timedelta(hours=2), event_date=soon), STAF
    )
    tab = EventTab(request_id, _context(store, dialogs, "Maria", "Staf"))
    qtbot.addWidget(tab)
    tab.item_description.setText("Pembukaan oleh MC")
    tab.item_minutes.setValue(5)
    tab.item_person.setText("MC")
    with qtbot.waitSignal(tab.changed):
        assert tab.add_item()
    tab.item_description.setText("Sambutan Walikota")
    tab.item_minutes.setValue(15)
    assert tab.add_item()
    assert [r.values[1] for r in tab.rundown_model.rows()] == ["09.00", "09.05"]
    tab.rundown_table.selectRow(1)
    assert tab.move_up()
    assert [r.values[4] for r in tab.rundown_model.rows()] == ["Sambutan Walikota", "Pembukaan oleh MC"]
    assert [r.values[1] for r in tab.rundown_model.rows()] == ["09.00", "09.15"]
    dialogs.texts.append("10")
    assert tab.change_minutes()  # the selected line (Sambutan) now lasts 10 minutes
    assert tab.rundown_model.rows()[1].values[1] == "09.10"
    assert "selesai 09.15" in tab.rundown_summary.text()
    tab.template.setCurrentIndex(tab.template.findData("upacara"))
    assert tab.use_template()  # confirmed by the fake dialogs: replaces the two lines
    assert tab.rundown_model.rowCount() == 12
    assert "PDU" in tab.dress_code.text()

    tab.officer_duty.setCurrentText("Dirigen")
    tab.officer_name.setText("Samuel Pattinama")
    tab.officer_contact.setText("0812 4000 1111")
    assert tab.add_officer()
    assert tab.officer_model.rows()[0].values == ("Dirigen", "Samuel Pattinama", "081240001111", "")
    tab.officer_name.setText("X")
    tab.officer_contact.setText("123")
    assert not tab.add_officer()
    assert "Nomor telepon" in dialogs.errors[-1][1]

    assert "Gladi belum dilaporkan" in tab.check_status.text()
    tab.check_kind.setCurrentIndex(tab.check_kind.findData("gladi"))
    held = (now - timedelta(hours=1)).astimezone(ZONE_WIT).replace(tzinfo=None, second=0, microsecond=0)
    tab.check_time.setDateTime(held)
    tab.check_findings.setText("Gladi bersih lancar")
    tab.check_officers.setText("Maria")
    tab.record_check()
    assert dialogs.errors[-1][1].startswith("Nomor telepon")  # no new refusal
    assert "Gladi sudah dilaporkan" in tab.check_status.text()
    assert tab.check_model.rows()[0].values[:3] == ("Gladi", format_datetime(held), "Gladi bersih lancar")

    for title, represents in (("Dandim 1504/Ambon", ""), ("Gubernur Maluku", ""), ("Asisten I", "Sekretaris Kota")):
        tab.guest_title.setText(title)
        tab.guest_represents.setText(represents)
        assert tab.add_guest()
    assert [r.values[1] for r in tab.guest_model.rows()] == ["Gubernur Maluku", "Dandim 1504/Ambon", "Asisten I"]
    tab.host.setText("Walikota Ambon")
    assert tab.save_host()
    assert "Tuan rumah" in tab.seating.text() and "Walikota Ambon" in tab.seating.text()


def test_speech_tab_versions_corrections_paraf_and_compare(store, qtbot, dialogs):
    from protokol_desktop.ui.events.speech_tab import SpeechTab

    request_id = rs.register_request(sambutan_form(), STAF)
    tab = SpeechTab(request_id, _context(store, dialogs))
    qtbot.addWidget(tab)
    assert "Belum ada versi" in tab.current.text()
    tab.new_text.setPlainText("Yang saya hormati,\nSelamat Hari Guru.")
    assert tab.add_text_version()
    dialogs.texts.append("Tambahkan salam untuk Kadis")
    assert tab.correct_by_team()
    assert "koreksi menunggu revisi" in tab.current.text()
    assert not tab.paraf()
    assert "masih punya koreksi" in dialogs.errors[-1][1]
    tab.new_text.setPlainText("Yang saya hormati,\nKepala Dinas Pendidikan,\nSelamat Hari Guru.")
    assert tab.add_text_version()
    assert tab.paraf()
    assert "diparaf Drs. Ahmad" in tab.current.text()
    assert tab.version_model.rowCount() == 2 and tab.version_model.rows()[1].bold
    assert tab.compare()
    assert [line.tag for line in tab.diff_model.lines()] == ["equal", "insert", "equal"]
    assert sp.current_version(request_id).label == "Draft"


def test_sop_protokol_tab_generate_sign_distribute(store, qtbot, dialogs):
    from protokol_desktop.ui.events.sop_protokol_tab import SopProtokolTab
    from tests.unit.test_sop_protokol import koordinasi_form

    apply_office("lumajang", Actor("Admin", "Admin"))
    request_id = rs.register_request(koordinasi_form(), STAF)
    ev.add_rundown_item(request_id, "Pembukaan", 5, STAF, person="MC", now=utc(2026, 11, 23, 3))
    ev.add_officer(request_id, "MC", "Rina Wulandari", STAF, now=utc(2026, 11, 23, 3))
    ev.add_officer(request_id, "Ajudan Bupati", "Kompol Fajar", STAF, now=utc(2026, 11, 23, 3))
    staff = SopProtokolTab(request_id, _context(store, dialogs, "Bagus", "Staf"))
    qtbot.addWidget(staff)
    with qtbot.waitSignal(staff.changed):
        assert staff.generate()
    document = sop.current_document(request_id)
    assert (store.attachments / document.pdf_name).read_bytes().startswith(b"%PDF")
    assert (store.attachments / document.xlsx_name).exists()
    assert "putaran <b>1</b>: Konsep" in staff.summary.text()
    assert not staff.paraf()
    assert "hanya oleh Kasubbag" in dialogs.errors[-1][1]

    kasubag = SopProtokolTab(request_id, _context(store, dialogs, "Siti Aminah", "Kasubbag"))
    qtbot.addWidget(kasubag)
    dialogs.texts.append("Perbaiki urutan sambutan")
    assert kasubag.correct()
    assert kasubag.paraf()
    assert not kasubag.sign_button.isEnabled() or not kasubag.sign()
    kabag = SopProtokolTab(request_id, _context(store, dialogs, "Drs. Hadi", "Kabag"))
    qtbot.addWidget(kabag)
    assert kabag.sign_button.isEnabled()
    assert kabag.sign()
    assert kabag.record_button.isEnabled()
    pending = [r.values[0] for r in kabag.distribution_model.rows() if r.values[2] == "belum diterima"]
    assert pending == ["Petugas protokol", "Ajudan Bupati", "Ajudan Wakil Bupati"]
    kabag.distribution_table.selectRow(0)
    kabag._prefill()
    assert kabag.kind.currentText() == "Petugas protokol" and kabag.recipient.text() == "Rina Wulandari"
    assert kabag.record_receipt()
    kabag.kind.setCurrentText("Ajudan Bupati")
    kabag.recipient.setText("Kompol Fajar")
    assert kabag.record_receipt()
    kabag.kind.setCurrentText("Ajudan Wakil Bupati")
    kabag.recipient.setText("Iptu Dimas")
    assert kabag.record_receipt()
    assert sop.distribution_complete(document.id)
    assert all(r.values[2] != "belum diterima" for r in kabag.distribution_model.rows())


def test_tab_factories_add_the_right_tabs_to_the_request_detail(store, qtbot, dialogs, monkeypatch):
    from protokol_desktop.ui.controllers.request_controller import RequestController
    from protokol_desktop.ui.dialogs.request_detail import RequestDetailDialog
    from protokol_desktop.ui.events import TAB_FACTORIES

    acara = rs.register_request(_acara(), STAF)
    sambutan = rs.register_request(sambutan_form(nomor_surat="005/124/Disdikbud/2026"), STAF)
    controller = RequestController(_context(store, dialogs))
    controller.tab_factories.extend(TAB_FACTORIES)
    seen: dict[int, list[str]] = {}

    def fake_exec(dialog):
        seen[controller.request_id] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        tab = controller.record_tabs[0]
        with qtbot.waitSignal(controller.changed):
            tab.changed.emit()  # a saved change refreshes the request everywhere
        dialog.deleteLater()
        return 0

    monkeypatch.setattr(RequestDetailDialog, "exec", fake_exec)
    controller.open(acara, None)
    controller.open(sambutan, None)
    assert "Pengaturan Acara" in seen[acara] and "Sambutan" not in seen[acara]
    assert "Sambutan" in seen[sambutan] and "Pengaturan Acara" not in seen[sambutan]
    assert seen[acara][-1] == "Riwayat"


def test_sop_protokol_pdf_carries_the_event(store, qapp, tmp_path):
    import shutil
    import subprocess

    from protokol_desktop.ui.pdf.sop_protokol_pdf import sop_protokol_html, write_sop_protokol_pdf
    from tests.unit.test_sop_protokol import koordinasi_form

    apply_office("lumajang", Actor("Admin", "Admin"))
    request_id = rs.register_request(koordinasi_form(), STAF)
    ev.add_rundown_item(request_id, "Pembukaan oleh MC", 5, STAF, person="MC", now=utc(2026, 11, 23, 3))
    ev.add_guest(request_id, "Kapolres Lumajang", STAF, now=utc(2026, 11, 23, 3))
    ev.add_guest(request_id, "Wakil Bupati Lumajang", STAF, now=utc(2026, 11, 23, 3))
    content = sop.build_content(request_id, 1, STAF, utc(2026, 11, 24, 3))
    html = sop_protokol_html(content)
    expected = [
        "PEMERINTAH KABUPATEN LUMAJANG", "Peresmian Pasar Rakyat Tempeh", "Kamis, 26 November 2026",
        "08.00 – 08.05 WIB", "Pembukaan oleh MC", "Pasal 11 ayat (1) huruf b", "VI. DISTRIBUSI",
    ]  # fmt: skip
    assert [text for text in expected if text not in html] == []
    assert html.index("Wakil Bupati Lumajang") < html.index("Kapolres Lumajang")
    out = write_sop_protokol_pdf(content, tmp_path / "sop.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".~*"))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
        assert "SOP PROTOKOL" in text and "Peresmian Pasar Rakyat Tempeh" in text
        assert "Halaman 1 dari" in text
