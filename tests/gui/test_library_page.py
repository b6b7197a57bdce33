"""The SOP library page: editing makes a revision (running requests keep theirs), copying makes a
new SOP, exports write files, and a Staf cannot edit."""

from __future__ import annotations

import json
from dataclasses import replace

import openpyxl

from protokol_desktop.services import Actor, library
from protokol_desktop.services import requests as rs
from protokol_desktop.store.models import Request
from protokol_desktop.ui.dialogs.sop_editor import SopEditorDialog
from tests.conftest import sambutan_form
from tests.gui.conftest import account


def _select(window, code):
    window.navigation.setCurrentRow(window.pages.indexOf(window.library))
    controller_rows = [window.library.model.row(r).key for r in range(window.library.model.rowCount())]
    window.library.table.selectRow(controller_rows.index(code))


def test_edit_makes_a_revision_and_running_requests_keep_theirs(main_window, monkeypatch, dialogs):
    window, controller = main_window
    running = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    rs.start_request(running, Actor("Ahmad", "Kabag"))

    def fake_edit(cls, sop, dialogs, parent=None, new=False, taken_codes=()):
        step = replace(sop.step(3), waktu="4 jam")
        return sop.with_steps(tuple(step if s.number == 3 else s for s in sop.steps))

    monkeypatch.setattr(SopEditorDialog, "edit", classmethod(fake_edit))
    _select(window, "AMB-SAMBUTAN")
    window.library.edit_button.click()
    assert "revisi 1" in dialogs.infos[-1][1]
    assert [r.status for r in library.revisions("AMB-SAMBUTAN")] == ["diganti", "berlaku"]
    assert window.library.revisions_model.rowCount() == 2
    assert rs.sop_of(Request.get_by_id(running)).step(3).waktu == "5 jam"
    new_request = rs.register_request(sambutan_form(nomor_surat="005/9"), Actor("Maria", "Staf"))
    assert rs.sop_of(Request.get_by_id(new_request)).step(3).waktu == "4 jam"


def test_copy_makes_a_new_draft(main_window, monkeypatch, dialogs):
    window, controller = main_window
    monkeypatch.setattr(
        SopEditorDialog, "edit", classmethod(lambda cls, sop, dialogs, parent=None, new=False, taken_codes=(): sop)
    )
    _select(window, "TNG-KUNJUNGAN")
    window.library.copy_button.click()
    copy = library.get_sop("TNG-KUNJUNGAN-SALIN")
    assert copy.status == "draft" and len(copy.executors) == 6
    assert window.library.model.rowCount() == 7


def test_exports_and_staf_cannot_edit(main_window, tmp_path, dialogs):
    window, controller = main_window
    _select(window, "MDN-BIMTEK")
    dialogs.files = [str(tmp_path / "bimtek.json")]
    window.library.export_json_button.click()
    assert json.loads((tmp_path / "bimtek.json").read_text(encoding="utf-8"))["code"] == "MDN-BIMTEK"
    dialogs.files = [str(tmp_path / "bimtek.xlsx")]
    window.library.export_xlsx_button.click()
    assert openpyxl.load_workbook(tmp_path / "bimtek.xlsx").sheetnames[0] == "SOP"
    controller.context.account = account("Maria", "Staf")
    controller.refresh()
    assert not window.library.edit_button.isEnabled()
    reason = "Mengubah atau menambah SOP hanya boleh dilakukan oleh Admin atau Kabag; Maria (Staf) ditolak"
    for button in (window.library.edit_button, window.library.copy_button, window.library.import_button):
        assert not button.isEnabled() and button.toolTip() == reason


def test_importing_an_old_format_file_says_what_it_could_not_declare(main_window, tmp_path, dialogs, qtbot):
    from PySide6.QtCore import Qt

    window, controller = main_window
    _select(window, "AMB-SAMBUTAN")
    data = library.export_dict("AMB-SAMBUTAN")
    data.update(format_version=1, steps=[{k: v for k, v in s.items() if k != "gates"} for s in data["steps"]])
    (tmp_path / "lama.json").write_text(json.dumps(data), encoding="utf-8")
    dialogs.files = [str(tmp_path / "lama.json")]
    qtbot.mouseClick(window.library.import_button, Qt.MouseButton.LeftButton)
    title, text = dialogs.infos[-1]
    assert title == "Impor berhasil" and "revisi 1" in text
    assert "Catatan:" in text and "Langkah 6 (Mengkoreksi sambutan dan membubuhkan paraf) menyebut paraf" in text
    assert library.get_sop("AMB-SAMBUTAN").step(6).gates == ()  # nothing inferred


def test_pdf_export_from_the_library(main_window, tmp_path, dialogs):
    window, controller = main_window
    _select(window, "AMB-SAMBUTAN")
    dialogs.files = [str(tmp_path / "sambutan.pdf")]
    window.library.export_pdf_button.click()
    assert (tmp_path / "sambutan.pdf").read_bytes().startswith(b"%PDF")
    assert dialogs.written[-1] == ("Ekspor berhasil", "SOP AMB-SAMBUTAN disimpan ke:", str(tmp_path / "sambutan.pdf"))


def test_import_sop_with_steps_in_days_and_see_its_timer(main_window, tmp_path, dialogs, qtbot):
    from datetime import UTC, datetime, timedelta

    from PySide6.QtCore import Qt

    from protokol_desktop.ui.board.delegate import timer_text
    from tests.unit.test_day_steps import _sop_file

    window, controller = main_window
    window.navigation.setCurrentRow(window.pages.indexOf(window.library))
    dialogs.files = [str(_sop_file(tmp_path))]
    qtbot.mouseClick(window.library.import_button, Qt.MouseButton.LeftButton)
    assert not dialogs.errors, dialogs.errors
    assert dialogs.infos[-1][0] == "Impor berhasil"
    row = next(r for r in window.library.model.rows() if r.key == "UJI-HARIAN")
    assert "20 Menit + 3 Hari + 1 Hari kerja" in row.values

    kabag = Actor("Drs. Ahmad", "Kabag")
    start = datetime.now(UTC) - timedelta(hours=3)
    request_id = rs.register_request(sambutan_form(sop_code="UJI-HARIAN", received_at=start), kabag)
    rs.start_request(request_id, kabag, now=start)
    rs.complete_step(request_id, kabag, now=start + timedelta(minutes=5))
    with qtbot.waitSignal(controller.board.reloaded):
        controller.board.reload()
    card = next(c for m in controller.board.models.values() for c in m.cards() if c.request_id == request_id)
    assert timer_text(card, start + timedelta(hours=2, minutes=5)) == "2 j 0 m / 1 hari"
