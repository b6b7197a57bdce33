"""Guest visits run as Tangerang's SOP describes: the delegation, the checklist from the SOP's lists,
the guest book, minutes, catering, photos, the step gate, the history, the search and the export."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from protokol_desktop.services import Actor, ServiceError, bimtek, complaints, library, visits
from protokol_desktop.services import requests as rs
from protokol_desktop.services.library import get_sop
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import AuditEntry, History, StepRun
from tests.conftest import sambutan_form

BOTH_BACKENDS = True
ADMIN = Actor("Admin", "Admin")
KEPALA = Actor("Drs. Hendra", "Kepala SKPD")
SUBAG = Actor("Yanti", "Subag Umum & Kepegawaian")
STAFF = Actor("Rina Wulandari", "PPTK & Staff Umum")


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A small real PNG, written without any imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x2e\x7d\x32" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture
def tangerang(store):
    apply_office("tangerang", ADMIN)
    return store


def visit_request(nomor: str = "005/11/DPRD-Bogor", instansi: str = "DPRD Kabupaten Bogor") -> int:
    form = sambutan_form(
        sop_code="TNG-KUNJUNGAN", nomor_surat=nomor, perihal=f"Kunjungan kerja {instansi}",
        pengirim=instansi, fulfilled=(), event_place="Ruang Rapat Dinas Koperasi dan UKM",
    )  # fmt: skip
    request_id = rs.register_request(form, SUBAG)
    rs.start_request(request_id, SUBAG, now=datetime(2026, 11, 23, 2, tzinfo=UTC))
    return request_id


def complete(request_id: int, actor: Actor, minutes: int = 15) -> rs.StepResult:
    run = StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null())
    return rs.complete_step(request_id, actor, now=run.started_at + timedelta(minutes=minutes))


def test_the_visit_gate_is_declared_in_the_sop_data_not_named_in_code(tangerang):
    """The gated step is the one whose data says so: a copy of the SOP without the declaration runs
    without the gate, and no import at start is needed for the check."""
    sop = get_sop("TNG-KUNJUNGAN")
    assert [(s.number, s.gates) for s in sop.steps if s.gates] == [(3, ("visit_attendance", "visit_minutes"))]
    request_id = visit_request()
    complete(request_id, SUBAG, 60)
    complete(request_id, KEPALA, 30)
    with pytest.raises(ServiceError, match="daftar hadir masih kosong dan notulen belum diisi"):
        complete(request_id, STAFF)
    ungated = sop.with_steps(tuple(replace(s, gates=()) for s in sop.steps))
    library.save_sop(replace(ungated, code="TNG-KUNJUNGAN-SALIN"), ADMIN)
    form = sambutan_form(sop_code="TNG-KUNJUNGAN-SALIN", nomor_surat="005/12", fulfilled=(), pengirim="DPRD Bogor")
    other = rs.register_request(form, SUBAG)
    rs.start_request(other, SUBAG, now=datetime(2026, 11, 23, 2, tzinfo=UTC))
    complete(other, SUBAG, 60)
    complete(other, KEPALA, 30)
    assert not complete(other, STAFF).finished  # no gate declared: the step completes


def test_a_guest_visit_end_to_end_as_the_sop_describes(tangerang, tmp_path):
    sop = get_sop("TNG-KUNJUNGAN")
    request_id = visit_request()
    # Step 1 (Subag Umum): the letter is recorded, with the delegation it announces.
    visits.update_visit(request_id, SUBAG, instansi="DPRD Kabupaten Bogor", leader_name="H. Rudy Susmanto",
                        people=12, host="Sekretaris Dinas", place="Ruang Rapat Lantai 2",
                        arrival=datetime(2026, 11, 25, 9, tzinfo=UTC) - timedelta(hours=7),
                        departure=datetime(2026, 11, 25, 12, tzinfo=UTC) - timedelta(hours=7))  # fmt: skip
    complete(request_id, SUBAG, 60)
    # Step 2 (Kepala SKPD orders the preparation): place, equipment, catering are prepared.
    items = visits.checklist(request_id)
    assert [(i.section, i.text) for i in items] == [
        *(("peralatan", text) for text in sop.identity.peralatan),
        *(("pencatatan", text) for text in sop.identity.pencatatan),
    ]
    for item in items:
        visits.tick(item.id, True, STAFF, note="Sewa 2 unit" if item.text == "Sound System" else None)
    visits.set_catering(request_id, STAFF, 15, "Nasi kotak, kopi dan teh", "Katering Sari Rasa")
    complete(request_id, KEPALA, 30)
    # Step 3 (PPTK): the attendance list and minutes; the gate refuses while they are missing.
    with pytest.raises(ServiceError, match="daftar hadir masih kosong dan notulen belum diisi"):
        complete(request_id, STAFF)
    visits.add_attendee(request_id, STAFF, "H. Rudy Susmanto", "Ketua DPRD", "DPRD Kabupaten Bogor", "0812 1111 2222")
    visits.add_attendee(request_id, STAFF, "Dra. Sri Wahyuni", "Sekretaris DPRD", "DPRD Kabupaten Bogor")
    with pytest.raises(ServiceError, match="notulen belum diisi"):
        complete(request_id, STAFF)
    minutes = "Rombongan diterima Sekretaris Dinas.\nDibahas pembinaan UMKM dan koperasi."
    visits.set_minutes(request_id, minutes, STAFF)
    complete(request_id, STAFF, 20)
    # Step 4 (PPTK): photo documentation, copied into the data folder.
    photo = tmp_path / "penyambutan.png"
    photo.write_bytes(png_bytes())
    stored = visits.add_photo(request_id, photo, STAFF, tangerang.attachments, caption="Penyambutan rombongan")
    complete(request_id, STAFF, 20)
    # Step 5 (Subag Umum): archived; the request is done.
    assert complete(request_id, SUBAG, 5).finished
    copy = tangerang.attachments / stored.stored_name
    assert copy.read_bytes() == photo.read_bytes() and not copy.is_symlink()

    out = visits.export_visit(request_id, tmp_path / "kunjungan.xlsx", SUBAG)
    from tests.unit.test_audit_export import last_export

    assert last_export()["jenis"] == "kunjungan_tamu"  # the guests' names left the app: an audit entry
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Daftar Periksa", "Daftar Hadir", "Notulen"]
    checks = wb["Daftar Periksa"]
    header = next(r for r in range(1, 20) if checks.cell(r, 1).value == "No")
    rows = [[c.value for c in row] for row in checks.iter_rows(min_row=header + 1) if row[0].value]
    assert [r[2] for r in rows if r[1] == "Peralatan/Perlengkapan"] == list(sop.identity.peralatan)
    assert [r[2] for r in rows if r[1] == "Pencatatan dan Pendataan"] == list(sop.identity.pencatatan)
    assert all(r[3] == "Ya" and r[4] == "Rina Wulandari" for r in rows)
    assert [r[6] for r in rows if r[2] == "Sound System"] == ["Sewa 2 unit"]
    heading = " ".join(str(checks.cell(r, 1).value) for r in range(1, header))
    assert "H. Rudy Susmanto" in heading and "12 orang" in heading and "Katering Sari Rasa" in heading
    assert "Dokumentasi: 1 foto (penyambutan.png)" in heading
    assert str(checks.page_setup.paperSize) == checks.PAPERSIZE_A4 and checks.print_title_rows
    assert checks.sheet_properties.pageSetUpPr.fitToPage and checks.page_setup.fitToWidth == 1

    sheet = wb["Daftar Hadir"]
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "No")
    assert [c.value for c in sheet[header]] == ["No", "Nama", "Jabatan", "Instansi", "Telepon", "Tanda Tangan"]
    lines = [[c.value for c in row] for row in sheet.iter_rows(min_row=header + 1)]
    assert [line[1] for line in lines[:2]] == ["H. Rudy Susmanto", "Dra. Sri Wahyuni"]
    assert [line[5] for line in lines] == [f"{n}. " for n in range(1, 8)]  # only the number: signed on paper
    assert all(line[1] is None for line in lines[2:])  # five empty lines for late guests
    assert sheet.print_title_rows and str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert [c.value for c in wb["Notulen"]["A"] if c.value][-2:] == minutes.splitlines()

    history = [(h.action, h.detail) for h in History.select().where(History.request == request_id)]
    actions = {action for action, _ in history}
    assert {"kunjungan", "daftar_periksa", "jamuan", "daftar_hadir", "notulen", "foto", "selesai"} <= actions
    assert ("daftar_periksa", "Siap: Sound System (Sewa 2 unit)") in history
    audited = {a.action for a in AuditEntry.select().where(AuditEntry.entity == "permohonan")}
    assert {"daftar_periksa", "daftar_hadir", "notulen", "foto"} <= audited


def test_the_gate_counts_only_guests_still_on_the_list(tangerang):
    request_id = visit_request()
    complete(request_id, SUBAG)
    complete(request_id, KEPALA)
    visits.set_minutes(request_id, "Notulen lengkap", STAFF)
    guest = visits.add_attendee(request_id, STAFF, "Salah Ketik")
    visits.withdraw_attendee(guest.id, "salah ketik", STAFF)
    refused = r"Langkah 3 \(Membuat daftar hadir dan notulen\).*daftar hadir masih kosong"
    with pytest.raises(ServiceError, match=refused):
        complete(request_id, STAFF)
    assert visits.missing_for_step(request_id) == ["daftar hadir masih kosong"]
    visits.set_minutes(request_id, "   ", STAFF)
    assert visits.missing_for_step(request_id) == ["daftar hadir masih kosong", "notulen belum diisi"]
    with pytest.raises(ServiceError, match="sudah ditarik"):
        visits.withdraw_attendee(guest.id, "lagi", STAFF)
    with pytest.raises(ServiceError, match="Alasan wajib"):
        visits.withdraw_attendee(visits.add_attendee(request_id, STAFF, "Budi").id, " ", STAFF)


def test_a_guest_line_is_corrected_with_its_history_and_bad_input_changes_nothing(tangerang):
    request_id = visit_request()
    guest = visits.add_attendee(request_id, STAFF, "H. Rudi Susmanto", "Ketua DPRD", "DPRD Kab. Bogr", "0812 1111 2222")
    fixed = visits.update_attendee(guest.id, STAFF, "H. Rudy Susmanto", "Ketua DPRD", "DPRD Kabupaten Bogor",
                                   "0812 1111 2222")  # fmt: skip
    assert (fixed.nama, fixed.instansi, fixed.telepon) == ("H. Rudy Susmanto", "DPRD Kabupaten Bogor", guest.telepon)
    assert [a.id for a in visits.attendees(request_id)] == [guest.id]  # corrected in place, not added
    details = [h.detail for h in History.select().where(History.request == request_id)]
    assert "Daftar hadir diubah: H. Rudi Susmanto → H. Rudy Susmanto" in details
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert entry.action == "daftar_hadir" and "DPRD Kab. Bogr" in entry.before
    count = History.select().count()
    visits.update_attendee(guest.id, STAFF, "H. Rudy Susmanto", "Ketua DPRD", "DPRD Kabupaten Bogor", "0812 1111 2222")
    assert History.select().count() == count  # nothing changed, nothing recorded
    for nama, telepon, message in (("  ", "", "Nama wajib"), ("H. Rudy", "12", "Nomor telepon")):
        with pytest.raises(ServiceError, match=message):
            visits.update_attendee(guest.id, STAFF, nama, "", "", telepon)
    assert visits.attendees(request_id)[0].nama == "H. Rudy Susmanto"
    visits.withdraw_attendee(guest.id, "tidak hadir", STAFF)
    with pytest.raises(ServiceError, match="sudah ditarik"):
        visits.update_attendee(guest.id, STAFF, "H. Rudy Susmanto")


def test_a_tick_keeps_who_and_when_and_a_note_alone_does_not_move_them(tangerang):
    request_id = visit_request()
    item = visits.checklist(request_id)[3]
    ticked = datetime(2026, 11, 24, 3, tzinfo=UTC)
    visits.tick(item.id, True, STAFF, now=ticked)
    visits.set_item_note(item.id, "Kamera kantor, baterai cadangan", Actor("Budi", "PPTK & Staff Umum"),
                         now=ticked + timedelta(hours=1))  # fmt: skip
    row = visits.checklist(request_id)[3]
    assert (row.done, row.done_by, row.done_at, row.note) == (True, "Rina Wulandari", ticked,
                                                              "Kamera kantor, baterai cadangan")  # fmt: skip
    count = History.select().where(History.request == request_id).count()
    visits.tick(item.id, True, STAFF)  # nothing changes: nothing recorded
    assert History.select().where(History.request == request_id).count() == count
    visits.tick(item.id, False, STAFF)
    row = visits.checklist(request_id)[3]
    assert (row.done, row.done_by, row.done_at, row.note) == (False, "", None, "Kamera kantor, baterai cadangan")
    with pytest.raises(ServiceError, match="tidak ada"):
        visits.tick(999_999, True, STAFF)


def test_the_checklist_template_is_the_offices_to_edit(tangerang):
    first = visit_request()
    assert len(visits.checklist(first)) == 13  # its record is made (with the SOP's list) when first opened
    with pytest.raises(ServiceError, match="hanya boleh dilakukan oleh Admin atau Kepala SKPD"):
        visits.set_template(STAFF, [("peralatan", "Papan nama")])
    with pytest.raises(ServiceError, match="tidak boleh kosong"):
        visits.set_template(KEPALA, [])
    with pytest.raises(ServiceError, match="peralatan atau pencatatan"):
        visits.set_template(KEPALA, [("lainnya", "Papan nama")])
    edited = [(i.section, i.text) for i in visits.template()] + [("peralatan", "Papan nama meja")]
    visits.set_template(KEPALA, edited)
    assert AuditEntry.select().where(AuditEntry.action == "templat_daftar_periksa").count() == 1
    second = visit_request("005/12/DPRD-Bekasi", "DPRD Kota Bekasi")
    assert [i.text for i in visits.checklist(second)][-1] == "Papan nama meja"
    assert "Papan nama meja" not in [i.text for i in visits.checklist(first)]  # a visit keeps its own list


def test_delegation_and_catering_are_checked(tangerang):
    request_id = visit_request()
    with pytest.raises(ServiceError, match="kepulangan tidak boleh sebelum kedatangan"):
        visits.update_visit(request_id, STAFF, arrival=datetime(2026, 11, 25, 5, tzinfo=UTC),
                            departure=datetime(2026, 11, 25, 4, tzinfo=UTC))  # fmt: skip
    with pytest.raises(ServiceError, match="Jumlah rombongan"):
        visits.update_visit(request_id, STAFF, people=-1)
    with pytest.raises(ServiceError, match="tidak dikenal"):
        visits.update_visit(request_id, STAFF, warna="merah")
    with pytest.raises(ServiceError, match="tidak sah"):
        visits.update_visit(request_id, STAFF, arrival=datetime(2026, 11, 25, 5))
    with pytest.raises(ServiceError, match="Jumlah pesanan jamuan"):
        visits.set_catering(request_id, STAFF, -5, "", "")
    with pytest.raises(ServiceError, match="Nomor telepon"):
        visits.add_attendee(request_id, STAFF, "Budi", telepon="12")
    arrival, departure = visits.suggested_times(request_id)
    assert (arrival.hour, arrival.minute, arrival.date().isoformat()) == (9, 0, "2026-11-25")
    assert departure - arrival == timedelta(hours=2)


def test_photos_are_pictures_copied_into_the_data_folder(tangerang, tmp_path):
    request_id = visit_request()
    exe = tmp_path / "foto.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(ServiceError, match="JPG atau PNG"):
        visits.add_photo(request_id, exe, STAFF, tangerang.attachments)
    renamed = tmp_path / "bukan-foto.jpg"
    renamed.write_bytes(b"%PDF-1.7 not a picture")
    with pytest.raises(ServiceError, match="bukan foto JPG/PNG"):
        visits.add_photo(request_id, renamed, STAFF, tangerang.attachments)
    huge = tmp_path / "besar.jpg"
    with huge.open("wb") as handle:
        handle.write(b"\xff\xd8\xff\xe0")
        handle.truncate(visits.MAX_PHOTO + 1)
    with pytest.raises(ServiceError, match="lebih dari 25 MB"):
        visits.add_photo(request_id, huge, STAFF, tangerang.attachments)
    with pytest.raises(ServiceError, match="tidak ditemukan"):
        visits.add_photo(request_id, tmp_path / "hilang.png", STAFF, tangerang.attachments)
    jpeg = tmp_path / "Foto Bersama.JPEG"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    photo = visits.add_photo(request_id, jpeg, STAFF, tangerang.attachments)
    jpeg.write_bytes(b"changed afterwards")
    assert (tangerang.attachments / photo.stored_name).read_bytes().startswith(b"\xff\xd8\xff")
    assert Path(photo.stored_name).parts[0] == f"{request_id:06d}"
    assert [p.original_name for p in visits.photos(request_id)] == ["Foto Bersama.JPEG"]


def test_visit_records_belong_to_guest_visits_only(tangerang):
    apply_office("ambon", ADMIN)
    other = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    with pytest.raises(ServiceError, match="hanya untuk layanan Kunjungan Tamu"):
        visits.visit_of(other)
    with pytest.raises(ServiceError, match="hanya untuk layanan Kunjungan Tamu"):
        visits.add_attendee(other, STAFF, "Budi")
    with pytest.raises(ServiceError, match="tidak ada"):
        visits.visit_of(424242)


def test_search_finds_visits_guests_participants_and_complaints(tangerang):
    request_id = visit_request()
    visits.update_visit(request_id, STAFF, instansi="DPRD Kabupaten Bogor", leader_name="H. Rudy Susmanto")
    guest = visits.add_attendee(request_id, STAFF, "Hj. Nurhayati", "Kabid 100%", "Dinas Koperasi")
    visits.add_attendee(request_id, STAFF, "Salah Orang")
    visits.withdraw_attendee(visits.attendees(request_id)[-1].id, "salah ketik", STAFF)
    complaints.register(ADMIN, datetime.now(UTC), "telepon", "Nurhayati belum dihubungi", request_id=request_id)
    apply_office("madiun", ADMIN)
    training = rs.register_request(sambutan_form(sop_code="MDN-BIMTEK", nomor_surat="800/1", fulfilled=()),
                                   Actor("Dewi", "Staf"))  # fmt: skip
    bimtek.add_participant(training, Actor("Dewi", "Staf"), "Nurhayati Putri", "19850101 201001 2 003", "Bappeda")

    hits = visits.search_all("NURHAYATI")
    assert {(h.kind, h.request_id) for h in hits} == {
        ("buku tamu", request_id), ("pengaduan", request_id), ("peserta Bimtek", training),
    }  # fmt: skip
    assert [h.record_id for h in visits.search("nurhayati")] == [guest.id]
    assert visits.search("salah orang") == []  # withdrawn lines are not found
    assert visits.search("100%")[0].record_id == guest.id and visits.search("%") == visits.search("100%")
    assert visits.search("  ") == []
    assert visits.matching_requests("bogor") == {request_id}
    assert visits.matching_requests("198501012010012003") == {training}
