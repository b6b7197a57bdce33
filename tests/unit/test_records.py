"""Guest visits, Bimtek and complaints: the records, the step gate, the exports, the deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import openpyxl
import pytest

from protokol_desktop.services import Actor, ServiceError, bimtek, complaints, visits
from protokol_desktop.services import requests as rs
from protokol_desktop.services.library import get_sop
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import History, StepRun
from tests.conftest import sambutan_form

BOTH_BACKENDS = True
ADMIN = Actor("Admin", "Admin")


@pytest.fixture
def tangerang(store):
    apply_office("tangerang", ADMIN)
    return store


def _visit_request() -> int:
    form = sambutan_form(
        sop_code="TNG-KUNJUNGAN", nomor_surat="005/11/DPRD-Bogor", perihal="Kunjungan kerja DPRD Kabupaten Bogor",
        pengirim="DPRD Kabupaten Bogor", fulfilled=(), event_place="Ruang Rapat Dinas",
    )  # fmt: skip
    request_id = rs.register_request(form, Actor("Rina", "PPTK & Staff Umum"))
    rs.start_request(request_id, Actor("Kepala", "Kepala SKPD"), now=datetime(2026, 11, 23, 2, tzinfo=UTC))
    return request_id


def _complete(request_id: int, role: str, minutes: int) -> None:
    run = StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null())
    rs.complete_step(request_id, Actor("Petugas", role), now=run.started_at + timedelta(minutes=minutes))


def test_guest_visit_end_to_end(tangerang, tmp_path):
    request_id = _visit_request()
    visit = visits.visit_of(request_id)
    sop = get_sop("TNG-KUNJUNGAN")
    items = list(visit.checklist)
    assert [i.text for i in items] == [*sop.identity.peralatan, *sop.identity.pencatatan]
    staff = Actor("Rina", "PPTK & Staff Umum")
    visits.update_visit(request_id, staff, instansi="DPRD Kabupaten Bogor", leader_name="H. Rudy Susmanto", people=12,
                        host="Sekretaris Dinas", arrival=datetime(2026, 11, 25, 2, tzinfo=UTC),
                        departure=datetime(2026, 11, 25, 5, tzinfo=UTC))  # fmt: skip
    with pytest.raises(ServiceError, match="kepulangan"):
        visits.update_visit(request_id, staff, departure=datetime(2026, 11, 24, tzinfo=UTC))
    visits.tick(items[0].id, True, staff, note="ATK lengkap")
    _complete(request_id, "Subag Umum & Kepegawaian", 60)  # step 1 -> 2
    _complete(request_id, "Kepala SKPD", 30)  # step 2 -> 3: "Membuat daftar hadir dan notulen"
    with pytest.raises(ServiceError, match="daftar hadir masih kosong dan notulen belum diisi"):
        _complete(request_id, "PPTK & Staff Umum", 15)
    visits.add_attendee(request_id, staff, "H. Rudy Susmanto", "Ketua DPRD", "DPRD Kabupaten Bogor", "0812 1111 2222")
    with pytest.raises(ServiceError, match="notulen belum diisi"):
        _complete(request_id, "PPTK & Staff Umum", 15)
    visits.set_minutes(request_id, "Rombongan mempelajari pelayanan UMKM.", staff)
    visits.set_catering(request_id, staff, 15, "Nasi kotak, kopi", "Katering Sari Rasa")
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    visits.add_photo(request_id, photo, staff, tangerang.attachments)
    _complete(request_id, "PPTK & Staff Umum", 15)  # the gate lets it pass now
    out = visits.export_visit(request_id, tmp_path / "kunjungan.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Daftar Periksa", "Daftar Hadir", "Notulen"]
    texts = [c.value for c in wb["Daftar Periksa"]["C"] if c.value]
    for item in (*sop.identity.peralatan, *sop.identity.pencatatan):
        assert item in texts
    guests = [c.value for c in wb["Daftar Hadir"]["B"]]
    assert "H. Rudy Susmanto" in guests
    assert "Rombongan mempelajari pelayanan UMKM." in [c.value for c in wb["Notulen"]["A"]]
    actions = [h.action for h in History.select().where(History.request == request_id)]
    for action in ("kunjungan", "daftar_periksa", "daftar_hadir", "notulen", "jamuan", "foto"):
        assert action in actions
    assert visits.search("Rudy")


def test_photo_and_attendee_validation(tangerang, tmp_path):
    request_id = _visit_request()
    staff = Actor("Rina", "PPTK & Staff Umum")
    bad = tmp_path / "foto.exe"
    bad.write_bytes(b"MZ")
    with pytest.raises(ServiceError, match="JPG atau PNG"):
        visits.add_photo(request_id, bad, staff, tangerang.attachments)
    with pytest.raises(ServiceError, match="Nama wajib"):
        visits.add_attendee(request_id, staff, "  ")
    row = visits.add_attendee(request_id, staff, "Salah Ketik")
    visits.withdraw_attendee(row.id, "salah ketik", staff)
    assert visits.attendees(request_id) == []


def test_checklist_template_is_the_offices(tangerang):
    with pytest.raises(ServiceError, match="hanya boleh"):
        visits.set_template(Actor("Rina", "PPTK & Staff Umum"), [("peralatan", "Papan nama")])
    visits.set_template(ADMIN, [("peralatan", "Papan nama meja"), ("pencatatan", "Buku tamu digital")])
    request_id = _visit_request()
    assert [i.text for i in visits.visit_of(request_id).checklist] == ["Papan nama meja", "Buku tamu digital"]


def test_bimtek_record_and_export(store, tmp_path):
    apply_office("madiun", ADMIN)
    form = sambutan_form(sop_code="MDN-BIMTEK", perihal="Bimtek Keprotokolan 2026", fulfilled=())
    request_id = rs.register_request(form, Actor("JFU", "Staf"))
    staff = Actor("Dewi", "Staf")
    start = datetime(2026, 12, 2, 1, tzinfo=UTC)
    bimtek.set_schedule(request_id, staff, start, start + timedelta(hours=6), "Aula Bappeda")
    with pytest.raises(ServiceError, match="sesudah mulai"):
        bimtek.set_schedule(request_id, staff, start, start, "Aula")
    bimtek.add_speaker(request_id, staff, "Drs. Bambang", "Biro Umum Provinsi", "0812 3333 4444", "Tata upacara")
    person = bimtek.add_participant(request_id, staff, "Siti Aminah", "19850101 201001 2 003", "Kelurahan Oro-oro Ombo")
    with pytest.raises(ServiceError, match="18 angka"):
        bimtek.add_participant(request_id, staff, "Tanpa NIP", "123", "Kelurahan")
    bimtek.mark_attendance(person.id, True, staff)
    bimtek.invitations_sent(request_id, date(2026, 11, 25), staff)
    bimtek.set_texts(request_id, staff, minutes="Materi tata tempat.", report="Diikuti 30 peserta.")
    wb = openpyxl.load_workbook(bimtek.export_bimtek(request_id, tmp_path / "bimtek.xlsx"))
    assert wb.sheetnames == ["Daftar Hadir", "Narasumber", "Notulen", "Laporan"]
    assert "Siti Aminah" in [c.value for c in wb["Daftar Hadir"]["B"]]


def test_complaint_deadline_crosses_the_holidays(store):
    # Received Wednesday 13 May 2026 (WIT); Thursday 14 is Kenaikan, Friday 15 cuti bersama:
    # five working days are 18, 19, 20, 21, 22 May.
    received = datetime(2026, 5, 13, 1, tzinfo=UTC)
    complaint = complaints.register(ADMIN, received, "WhatsApp", "Konfirmasi kehadiran terlambat")
    assert complaint.due_date == date(2026, 5, 22)
    assert complaints.rows(now=datetime(2026, 5, 22, 6, tzinfo=UTC))[0].overdue is False
    assert complaints.overdue_count(now=datetime(2026, 5, 25, 1, tzinfo=UTC)) == 1
    complaints.add_note(complaint.id, "Dihubungi lewat telepon", ADMIN)
    complaints.resolve(complaint.id, "Penjelasan diberikan", ADMIN, now=datetime(2026, 5, 25, 2, tzinfo=UTC))
    row = complaints.rows()[0]
    assert row.status == "selesai" and row.on_time is False and not row.overdue


def test_complaint_input_and_request_history(store, tmp_path):
    request_id = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    with pytest.raises(ServiceError, match="Saluran"):
        complaints.register(ADMIN, datetime.now(UTC), "faks", "isi")
    with pytest.raises(ServiceError, match="Isi pengaduan wajib"):
        complaints.register(ADMIN, datetime.now(UTC), "surat", " ")
    anonymous = complaints.register(ADMIN, datetime.now(UTC), "kotak saran", "Petugas tidak ramah",
                                    sop_code="AMB-SAMBUTAN", request_id=request_id)  # fmt: skip
    assert complaints.rows()[0].complainant == "(anonim)"
    assert any("Pengaduan #" in h.detail for h in History.select().where(History.request == request_id))
    complaints.assign(anonymous.id, "Yohanes", ADMIN)
    wb = openpyxl.load_workbook(complaints.export_register(tmp_path / "pengaduan.xlsx"))
    sheet = wb["Register Pengaduan"]
    assert sheet.print_title_rows and sheet.page_setup.orientation == "landscape"
    assert "Petugas tidak ramah" in [c.value for c in sheet["F"]]
