"""Bimtek Keprotokolan (Madiun): schedule, speakers, participants, attendance, invitations, minutes,
the final report, the history of every change, the search and the Excel export."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import openpyxl
import pytest

from protokol_desktop.services import Actor, ServiceError, bimtek
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import History
from tests.conftest import sambutan_form

BOTH_BACKENDS = True
ADMIN = Actor("Admin", "Admin")
JFU = Actor("Dewi Lestari", "Staf")


@pytest.fixture
def madiun(store):
    apply_office("madiun", ADMIN)
    return store


def training() -> int:
    form = sambutan_form(sop_code="MDN-BIMTEK", nomor_surat="800/123/401.101/2026",
                         perihal="Bimtek Keprotokolan bagi Kelurahan 2026", fulfilled=())  # fmt: skip
    return rs.register_request(form, JFU)


def history(request_id: int) -> list[tuple[str, str]]:
    return [(h.action, h.detail) for h in History.select().where(History.request == request_id).order_by(History.id)]


def test_a_bimtek_record_and_its_export(madiun, tmp_path):
    request_id = training()
    start = datetime(2026, 12, 2, 1, tzinfo=UTC)  # 08.00 WIB
    bimtek.set_schedule(request_id, JFU, start, start + timedelta(hours=7), "Ruang Rapat 14 Balai Kota")
    bimtek.invitations_sent(request_id, date(2026, 11, 25), JFU)
    kept = bimtek.add_speaker(request_id, JFU, "Drs. Bambang Irawan", "Biro Umum Provinsi Jawa Timur",
                              "0812 3333 4444", "Tata upacara dan tata tempat")  # fmt: skip
    wrong = bimtek.add_speaker(request_id, JFU, "Narasumber Batal")
    bimtek.withdraw_speaker(wrong.id, "berhalangan hadir", JFU)
    siti = bimtek.add_participant(request_id, JFU, "Siti Aminah", "19850101 201001 2 003", "Kelurahan Oro-oro Ombo")
    joko = bimtek.add_participant(request_id, JFU, "Joko Santoso", "197905122006041001", "Kelurahan Kartoharjo")
    typo = bimtek.add_participant(request_id, JFU, "Siti Aminaah", "", "Kelurahan Oro-oro Ombo")
    bimtek.withdraw_participant(typo.id, "salah ketik", JFU)
    bimtek.mark_attendance(joko.id, False, JFU)
    bimtek.set_texts(request_id, JFU, minutes="Materi tata tempat dan tata upacara.",
                     report="Bimtek diikuti 2 peserta terdaftar; 1 hadir.\nSaran: diadakan tiap semester.")  # fmt: skip

    assert [s.id for s in bimtek.speakers(request_id)] == [kept.id]
    assert [(p.nama, p.attended) for p in bimtek.participants(request_id)] == [
        ("Siti Aminah", True), ("Joko Santoso", False)
    ]  # fmt: skip
    record = bimtek.bimtek_of(request_id)
    assert (record.venue, record.invitations_sent) == ("Ruang Rapat 14 Balai Kota", date(2026, 11, 25))
    details = [detail for _, detail in history(request_id)]
    assert "Jadwal 2 Des 2026 08.00–15.00 di Ruang Rapat 14 Balai Kota" in details
    assert "Narasumber ditarik: Narasumber Batal (berhalangan hadir)" in details
    assert "Ditarik: Siti Aminaah (salah ketik)" in details
    assert "Joko Santoso: tidak hadir" in details
    assert "Disimpan: notulen dan laporan akhir" in details
    assert siti.id != joko.id

    wb = openpyxl.load_workbook(bimtek.export_bimtek(request_id, tmp_path / "bimtek.xlsx", JFU))
    from tests.unit.test_audit_export import last_export

    assert last_export()["jenis"] == "bimtek"  # the participants' names left the app: an audit entry
    assert wb.sheetnames == ["Daftar Hadir", "Narasumber", "Notulen", "Laporan"]
    sheet = wb["Daftar Hadir"]
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "No")
    heading = " ".join(str(sheet.cell(r, 1).value) for r in range(1, header))
    assert "Jadwal 2 Des 2026 08.00–2 Des 2026 15.00 di Ruang Rapat 14 Balai Kota" in heading
    assert "Undangan dikirim 25 November 2026" in heading
    lines = [[c.value for c in row] for row in sheet.iter_rows(min_row=header + 1)]
    assert [line[1:5] for line in lines[:2]] == [
        ["Siti Aminah", "19850101 201001 2 003", "Kelurahan Oro-oro Ombo", "Ya"],
        ["Joko Santoso", "197905122006041001", "Kelurahan Kartoharjo", "Tidak"],
    ]
    assert len(lines) == 7 and [line[5] for line in lines] == [f"{n}. " for n in range(1, 8)]
    assert sheet.print_title_rows and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert [c.value for c in wb["Narasumber"]["B"]][-1] == "Drs. Bambang Irawan"
    assert "Saran: diadakan tiap semester." in [c.value for c in wb["Laporan"]["A"]]


def test_bimtek_input_is_checked_and_no_op_changes_leave_no_trace(madiun):
    request_id = training()
    start = datetime(2026, 12, 2, 1, tzinfo=UTC)
    with pytest.raises(ServiceError, match="sesudah mulai"):
        bimtek.set_schedule(request_id, JFU, start, start, "Aula")
    with pytest.raises(ServiceError, match="Tempat wajib"):
        bimtek.set_schedule(request_id, JFU, start, start + timedelta(hours=1), " ")
    with pytest.raises(ServiceError, match="18 angka"):
        bimtek.add_participant(request_id, JFU, "Tanpa NIP Lengkap", "123", "Kelurahan")
    with pytest.raises(ServiceError, match="Nama narasumber wajib"):
        bimtek.add_speaker(request_id, JFU, "")
    person = bimtek.add_participant(request_id, JFU, "Siti Aminah")
    bimtek.set_texts(request_id, JFU, minutes="Notulen")
    count = len(history(request_id))
    bimtek.mark_attendance(person.id, True, JFU)  # already present
    bimtek.set_texts(request_id, JFU, minutes="Notulen", report=None)
    bimtek.invitations_sent(request_id, date(2026, 11, 25), JFU)
    bimtek.invitations_sent(request_id, date(2026, 11, 25), JFU)
    assert len(history(request_id)) == count + 1
    bimtek.withdraw_participant(person.id, "tidak jadi ikut", JFU)
    with pytest.raises(ServiceError, match="Peserta tidak ada"):
        bimtek.mark_attendance(person.id, False, JFU)
    apply_office("ambon", ADMIN)
    other = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    with pytest.raises(ServiceError, match="hanya untuk layanan Bimtek"):
        bimtek.bimtek_of(other)


def test_bimtek_search(madiun):
    request_id = training()
    bimtek.set_schedule(request_id, JFU, datetime(2026, 12, 2, 1, tzinfo=UTC), datetime(2026, 12, 2, 8, tzinfo=UTC),
                        "Aula Bappeda")  # fmt: skip
    bimtek.add_speaker(request_id, JFU, "Drs. Bambang Irawan", "Biro Umum Provinsi", topik="Tata upacara")
    bimtek.add_participant(request_id, JFU, "Siti Aminah", "19850101 201001 2 003", "Kelurahan Oro-oro Ombo")
    assert [h.kind for h in bimtek.search("bappeda")] == ["Bimtek"]
    assert [h.kind for h in bimtek.search("upacara")] == ["narasumber"]
    assert [h.text for h in bimtek.search("198501012010012003")] == [
        "Siti Aminah, 19850101 201001 2 003, Kelurahan Oro-oro Ombo"
    ]
    assert {h.request_id for h in bimtek.search("oro-oro")} == {request_id}
    assert bimtek.search("") == []
