"""Hostile text typed into the app stays text in every Excel file the app writes (issue #16, item 4).

Each case enters the hostile strings through the services, the way a person would type them (a request
subject, a guest's name, a complaint, an SOP step...), writes the export and opens the file with
openpyxl: a cell holding any of that text must be a string cell (``data_type`` ``"s"``), never a
formula, and must read back exactly as typed. Each case also checks that the text really reached a
cell with its first character intact, so a case cannot pass by exporting nothing.

``+``, ``-`` and ``@`` are kept as typed: openpyxl writes them as strings and Excel does not evaluate a
string cell of an .xlsx file when it opens it; rewriting them would corrupt phone numbers (``+62...``)
and numbering (``-``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from protokol_desktop.services import Actor, audit, bimtek, complaints, report_jobs, visits
from protokol_desktop.services import agenda as ag
from protokol_desktop.services import events as ev
from protokol_desktop.services import requests as rs
from protokol_desktop.services import sop_protokol as sp
from protokol_desktop.services.library import get_sop, save_sop
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import StepRun
from tests.conftest import sambutan_form, utc

FORMULA = "=1+1"
LINK = '=HYPERLINK("http://x","klik")'
PLUS = "+cmd"
MINUS = "-1+1"
AT = "@SUM(A1)"
HOSTILE = (FORMULA, LINK, PLUS, MINUS, AT)

ADMIN = Actor("Admin", "Admin")
STAF = Actor("Maria", "Staf")


def _hostile_cells(path: Path) -> list[tuple[str, openpyxl.cell.cell.Cell]]:
    """Every cell of the workbook whose text contains one of the hostile strings."""
    found = []
    for ws in openpyxl.load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and any(text in cell.value for text in HOSTILE):
                    found.append((ws.title, cell))
    return found


# -- the exports, each fed hostile text through its services ---------------------------------------


def _request_with_hostile_text(**overrides) -> int:
    form = sambutan_form(perihal=FORMULA, pengirim=LINK, contact_name=AT, event_place=MINUS, **overrides)
    return rs.register_request(form, STAF)


def _visit(store, tmp_path: Path) -> Path:
    apply_office("tangerang", ADMIN)
    form = sambutan_form(sop_code="TNG-KUNJUNGAN", perihal=FORMULA, pengirim=LINK, fulfilled=())
    request_id = rs.register_request(form, Actor("Rina", "PPTK & Staff Umum"))
    staff = Actor("Rina", "PPTK & Staff Umum")
    visits.update_visit(request_id, staff, instansi=LINK, leader_name=FORMULA)
    item = visits.visit_of(request_id).checklist[0]
    visits.tick(item.id, True, staff, note=AT)
    visits.add_attendee(request_id, staff, FORMULA, LINK, PLUS, "0812 1111 2222")  # attendance
    visits.add_attendee(request_id, staff, AT, MINUS, FORMULA)
    visits.set_minutes(request_id, f"{LINK}\n{FORMULA}\n{AT}", staff)  # minutes
    visits.set_catering(request_id, staff, 10, FORMULA, LINK)
    return visits.export_visit(request_id, tmp_path / "kunjungan.xlsx")


def _bimtek(store, tmp_path: Path) -> Path:
    apply_office("madiun", ADMIN)
    request_id = rs.register_request(sambutan_form(sop_code="MDN-BIMTEK", perihal=FORMULA, fulfilled=()), STAF)
    start = datetime(2026, 12, 2, 1, tzinfo=UTC)
    bimtek.set_schedule(request_id, STAF, start, start + timedelta(hours=6), LINK)
    bimtek.add_speaker(request_id, STAF, FORMULA, LINK, PLUS, AT)
    bimtek.add_participant(request_id, STAF, LINK, "19850101 201001 2 003", FORMULA)
    bimtek.set_texts(request_id, STAF, minutes=f"{FORMULA}\n{MINUS}", report=f"{LINK}\n{AT}")
    return bimtek.export_bimtek(request_id, tmp_path / "bimtek.xlsx")


def _complaints(store, tmp_path: Path) -> Path:
    request_id = _request_with_hostile_text()
    received = datetime(2026, 11, 23, 1, tzinfo=UTC)
    first = complaints.register(ADMIN, received, "surat", FORMULA, complainant=LINK, contact="+62 812 3456 7890",
                                request_id=request_id, classification=AT)  # fmt: skip
    complaints.add_note(first.id, MINUS, ADMIN)
    complaints.resolve(first.id, LINK, ADMIN)
    complaints.register(ADMIN, received, "WhatsApp", AT, complainant=FORMULA)
    return complaints.export_register(tmp_path / "pengaduan.xlsx")


def _agenda(store, tmp_path: Path) -> Path:
    day = date(2026, 11, 25)
    _request_with_hostile_text(event_date=day)
    ag.add_entry(ag.EntryForm("Walikota", day, "14.00", LINK, place=FORMULA, organiser=AT, note=MINUS), STAF,
                 now=utc(2026, 11, 23, 1))  # fmt: skip
    return ag.export_week(day, tmp_path / "agenda.xlsx", now=utc(2026, 11, 23, 6))


def _sop_protokol(store, tmp_path: Path) -> Path:
    apply_office("lumajang", ADMIN)
    form = sambutan_form(sop_code="LMJ-KOORDINASI", leader="Bupati", perihal=FORMULA, pengirim=LINK,
                         event_place=MINUS, event_date=date(2026, 11, 26))  # fmt: skip
    request_id = rs.register_request(form, STAF)
    at = utc(2026, 11, 23, 3)
    ev.apply_template(request_id, "pembukaan", STAF, now=at)
    ev.add_officer(request_id, "MC", FORMULA, STAF, contact="0813 1111 2222", note=AT, now=at)
    ev.add_officer(request_id, "Ajudan Bupati", LINK, STAF, now=at)
    ev.add_guest(request_id, "Kapolres Lumajang", STAF, name=AT, now=at)
    ev.set_host(request_id, LINK, STAF, now=at)
    ev.record_check(request_id, "cek_lokasi", utc(2026, 11, 24, 3), FORMULA, STAF, officers=AT,
                    now=utc(2026, 11, 24, 4))  # fmt: skip
    document_id = sp.generate(request_id, STAF, store.attachments, now=utc(2026, 11, 24, 5))
    document = sp.current_document(request_id)
    assert document is not None and document.id == document_id
    return store.attachments / document.xlsx_name


def _sop_workbook(store, tmp_path: Path) -> Path:
    from protokol_desktop.export.sop_xlsx import write_sop_workbook

    sop = get_sop("AMB-ACARA")
    steps = tuple(
        replace(step, uraian=HOSTILE[i % len(HOSTILE)], kelengkapan=(LINK,), output=FORMULA, keterangan=AT)
        for i, step in enumerate(sop.steps)
    )
    identity = replace(sop.identity, nomor=FORMULA, dasar_hukum=(LINK, MINUS), peralatan=(AT,), pencatatan=(PLUS,),
                       disahkan_oleh=replace(sop.identity.disahkan_oleh, nama=LINK))  # fmt: skip
    save_sop(replace(sop, name=FORMULA, identity=identity, steps=steps), Actor("Kabag", "Kabag"))
    return write_sop_workbook(get_sop("AMB-ACARA"), tmp_path / "sop.xlsx")


def _audit(store, tmp_path: Path) -> Path:
    from protokol_desktop.services.audit_file import export_trail

    _request_with_hostile_text()
    audit.record(LINK, FORMULA, "uji", AT, {"perihal": FORMULA}, MINUS)
    export_trail(tmp_path / "audit.xlsx", LINK)  # the exporter's name is typed text too
    return tmp_path / "audit.xlsx"


def _report(kind: str) -> Callable[[object, Path], Path]:
    def build(store, tmp_path: Path) -> Path:
        sop = get_sop("AMB-SAMBUTAN")  # the service and step names are SOP fields the office types
        steps = tuple(replace(step, uraian=LINK) for step in sop.steps)
        save_sop(replace(sop, service=FORMULA, steps=steps), Actor("Kabag", "Kabag"))
        request_id = _request_with_hostile_text(received_at=utc(2026, 11, 23, 0))
        rs.start_request(request_id, Actor("Kabag", "Kabag"), now=utc(2026, 11, 23, 1))
        run = StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null())
        rs.complete_step(request_id, Actor("Petugas", run.role), now=run.started_at + timedelta(minutes=30))
        out = tmp_path / f"{kind}.xlsx"
        report_jobs.write_report(kind, date(2026, 11, 1), date(2026, 11, 30), out, now=utc(2026, 11, 27, 6))
        return out

    return build


EXPORTS = [
    pytest.param(_visit, id="kunjungan-daftar-periksa-hadir-notulen"),
    pytest.param(_bimtek, id="bimtek"),
    pytest.param(_complaints, id="register-pengaduan"),
    pytest.param(_agenda, id="agenda-pimpinan"),
    pytest.param(_sop_protokol, id="sop-protokol"),
    pytest.param(_sop_workbook, id="sop-workbook"),
    pytest.param(_audit, id="jejak-audit"),
    pytest.param(_report("register"), id="register"),
    pytest.param(_report("kinerja"), id="kinerja"),
    pytest.param(_report("rekap"), id="rekap"),
]


@pytest.mark.parametrize("export", EXPORTS)
def test_user_text_is_never_a_formula(export, store, tmp_path):
    path = export(store, tmp_path)
    cells = _hostile_cells(path)
    formulas = [f"{sheet}!{cell.coordinate} = {cell.value!r}" for sheet, cell in cells if cell.data_type == "f"]
    assert not formulas, "user text stored as a live formula:\n" + "\n".join(formulas)
    starts = {text for _sheet, cell in cells for text in HOSTILE if cell.value == text or cell.value.startswith(text)}
    assert FORMULA in starts or LINK in starts, "the hostile text did not reach a cell as typed"
    assert all(cell.data_type == "s" for _sheet, cell in cells)
