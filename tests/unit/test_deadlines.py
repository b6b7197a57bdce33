"""Service due dates: one rule for intake and the CLI, and holidays added later move open deadlines.

Ambon's "1 hari" services (WIT): received Wednesday 13 May 2026 the request is due Monday 18 May
(Thursday 14 is Kenaikan, Friday 15 its cuti bersama); on Tuesday 17 March 2026 it is due Wednesday
25 March (cuti Nyepi, Nyepi, Idul Fitri and its cuti bersama); on Friday 27 November 2026 it is due
Monday 30 November, never the Saturday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from protokol_desktop.domain.calendar import OFFICE_CLOSE
from protokol_desktop.services import Actor
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import active_office, rescheduled_message, set_office_day
from protokol_desktop.store.models import AuditEntry, History, Request
from tests.conftest import sambutan_form, utc
from tests.unit.test_cli import cli

KABAG = Actor("Drs. Ahmad", "Kabag")
STAF = Actor("Maria", "Staf")


def _close_of(day: date) -> datetime:
    return datetime.combine(day, OFFICE_CLOSE, tzinfo=active_office().zone).astimezone(UTC)


@pytest.mark.parametrize(
    ("received", "due_day", "shown"),
    [
        (utc(2026, 5, 13, 0, 0), date(2026, 5, 18), "Senin, 18 Mei 2026"),
        (utc(2026, 3, 17, 0, 0), date(2026, 3, 25), "Rabu, 25 Maret 2026"),
        (utc(2026, 11, 27, 0, 0), date(2026, 11, 30), "Senin, 30 November 2026"),
    ],
)
@pytest.mark.parametrize("code", ["AMB-SAMBUTAN", "AMB-ACARA"])
def test_intake_of_one_day_services_is_due_on_a_working_day(store, code, received, due_day, shown):
    form = sambutan_form(sop_code=code, received_at=received, tanggal_surat=received.date(), event_date=due_day)
    request_id = rs.register_request(form, STAF)
    assert Request.get_by_id(request_id).due_at == _close_of(due_day)
    assert rs.deadline_text(code, received) == (
        f"Batas waktu: {shown} (1 hari kerja, dihitung sejak hari kerja berikutnya)"
    )


def test_cli_calendar_add_agrees_with_intake(tmp_path):
    result = cli(tmp_path, "calendar", "add", "2026-05-13", "1")
    assert "Senin, 18 Mei 2026" in result.stdout
    assert "dihitung sejak hari kerja berikutnya" in result.stdout


def test_holiday_added_later_moves_open_deadlines_and_leaves_finished(store):
    monday = utc(2026, 11, 23, 0, 0)  # due Tuesday 24 Nov
    open_id = rs.register_request(sambutan_form(received_at=monday), STAF)
    running_id = rs.register_request(sambutan_form(nomor_surat="005/124/Dinkes/2026", received_at=monday), STAF)
    rs.start_request(running_id, KABAG, now=monday)
    cancelled_id = rs.register_request(sambutan_form(nomor_surat="005/125/Dinsos/2026", received_at=monday), STAF)
    rs.cancel(cancelled_id, "Acara batal", KABAG, now=monday)
    later = sambutan_form(nomor_surat="005/126/Dishub/2026", received_at=utc(2026, 11, 30))
    later_id = rs.register_request(later, STAF)

    moved = set_office_day(date(2026, 11, 24), True, "HUT Kota (libur kantor)", KABAG)

    assert sorted(nomor for nomor, _, _ in moved.moved) == ["005/123/Disdikbud/2026", "005/124/Dinkes/2026"]
    for request_id in (open_id, running_id):
        assert Request.get_by_id(request_id).due_at == _close_of(date(2026, 11, 25))
        assert History.select().where((History.request == request_id) & (History.action == "batas_waktu")).exists()
    assert Request.get_by_id(cancelled_id).due_at == _close_of(date(2026, 11, 24))  # left as it was
    assert Request.get_by_id(later_id).due_at == _close_of(date(2026, 12, 1))  # not affected
    assert moved.unchanged == 1
    assert AuditEntry.select().where(AuditEntry.action == "batas_waktu_digeser").count() == 2
    assert rescheduled_message(moved).startswith("2 permohonan terbuka digeser batas waktunya")

    # A working day recorded on the new holiday moves them back.
    back = set_office_day(date(2026, 11, 24), False, "Hari kerja pengganti", KABAG)
    assert len(back.moved) == 2
    assert Request.get_by_id(open_id).due_at == _close_of(date(2026, 11, 24))
    assert rescheduled_message(set_office_day(date(2026, 12, 31), True, "Libur", KABAG)).startswith("Tidak ada")
