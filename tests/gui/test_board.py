"""The board on real widgets: intake, the requirement gate, drops, a restart mid-step, a correction
round; the board, the detail timeline and the history agree at every point."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QMimeData, Qt

from protokol_desktop.services import Actor
from protokol_desktop.services import requests as rs
from protokol_desktop.services.board import FINISHED, NOT_STARTED, request_detail
from protokol_desktop.services.checks import run_checks
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import History, Request, StepRun
from protokol_desktop.ui.board.model import MIME_TYPE, BoardColumnModel
from protokol_desktop.ui.dialogs.complete_step import CompleteStepDialog, Completion
from protokol_desktop.ui.dialogs.intake import IntakeDialog
from protokol_desktop.ui.models.rows import Row, RowsModel
from tests.conftest import meet_gates, sambutan_form
from tests.gui.conftest import account


def column_ids(controller, key):
    return [card.request_id for card in controller.board.models[key].cards()]


def drop(controller, request_id, key):
    mime = QMimeData()
    mime.setData(MIME_TYPE, str(request_id).encode())
    controller.board.models[key].dropMimeData(
        mime, Qt.DropAction.MoveAction, -1, -1, controller.board.models[key].index(0)
    )


def test_columns_follow_the_office_roles(main_window, qtbot):
    window, controller = main_window
    titles = [c.header.text().split(" (")[0] for c in window.board.columns]
    assert titles == ["Belum dimulai", "Kabag", "Kasubbag", "Staf", "Selesai"]
    apply_office("tangerang", Actor("Admin", "Admin"))
    controller.board.rebuild()
    assert len(window.board.columns) == 8
    assert window.board.columns[1].header.text().startswith("Kepala SKPD")


def test_models_pass_the_model_tester(main_window, qtmodeltester):
    window, controller = main_window
    rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    controller.board.reload()
    qtmodeltester.check(controller.board.models[NOT_STARTED])
    rows = RowsModel(["A", "B"])
    rows.set_rows([Row((1, "satu")), Row((2, None), colour="#ff0000", bold=True)])
    qtmodeltester.check(rows)
    window.navigation.setCurrentRow(window.pages.indexOf(window.library))
    assert window.library.model.rowCount() == 6
    qtmodeltester.check(window.library.model)


def test_intake_dialog_registers_and_refuses_bad_phone(main_window, qtbot, monkeypatch, dialogs):
    window, controller = main_window

    def fill(dialog: IntakeDialog, phone: str) -> None:
        dialog.service.setCurrentIndex(dialog.service.findData("AMB-SAMBUTAN"))
        dialog.nomor_surat.setText("005/777/Dinkes/2026")
        dialog.tanggal_surat.setDate(QDate(2026, 11, 20))
        dialog.perihal.setPlainText("Permohonan sambutan Walikota pada Hari Kesehatan Nasional")
        dialog.pengirim.setText("Dinas Kesehatan")
        dialog.contact_phone.setText(phone)
        dialog.requirement_checks[0].setChecked(True)
        dialog.requirement_checks[2].setChecked(True)  # materi sambutan (b) missing

    attempts = []

    def fake_exec(dialog):
        fill(dialog, "12345")
        dialog._accept()
        attempts.append(dialog.isVisible())
        assert dialogs.errors and "Nomor telepon" in dialogs.errors[-1][1]
        assert Request.select().count() == 0
        fill(dialog, "(0911) 352122")
        assert "Berkas belum lengkap" in dialog.incomplete_label.text()
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(IntakeDialog, "exec", fake_exec)
    request_id = controller.new_request()
    assert request_id is not None
    request = Request.get_by_id(request_id)
    assert request.contact_phone == "0911352122"
    assert column_ids(controller, NOT_STARTED) == [request_id]
    card = controller.board.models[NOT_STARTED].cards()[0]
    assert card.incomplete


@pytest.fixture
def answer_steps(monkeypatch):
    """Replace the completion dialog: answers from a list (None for non-keputusan steps)."""
    answers: list[bool | None] = []

    def fake(cls, step, step_role, actor_role, dialogs, answer=None, parent=None, *, on_behalf=False, **_):
        chosen = answer if answer is not None else (answers.pop(0) if step.decision else None)
        return Completion(output=step.output, note="", answer=chosen, on_behalf=on_behalf, attachment=None)

    monkeypatch.setattr(CompleteStepDialog, "get_completion", classmethod(fake))
    return answers


def test_sambutan_end_to_end_with_restart_and_correction(store, qtbot, dialogs, answer_steps, monkeypatch):
    from protokol_desktop.store import open_store
    from protokol_desktop.store.db import close_database
    from protokol_desktop.ui.app import AppController, create_application
    from protokol_desktop.ui.context import AppContext
    from protokol_desktop.ui.main_window import MainWindow

    create_application()

    def open_window():
        window = MainWindow()
        qtbot.addWidget(window)
        controller = AppController(window, AppContext(store, dialogs, account=account("Drs. Ahmad", "Kabag")))
        with qtbot.waitSignal(controller.board.reloaded):  # the cards come after the first paint
            window.show()
        return window, controller

    received = datetime.now(UTC) - timedelta(minutes=30)
    request_id = rs.register_request(sambutan_form(fulfilled=(0, 2), received_at=received), Actor("Maria", "Staf"))
    window, controller = open_window()

    def set_current_actor(name: str, role: str) -> None:
        controller.context.account = account(name, role)

    assert column_ids(controller, NOT_STARTED) == [request_id]

    # Start refused while the materi sambutan is missing and no reason is given.
    dialogs.texts = [None]
    assert not controller.requests.start(request_id, window)
    assert Request.get_by_id(request_id).status == "baru"
    rs.set_requirement(request_id, 1, True, Actor("Maria", "Staf"))
    assert controller.requests.start(request_id, window)
    assert column_ids(controller, "Kabag") == [request_id]
    assert column_ids(controller, NOT_STARTED) == []

    def check_agreement(expected_column: str) -> None:
        detail = request_detail(request_id)
        running = [e for e in detail.timeline if e.state == "berjalan"]
        card = next(c for c in controller.board._cards.values() if c.request_id == request_id)
        assert card.column == expected_column
        if expected_column != FINISHED:
            assert len(running) == 1 and running[0].step_number == card.step_number
            assert running[0].role == expected_column
        done = [e for e in detail.timeline if e.state == "selesai"]
        finished_in_history = [h for h in detail.history if h.action == "langkah_selesai"]
        assert len(done) == len(finished_in_history)

    # Step 1 and 2 are the Kabag's: step 1 stays in the Kabag column, completed from the menu path.
    assert controller.requests.complete_current(request_id, window)
    check_agreement("Kabag")
    # A drop the SOP does not allow: step 2 leads to the Staf, not the Kasubbag.
    drop(controller, request_id, "Kasubbag")
    assert "tidak dapat dipindah" in dialogs.errors[-1][1]
    check_agreement("Kabag")
    drop(controller, request_id, "Staf")  # step 2 done -> step 3 (Staf)
    check_agreement("Staf")

    # Restart while step 3's timer runs: the timer continues from the stored start.
    started = StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null()).started_at
    window.close()
    close_database()
    open_store(store)
    window, controller = open_window()
    check_agreement("Staf")
    card = controller.board.models["Staf"].cards()[0]
    assert card.step_number == 3 and card.timer.started_at == started

    set_current_actor("Maria", "Staf")
    controller.refresh()
    assert controller.requests.complete_current(request_id, window)  # 3 -> 4 (Staf)
    drop(controller, request_id, "Kasubbag")  # 4 -> 5
    check_agreement("Kasubbag")
    set_current_actor("Yohanes", "Kasubbag")
    drop(controller, request_id, "Kabag")  # 5 -> 6
    set_current_actor("Drs. Ahmad", "Kabag")
    assert not controller.requests.complete_current(request_id, window)  # 6 needs the paraf (SOP data)
    assert "belum diparaf" in dialogs.errors[-1][1] or "belum ada versi" in dialogs.errors[-1][1]
    meet_gates(request_id, datetime.now(UTC))
    assert controller.requests.complete_current(request_id, window)  # 6 -> 7 (Kabag)
    drop(controller, request_id, "Staf")  # 7 -> 8 (Staf)
    check_agreement("Staf")
    set_current_actor("Maria", "Staf")
    answer_steps.append(True)  # the leader has corrections: back to step 3
    assert controller.requests.complete_current(request_id, window)
    check_agreement("Staf")
    assert Request.get_by_id(request_id).current_round == 2
    card = controller.board.models["Staf"].cards()[0]
    assert (card.step_number, card.round) == (3, 2)
    for _ in range(2):  # 3 -> 4 -> 5
        controller.requests.complete_current(request_id, window)
    set_current_actor("Yohanes", "Kasubbag")
    controller.requests.complete_current(request_id, window)  # 5 -> 6
    set_current_actor("Drs. Ahmad", "Kabag")
    controller.requests.complete_current(request_id, window)  # 6 -> 7 (round 1's paraf still stands)
    controller.requests.complete_current(request_id, window)  # 7 -> 8
    set_current_actor("Maria", "Staf")
    drop(controller, request_id, FINISHED)  # no corrections: the drop on Selesai answers Tidak
    check_agreement(FINISHED)
    assert column_ids(controller, FINISHED) == [request_id]
    request = Request.get_by_id(request_id)
    assert request.status == "selesai"
    steps = [
        (r.step_number, r.round) for r in StepRun.select().where(StepRun.request == request_id).order_by(StepRun.id)
    ]
    assert steps == [(n, 1) for n in range(1, 9)] + [(n, 2) for n in range(3, 9)]
    assert History.select().where((History.request == request_id) & (History.action == "selesai")).count() == 1
    assert run_checks() == []


def test_filters_and_search(main_window, qtbot):
    window, controller = main_window
    staf = Actor("Maria", "Staf")
    first = rs.register_request(sambutan_form(), staf)
    second = rs.register_request(
        sambutan_form(
            sop_code="AMB-ACARA", nomor_surat="400/55/Dispar", perihal="Undangan Festival Budaya", fulfilled=(0, 2)
        ),
        staf,
    )
    controller.board.reload()
    assert sorted(column_ids(controller, NOT_STARTED)) == sorted([first, second])
    qtbot.keyClicks(window.board.search, "festival")
    assert column_ids(controller, NOT_STARTED) == [second]
    window.board.search.clear()
    window.board.search.setText("'; DROP TABLE request; --")
    assert column_ids(controller, NOT_STARTED) == []
    window.board.search.clear()
    window.board.service.setCurrentIndex(window.board.service.findData("AMB-SAMBUTAN"))
    assert column_ids(controller, NOT_STARTED) == [first]
    assert "(1)" in window.board.columns[0].header.text()


def test_model_does_not_move_cards_itself(qtmodeltester):
    model = BoardColumnModel("Kabag", "Kabag")
    received = []
    model.cardDropped.connect(lambda rid, key: received.append((rid, key)))
    mime = QMimeData()
    mime.setData(MIME_TYPE, b"12")
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(0)) is False
    assert received == [(12, "Kabag")]
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_poll_picks_up_changes_from_elsewhere_without_a_full_reload(main_window, monkeypatch):
    window, controller = main_window
    staf = Actor("Maria", "Staf")
    ids = [rs.register_request(sambutan_form(nomor_surat=f"005/{n}"), staf) for n in range(5)]
    controller.board.reload()
    assert sorted(column_ids(controller, NOT_STARTED)) == sorted(ids)
    rs.start_request(ids[2], Actor("Kabag lain", "Kabag"))  # another PC
    monkeypatch.setattr(controller.board, "reload", lambda: (_ for _ in ()).throw(AssertionError("full reload")))
    controller.board.poll()
    assert column_ids(controller, "Kabag") == [ids[2]]
    assert ids[2] not in column_ids(controller, NOT_STARTED)
    controller.board.poll()  # nothing changed: nothing read


def test_server_out_of_reach_is_said_not_crashed(main_window, monkeypatch):
    from peewee import OperationalError

    from protokol_desktop.ui.board import controller as board_controller

    window, controller = main_window

    def refused():
        raise OperationalError("connection refused")

    monkeypatch.setattr(board_controller.board_service, "change_counter", refused)
    controller.board.poll()
    assert "tidak terjangkau" in window.board.summary.text()
    window.close()
    assert not controller.board.poll_timer.isActive()


def test_card_timer_uses_the_short_form_for_its_standard():
    from datetime import UTC, datetime, timedelta

    from protokol_desktop.domain.workflow import StepTimer
    from protokol_desktop.ui.board.delegate import timer_text

    start = datetime(2026, 11, 23, 1, tzinfo=UTC)

    class _Card:
        status = "berjalan"
        finished_at = None
        timer = StepTimer(start, None, 0, None, 75)
        standard_text = ""

    assert timer_text(_Card(), start + timedelta(minutes=9)) == "9 m / 1 j 15 m"
    in_days = _Card()
    in_days.timer = StepTimer(start, None, 0, None, 2 * 24 * 60)
    in_days.standard_text = "2 hari"
    assert timer_text(in_days, start + timedelta(hours=26)) == "1 h 2 j / 2 hari"
