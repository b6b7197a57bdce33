"""Acceptance: what a Staf, a Kasubbag, a Kabag and an Admin are offered, clicked on the real widgets.

An action the user may not take is disabled with the reason in its tooltip, and that reason is the
one the service gives when it refuses (one rule, :mod:`services.permissions`); clicking it asks
nothing and changes nothing. A step gate declared in the SOP data holds the complete-step dialog
until the record carries it, or the Kabag overrides it with a reason that lands in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from protokol_desktop.services import Actor, permissions, speeches, users
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import apply_office
from protokol_desktop.store.models import AuditEntry, History, Request, StepRun
from tests.conftest import sambutan_form
from tests.gui.conftest import account

KABAG = Actor("Drs. Ahmad", "Kabag")
KASUBBAG = Actor("Yohanes", "Kasubbag")
STAF = Actor("Maria", "Staf")
ACTORS = {"Kabag": KABAG, "Kasubbag": KASUBBAG, "Staf": STAF}
LEFT = Qt.MouseButton.LeftButton
# The dialogs are shown so the clicks land on visible widgets; offscreen Qt warns about size hints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def app(main_window):
    window, controller = main_window

    def login(actor: Actor) -> None:
        controller.context.account = account(actor.name, actor.role)
        controller.refresh()

    return window, controller, login


def open_detail(controller, request_id: int, monkeypatch, act: Callable) -> None:
    """Open the request's detail dialog from the board's controller and run ``act(dialog)`` on it
    while it is up (its modal loop replaced by the acting)."""
    from protokol_desktop.ui.dialogs.request_detail import RequestDetailDialog

    def run(dialog):
        dialog.show()
        act(dialog)
        dialog.hide()
        return 0

    monkeypatch.setattr(RequestDetailDialog, "exec", run)
    controller.requests.open(request_id, controller.window)


def complete_dialogs(monkeypatch, act: Callable | None = None) -> list:
    """Every CompleteStepDialog opened is recorded; ``act(dialog)`` answers it by clicking (or it is
    cancelled)."""
    from protokol_desktop.ui.dialogs.complete_step import CompleteStepDialog

    opened = []

    def run(dialog):
        opened.append(dialog)
        dialog.show()
        if act is not None:
            act(dialog)
        dialog.hide()
        return dialog.result()

    monkeypatch.setattr(CompleteStepDialog, "exec", run)
    return opened


def walk_to(request_id: int, step: int) -> None:
    """Start and complete steps by their own roles until ``step`` is the running one."""
    base = datetime.now(UTC) - timedelta(hours=3)
    rs.start_request(request_id, KABAG, now=base)
    minute = 1
    while (run := StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null())).step_number != step:
        rs.complete_step(request_id, ACTORS[run.role], now=base + timedelta(minutes=minute))
        minute += 1


def test_staf_sees_cancel_disabled_with_the_services_reason_and_is_never_asked(app, qtbot, dialogs, monkeypatch):
    window, controller, login = app
    request_id = rs.register_request(sambutan_form(), STAF)
    login(STAF)
    dialogs.texts = ["Acara batal"]  # would be consumed if a reason were asked

    def act(dialog):
        button = dialog.cancel_button
        assert button.isVisible() and not button.isEnabled()
        assert button.toolTip() == permissions.can_cancel_request(STAF).reason
        assert "hanya boleh dilakukan oleh Admin atau Kabag" in button.toolTip()
        qtbot.mouseClick(button, LEFT)

    open_detail(controller, request_id, monkeypatch, act)
    assert dialogs.texts == ["Acara batal"] and dialogs.errors == []
    assert Request.get_by_id(request_id).status == "baru"
    with pytest.raises(rs.ServiceError) as refused:  # the service gives the very same reason
        rs.cancel(request_id, "Acara batal", STAF)
    assert str(refused.value) == permissions.can_cancel_request(STAF).reason

    login(KABAG)

    def cancel(dialog):
        assert dialog.cancel_button.isEnabled() and dialog.cancel_button.toolTip() == ""
        qtbot.mouseClick(dialog.cancel_button, LEFT)

    open_detail(controller, request_id, monkeypatch, cancel)
    assert Request.get_by_id(request_id).status == "batal" and dialogs.errors == []


def test_staf_cannot_start_an_incomplete_file_and_is_not_asked_a_reason(app, qtbot, dialogs, monkeypatch):
    window, controller, login = app
    request_id = rs.register_request(sambutan_form(fulfilled=(0,)), STAF)
    login(STAF)
    dialogs.texts = ["Acara besok"]

    def act(dialog):
        assert not dialog.start_button.isEnabled()
        assert "Hanya Kabag yang dapat memulai" in dialog.start_button.toolTip()
        qtbot.mouseClick(dialog.start_button, LEFT)

    open_detail(controller, request_id, monkeypatch, act)
    assert dialogs.texts == ["Acara besok"] and Request.get_by_id(request_id).status == "baru"


def test_a_step_of_a_higher_role_is_not_offered_and_atas_nama_only_downwards(app, qtbot, dialogs, monkeypatch):
    window, controller, login = app
    request_id = rs.register_request(sambutan_form(), STAF)
    walk_to(request_id, 5)  # step 5 is the Kasubbag's
    login(STAF)
    opened = complete_dialogs(monkeypatch)

    def refused(dialog):
        button = dialog.complete_button
        assert button.isVisible() and not button.isEnabled()
        assert button.toolTip() == "Langkah ini milik Kasubbag; Maria (Staf) tidak berwenang menyelesaikannya"
        qtbot.mouseClick(button, LEFT)

    open_detail(controller, request_id, monkeypatch, refused)
    assert opened == [] and dialogs.errors == []  # no dialog with an "atas nama" box to tick in vain
    assert StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null()).step_number == 5

    # The Kabag may complete the Kasubbag's step, declaring "atas nama" in the dialog.
    login(KABAG)

    def on_behalf(dialog):
        assert dialog.on_behalf.isVisible() and "atas nama Kasubbag" in dialog.on_behalf.text()
        qtbot.mouseClick(dialog.on_behalf, LEFT)
        qtbot.mouseClick(dialog.ok_button, LEFT)

    opened = complete_dialogs(monkeypatch, on_behalf)
    open_detail(controller, request_id, monkeypatch, lambda d: qtbot.mouseClick(d.complete_button, LEFT))
    assert len(opened) == 1 and dialogs.errors == []
    run = StepRun.get((StepRun.request == request_id) & (StepRun.step_number == 5))
    assert run.on_behalf and run.completed_by == KABAG.name

    # Its own step: no "atas nama" box at all.
    def own(dialog):
        assert not dialog.on_behalf.isVisible()
        dialog.reject()

    opened = complete_dialogs(monkeypatch, own)
    open_detail(controller, request_id, monkeypatch, lambda d: qtbot.mouseClick(d.complete_button, LEFT))
    assert len(opened) == 1


@pytest.mark.qt_log_ignore("This plugin does not support")  # a popup menu on the offscreen platform
def test_the_board_menu_does_not_offer_a_step_the_user_may_not_complete(app, qtbot, dialogs):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    window, controller, login = app
    request_id = rs.register_request(sambutan_form(), STAF)
    walk_to(request_id, 5)
    login(STAF)
    shown: list[dict[str, tuple[bool, str]]] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        shown.append({a.text(): (a.isEnabled(), a.toolTip()) for a in menu.actions()})
        menu.close()

    column = next(c for c in window.board.columns if c.list.model() is controller.board.models["Kasubbag"]).list
    index = column.model().index(0, 0)
    QTimer.singleShot(0, read_menu)
    column.customContextMenuRequested.emit(column.visualRect(index).center())
    enabled, tip = shown[-1]["Selesaikan langkah…"]
    assert not enabled and tip == "Langkah ini milik Kasubbag; Maria (Staf) tidak berwenang menyelesaikannya"


def test_paraf_is_the_ketua_tims_and_the_tab_says_so(app, qtbot, dialogs, monkeypatch):
    window, controller, login = app
    request_id = rs.register_request(sambutan_form(), STAF)
    speeches.add_version(request_id, STAF, text="Yang saya hormati, para guru.")
    login(STAF)

    def staf(dialog):
        tab = next(t for t in controller.requests.record_tabs if hasattr(t, "paraf_button"))
        dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(tab))
        tab.version_table.selectRow(0)
        assert not tab.paraf_button.isEnabled()
        assert tab.paraf_button.toolTip() == "Paraf sambutan hanya oleh Ketua Tim (Kabag); Maria (Staf) ditolak"
        assert not tab.team_button.isEnabled() and "Ketua Tim (Kabag)" in tab.team_button.toolTip()
        qtbot.mouseClick(tab.paraf_button, LEFT)

    open_detail(controller, request_id, monkeypatch, staf)
    assert dialogs.errors == [] and speeches.current_version(request_id).paraf_at is None

    login(KABAG)

    def kabag(dialog):
        tab = next(t for t in controller.requests.record_tabs if hasattr(t, "paraf_button"))
        tab.version_table.selectRow(0)
        assert tab.paraf_button.isEnabled()
        qtbot.mouseClick(tab.paraf_button, LEFT)

    open_detail(controller, request_id, monkeypatch, kabag)
    assert dialogs.errors == [] and speeches.current_version(request_id).paraf_by == KABAG.name


def test_the_agenda_decision_form_is_closed_to_a_staf(app, qtbot, dialogs):
    window, controller, login = app
    request_id = rs.register_request(sambutan_form(), STAF)
    login(STAF)
    window.pages.setCurrentIndex(window.page_index("agenda") if hasattr(window, "page_index") else 0)
    agenda = controller.page_controller("agenda")
    agenda.reload()
    agenda.go_to(sambutan_form().event_date)
    agenda.set_mode("hari")
    assert agenda.select(f"permohonan:{request_id}")
    view = agenda.view
    reason = "Keputusan kehadiran pimpinan dicatat oleh Kabag atau Kasubbag; Maria (Staf) ditolak"
    for widget in (view.decision, view.reply_letter, view.decision_note, view.decide_button):
        assert not widget.isEnabled() and widget.toolTip() == reason
    qtbot.mouseClick(view.decide_button, LEFT)
    assert dialogs.errors == []

    login(KASUBBAG)
    agenda.reload()
    assert agenda.select(f"permohonan:{request_id}")
    assert view.decide_button.isEnabled()
    qtbot.mouseClick(view.decide_button, LEFT)  # "Hadir" is the default choice
    assert dialogs.errors == []
    from protokol_desktop.services import agenda as agenda_service

    assert agenda_service.item(f"permohonan:{request_id}").decision == "hadir"


def test_sambutan_step_6_waits_for_the_paraf_or_the_kabags_reasoned_override(app, qtbot, dialogs, monkeypatch):
    window, controller, login = app
    request_id = rs.register_request(sambutan_form(), STAF)
    walk_to(request_id, 6)  # "Mengkoreksi sambutan dan membubuhkan paraf", the Kabag's
    login(KABAG)

    def blocked(dialog):
        assert dialog.missing.isVisible() and "belum ada versi sambutan" in dialog.missing.text()
        assert not dialog.ok_button.isEnabled()
        assert dialog.override.isVisible()
        qtbot.mouseClick(dialog.ok_button, LEFT)  # disabled: nothing happens
        dialog.reject()

    opened = complete_dialogs(monkeypatch, blocked)
    open_detail(controller, request_id, monkeypatch, lambda d: qtbot.mouseClick(d.complete_button, LEFT))
    assert len(opened) == 1
    assert StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null()).step_number == 6

    # The Kabag overrides, and must give a reason.
    def override(dialog):
        qtbot.mouseClick(dialog.override, LEFT)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, LEFT)  # no reason yet: refused in the dialog
        assert dialogs.errors[-1][0] == "Alasan diperlukan" and dialog.result() == 0
        qtbot.keyClicks(dialog.override_reason, "Paraf diberikan di kertas, berkas menyusul")
        qtbot.mouseClick(dialog.ok_button, LEFT)

    complete_dialogs(monkeypatch, override)
    open_detail(controller, request_id, monkeypatch, lambda d: qtbot.mouseClick(d.complete_button, LEFT))
    assert StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null()).step_number == 7
    detail = History.get((History.request == request_id) & (History.action == "langkah_selesai")
                         & History.detail.contains("Langkah 6")).detail  # fmt: skip
    assert "syarat dilewati (belum ada versi sambutan), alasan: Paraf diberikan di kertas" in detail
    entry = AuditEntry.get(AuditEntry.action == "syarat_dilewati")
    assert "speech_paraf" in entry.before and "Paraf diberikan di kertas" in entry.after


def test_with_the_paraf_step_6_completes_without_a_word(app, qtbot, dialogs, monkeypatch):
    window, controller, login = app
    request_id = rs.register_request(sambutan_form(), STAF)
    walk_to(request_id, 6)
    version = speeches.add_version(request_id, STAF, text="Yang saya hormati, para guru.")
    speeches.paraf(version, KABAG)
    login(KABAG)

    def finish(dialog):
        assert not dialog.missing.isVisible() and not dialog.override.isVisible()
        qtbot.mouseClick(dialog.ok_button, LEFT)

    complete_dialogs(monkeypatch, finish)
    open_detail(controller, request_id, monkeypatch, lambda d: qtbot.mouseClick(d.complete_button, LEFT))
    assert StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null()).step_number == 7
    assert not AuditEntry.select().where(AuditEntry.action == "syarat_dilewati").exists()


def test_a_staff_member_meets_the_visit_gate_and_is_not_offered_the_override(app, qtbot, dialogs, monkeypatch):
    window, controller, login = app
    apply_office("tangerang", Actor("Admin", "Admin"))
    subag, kepala = Actor("Yanti", "Subag Umum & Kepegawaian"), Actor("Drs. Hendra", "Kepala SKPD")
    staff = Actor("Rina Wulandari", "PPTK & Staff Umum")
    form = sambutan_form(sop_code="TNG-KUNJUNGAN", fulfilled=(), pengirim="DPRD Kabupaten Bogor")
    request_id = rs.register_request(form, subag)
    rs.start_request(request_id, subag)
    rs.complete_step(request_id, subag)
    rs.complete_step(request_id, kepala)
    login(staff)

    def blocked(dialog):
        text = dialog.missing.text()
        assert "daftar hadir masih kosong" in text and "notulen belum diisi" in text
        assert not dialog.override.isVisible() and not dialog.override_reason.isVisible()
        assert "Hanya Kepala SKPD yang dapat" in text
        assert not dialog.ok_button.isEnabled()
        dialog.reject()

    opened = complete_dialogs(monkeypatch, blocked)
    open_detail(controller, request_id, monkeypatch, lambda d: qtbot.mouseClick(d.complete_button, LEFT))
    assert len(opened) == 1
    with pytest.raises(rs.ServiceError, match="Hanya Kepala SKPD"):  # nor through the service
        rs.complete_step(request_id, staff, gate_override="Tamu tidak mengisi")


def test_new_users_default_to_the_lowest_role_and_a_kabag_cannot_make_an_admin(app, qtbot, dialogs):
    window, controller, login = app
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")
    login(KABAG)
    page = controller.page_controller("users")
    page.reload()
    view = page.view
    assert view.role.currentText() == "Staf"
    admin_index = view.role.findData("Admin")
    item = view.role.model().item(admin_index)
    assert not item.isEnabled()
    assert view.role.itemData(admin_index, Qt.ItemDataRole.ToolTipRole) == (
        "Hanya Admin yang dapat membuat atau menjadikan pengguna Admin"
    )
    qtbot.keyClicks(view.username, "rina")
    qtbot.keyClicks(view.full_name, "Rina Wulandari")
    qtbot.keyClicks(view.password, "sandi-rina-123")
    qtbot.mouseClick(view.add_button, LEFT)
    assert dialogs.errors == []
    assert next(a for a in users.list_users() if a.username == "rina").role == "Staf"

    # The Admin's own account cannot be taken over by a Kabag either.
    rows = [view.model.row(r).key for r in range(view.model.rowCount())]
    view.table.selectRow(rows.index("admin"))
    assert not view.reset_button.isEnabled()
    assert view.reset_button.toolTip() == "Mengatur ulang kata sandi akun Admin hanya boleh dilakukan oleh Admin"
    view.table.selectRow(rows.index("rina"))
    assert view.reset_button.isEnabled()

    login(Actor("Administrator", "Admin"))
    page.reload()
    assert view.role.currentText() == "Staf"
    assert view.role.model().item(view.role.findData("Admin")).isEnabled()


def test_a_staf_cannot_change_office_days_nor_withdraw_anothers_agenda_entry(app, qtbot, dialogs):
    from protokol_desktop.services import agenda as agenda_service
    from protokol_desktop.services.office import calendar_entries

    window, controller, login = app
    day = sambutan_form().event_date
    entry = agenda_service.add_entry(
        agenda_service.EntryForm(leader="Walikota", day=day, start_time="10.00", title="Rapat Forkopimda"), KASUBBAG
    )
    login(STAF)
    page = controller.page_controller("calendar")
    page.reload()
    before = calendar_entries(day.year)
    reason = (
        "Mengatur hari libur dan hari kerja kantor hanya boleh dilakukan oleh Admin atau Kabag; Maria (Staf) ditolak"
    )
    for widget in (page.view.name, page.view.add_holiday, page.view.add_workday):
        assert not widget.isEnabled() and widget.toolTip() == reason
    qtbot.mouseClick(page.view.add_holiday, LEFT)
    assert calendar_entries(day.year) == before and dialogs.errors == []

    agenda = controller.page_controller("agenda")
    agenda.reload()
    agenda.go_to(day)
    agenda.set_mode("hari")
    assert agenda.select(f"agenda:{entry}")
    button = agenda.view.withdraw_button
    assert not button.isEnabled()
    assert button.toolTip() == "Butir agenda hanya dapat ditarik oleh pembuatnya, Kabag atau Kasubbag"
    dialogs.texts = ["Salah ketik"]
    qtbot.mouseClick(button, LEFT)
    assert dialogs.texts == ["Salah ketik"]  # no reason asked

    login(KASUBBAG)  # who typed it may withdraw it
    agenda.reload()
    assert agenda.select(f"agenda:{entry}") and agenda.view.withdraw_button.isEnabled()
    qtbot.mouseClick(agenda.view.withdraw_button, LEFT)
    assert dialogs.texts == [] and not agenda.select(f"agenda:{entry}")
