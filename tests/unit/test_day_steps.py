"""Step standards in days ("1 hari", "2 hari", "1 hari kerja"): imported as written, timed against
their own days, reported apart from the minute total and printed in the SOP's Jumlah row."""

from __future__ import annotations

import json
from datetime import timedelta

import openpyxl

from protokol_desktop.domain.durations import DurationKind
from protokol_desktop.domain.workflow import TimerState
from protokol_desktop.export.sop_xlsx import write_sop_workbook
from protokol_desktop.services import library
from protokol_desktop.services import reports as rp
from protokol_desktop.services import requests as rs
from protokol_desktop.services.board import load_cards
from protokol_desktop.store.models import StepRun
from tests.conftest import sambutan_form, utc
from tests.unit.test_requests_workflow import KABAG, STAF
from tests.unit.test_sop_xlsx import SopSheet

WAKTU = ["5 menit", "1 hari", "2 hari", "1 hari kerja", "15 menit"]


def _sop_file(tmp_path):
    data = library.export_dict("AMB-SAMBUTAN")
    data.update(code="UJI-HARIAN", name="SOP Uji Langkah Harian", service="Uji Harian")
    steps = []
    for number, waktu in enumerate(WAKTU, start=1):
        kinds = ["mulai", "proses"] if number == 1 else ["proses", "selesai"] if number == len(WAKTU) else ["proses"]
        steps.append(
            {
                "number": number, "uraian": f"Langkah {number}", "executor": "KABAG" if number % 2 else "STAF",
                "kinds": kinds, "decision": None, "kelengkapan": [], "waktu": waktu, "output": f"Hasil {number}",
                "keterangan": "", "note": "",
            }
        )  # fmt: skip
    data["steps"] = steps
    path = tmp_path / "uji.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_day_steps_import_time_report_and_print(store, tmp_path):
    library.import_file(_sop_file(tmp_path), KABAG)
    sop = library.get_sop("UJI-HARIAN")
    assert [s.waktu for s in sop.steps] == WAKTU
    kinds = [s.duration.kind for s in sop.steps][1:4]
    assert kinds == [DurationKind.DAYS, DurationKind.DAYS, DurationKind.WORKING_DAYS]
    assert sop.total == (20, 0)
    assert sop.total_text == "20 Menit + 3 Hari + 1 Hari kerja"

    # Received and started Wednesday 25 Nov 2026 09.00 WIT.
    start = utc(2026, 11, 25, 0, 0)
    request_id = rs.register_request(sambutan_form(sop_code="UJI-HARIAN", received_at=start), STAF)
    rs.start_request(request_id, KABAG, now=start)
    clock = start + timedelta(minutes=4)
    rs.complete_step(request_id, KABAG, now=clock)  # step 1: 4 of 5 minutes
    run = StepRun.get((StepRun.request == request_id) & (StepRun.step_number == 2))
    assert run.standard_minutes == 24 * 60  # "1 hari": one calendar day from its start

    card = next(c for c in load_cards(now=clock + timedelta(hours=20)) if c.request_id == request_id)
    assert card.standard_text == "1 hari"
    assert card.timer_state(clock + timedelta(hours=20)) is TimerState.NEAR  # 20 of 24 hours
    assert card.timer_state(clock + timedelta(hours=12)) is TimerState.ON_TIME
    assert card.timer_state(clock + timedelta(hours=25)) is TimerState.OVER

    clock += timedelta(hours=30)  # step 2 late: 30 hours for "1 hari"
    rs.complete_step(request_id, STAF, now=clock)
    assert StepRun.get((StepRun.request == request_id) & (StepRun.step_number == 3)).standard_minutes == 2 * 24 * 60
    clock += timedelta(hours=40)  # step 3 on time: 40 hours for "2 hari"; now Saturday 28 Nov 07.04 WIT
    rs.complete_step(request_id, KABAG, now=clock)
    # "1 hari kerja" from Saturday: Monday 30 Nov (day 1) until 16.00 WIT.
    run4 = StepRun.get((StepRun.request == request_id) & (StepRun.step_number == 4))
    assert run4.standard_minutes == round((utc(2026, 11, 30, 7, 0) - clock).total_seconds() / 60)
    clock = utc(2026, 11, 30, 6, 0)  # Monday 15.00 WIT: within the working day
    rs.complete_step(request_id, STAF, now=clock)
    rs.complete_step(request_id, KABAG, now=clock + timedelta(minutes=20))  # step 5: 20 of 15 minutes

    rows = [r for r in rp.step_rows(start.date(), start.date(), now=clock + timedelta(hours=1))
            if r.request_id == request_id]  # fmt: skip
    assert [(r.step_number, r.standar, r.mutu_baku, r.status) for r in rows] == [
        (1, 5, "5 Menit", rp.STATUS_ON_TIME),
        (2, None, "1 Hari", rp.STATUS_LATE),
        (3, None, "2 Hari", rp.STATUS_ON_TIME),
        (4, None, "1 Hari kerja", rp.STATUS_ON_TIME),
        (5, 15, "15 Menit", rp.STATUS_LATE),
    ]
    assert rows[1].batas == 1440 and rows[2].batas == 2880
    kinerja = rp.kinerja(start.date(), start.date(), now=clock + timedelta(hours=1))
    by_step = {s.step_number: s for s in kinerja.steps if s.service == "Uji Harian"}
    assert (by_step[3].standar, by_step[3].mutu_baku, by_step[3].stats.on_time) == (None, "2 Hari", 1)

    workbook = openpyxl.load_workbook(write_sop_workbook(sop, tmp_path / "uji.xlsx"))
    sheet = SopSheet(workbook["SOP"], sop)
    assert sheet.cell(sheet.total_row, sheet.waktu) == "20 Menit + 3 Hari + 1 Hari kerja"
    assert "3 langkah dalam hari dijumlah terpisah" in (sheet.cell(sheet.total_row, sheet.output) or "")
    assert [sheet.cell(sheet.first_step + i, sheet.waktu) for i in range(len(WAKTU))] == WAKTU
