"""Requests through their SOP: intake, the requirement gate, steps, loops, timers, hold, cancel."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from protokol_desktop.domain.workflow import TimerState
from protokol_desktop.services import Actor, ServiceError
from protokol_desktop.services import requests as rs
from protokol_desktop.services.board import FINISHED, NOT_STARTED, load_cards, plan_drop, request_detail
from protokol_desktop.services.checks import run_checks
from protokol_desktop.store.models import History, Request, StepPause, StepRun
from tests.conftest import meet_gates, sambutan_form, utc

BOTH_BACKENDS = True

KABAG = Actor("Drs. Ahmad", "Kabag")
KASUBBAG = Actor("Yohanes", "Kasubbag")
STAF = Actor("Maria", "Staf")
ACTOR_OF = {"Kabag": KABAG, "Kasubbag": KASUBBAG, "Staf": STAF}


def _open_run(request_id: int) -> StepRun:
    return StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null())


def test_intake_stores_fields_requirements_and_deadline(store):
    request_id = rs.register_request(sambutan_form(), STAF)
    request = Request.get_by_id(request_id)
    assert request.status == "baru"
    assert request.contact_phone == "081234567890"
    assert request.event_time == "09.00"
    assert [r.fulfilled for r in request.requirements] == [True, True, True]
    # 1 hari from Monday 23 Nov 2026 09.00 WIT: due Tuesday 24 Nov 16.00 WIT = 07.00 UTC
    assert request.due_at == utc(2026, 11, 24, 7, 0)
    assert History.select().where(History.request == request_id).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("contact_phone", "12345", "Nomor telepon"),
        ("nomor_surat", "   ", "Nomor surat wajib diisi"),
        ("perihal", "", "Perihal wajib diisi"),
        ("event_time", "25.00", "Jam acara"),
        ("leader", "Presiden", "Pimpinan"),
        ("nomor_surat", "x" * 121, "terlalu panjang"),
    ],
)
def test_bad_intake_is_refused_and_changes_nothing(store, field, value, message):
    with pytest.raises(ServiceError, match=message):
        rs.register_request(sambutan_form(**{field: value}), STAF)
    assert Request.select().count() == 0
    assert History.select().count() == 0


def test_attachments_are_copied_not_linked(store, tmp_path):
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(b"%PDF-1.4 surat masuk")
    request_id = rs.register_request(sambutan_form(attachments=(letter,)), STAF, store.attachments)
    attachment = Request.get_by_id(request_id).attachments.get()
    stored = store.attachments / attachment.stored_name
    letter.unlink()
    assert stored.read_bytes() == b"%PDF-1.4 surat masuk"
    with pytest.raises(ServiceError, match="Jenis lampiran"):
        bad = tmp_path / "virus.exe"
        bad.write_bytes(b"MZ")
        rs.add_attachment(request_id, bad, STAF, store.attachments)


def test_missing_requirement_blocks_start_until_fulfilled_or_overridden(store):
    request_id = rs.register_request(sambutan_form(fulfilled=(0, 2)), STAF)
    assert rs.missing_requirements(request_id) == ["Materi sambutan dari penyelenggara kegiatan"]
    with pytest.raises(ServiceError, match="Berkas belum lengkap"):
        rs.start_request(request_id, KABAG, now=utc(2026, 11, 23, 1))
    with pytest.raises(ServiceError, match="Hanya Kabag"):
        rs.start_request(request_id, STAF, override_reason="mendesak", now=utc(2026, 11, 23, 1))
    assert Request.get_by_id(request_id).status == "baru"
    assert StepRun.select().count() == 0
    rs.set_requirement(request_id, 1, True, STAF, now=utc(2026, 11, 23, 1))
    rs.start_request(request_id, KABAG, now=utc(2026, 11, 23, 1, 5))
    assert Request.get_by_id(request_id).status == "berjalan"

    other = rs.register_request(sambutan_form(nomor_surat="005/124", fulfilled=()), STAF)
    rs.start_request(other, KABAG, override_reason="Acara besok pagi", now=utc(2026, 11, 23, 2))
    assert Request.get_by_id(other).override_reason == "Acara besok pagi"


def _walk(request_id: int, start, answers: dict[int, list[bool]]):
    """Complete steps by their own roles, 10 minutes each, answering keputusan from ``answers``."""
    clock = start
    visited = []
    while Request.get_by_id(request_id).status == "berjalan":
        run = _open_run(request_id)
        clock += timedelta(minutes=10)
        answer = answers[run.step_number].pop(0) if run.step_number in answers else None
        meet_gates(request_id, clock)
        rs.complete_step(request_id, ACTOR_OF[run.role], answer=answer, now=clock)
        visited.append((run.step_number, run.round, run.role))
    return visited


def test_sambutan_walks_all_steps_with_one_correction_round(store):
    request_id = rs.register_request(sambutan_form(), STAF)
    rs.start_request(request_id, KABAG, now=utc(2026, 11, 23, 0, 5))
    visited = _walk(request_id, utc(2026, 11, 23, 0, 5), {8: [True, False]})
    assert [v[0] for v in visited] == [1, 2, 3, 4, 5, 6, 7, 8, 3, 4, 5, 6, 7, 8]
    assert [v[1] for v in visited] == [1] * 8 + [2] * 6
    assert [v[2] for v in visited[:8]] == ["Kabag", "Kabag", "Staf", "Staf", "Kasubbag", "Kabag", "Kabag", "Staf"]
    request = Request.get_by_id(request_id)
    assert request.status == "selesai" and request.current_step is None
    assert request.finished_at == utc(2026, 11, 23, 0, 5) + timedelta(minutes=140)
    outputs = [r.output for r in StepRun.select().where(StepRun.request == request_id).order_by(StepRun.id)]
    assert outputs[2] == "Konsep sambutan" and outputs[-1] == "Sambutan"
    assert run_checks() == []


def test_step_belongs_to_its_role_and_higher_role_needs_atas_nama(store):
    request_id = rs.register_request(sambutan_form(), STAF)
    rs.start_request(request_id, KABAG, now=utc(2026, 11, 23, 1))
    with pytest.raises(ServiceError, match="tidak berwenang"):
        rs.complete_step(request_id, STAF, now=utc(2026, 11, 23, 1, 5))
    rs.complete_step(request_id, KABAG, now=utc(2026, 11, 23, 1, 6))  # step 1 Kabag
    rs.complete_step(request_id, KABAG, now=utc(2026, 11, 23, 1, 7))  # step 2 Kabag
    with pytest.raises(ServiceError, match="atas nama"):
        rs.complete_step(request_id, KABAG, now=utc(2026, 11, 23, 1, 8))  # step 3 is the Staf's
    rs.complete_step(request_id, KABAG, on_behalf=True, now=utc(2026, 11, 23, 1, 9))
    run = StepRun.get((StepRun.request == request_id) & (StepRun.step_number == 3))
    assert run.on_behalf and run.completed_by == KABAG.name
    assert any("atas nama Staf" in h.detail for h in History.select().where(History.action == "langkah_selesai"))


def test_keputusan_needs_an_answer_and_stale_step_is_refused(store):
    request_id = rs.register_request(sambutan_form(), STAF)
    rs.start_request(request_id, KABAG, now=utc(2026, 11, 23, 1))
    clock = utc(2026, 11, 23, 1)
    for _ in range(7):
        clock += timedelta(minutes=5)
        meet_gates(request_id, clock)
        rs.complete_step(request_id, ACTOR_OF[_open_run(request_id).role], now=clock)
    with pytest.raises(ServiceError, match="Ada koreksi dari Pimpinan"):
        rs.complete_step(request_id, STAF, now=clock + timedelta(minutes=1))
    with pytest.raises(ServiceError, match="sudah diselesaikan"):
        rs.complete_step(request_id, STAF, answer=False, expected_step=7, now=clock + timedelta(minutes=1))
    assert _open_run(request_id).step_number == 8


def test_timer_pauses_survive_as_timestamps_and_compare_with_standard(store):
    request_id = rs.register_request(sambutan_form(), STAF)
    start = utc(2026, 11, 23, 1)
    rs.start_request(request_id, KABAG, now=start)  # step 1: 5 menit
    rs.pause_step(request_id, "Menunggu Sekpri", KABAG, now=start + timedelta(minutes=2))
    with pytest.raises(ServiceError, match="sudah dijeda"):
        rs.pause_step(request_id, "lagi", KABAG, now=start + timedelta(minutes=3))
    # While paused the timer stands still at 2 minutes.
    card = load_cards(start + timedelta(hours=3), request_ids=[request_id])[0]
    assert card.timer is not None and card.timer.paused
    assert card.timer.elapsed_seconds(start + timedelta(hours=3)) == 120
    assert card.timer_state(start + timedelta(hours=3)) is TimerState.ON_TIME
    rs.resume_step(request_id, KABAG, now=start + timedelta(minutes=62))
    assert StepRun.get_by_id(_open_run(request_id).id).paused_seconds == 3600
    later = start + timedelta(minutes=62 + 2)  # 4 minutes worked: >= 80 % of 5
    card = load_cards(later, request_ids=[request_id])[0]
    assert card.timer_state(later) is TimerState.NEAR
    late = start + timedelta(minutes=62 + 4)
    assert load_cards(late, request_ids=[request_id])[0].timer_state(late) is TimerState.OVER
    assert StepPause.select().count() == 1


def test_hold_release_cancel_keep_history(store):
    request_id = rs.register_request(sambutan_form(), STAF)
    rs.start_request(request_id, KABAG, now=utc(2026, 11, 23, 1))
    rs.hold(request_id, "Menunggu penyelenggara", KABAG, now=utc(2026, 11, 23, 1, 2))
    assert Request.get_by_id(request_id).status == "ditunda"
    with pytest.raises(ServiceError, match="ditunda"):
        rs.complete_step(request_id, KABAG, now=utc(2026, 11, 23, 1, 3))
    rs.release(request_id, KABAG, now=utc(2026, 11, 23, 2, 2))
    assert Request.get_by_id(request_id).status == "berjalan"
    assert _open_run(request_id).paused_seconds == 3600
    with pytest.raises(ServiceError, match="Alasan pembatalan"):
        rs.cancel(request_id, " ", KABAG)
    rs.cancel(request_id, "Acara batal", KABAG, now=utc(2026, 11, 23, 3))
    request = Request.get_by_id(request_id)
    assert request.status == "batal"
    assert StepRun.select().where(StepRun.request == request_id).count() == 1  # nothing deleted
    actions = [h.action for h in History.select().where(History.request == request_id).order_by(History.id)]
    assert actions == ["didaftarkan", "dimulai", "ditunda", "diaktifkan", "dibatalkan"]
    assert run_checks() == []


def test_board_columns_and_drop_rules(store):
    request_id = rs.register_request(sambutan_form(), STAF)
    now = utc(2026, 11, 23, 1)
    assert load_cards(now)[0].column == NOT_STARTED
    with pytest.raises(ServiceError, match="belum dimulai"):
        plan_drop(request_id, "Kabag")
    rs.start_request(request_id, KABAG, now=now)
    assert load_cards(now)[0].column == "Kabag"
    rs.complete_step(request_id, KABAG, now=now + timedelta(minutes=1))  # -> step 2 Kabag
    # Step 2 (Kabag) leads to step 3 (Staf): a drop on Staf completes it, on Kasubbag is refused.
    assert plan_drop(request_id, "Staf").step_number == 2
    with pytest.raises(ServiceError, match="langkah berikutnya milik Staf"):
        plan_drop(request_id, "Kasubbag")
    clock = now + timedelta(minutes=1)
    for _ in range(6):
        clock += timedelta(minutes=1)
        meet_gates(request_id, clock)
        rs.complete_step(request_id, ACTOR_OF[_open_run(request_id).role], now=clock)
    # Step 8 (Staf) keputusan: Ya -> step 3 (Staf), Tidak -> selesai.
    assert plan_drop(request_id, FINISHED).answer is False
    assert plan_drop(request_id, FINISHED).finishes
    with pytest.raises(ServiceError):
        plan_drop(request_id, "Kabag")


def test_detail_timeline_agrees_with_history(store):
    request_id = rs.register_request(sambutan_form(), STAF)
    rs.start_request(request_id, KABAG, now=utc(2026, 11, 23, 1))
    rs.complete_step(request_id, KABAG, now=utc(2026, 11, 23, 1, 4))
    detail = request_detail(request_id, now=utc(2026, 11, 23, 1, 10))
    states = [(e.step_number, e.state) for e in detail.timeline]
    assert states == [(1, "selesai"), (2, "berjalan")] + [(n, "akan datang") for n in range(3, 9)]
    assert detail.timeline[0].elapsed_seconds == 240
    assert detail.timeline[0].timer_state is TimerState.NEAR
    assert [h.action for h in detail.history] == ["didaftarkan", "dimulai", "langkah_selesai", "langkah_mulai"]


def test_cards_carry_typed_values_on_either_back_end(store):
    """The board reads raw rows: instants come back aware UTC, dates as dates, flags as booleans."""
    complete = rs.register_request(sambutan_form(), STAF)
    missing = rs.register_request(sambutan_form(nomor_surat="005/124/Disdikbud/2026", fulfilled=(0,)), STAF)
    now = utc(2026, 11, 23, 1)
    rs.start_request(complete, KABAG, now=now)
    cards = {card.request_id: card for card in load_cards(now + timedelta(minutes=2))}
    card = cards[complete]
    assert card.received_at == utc(2026, 11, 23, 0, 0) and card.received_at.tzinfo is not None
    assert card.event_date == date(2026, 11, 25) and type(card.event_date) is date
    assert card.timer is not None and card.timer.started_at == now
    assert card.incomplete is False and cards[missing].incomplete is True
    assert card.due_at is not None and card.due_at.tzinfo is not None and card.days_left is not None
