"""Speech versions (konsep, draft, revisi…), corrections by Ketua Tim / Pimpinan, the Ketua Tim's paraf
and the side-by-side comparison."""

from __future__ import annotations

import zipfile

import pytest

from protokol_desktop.services import Actor, ServiceError
from protokol_desktop.services import requests as rs
from protokol_desktop.services import speeches as sp
from protokol_desktop.store.events import SpeechVersion
from protokol_desktop.store.models import AuditEntry, History
from tests.conftest import sambutan_form, utc

BOTH_BACKENDS = True  # every test here runs on SQLite and on a PostgreSQL server

KABAG = Actor("Drs. Ahmad", "Kabag")
KASUBBAG = Actor("Yohanes", "Kasubbag")
STAF = Actor("Maria", "Staf")

KONSEP = "Yang saya hormati Ketua DPRD Kota Ambon,\nBapak dan Ibu guru yang berbahagia.\nSelamat Hari Guru."
DRAFT = "Yang saya hormati Ketua DPRD Kota Ambon,\nBapak dan Ibu guru yang saya banggakan.\nSelamat Hari Guru."


@pytest.fixture
def sambutan(store):
    return rs.register_request(sambutan_form(), STAF)


def _docx(path, paragraphs):
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return path


def test_versions_are_numbered_and_named(sambutan, store, tmp_path):
    first = sp.add_version(sambutan, STAF, text=KONSEP, now=utc(2026, 11, 23, 2))
    second = sp.add_version(sambutan, STAF, text=DRAFT, now=utc(2026, 11, 23, 3))
    word = _docx(tmp_path / "sambutan-r1.docx", ["Yang saya hormati Ketua DPRD Kota Ambon,", "Selamat Hari Guru."])
    third = sp.add_version(sambutan, STAF, file=word, files_dir=store.attachments, now=utc(2026, 11, 23, 4))
    rows = sp.versions(sambutan)
    assert [(r.number, r.label, r.current) for r in rows] == [
        (1, "Konsep", False), (2, "Draft", False), (3, "Revisi 1", True),
    ]  # fmt: skip
    assert [r.id for r in rows] == [first, second, third]
    assert rows[2].kind == "DOCX" and rows[0].kind == "teks"
    assert (store.attachments / rows[2].stored_name).exists()
    assert sp.current_version(sambutan).id == third
    assert sp.label_for(5) == "Revisi 3"
    assert [h.action for h in History.select().where(History.request == sambutan)].count("sambutan_versi") == 3
    with pytest.raises(ServiceError, match="Isi teks sambutan"):
        sp.add_version(sambutan, STAF)
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ")
    with pytest.raises(ServiceError, match="Berkas sambutan harus"):
        sp.add_version(sambutan, STAF, file=bad, files_dir=store.attachments)


def test_corrections_and_paraf_by_the_ketua_tim(sambutan):
    konsep = sp.add_version(sambutan, STAF, text=KONSEP, now=utc(2026, 11, 23, 2))
    with pytest.raises(ServiceError, match="Ketua Tim"):
        sp.add_correction(konsep, "Ketua Tim", "Perbaiki salam pembuka", KASUBBAG)
    sp.add_correction(konsep, "Ketua Tim", "Perbaiki salam pembuka", KABAG, now=utc(2026, 11, 23, 3))
    with pytest.raises(ServiceError, match="masih punya koreksi"):
        sp.paraf(konsep, KABAG)
    draft = sp.add_version(sambutan, STAF, text=DRAFT, now=utc(2026, 11, 23, 4))
    with pytest.raises(ServiceError, match="Paraf sambutan hanya oleh Ketua Tim \\(Kabag\\)"):
        sp.paraf(draft, KASUBBAG)
    with pytest.raises(ServiceError, match="Paraf sambutan hanya"):
        sp.paraf(draft, Actor("Admin Sistem", "Admin"))
    with pytest.raises(ServiceError, match="versi terbaru"):
        sp.paraf(konsep, KABAG)
    sp.paraf(draft, KABAG, now=utc(2026, 11, 23, 5))
    row = sp.current_version(sambutan)
    assert row.paraf_by == "Drs. Ahmad" and row.paraf_at == utc(2026, 11, 23, 5)
    with pytest.raises(ServiceError, match="sudah diparaf"):
        sp.paraf(draft, KABAG)
    # The leader asks for a change: recorded by the staff, named after the leader.
    sp.add_correction(draft, "Pimpinan", "Tambahkan ucapan untuk guru honorer", STAF, now=utc(2026, 11, 23, 6))
    (correction,) = sp.current_version(sambutan).corrections
    assert correction.source == "Pimpinan" and correction.requested_by == "Walikota"
    assert AuditEntry.select().where(AuditEntry.action == "sambutan_paraf").count() == 1
    with pytest.raises(ServiceError, match="tidak dikenal"):
        sp.add_correction(draft, "Sekpri", "x", STAF)


def test_withdrawn_versions_keep_their_numbers(sambutan):
    first = sp.add_version(sambutan, STAF, text=KONSEP, now=utc(2026, 11, 23, 2))
    second = sp.add_version(sambutan, STAF, text="salah berkas", now=utc(2026, 11, 23, 3))
    sp.withdraw_version(second, "salah unggah", STAF, now=utc(2026, 11, 23, 3))
    assert sp.current_version(sambutan).id == first
    third = sp.add_version(sambutan, STAF, text=DRAFT, now=utc(2026, 11, 23, 4))
    assert SpeechVersion.get_by_id(third).number == 3
    assert SpeechVersion.select().count() == 3


def test_side_by_side_compare(sambutan, store, tmp_path):
    konsep = sp.add_version(sambutan, STAF, text=KONSEP, now=utc(2026, 11, 23, 2))
    draft = sp.add_version(sambutan, STAF, text=DRAFT + "\nTerima kasih.", now=utc(2026, 11, 23, 3))
    rows = sp.compare(konsep, draft)
    assert [r.tag for r in rows] == ["equal", "replace", "equal", "insert"]
    assert rows[1].left == "Bapak dan Ibu guru yang berbahagia." and rows[1].right.endswith("banggakan.")
    assert (rows[3].left_number, rows[3].right_number, rows[3].right) == (None, 4, "Terima kasih.")
    word = _docx(tmp_path / "r1.docx", ["Yang saya hormati Ketua DPRD Kota Ambon,", "Selamat Hari Guru."])
    revisi = sp.add_version(sambutan, STAF, file=word, files_dir=store.attachments, now=utc(2026, 11, 23, 4))
    rows = sp.compare(konsep, revisi, store.attachments)
    assert [r.tag for r in rows] == ["equal", "delete", "equal"]
    pdf = tmp_path / "r2.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    scanned = sp.add_version(sambutan, STAF, file=pdf, files_dir=store.attachments, now=utc(2026, 11, 23, 5))
    with pytest.raises(ServiceError, match="tidak dapat dibandingkan"):
        sp.compare(konsep, scanned, store.attachments)
    assert sp.similarity(KONSEP, KONSEP) == 1.0
