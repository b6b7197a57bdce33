"""The complaint register: deadlines in the office's working days across holidays and cuti bersama,
overdue complaints, handling and resolution, the audit and request history, search and export."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import openpyxl
import pytest

from protokol_desktop.services import Actor, ServiceError, complaints
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import calendar, set_office_day
from protokol_desktop.store.models import AuditEntry, History
from tests.conftest import sambutan_form

BOTH_BACKENDS = True
ADMIN = Actor("Admin", "Admin")
WIT = timedelta(hours=9)  # the Ambon office (the ``store`` fixture) keeps Waktu Indonesia Timur


def wit(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """An instant given in Ambon office time."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - WIT


@pytest.mark.parametrize(
    ("received", "due", "why"),
    [
        # Wednesday 13 May 2026: Thu 14 Kenaikan Yesus Kristus, Fri 15 cuti bersama, weekend;
        # day 1..5 = Mon 18, Tue 19, Wed 20, Thu 21, Fri 22.
        (wit(2026, 5, 13), date(2026, 5, 22), "Kenaikan dan cuti bersama"),
        # Friday 13 March 2026, before the long Nyepi and Idul Fitri break: day 1 Mon 16, 2 Tue 17; Wed 18
        # cuti bersama Nyepi, Thu 19 Nyepi, Fri 20 cuti bersama, Sat 21/Sun 22 Idul Fitri, Mon 23 and
        # Tue 24 cuti bersama; day 3 Wed 25, 4 Thu 26, 5 Fri 27.
        (wit(2026, 3, 13, 15, 30), date(2026, 3, 27), "Nyepi dan Idul Fitri"),
        # Friday 29 May 2026 late in the day: Sun 31 Waisak, Mon 1 June Hari Lahir Pancasila;
        # day 1 Tue 2, 2 Wed 3, 3 Thu 4, 4 Fri 5, 5 Mon 8.
        (wit(2026, 5, 29, 21, 45), date(2026, 6, 8), "Waisak dan Hari Lahir Pancasila"),
        # Saturday: counting starts on Monday 18 May as day 1; day 5 is Friday 22 May.
        (wit(2026, 5, 16, 10), date(2026, 5, 22), "diterima hari Sabtu"),
    ],
)
def test_the_deadline_lands_on_the_right_working_day(store, received, due, why):
    complaint = complaints.register(ADMIN, received, "WhatsApp", f"Pengaduan ({why})")
    assert complaint.due_date == due, why
    assert complaints.due_date(received) == calendar().add_working_days((received + WIT).date(), 5)


def test_the_deadline_uses_the_office_day_and_its_own_holidays(store):
    # 23.30 WIB on Tuesday 12 May is already Wednesday 13 May 01.30 in Ambon.
    late = datetime(2026, 5, 12, 16, 30, tzinfo=UTC)
    assert complaints.due_date(late) == date(2026, 5, 22)
    set_office_day(date(2026, 5, 20), True, "HUT Kota (libur kantor)", ADMIN)
    assert complaints.due_date(late) == date(2026, 5, 25)


def test_overdue_complaints_stand_out_until_resolved(store):
    complaint = complaints.register(ADMIN, wit(2026, 5, 13), "telepon", "Konfirmasi kehadiran terlambat",
                                    complainant="Budi", contact="0812 7777 8888")  # fmt: skip
    fresh = complaints.register(ADMIN, wit(2026, 5, 21), "email", "Undangan salah alamat", contact="a@b.go.id")
    on_due_day = wit(2026, 5, 22, 16)
    assert complaints.overdue_count(now=on_due_day) == 0
    row = complaints.rows(now=on_due_day)[1]
    assert (row.id, row.overdue, row.days_left, row.status_label) == (complaint.id, False, 0, "Baru")
    after = wit(2026, 5, 26, 8)  # Tuesday: two working days late
    assert complaints.overdue_count(now=after) == 1
    assert [r.id for r in complaints.rows(status=complaints.OVERDUE, now=after)] == [complaint.id]
    late = complaints.rows(now=after)[1]
    assert (late.overdue, late.days_left, late.status_label) == (True, -2, "Baru (lewat batas)")
    complaints.assign(complaint.id, "Yohanes", ADMIN, now=after)
    complaints.add_note(complaint.id, "Pengadu ditelepon", ADMIN, now=after + timedelta(hours=1))
    complaints.resolve(complaint.id, "Penjelasan diberikan", ADMIN, now=after + timedelta(hours=2))
    done = complaints.rows(now=after)[1]
    assert (done.status, done.overdue, done.on_time, done.days_left) == ("selesai", False, False, None)
    assert [n.text for n in done.notes] == ["Pengadu ditelepon"] and done.handler == "Yohanes"
    assert complaints.overdue_count(now=after) == 0
    assert [r.id for r in complaints.rows(status="baru", now=after)] == [fresh.id]
    with pytest.raises(ServiceError, match="sudah selesai"):
        complaints.resolve(complaint.id, "lagi", ADMIN)


def test_a_complaint_about_a_request_is_in_its_history(store):
    request_id = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    complaint = complaints.register(ADMIN, datetime.now(UTC), "kotak saran", "Petugas tidak ramah",
                                    request_id=request_id, classification="Sikap petugas")  # fmt: skip
    assert complaint.sop_code == "AMB-SAMBUTAN" and complaint.complainant == ""
    complaints.assign(complaint.id, "Yohanes", ADMIN)
    complaints.add_note(complaint.id, "Petugas dipanggil Kasubbag", ADMIN)
    complaints.resolve(complaint.id, "Teguran lisan; permintaan maaf disampaikan", ADMIN)
    details = [h.detail for h in History.select().where((History.request == request_id)
                                                        & (History.action == "pengaduan"))]  # fmt: skip
    assert details == [
        f"Pengaduan #{complaint.id} diterima: Petugas tidak ramah",
        f"Pengaduan #{complaint.id}: ditangani Yohanes",
        f"Pengaduan #{complaint.id}: tindak lanjut: Petugas dipanggil Kasubbag",
        f"Pengaduan #{complaint.id}: selesai",
    ]
    audited = [a.action for a in AuditEntry.select().where(AuditEntry.entity == "pengaduan").order_by(AuditEntry.id)]
    assert audited == ["pengaduan_diterima", "pengaduan_ditugaskan", "pengaduan_tindak_lanjut", "pengaduan_selesai"]
    row = complaints.rows()[0]
    assert row.complainant == "(anonim)" and row.service == "Sambutan Walikota"
    assert row.request_label.startswith("005/123/Disdikbud/2026 — ")
    assert complaints.request_choices("AMB-SAMBUTAN") == [(request_id, row.request_label)]


def test_complaint_input_is_checked(store):
    request_id = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    now = datetime.now(UTC)
    cases = [
        ({"channel": "faks"}, "Saluran"),
        ({"content": " "}, "Isi pengaduan wajib"),
        ({"received_at": now + timedelta(days=1)}, "masa depan"),
        ({"received_at": datetime(2026, 5, 13, 9)}, "berzona"),
        ({"request_id": 99_999}, "tidak ada"),
        ({"request_id": request_id, "sop_code": "TNG-KUNJUNGAN"}, "bukan layanan TNG-KUNJUNGAN"),
        ({"sop_code": "XYZ"}, "Layanan dengan kode 'XYZ' tidak ada"),
        ({"contact": "12"}, "atau tulis alamat email"),
        ({"contact": "budi@"}, "email"),
    ]
    for change, message in cases:
        values = {"received_at": now, "channel": "surat", "content": "Surat belum dibalas", **change}
        with pytest.raises(ServiceError, match=message):
            complaints.register(ADMIN, **values)
    assert complaints.rows() == []
    assert AuditEntry.select().where(AuditEntry.entity == "pengaduan").count() == 0
    with pytest.raises(ServiceError, match="tidak ada"):
        complaints.add_note(12345, "catatan", ADMIN)


def test_search_and_export(store, tmp_path):
    now = wit(2026, 5, 26, 8)
    old = complaints.register(ADMIN, wit(2026, 5, 13), "telepon", "Konfirmasi kehadiran terlambat",
                              complainant="Budi", contact="0812 7777 8888", now=now)  # fmt: skip
    complaints.add_note(old.id, "Dijanjikan jawaban tertulis", ADMIN, now=now)
    fine = complaints.register(ADMIN, wit(2026, 5, 25), "langsung", "Ruang tunggu panas", now=now)
    assert [h.record_id for h in complaints.search("JAWABAN TERTULIS")] == [old.id]
    assert [r.id for r in complaints.rows("ruang tunggu")] == [fine.id]
    assert [r.id for r in complaints.rows(f"#{old.id}")] == [old.id]

    wb = openpyxl.load_workbook(complaints.export_register(tmp_path / "pengaduan.xlsx", now=now))
    sheet = wb["Register Pengaduan"]
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "No")
    assert [c.value for c in sheet[header]][:6] == ["No", "Diterima", "Saluran", "Pengadu", "Layanan / Permohonan",
                                                     "Isi"]  # fmt: skip
    lines = {row[0].value: row for row in sheet.iter_rows(min_row=header + 1)}
    late = lines[old.id]
    assert late[3].value == "Budi (081277778888)" and late[8].value.date() == date(2026, 5, 22)
    assert late[9].value == "Ditangani (lewat batas)" and late[0].font.color.rgb.endswith("C62828")
    assert "Dijanjikan jawaban tertulis" in late[10].value
    assert lines[fine.id][9].value == "Baru" and not lines[fine.id][0].font.bold
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 and sheet.page_setup.fitToWidth == 1
    assert "Batas jawab 5 hari kerja" in sheet.cell(3, 1).value
