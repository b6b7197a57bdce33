"""The Lumajang SOP Protokol: generated from the event's records, corrected in rounds, initialled by the
Kasubag, signed by the Kabag and distributed to the officers and the adjutants (who, when)."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from protokol_desktop.services import Actor, ServiceError
from protokol_desktop.services import events as ev
from protokol_desktop.services import requests as rs
from protokol_desktop.services import sop_protokol as sp
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import Attachment, AuditEntry, History
from tests.conftest import utc

BOTH_BACKENDS = True  # every test here runs on SQLite and on a PostgreSQL server

KABAG = Actor("Drs. Hadi", "Kabag")
KASUBBAG = Actor("Siti Aminah", "Kasubbag")
STAF = Actor("Bagus", "Staf")


def koordinasi_form(**overrides):
    """A Lumajang invitation received Monday 23 Nov 2026 09.00 WIB for Thursday 26 Nov 2026 08.00 WIB."""
    values = dict(
        sop_code="LMJ-KOORDINASI",
        nomor_surat="005/412/427.55/2026",
        tanggal_surat=date(2026, 11, 20),
        received_at=utc(2026, 11, 23, 2, 0),
        perihal="Peresmian Pasar Rakyat Tempeh",
        pengirim="Dinas Koperasi dan Perdagangan",
        contact_name="Pak Wahyu",
        contact_phone="0812 3300 4400",
        leader="Bupati",
        event_date=date(2026, 11, 26),
        event_time="08.00",
        event_place="Pasar Rakyat Tempeh",
        fulfilled=(0, 1, 2),
    )
    values.update(overrides)
    return rs.IntakeForm(**values)


@pytest.fixture
def lumajang(store):
    apply_office("lumajang", Actor("Admin", "Admin"))
    request_id = rs.register_request(koordinasi_form(), STAF)
    at = utc(2026, 11, 23, 3)
    ev.apply_template(request_id, "pembukaan", STAF, now=at)
    ev.add_officer(request_id, "MC", "Rina Wulandari", STAF, contact="0813 1111 2222", now=at)
    ev.add_officer(request_id, "Dirigen", "Agus Salim", STAF, now=at)
    ev.add_officer(request_id, "Ajudan Bupati", "Kompol Fajar", STAF, now=at)
    ev.add_officer(request_id, "Ajudan Wakil Bupati", "Iptu Dimas", STAF, now=at)
    for title in (
        "Kapolres Lumajang",
        "Wakil Bupati Lumajang",
        "Dandim 0821/Lumajang",
        "Ketua DPRD Kabupaten Lumajang",
    ):
        ev.add_guest(request_id, title, STAF, now=at)
    ev.set_host(request_id, "Kepala Dinas Koperasi dan Perdagangan", KASUBBAG, now=at)
    ev.record_check(request_id, "cek_lokasi", utc(2026, 11, 24, 3), "Panggung dan tenda VIP siap", STAF,
                    officers="Bagus", now=utc(2026, 11, 24, 4))  # fmt: skip
    return request_id


def _pdf(content, out):
    out.write_bytes(b"%PDF-1.4 " + content["event"]["name"].encode())
    return out


def test_generated_document_matches_its_event(lumajang, store):
    document_id = sp.generate(lumajang, STAF, store.attachments, pdf_writer=_pdf, now=utc(2026, 11, 24, 5))
    doc = sp.current_document(lumajang)
    assert doc.id == document_id and doc.round == 1 and doc.status == "Konsep"
    content = doc.content
    event = content["event"]
    assert event["name"] == "Peresmian Pasar Rakyat Tempeh"
    assert event["date"] == "2026-11-26" and event["date_text"] == "Kamis, 26 November 2026"
    assert event["time"] == "08.00" and event["zone"] == "WIB" and event["place"] == "Pasar Rakyat Tempeh"
    assert event["leader"] == "Bupati" and event["organiser"] == "Dinas Koperasi dan Perdagangan"
    assert content["letterhead"]["organisation"] == "PEMERINTAH KABUPATEN LUMAJANG"
    assert "Alun-Alun Utara 7" in content["letterhead"]["address"]
    assert content["rundown"][0]["start"] == "08.00"
    assert content["rundown"][-1]["end"] == event["end_time"]
    assert [o["name"] for o in content["officers"]] == ["Rina Wulandari", "Agus Salim", "Kompol Fajar", "Iptu Dimas"]
    assert [g["title"] for g in content["seating"]["order"]] == [
        "Wakil Bupati Lumajang", "Ketua DPRD Kabupaten Lumajang", "Dandim 0821/Lumajang", "Kapolres Lumajang",
    ]  # fmt: skip
    host = next(s for s in content["seating"]["row"] if s["label"] == "Tuan rumah")
    assert host["title"] == "Kepala Dinas Koperasi dan Perdagangan"
    assert content["dress_code"] and content["checks"][0]["findings"] == "Panggung dan tenda VIP siap"
    assert content["distribution"] == [
        {"kind": "Petugas protokol", "recipient": "Rina Wulandari (MC)"},
        {"kind": "Petugas protokol", "recipient": "Agus Salim (Dirigen)"},
        {"kind": "Ajudan Bupati", "recipient": "Kompol Fajar"},
        {"kind": "Ajudan Wakil Bupati", "recipient": "Iptu Dimas"},
    ]
    assert content["signatory"] == {"role": "Kabag", "jabatan": "Kepala Bagian Protokol dan TU Pimpinan"}
    assert content["paraf_role"] == "Kasubbag"
    # The files are kept as the request's attachments.
    workbook = load_workbook(store.attachments / doc.xlsx_name)
    cells = "\n".join(str(c.value) for row in workbook.active.iter_rows() for c in row if c.value)
    for expected in ("PEMERINTAH KABUPATEN LUMAJANG", "SOP PROTOKOL", "Peresmian Pasar Rakyat Tempeh",
                     "Kamis, 26 November 2026", "Pasar Rakyat Tempeh", "Rina Wulandari", "Dandim 0821/Lumajang",
                     "VI. DISTRIBUSI", "Ajudan Wakil Bupati"):  # fmt: skip
        assert expected in cells, expected
    assert (store.attachments / doc.pdf_name).read_bytes().startswith(b"%PDF")
    assert (
        Attachment.select().where((Attachment.request == lumajang) & (Attachment.kind == "SOP Protokol")).count() == 2
    )
    assert History.select().where((History.request == lumajang) & (History.action == "sop_protokol")).count() == 1


def test_rounds_paraf_signature_and_distribution(lumajang, store):
    first = sp.generate(lumajang, STAF, store.attachments, now=utc(2026, 11, 24, 5))
    with pytest.raises(ServiceError, match="Koreksi SOP Protokol oleh Kasubbag atau Kabag"):
        sp.add_correction(first, "x", STAF)
    sp.add_correction(first, "Waktu sambutan Bupati 10 menit saja", KASUBBAG, now=utc(2026, 11, 24, 5, 10))
    sp.add_correction(first, "Tambahkan pembaca doa", KABAG, now=utc(2026, 11, 24, 5, 20))
    assert sp.document(first).status == "Dikoreksi"
    ev.add_officer(lumajang, "Pembaca doa", "Ustadz Hamid", STAF, now=utc(2026, 11, 24, 5, 30))
    second = sp.generate(lumajang, STAF, store.attachments, now=utc(2026, 11, 24, 6))
    assert [d.round for d in sp.documents(lumajang)] == [1, 2]
    assert any(o["name"] == "Ustadz Hamid" for o in sp.document(second).content["officers"])
    with pytest.raises(ServiceError, match="diganti putaran 2"):
        sp.paraf(first, KASUBBAG)
    with pytest.raises(ServiceError, match="belum ditandatangani"):
        sp.record_distribution(second, "Petugas protokol", "Rina Wulandari", STAF)
    with pytest.raises(ServiceError, match="belum diparaf"):
        sp.sign(second, KABAG)
    with pytest.raises(ServiceError, match="Paraf SOP Protokol hanya oleh Kasubbag"):
        sp.paraf(second, KABAG)
    sp.paraf(second, KASUBBAG, now=utc(2026, 11, 24, 6, 5))
    with pytest.raises(ServiceError, match="Tanda tangan SOP Protokol hanya oleh Kabag"):
        sp.sign(second, KASUBBAG)
    sp.sign(second, KABAG, now=utc(2026, 11, 24, 6, 15))
    assert sp.document(second).status == "Ditandatangani"
    with pytest.raises(ServiceError, match="sudah ditandatangani"):
        sp.generate(lumajang, STAF, store.attachments)
    with pytest.raises(ServiceError, match="sudah ditandatangani"):
        sp.add_correction(second, "terlambat", KABAG)

    # Step 11: the protocol officers first, then the adjutants.
    for name in ("Rina Wulandari", "Agus Salim", "Ustadz Hamid"):
        sp.record_distribution(second, "Petugas protokol", name, STAF, now=utc(2026, 11, 24, 7))
    assert not sp.distribution_complete(second)
    sp.record_distribution(second, "Ajudan Bupati", "Kompol Fajar", STAF, received_at=utc(2026, 11, 24, 7, 30),
                           now=utc(2026, 11, 24, 8))  # fmt: skip
    lines = sp.distribution(second)
    pending = [line.kind for line in lines if not line.received]
    assert pending == ["Ajudan Wakil Bupati"]
    sp.record_distribution(second, "Ajudan Wakil Bupati", "Iptu Dimas", STAF, now=utc(2026, 11, 24, 8))
    assert sp.distribution_complete(second)
    received = {(line.kind, line.recipient): line.received_at for line in sp.distribution(second)}
    assert received[("Ajudan Bupati", "Kompol Fajar")] == utc(2026, 11, 24, 7, 30)
    with pytest.raises(ServiceError, match="tidak dikenal"):
        sp.record_distribution(second, "Sekpri", "x", STAF)
    with pytest.raises(ServiceError, match="sebelum SOP Protokol ditandatangani"):
        sp.record_distribution(second, "Lainnya", "Humas", STAF, received_at=utc(2026, 11, 24, 6))
    actions = [h.action for h in History.select().where(History.request == lumajang)]
    assert actions.count("sop_protokol_distribusi") == 5
    assert actions.count("sop_protokol_paraf") == 1 and actions.count("sop_protokol_ttd") == 1
    assert AuditEntry.select().where(AuditEntry.action == "sop_protokol_ttd").count() == 1


def test_lumajang_reminds_of_the_location_check_only(store):
    apply_office("lumajang", Actor("Admin", "Admin"))
    request_id = rs.register_request(koordinasi_form(), STAF)
    # Wednesday 25 Nov 09.00 WIB = 02.00 UTC: H-1 of the Thursday 08.00 WIB event.
    (reminder,) = ev.reminders(utc(2026, 11, 25, 2))
    assert reminder.request_id == request_id and reminder.kind == "cek_lokasi" and reminder.level == "H-1"
    assert "Kamis, 26 November 2026 pukul 07.00" in reminder.message  # one hour before 08.00 WIB
