"""The audit export is a filed copy that can be re-verified, and every export that names people is
an audit entry."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import openpyxl

from protokol_desktop.services import Actor, complaints
from protokol_desktop.services import requests as rs
from protokol_desktop.services.agenda import export_week
from protokol_desktop.services.audit_file import export_trail, verify_export
from protokol_desktop.services.report_jobs import write_report
from protokol_desktop.store.models import AuditEntry
from tests.conftest import sambutan_form
from tests.unit.test_cli import cli
from tests.unit.test_requests_workflow import KABAG, STAF


def last_export() -> dict:
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert entry.action == "ekspor_data", entry.action
    return json.loads(entry.after)


def _header_row(sheet) -> int:
    return next(r for r in range(1, 30) if sheet.cell(r, 1).value == "No. entri")


def test_audit_export_carries_hashes_office_period_filter_zone_and_exporter(store, tmp_path):
    rs.register_request(sambutan_form(), STAF)
    rs.register_request(sambutan_form(nomor_surat="900/77/Dinsos"), Actor("Yohanes", "Kasubbag"))
    out = tmp_path / "jejak.xlsx"
    since = datetime(2026, 1, 1).astimezone()
    count = export_trail(out, KABAG, actor_filter="Yohanes", since=since, until=since + timedelta(days=400))
    assert count == 1
    sheet = openpyxl.load_workbook(out)["Jejak Audit"]
    heading = {sheet.cell(r, 1).value: sheet.cell(r, 3).value for r in range(2, _header_row(sheet))}
    assert heading["Kantor"] == "Bagian Protokol dan Komunikasi Pimpinan, Pemerintah Kota Ambon"
    assert heading["Periode"].startswith("Kamis, 1 Januari 2026 s.d. ")
    assert heading["Saringan"] == 'oleh "Yohanes"'
    assert heading["Zona waktu"].startswith("WIT (Asia/Jayapura)")
    assert heading["Diekspor oleh"] == "Drs. Ahmad (Kabag)"
    assert heading["Keadaan rantai"] == "Utuh" and heading["Ujung rantai saat ekspor"].startswith("Entri #")
    header = _header_row(sheet)
    row = [sheet.cell(header + 1, c).value for c in range(1, 12)]
    entry = AuditEntry.get_by_id(row[0])
    assert (row[9], row[10]) == (entry.prev_hash, entry.hash) and row[3] == "Yohanes (Kasubbag)"
    # A4, landscape, one page wide, wrapped, bordered, header repeated, "Halaman n dari m".
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 and sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == f"${header}:${header}"
    assert sheet.oddFooter.center.text == "Halaman &P dari &N"
    cell = sheet.cell(header + 1, 9)
    assert cell.alignment.wrap_text and cell.border.left.style == "thin"
    assert last_export()["jenis"] == "jejak_audit"  # the trail names people: its export is an entry


def test_cli_audit_verify_ok_then_names_the_edited_and_the_deleted_entry(tmp_path):
    data = tmp_path / "data"
    cli(data, "demo", "--requests", "2", "--seed", "1")
    from protokol_desktop.paths import resolve_paths
    from protokol_desktop.store import open_store
    from protokol_desktop.store.db import close_database

    open_store(resolve_paths(data).ensure())
    try:
        out = tmp_path / "jejak.xlsx"
        export_trail(out, KABAG)
    finally:
        close_database()
    ok = cli(data, "audit", "verify", str(out))
    assert ok.returncode == 0 and "Verifikasi berhasil" in ok.stdout
    wb = openpyxl.load_workbook(out)
    sheet = wb["Jejak Audit"]
    header = _header_row(sheet)
    edited_id = sheet.cell(header + 3, 1).value
    sheet.cell(header + 3, 9).value = '{"perihal":"diubah"}'
    wb.save(out)
    edited = cli(data, "audit", "verify", str(out), check=False)
    assert edited.returncode == 1
    assert f"Entri #{edited_id} (baris {header + 3}): isi baris di berkas tidak cocok dengan hash-nya" in edited.stderr
    assert f"Entri #{edited_id} (baris {header + 3}): kolom Sesudah berbeda dengan jejak audit" in edited.stderr
    restored = cli(data, "audit", "verify", str(tmp_path / "tidak-ada.xlsx"), check=False)
    assert restored.returncode == 1 and "tidak ada" in restored.stderr


def test_verify_names_an_entry_deleted_after_the_export(store, tmp_path):
    for number in range(3):
        rs.register_request(sambutan_form(nomor_surat=f"005/{number}"), STAF)
    out = tmp_path / "jejak.xlsx"
    export_trail(out, KABAG)
    assert verify_export(out).problems == []
    AuditEntry.delete().where(AuditEntry.id == 2).execute()
    problems = verify_export(out).problems
    assert any(p.startswith("Entri #2 ") and "tidak ada di jejak audit" in p for p in problems), problems


def test_exports_that_name_people_are_audit_entries(store, tmp_path):
    rs.register_request(sambutan_form(), STAF)
    write_report("register", date(2026, 11, 1), date(2026, 11, 30), tmp_path / "register.xlsx", actor=KABAG)
    entry = last_export()
    assert entry["jenis"] == "laporan_register" and entry["berkas"].endswith("register.xlsx")
    write_report("kinerja", date(2026, 11, 1), date(2026, 11, 30), tmp_path / "kinerja.xlsx", actor=KABAG)
    assert last_export()["jenis"] == "laporan_kinerja"
    complaints.export_register(tmp_path / "pengaduan.xlsx", actor=KABAG)
    assert last_export()["jenis"] == "register_pengaduan"
    export_week(date(2026, 11, 23), tmp_path / "agenda.xlsx", actor=KABAG)
    assert last_export()["jenis"] == "agenda_pimpinan"
    assert AuditEntry.select().order_by(AuditEntry.id.desc()).first().actor == "Drs. Ahmad (Kabag)"
