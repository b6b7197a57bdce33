"""The audit viewer filters and exports; backups are made; the restore wizard checks, asks and
restores exactly the data of the backup's time."""

from __future__ import annotations

import sqlite3

import openpyxl
from PySide6.QtCore import Qt

from protokol_desktop.services import Actor
from protokol_desktop.services import requests as rs
from protokol_desktop.store.models import Request
from tests.conftest import sambutan_form


def _page(window):
    window.navigation.setCurrentRow(window.pages.indexOf(window.trust))
    return window.trust


def _click(qtbot, controller, button) -> None:
    """Click a button of the page whose job runs in the background, and wait for its end."""
    with qtbot.waitSignal(controller.trust.jobEnded, timeout=60_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_audit_viewer_filters_and_exports(main_window, dialogs, tmp_path, qtmodeltester, qtbot):
    window, controller = main_window
    rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    rs.register_request(sambutan_form(nomor_surat="900/77/Dinsos"), Actor("Yohanes", "Kasubbag"))
    view = _page(window)
    assert view.model.rowCount() >= 2
    qtmodeltester.check(view.model)
    view.search.setText("900/77")
    assert view.model.rowCount() == 1
    view.search.clear()
    view.actor.setText("Yohanes")
    assert all("Yohanes" in view.model.row(r).values[2] for r in range(view.model.rowCount()))
    dialogs.files = [str(tmp_path / "audit.xlsx")]
    _click(qtbot, controller, view.export_button)
    sheet = openpyxl.load_workbook(tmp_path / "audit.xlsx")["Jejak Audit"]
    heading = {sheet.cell(r, 1).value: sheet.cell(r, 3).value for r in range(2, 11)}
    assert heading["Diekspor oleh"] == "Drs. Ahmad (Kabag)" and heading["Saringan"] == 'oleh "Yohanes"'
    assert heading["Jumlah entri"] == 1 and heading["Keadaan rantai"] == "Utuh"
    assert sheet.cell(12, 1).value == "No. entri" and sheet.cell(12, 11).value == "Hash entri"
    assert sheet.max_row == 13 and len(sheet.cell(13, 11).value) == 64  # one entry, with its hash
    assert sheet.oddFooter.center.text == "Halaman &P dari &N" and sheet.print_title_rows == "$12:$12"
    from protokol_desktop.store.models import AuditEntry

    assert AuditEntry.select().order_by(AuditEntry.id.desc()).first().action == "ekspor_data"
    _click(qtbot, controller, view.verify_button)
    assert dialogs.infos[-1][0] == "Jejak audit utuh"


def test_backup_and_restore_wizard(main_window, dialogs, store, qtbot):
    window, controller = main_window
    first = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    view = _page(window)
    _click(qtbot, controller, view.backup_button)
    made = dialogs.infos[-1][1]
    rs.register_request(sambutan_form(nomor_surat="005/2"), Actor("Maria", "Staf"))
    assert Request.select().count() == 2
    bad = store.data / "rusak.sqlite3"
    bad.write_bytes(b"bukan" * 100)
    dialogs.files = [str(bad)]
    _click(qtbot, controller, view.restore_button)
    assert dialogs.errors[-1][0] == "Cadangan tidak dapat dipakai"
    assert Request.select().count() == 2
    dialogs.files = [made]
    _click(qtbot, controller, view.restore_button)  # FakeDialogs.confirm answers yes
    assert dialogs.infos[-1][0] == "Pemulihan selesai"
    assert [r.id for r in Request.select()] == [first]
    assert controller.board.models["__belum__"].rowCount() == 1
    with sqlite3.connect(made) as conn:
        assert conn.execute("SELECT COUNT(*) FROM request").fetchone()[0] == 1
    conn.close()


def test_a_failing_backup_closes_its_dialog_and_enables_the_page(main_window, dialogs, qtbot, monkeypatch):
    from protokol_desktop.services import backup

    def full_disk(target, actor=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "backup_to", full_disk)
    window, controller = main_window
    view = _page(window)
    with qtbot.waitSignal(controller.trust.jobEnded, timeout=60_000):
        qtbot.mouseClick(view.backup_button, Qt.MouseButton.LeftButton)
        assert not view.backup_button.isEnabled() and not view.restore_button.isEnabled()
    assert dialogs.errors[-1][0] == "Cadangan gagal" and "No space left" in dialogs.errors[-1][1]
    assert all(b.isEnabled() for b in (view.backup_button, view.restore_button, view.verify_button))
    assert not controller.trust.task.dialog.isVisible()
