"""Reports: the register, kinerja against Mutu Baku and the recap, as data and as Excel workbooks.

The kinerja figures are recomputed here independently from the "Riwayat Langkah" sheet, and every
step row is checked against its SOP, the way an auditor would check the printed files.
"""

from __future__ import annotations

import math
import shutil
import statistics
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from protokol_desktop.export.reports_xlsx import (
    ACTUAL_FORMATS,
    REGISTER_HEADERS,
    STEP_HEADERS,
    write_kinerja,
    write_register,
)
from protokol_desktop.export.reports_xlsx import write_rekap as write_rekap_xlsx
from protokol_desktop.paths import resolve_paths
from protokol_desktop.services import Actor, ServiceError
from protokol_desktop.services import reports as rp
from protokol_desktop.services import requests as rs
from protokol_desktop.services.board_frame import BoardFilter
from protokol_desktop.services.demo import fill_demo
from protokol_desktop.services.library import get_sop, sop_of_revision
from protokol_desktop.services.office import active_office, apply_office
from protokol_desktop.store import open_store
from protokol_desktop.store.db import close_database
from protokol_desktop.store.models import Request, StepRun
from tests.conftest import meet_gates, sambutan_form, utc

BOTH_BACKENDS = True  # the reports read raw rows: SQLite's text and PostgreSQL's datetimes alike

KABAG = Actor("Drs. Ahmad", "Kabag")
KASUBBAG = Actor("Yohanes", "Kasubbag")
STAF = Actor("Maria", "Staf")
ACTOR_OF = {"Kabag": KABAG, "Kasubbag": KASUBBAG, "Staf": STAF}

DEMO_NOW = utc(2026, 11, 27, 6, 0)
DEMO_FROM, DEMO_TO = date(2026, 6, 1), date(2026, 11, 30)  # every demo letter (at most 150 days back)
COMPLETED = {"Tepat waktu", "Terlambat", "Tanpa standar"}


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory) -> Path:
    """A demo database made once for the module (the demo tests only read it)."""
    paths = resolve_paths(tmp_path_factory.mktemp("demo") / "data").ensure()
    open_store(paths)
    apply_office("ambon")
    fill_demo(80, seed=5, now=DEMO_NOW)
    close_database()  # the last connection: SQLite folds the WAL back into the file
    return paths.database


@pytest.fixture
def demo(paths, demo_database) -> Iterator:
    shutil.copyfile(demo_database, paths.database)
    open_store(paths)
    yield paths
    close_database()


def _rows(ws, first_header: str) -> tuple[int, list[dict]]:
    """The header row (found by its first cell) and the table below it as dicts, up to a blank row."""
    header_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == first_header)
    headers = [c.value for c in ws[header_row] if c.value is not None]
    rows = []
    for r in range(header_row + 1, ws.max_row + 1):
        values = [ws.cell(row=r, column=c).value for c in range(1, len(headers) + 1)]
        if all(v is None for v in values):
            break
        rows.append(dict(zip(headers, values, strict=True)))
    return header_row, rows


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(Fraction(9, 10) * len(ordered)) - 1]


def _share(rows: list[dict]) -> float | None:
    on_time = sum(1 for r in rows if r["Status"] == "Tepat waktu")
    late = sum(1 for r in rows if r["Status"] == "Terlambat")
    return on_time / (on_time + late) if on_time + late else None


def _check_stats(sheet_row: dict, group: list[dict]) -> None:
    values = [r["Durasi (menit)"] for r in group]
    assert sheet_row["Langkah selesai (n)"] == len(group)
    assert sheet_row["Median (menit)"] == pytest.approx(statistics.median(values), abs=1e-9)
    assert sheet_row["P90 (menit)"] == pytest.approx(_p90(values), abs=1e-9)
    assert sheet_row["Tepat waktu"] == sum(1 for r in group if r["Status"] == "Tepat waktu")
    assert sheet_row["Terlambat"] == sum(1 for r in group if r["Status"] == "Terlambat")
    expected = _share(group)
    if expected is None:
        assert sheet_row["Tepat waktu (%)"] is None
    else:
        assert sheet_row["Tepat waktu (%)"] == pytest.approx(expected, abs=1e-12)


# ---------------------------------------------------------------------------------------------
# (a) kinerja figures recomputed from the Riwayat Langkah sheet


def test_kinerja_figures_recompute_from_the_riwayat_langkah_sheet(demo, tmp_path):
    report = rp.kinerja(DEMO_FROM, DEMO_TO, now=DEMO_NOW)
    path = write_kinerja(
        tmp_path / "kinerja.xlsx", report, report.step_rows, rp.report_meta(DEMO_FROM, DEMO_TO, DEMO_NOW)
    )
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [
        "Kinerja Layanan", "Kinerja Langkah", "Kinerja Pelaksana", "Permohonan Terlama", "Grafik Tepat Waktu",
        "Grafik Volume", "Riwayat Langkah",
    ]  # fmt: skip
    header_row, history = _rows(wb["Riwayat Langkah"], "Nomor Surat")
    assert header_row == 1 and len(history) == len(report.step_rows) > 300
    done = [r for r in history if r["Status"] in COMPLETED]
    assert {r["Status"] for r in history} - COMPLETED <= {"Berjalan", "Dibatalkan"}
    assert any(r["Status"] == "Dibatalkan" for r in history) and any(r["Status"] == "Berjalan" for r in history)

    by_step: dict[tuple[str, int], list[dict]] = defaultdict(list)
    by_service: dict[str, list[dict]] = defaultdict(list)
    by_role: dict[str, list[dict]] = defaultdict(list)
    for r in done:
        by_step[(r["Layanan"], r["Langkah"])].append(r)
        by_service[r["Layanan"]].append(r)
        by_role[r["Pelaksana"]].append(r)

    _, step_sheet = _rows(wb["Kinerja Langkah"], "Layanan")
    assert {(r["Layanan"], r["Langkah"]) for r in step_sheet} == set(by_step)
    for row in step_sheet:
        _check_stats(row, by_step[(row["Layanan"], row["Langkah"])])
        assert row["Standar (menit)"] in {r["Standar (menit)"] for r in by_step[(row["Layanan"], row["Langkah"])]}

    _, service_sheet = _rows(wb["Kinerja Layanan"], "Layanan")
    assert {r["Layanan"] for r in service_sheet} == {r["Layanan"] for r in history}
    for row in service_sheet:
        _check_stats(row, by_service[row["Layanan"]])

    _, role_sheet = _rows(wb["Kinerja Pelaksana"], "Pelaksana")
    assert [r["Pelaksana"] for r in role_sheet] == ["Kabag", "Kasubbag", "Staf"]
    for row in role_sheet:
        _check_stats(row, by_role[row["Pelaksana"]])

    # The slowest requests: the largest sums of completed durasi per letter, within each service.
    _, slow_sheet = _rows(wb["Permohonan Terlama"], "Layanan")
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for r in done:
        totals[(r["Layanan"], r["Nomor Surat"])] += r["Durasi (menit)"]
    for service in by_service:
        listed = [r for r in slow_sheet if r["Layanan"] == service]
        expected = sorted((t for (s, _), t in totals.items() if s == service), reverse=True)[: rp.SLOWEST_COUNT]
        assert [r["Total waktu aktif (menit)"] for r in listed] == pytest.approx(expected, abs=1e-6)
        for r in listed:
            assert totals[(service, r["Nomor Surat"])] == pytest.approx(r["Total waktu aktif (menit)"], abs=1e-6)

    # The note tells a reader how P90 is taken.
    notes = [c.value for row in wb["Kinerja Langkah"].iter_rows(max_row=6) for c in row if isinstance(c.value, str)]
    assert any("⌈0,9 × n⌉" in text for text in notes)

    # Two bar charts: on-time share per step, monthly volume per service.
    with zipfile.ZipFile(path) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2 and all("<barChart>" in chart for chart in charts)
    assert "'Grafik Tepat Waktu'!$C$" in charts[0] and "'Grafik Volume'!$B$" in charts[1]


def test_p90_is_the_nearest_rank():
    assert rp.p90([]) is None
    assert rp.p90([5.0]) == 5.0
    assert rp.p90(list(map(float, range(1, 11)))) == 9.0  # ceil(9.0) = 9th of 10
    assert rp.p90(list(map(float, range(1, 12)))) == 10.0  # ceil(9.9) = 10th of 11
    assert rp.p90(list(map(float, range(20, 0, -1)))) == 18.0


# ---------------------------------------------------------------------------------------------
# (b) every step row agrees with its SOP


def test_every_step_row_agrees_with_its_sop(demo, tmp_path):
    rows = rp.register_rows(DEMO_FROM, DEMO_TO, now=DEMO_NOW)
    steps = rp.step_rows(DEMO_FROM, DEMO_TO, now=DEMO_NOW)
    path = write_register(tmp_path / "register.xlsx", rows, steps, rp.report_meta(DEMO_FROM, DEMO_TO, DEMO_NOW))
    wb = openpyxl.load_workbook(path)
    _, history = _rows(wb["Riwayat Langkah"], "Nomor Surat")
    office = active_office()
    requests = {r.nomor_surat: r for r in Request.select()}
    assert len(requests) == 80
    per_request: dict[str, list[dict]] = defaultdict(list)
    for r in history:
        per_request[r["Nomor Surat"]].append(r)
    loops = 0
    for nomor, runs in per_request.items():
        request = requests[nomor]
        sop = sop_of_revision(request.revision_id)
        assert runs[0]["Langkah"] == sop.first_step.number and runs[0]["Putaran"] == 1
        for previous, current in zip(runs, runs[1:], strict=False):
            assert previous["Status"] in COMPLETED, "only the last pass may be open or cancelled"
            step = sop.step(previous["Langkah"])
            allowed = (
                {sop.next_step(step.number, True), sop.next_step(step.number, False)}
                if step.decision
                else {sop.next_step(step.number)}
            )
            assert current["Langkah"] in allowed
            back = current["Langkah"] <= previous["Langkah"]
            loops += back
            assert current["Putaran"] == previous["Putaran"] + (1 if back else 0)
            assert current["Mulai"] >= previous["Selesai"]
        for run in runs:
            step = sop.step(run["Langkah"])
            assert run["Layanan"] == sop.service
            assert run["Uraian"] == step.uraian
            assert run["Pelaksana"] == office.role_for(step.executor).name
            assert run["Standar (menit)"] == step.duration.minutes
            assert isinstance(run["Mulai"], datetime) and isinstance(run["Durasi (menit)"], int | float)
            durasi, standar, status = run["Durasi (menit)"], run["Standar (menit)"], run["Status"]
            assert durasi == round(durasi, 1) and durasi >= 0
            if run["Selesai"] is None:
                assert status == "Berjalan"
            else:
                assert run["Selesai"] >= run["Mulai"]
                assert durasi <= (run["Selesai"] - run["Mulai"]).total_seconds() / 60 + 0.05
                if status in COMPLETED:
                    assert run["Petugas"]
                    if standar is None:
                        assert status == "Tanpa standar"
                    else:
                        assert status == ("Tepat waktu" if durasi <= standar else "Terlambat")
                else:
                    assert status == "Dibatalkan" and run["Petugas"] is None
        last = runs[-1]
        if request.status == "selesai":
            step = sop.step(last["Langkah"])
            ends = (
                {sop.next_step(step.number, a) for a in (True, False)}
                if step.decision
                else {sop.next_step(step.number)}
            )
            assert None in ends and last["Status"] in COMPLETED
        elif request.status == "batal":
            assert last["Status"] == "Dibatalkan"
        else:
            assert last["Status"] == "Berjalan"
    assert loops > 0, "the demo data should contain correction rounds"
    started = [r for r in Request.select() if r.status != "baru"]
    assert set(per_request) == {r.nomor_surat for r in started if StepRun.select().where(StepRun.request == r).exists()}


# ---------------------------------------------------------------------------------------------
# (c) register columns, real dates, numeric durations; (d) print settings


def test_register_columns_dates_and_numbers(demo, tmp_path):
    rows = rp.register_rows(DEMO_FROM, DEMO_TO, now=DEMO_NOW)
    steps = rp.step_rows(DEMO_FROM, DEMO_TO, now=DEMO_NOW)
    path = write_register(tmp_path / "register.xlsx", rows, steps, rp.report_meta(DEMO_FROM, DEMO_TO, DEMO_NOW))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Register", "Riwayat Langkah"]
    ws = wb["Register"]
    header_row, table = _rows(ws, "No")
    assert tuple(c.value for c in ws[header_row]) == REGISTER_HEADERS == (
        "No", "Nomor Surat", "Tanggal Surat", "Diterima", "Perihal", "Penyelenggara", "Layanan", "Pimpinan",
        "Tanggal Acara", "Status", "Langkah Saat Ini", "Selesai", "Jangka Waktu", "Waktu Aktual", "Tepat Waktu",
    )  # fmt: skip
    assert tuple(c.value for c in wb["Riwayat Langkah"][1]) == STEP_HEADERS == (
        "Nomor Surat", "Layanan", "Langkah", "Putaran", "Uraian", "Pelaksana", "Petugas", "Mulai", "Selesai",
        "Durasi (menit)", "Standar (menit)", "Mutu Baku", "Status",
    )  # fmt: skip
    assert len(table) == len(rows) == 80
    assert [r["No"] for r in table] == list(range(1, 81))
    zone = active_office().zone
    for row, data in zip(table, rows, strict=True):
        assert isinstance(row["Tanggal Surat"], datetime) and row["Tanggal Surat"].date() == data.tanggal_surat
        assert row["Diterima"] == data.received_at.astimezone(zone).replace(tzinfo=None)
        assert data.training and row["Status"].endswith(" (latihan)")  # demo data says so in the register
        assert row["Status"].removesuffix(" (latihan)") in rs.STATUS_LABELS.values()
        assert row["Tepat Waktu"] in ("Ya", "Tidak", None)
        if data.status == "selesai":
            assert isinstance(row["Selesai"], datetime)
            assert isinstance(row["Waktu Aktual"], int | float)
        else:
            assert row["Selesai"] is None and row["Waktu Aktual"] is None
        if data.event_date is not None:
            assert isinstance(row["Tanggal Acara"], datetime)
    received = [r["Diterima"] for r in table]
    assert received == sorted(received)
    first = ws.cell(row=header_row + 1, column=4)
    assert first.is_date and "DD/MM/YYYY" in first.number_format
    assert any(r["Tepat Waktu"] == "Ya" for r in table) and any(r["Langkah Saat Ini"] for r in table)
    # Durations are numbers, shown with their unit by the number format.
    actual_cells = [ws.cell(row=header_row + i, column=14) for i in range(1, len(table) + 1)]
    assert {c.number_format for c in actual_cells if c.value is not None} <= set(ACTUAL_FORMATS.values())
    for cell in wb["Riwayat Langkah"]["J"][1:]:
        assert isinstance(cell.value, int | float)


def _assert_printable(ws, header_row: int, ncols: int) -> None:
    assert ws.page_setup.paperSize in (9, "9")
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows.replace("$", "").endswith(f"{header_row}:{header_row}")
    assert ws.freeze_panes == f"A{header_row + 1}"
    last = openpyxl.utils.get_column_letter(ncols)
    assert ws.auto_filter.ref.startswith(f"A{header_row}:{last}")
    for column in range(1, ncols + 1):
        assert ws.column_dimensions[openpyxl.utils.get_column_letter(column)].width >= 5


def test_every_sheet_prints_on_a4_one_page_wide(demo, tmp_path):
    meta = rp.report_meta(DEMO_FROM, DEMO_TO, DEMO_NOW)
    register = write_register(
        tmp_path / "r.xlsx", rp.register_rows(DEMO_FROM, DEMO_TO, now=DEMO_NOW),
        rp.step_rows(DEMO_FROM, DEMO_TO, now=DEMO_NOW), meta,
    )  # fmt: skip
    report = rp.kinerja(DEMO_FROM, DEMO_TO, now=DEMO_NOW)
    kinerja = write_kinerja(tmp_path / "k.xlsx", report, None, meta)
    month = rp.month_period(2026, 11)
    recap = write_rekap_xlsx(tmp_path / "m.xlsx", rp.rekap(*month, now=DEMO_NOW), rp.report_meta(*month, DEMO_NOW))
    checked = 0
    for path in (register, kinerja, recap):
        for ws in openpyxl.load_workbook(path).worksheets:
            first = {"Register": "No", "Riwayat Langkah": "Nomor Surat", "Kinerja Pelaksana": "Pelaksana",
                     "Grafik Tepat Waktu": "Langkah", "Grafik Volume": "Bulan"}.get(ws.title, "Layanan")  # fmt: skip
            header_row, _ = _rows(ws, first)
            ncols = sum(1 for c in ws[header_row] if c.value is not None)
            _assert_printable(ws, header_row, ncols)
            checked += 1
    assert checked == 10
    ws = openpyxl.load_workbook(register)["Register"]
    assert ws.page_setup.orientation == "landscape"


# ---------------------------------------------------------------------------------------------
# (e) a hand-driven case with known times


def _complete(request_id: int, at: datetime, answer: bool | None = None) -> None:
    run = StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null())
    meet_gates(request_id, at)
    rs.complete_step(request_id, ACTOR_OF[run.role], answer=answer, now=at)


def test_hand_driven_requests_give_exact_rows(store, tmp_path):
    start = utc(2026, 11, 23, 0, 5)  # Monday 09.05 WIT
    on_time = rs.register_request(sambutan_form(), STAF)
    rs.start_request(on_time, KABAG, now=start)
    clock = start + timedelta(minutes=3)
    _complete(on_time, clock)  # 1: 3 of 5 minutes
    clock += timedelta(minutes=15)
    _complete(on_time, clock)  # 2: 15 of 15
    clock += timedelta(minutes=400)
    _complete(on_time, clock)  # 3: 400 of 300 -> Terlambat
    rs.pause_step(on_time, "Menunggu Sekpri", STAF, now=clock + timedelta(minutes=4))
    rs.resume_step(on_time, STAF, now=clock + timedelta(minutes=64))
    clock += timedelta(minutes=72)
    _complete(on_time, clock)  # 4: 72 elapsed, 60 paused -> 12.0 of 10 -> Terlambat
    for minutes in (10, 30, 15):  # 5, 6, 7
        clock += timedelta(minutes=minutes)
        _complete(on_time, clock)
    clock += timedelta(seconds=60 * 59 + 57)
    _complete(on_time, clock, answer=False)  # 8: 59.95 minutes -> 60.0 (rounded) of 60 -> Tepat waktu

    cancelled = rs.register_request(sambutan_form(nomor_surat="005/200/Dinsos/2026"), STAF)
    rs.start_request(cancelled, KABAG, now=start)
    _complete(cancelled, start + timedelta(minutes=7))  # 1: 7 of 5
    rs.cancel(cancelled, "Acara batal", KABAG, now=start + timedelta(minutes=20))  # 2: closed after 13

    running = rs.register_request(sambutan_form(nomor_surat="005/300/Dispar/2026", leader="Wakil Walikota"), STAF)
    rs.start_request(running, KABAG, now=start)
    rs.pause_step(running, "Menunggu", KABAG, now=start + timedelta(minutes=2))

    pengaduan = get_sop("AMB-PENGADUAN")
    late = rs.register_request(
        sambutan_form(
            sop_code="AMB-PENGADUAN", nomor_surat="PGD/01/2026", perihal="Pengaduan: petugas tidak dapat dihubungi",
            fulfilled=tuple(range(len(pengaduan.standard.persyaratan))), event_date=None,
        ),
        STAF,
    )  # fmt: skip
    rs.start_request(late, STAF, now=start)
    clock2 = start
    for _ in range(4):  # 1-4
        clock2 += timedelta(minutes=10)
        _complete(late, clock2)
    clock2 += timedelta(minutes=10)
    _complete(late, clock2, answer=False)  # 5: no correction -> 6
    clock2 += timedelta(minutes=10)
    _complete(late, clock2)  # 6
    finish = utc(2026, 12, 1, 2, 0)  # Tuesday 1 Dec 11.00 WIT, after the 5 working days (Mon 30 Nov 16.00)
    _complete(late, finish)  # 7

    now = utc(2026, 12, 10, 0, 0)
    period = (date(2026, 11, 1), date(2026, 11, 30))
    steps = rp.step_rows(*period, now=now)
    mine = [s for s in steps if s.request_id == on_time]
    assert [(s.step_number, s.round, s.role, s.standar) for s in mine] == [
        (1, 1, "Kabag", 5), (2, 1, "Kabag", 15), (3, 1, "Staf", 300), (4, 1, "Staf", 10),
        (5, 1, "Kasubbag", 10), (6, 1, "Kabag", 60), (7, 1, "Kabag", 15), (8, 1, "Staf", 60),
    ]  # fmt: skip
    assert [s.durasi for s in mine] == [3.0, 15.0, 400.0, 12.0, 10.0, 30.0, 15.0, 60.0]
    assert [s.status for s in mine] == ["Tepat waktu", "Tepat waktu", "Terlambat", "Terlambat"] + ["Tepat waktu"] * 4
    assert mine[2].person == STAF.name and mine[2].uraian == get_sop("AMB-SAMBUTAN").step(3).uraian
    zone = active_office().zone
    assert mine[0].started_at == start.astimezone(zone) and mine[0].started_at.utcoffset() == timedelta(hours=9)

    gone = [s for s in steps if s.request_id == cancelled]
    assert [(s.step_number, s.durasi, s.status, s.person) for s in gone] == [
        (1, 7.0, "Terlambat", KABAG.name), (2, 13.0, "Dibatalkan", ""),
    ]  # fmt: skip
    open_run = [s for s in steps if s.request_id == running]
    assert [(s.step_number, s.durasi, s.status, s.ended_at) for s in open_run] == [(1, 2.0, "Berjalan", None)]

    register = {r.request_id: r for r in rp.register_rows(*period, now=now)}
    assert register[on_time].on_time == "Ya" and register[on_time].finished_at == clock.astimezone(zone)
    assert (register[on_time].actual, register[on_time].actual_unit) == (0.0, "hari kerja")
    assert register[on_time].jangka_waktu == "1 Hari" and register[on_time].status_label == "Selesai"
    assert (register[cancelled].status_label, register[cancelled].on_time, register[cancelled].actual) == (
        "Dibatalkan", "", None,
    )  # fmt: skip
    assert register[running].on_time == "Tidak"  # open, past its due time (Tuesday 16.00)
    assert register[running].current_step == f"1. {get_sop('AMB-SAMBUTAN').step(1).uraian}"
    assert register[late].on_time == "Tidak"
    assert (register[late].actual, register[late].actual_unit) == (6.0, "hari kerja")  # 24-27, 30 Nov, 1 Dec

    report = rp.kinerja(*period, now=now)
    step3 = next(s for s in report.steps if s.service == "Sambutan Walikota" and s.step_number == 3)
    assert (step3.stats.count, step3.stats.median, step3.stats.p90, step3.stats.on_time_share) == (1, 400.0, 400.0, 0.0)
    step2 = next(s for s in report.steps if s.service == "Sambutan Walikota" and s.step_number == 2)
    assert step2.stats.count == 1  # the cancelled pass is not counted
    step1 = next(s for s in report.steps if s.service == "Sambutan Walikota" and s.step_number == 1)
    assert (step1.stats.count, step1.stats.median, step1.stats.on_time, step1.stats.late) == (2, 5.0, 1, 1)
    assert step1.stats.on_time_share == 0.5
    sambutan = next(s for s in report.services if s.service == "Sambutan Walikota")
    assert (sambutan.received, sambutan.finished, sambutan.cancelled, sambutan.open) == (3, 1, 1, 1)
    assert (sambutan.finished_with_deadline, sambutan.finished_within, sambutan.within_share) == (1, 1, 1.0)
    assert [(s.request_id, s.active_minutes, s.steps) for s in sambutan.slowest] == [
        (on_time, 545.0, 8),
        (cancelled, 7.0, 1),
    ]
    complaints = next(s for s in report.services if s.service == "Pengaduan")
    assert (complaints.finished_within, complaints.within_share) == (0, 0.0)
    kabag = next(r for r in report.roles if r.role == "Kabag")
    assert kabag.stats.count == 7  # steps 1, 2, 6, 7 of the first; step 1 of the cancelled; Pengaduan 3 and 6
    assert [m.label for m in report.monthly] == ["Nov 2026"]
    assert report.monthly[0].counts == {"Pengaduan": 1, "Sambutan Walikota": 3}

    # The same figures in the workbook.
    path = write_kinerja(tmp_path / "k.xlsx", report, report.step_rows, rp.report_meta(*period, now))
    _, step_sheet = _rows(openpyxl.load_workbook(path)["Kinerja Langkah"], "Layanan")
    row = next(r for r in step_sheet if r["Layanan"] == "Sambutan Walikota" and r["Langkah"] == 3)
    assert (row["Standar (menit)"], row["Median (menit)"], row["Terlambat"], row["Tepat waktu (%)"]) == (300, 400, 1, 0)

    # The recap of the month.
    recap = rp.rekap(*period, now=now)
    assert recap.total == 4 and recap.totals == {"baru": 0, "berjalan": 1, "ditunda": 0, "batal": 1, "selesai": 2}
    assert recap.sambutan_finished == 1 and recap.events_finished == 0 and recap.visits_received == 0
    assert recap.complaints == rp.ComplaintSummary(
        received=1, finished=1, finished_on_time=0, open=0, overdue=0, cancelled=0
    )
    assert rp.rekap_month(2026, 11, now=now) == recap


# ---------------------------------------------------------------------------------------------
# (f) the period and the board's filters


def test_period_is_by_office_local_received_date_and_filters_apply(store):
    # 31 Oct 23.30 WIT and 1 Nov 00.30 WIT: both on 31 October in UTC.
    october = rs.register_request(
        sambutan_form(nomor_surat="OKT/1", received_at=utc(2026, 10, 31, 14, 30), tanggal_surat=date(2026, 10, 30)),
        STAF,
    )
    november = rs.register_request(
        sambutan_form(nomor_surat="NOV/1", received_at=utc(2026, 10, 31, 15, 30), tanggal_surat=date(2026, 10, 30)),
        STAF,
    )
    held = rs.register_request(
        sambutan_form(nomor_surat="NOV/2", received_at=utc(2026, 11, 30, 14, 59), leader="Wakil Walikota",
                      perihal="Sambutan pada Festival Budaya Daerah"),
        STAF,
    )  # fmt: skip
    after = rs.register_request(sambutan_form(nomor_surat="DES/1", received_at=utc(2026, 11, 30, 15, 0)), STAF)
    for request_id in (october, november, held, after):
        rs.start_request(request_id, KABAG, now=utc(2026, 12, 1, 1))
    rs.hold(held, "Menunggu materi", KABAG, now=utc(2026, 12, 1, 2))
    now = utc(2026, 12, 2)

    nov = rp.month_period(2026, 11)
    assert nov == (date(2026, 11, 1), date(2026, 11, 30))
    assert [r.request_id for r in rp.register_rows(*nov, now=now)] == [november, held]
    assert [r.request_id for r in rp.register_rows(date(2026, 10, 1), date(2026, 10, 31), now=now)] == [october]
    assert [r.request_id for r in rp.register_rows(date(2026, 12, 1), date(2026, 12, 1), now=now)] == [after]
    assert {s.request_id for s in rp.step_rows(*nov, now=now)} == {november, held}
    assert rp.kinerja(*nov, now=now).services[0].received == 2
    assert rp.rekap(*nov, now=now).total == 2

    def ids(criteria: BoardFilter) -> list[int]:
        return [r.request_id for r in rp.register_rows(*nov, criteria, now=now)]

    assert ids(BoardFilter(leader="Wakil Walikota")) == [held]
    assert ids(BoardFilter(state="ditunda")) == [held]
    assert ids(BoardFilter(text="festival budaya")) == [held]
    assert ids(BoardFilter(text="menerima")) == [november, held]  # the current step's text
    assert ids(BoardFilter(service="AMB-ACARA")) == []
    assert ids(BoardFilter(service="AMB-SAMBUTAN", date_from=date(2026, 11, 2))) == [held]
    assert ids(BoardFilter(state="terlambat")) == [november, held]  # due 2 Nov and 1 Dec 16.00 WIT
    assert [s.request_id for s in rp.step_rows(*nov, BoardFilter(state="ditunda"), now=now)] == [held]
    with pytest.raises(ServiceError, match="tidak boleh sesudah"):
        rp.register_rows(date(2026, 12, 1), date(2026, 11, 1), now=now)


def test_rekap_workbook_has_the_letterhead_and_the_counts(demo, tmp_path):
    month = rp.month_period(2026, 11)
    report = rp.rekap(*month, now=DEMO_NOW)
    assert report.total == len(rp.register_rows(*month, now=DEMO_NOW)) > 0
    assert sum(r.total for r in report.rows) == report.total
    meta = rp.report_meta(*month, DEMO_NOW)
    assert meta.period_text == "Bulan November 2026"
    ws = openpyxl.load_workbook(write_rekap_xlsx(tmp_path / "rekap.xlsx", report, meta))["Rekap"]
    assert ws["A1"].value == "PEMERINTAH KOTA AMBON" and ws["A1"].alignment.horizontal == "center"
    assert any(str(m).startswith("A1:") for m in ws.merged_cells.ranges)
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "BAGIAN PROTOKOL DAN KOMUNIKASI PIMPINAN" in texts and "Bulan November 2026" in texts
    header_row, table = _rows(ws, "Layanan")
    assert [c.value for c in ws[header_row]] == [
        "Layanan", "Belum dimulai", "Berjalan", "Ditunda", "Dibatalkan", "Selesai", "Jumlah",
    ]  # fmt: skip
    services = [r for r in table if r["Layanan"] != "Jumlah"]
    assert [r["Layanan"] for r in services] == [r.service for r in report.rows]
    for sheet_row, row in zip(services, report.rows, strict=True):
        assert sheet_row["Jumlah"] == row.total == sum(row.counts.values())
    assert table[-1]["Layanan"] == "Jumlah" and table[-1]["Jumlah"] == report.total
    assert "Pengaduan diterima" in texts and meta.signer_title in texts


def test_service_kinds_of_the_seed_library(store):
    kinds = {sop.code: rp.service_kind(sop) for sop in (get_sop(code) for code in (
        "AMB-ACARA", "AMB-PENGADUAN", "AMB-SAMBUTAN", "LMJ-KOORDINASI", "MDN-BIMTEK", "TNG-KUNJUNGAN"))}  # fmt: skip
    assert kinds == {
        "AMB-ACARA": "acara", "AMB-PENGADUAN": "pengaduan", "AMB-SAMBUTAN": "sambutan",
        "LMJ-KOORDINASI": "acara", "MDN-BIMTEK": "", "TNG-KUNJUNGAN": "kunjungan",
    }  # fmt: skip
    assert rp.period_text(date(2026, 11, 2), date(2026, 11, 30)) == "2 November 2026 s.d. 30 November 2026"
    assert rp.period_text(date(2026, 2, 1), date(2026, 2, 28)) == "Bulan Februari 2026"


def test_user_text_that_looks_like_a_formula_stays_text_in_every_report(store, tmp_path):
    hostile = '=HYPERLINK("http://contoh.invalid","klik")'
    request_id = rs.register_request(sambutan_form(perihal=hostile, pengirim="=1+1"), STAF)
    rs.start_request(request_id, KABAG, now=utc(2026, 11, 23, 0, 10))
    now = utc(2026, 11, 24, 0, 0)
    period = (date(2026, 11, 1), date(2026, 11, 30))
    meta = rp.report_meta(*period, now)
    register = write_register(tmp_path / "r.xlsx", rp.register_rows(*period, now=now),
                              rp.step_rows(*period, now=now), meta)  # fmt: skip
    report = rp.kinerja(*period, now=now)
    kinerja = write_kinerja(tmp_path / "k.xlsx", report, None, meta)
    ws = openpyxl.load_workbook(register)["Register"]
    header_row, table = _rows(ws, "No")
    assert (table[0]["Perihal"], table[0]["Penyelenggara"]) == (hostile, "=1+1")
    assert ws.cell(header_row + 1, 5).data_type == "s" and ws.cell(header_row + 1, 6).data_type == "s"
    for path in (register, kinerja):
        with zipfile.ZipFile(path) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
            assert not any(b"<f>" in archive.read(name) for name in sheets)  # no formula anywhere
    assert report.services[0].slowest == () or report.services[0].slowest[0].perihal == hostile


def test_an_export_stopped_midway_leaves_no_file_and_no_temporary_sheets(demo, tmp_path, capfd):
    from openpyxl.worksheet import _writer

    class Stop(Exception):
        pass

    def stop(rows_written: int) -> None:
        raise Stop

    before = set(_writer.ALL_TEMP_FILES)
    rows = rp.register_rows(DEMO_FROM, DEMO_TO, now=DEMO_NOW)
    steps = rp.step_rows(DEMO_FROM, DEMO_TO, now=DEMO_NOW)
    out = tmp_path / "out" / "register.xlsx"
    out.parent.mkdir()
    with pytest.raises(Stop):
        write_register(out, rows * 13, steps, rp.report_meta(DEMO_FROM, DEMO_TO, DEMO_NOW), progress=stop)
    assert not out.exists() and list(out.parent.iterdir()) == []  # no half-written file either
    assert set(_writer.ALL_TEMP_FILES) == before
    import gc

    gc.collect()
    assert "Exception ignored" not in capfd.readouterr().err
