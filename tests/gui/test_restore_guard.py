"""The restore button refuses while another process holds the data folder and asks a reason for a
backup that fails its checks; the window stops writing when its database file is replaced."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3

from PySide6.QtCore import Qt

from protokol_desktop.services import Actor
from protokol_desktop.services import requests as rs
from protokol_desktop.store.models import AuditEntry, Request
from tests.conftest import sambutan_form
from tests.gui.test_trust_page import _click, _page
from tests.unit.test_restore_safety import _end, _hold


def test_restore_button_refuses_while_another_process_holds_the_folder(main_window, dialogs, store, qtbot):
    window, controller = main_window
    rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    view = _page(window)
    _click(qtbot, controller, view.backup_button)
    made = dialogs.infos[-1][1]
    rs.register_request(sambutan_form(nomor_surat="005/2"), Actor("Maria", "Staf"))
    command = _hold(store.data, "cli:demo")  # e.g. a long command still running on this folder
    try:
        dialogs.files = [made]
        qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    finally:
        _end(command)
    title, text = dialogs.errors[-1]
    assert title == "Pemulihan ditolak"
    assert "sedang dipakai oleh perintah baris 'demo'" in text and "Tidak ada yang diubah" in text
    assert Request.select().count() == 2
    dialogs.files = [made]
    _click(qtbot, controller, view.restore_button)  # the command ended: now it may
    assert dialogs.infos[-1][0] == "Pemulihan selesai"
    assert Request.select().count() == 1


def test_restore_of_an_edited_backup_needs_a_reason_and_is_recorded(main_window, dialogs, store, qtbot):
    window, controller = main_window
    rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    view = _page(window)
    _click(qtbot, controller, view.backup_button)
    made = dialogs.infos[-1][1]
    rs.register_request(sambutan_form(nomor_surat="005/2"), Actor("Maria", "Staf"))
    with sqlite3.connect(made) as conn:
        conn.execute("UPDATE audit_entry SET actor = 'Penyusup' WHERE id = 1")
    conn.close()
    asked: list[str] = []
    original = dialogs.confirm

    def confirm(parent, title, text):
        asked.append(title)
        return original(parent, title, text)

    dialogs.confirm = confirm
    dialogs.files = [made]
    dialogs.texts = [None]  # no reason given: cancelled
    _click(qtbot, controller, view.restore_button)
    assert asked == ["Cadangan GAGAL pemeriksaan"]
    assert Request.select().count() == 2
    dialogs.files = [made]
    dialogs.texts = ["Cadangan satu-satunya sesudah disk rusak"]
    _click(qtbot, controller, view.restore_button)
    assert dialogs.infos[-1][0] == "Pemulihan selesai"
    assert Request.select().count() == 1
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert last.action == "pemulihan" and last.actor == "Drs. Ahmad (Kabag)"
    assert json.loads(last.after)["alasan_dipaksa"] == "Cadangan satu-satunya sesudah disk rusak"


def test_window_stops_writing_when_its_file_is_replaced(main_window, dialogs, store, qtbot, tmp_path):
    from protokol_desktop.store.db import GuardedSqliteDatabase
    from protokol_desktop.ui.app import ReplacedWatcher

    window, controller = main_window
    watcher = ReplacedWatcher(window, dialogs)
    try:
        copy = tmp_path / "lain.sqlite3"
        shutil.copyfile(store.database, copy)
        os.replace(copy, store.database)  # another program restored a file under the running window
        qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=5000)
        title, text = dialogs.errors[-1]
        assert title == "Basis data telah diganti" and "berhenti menyimpan" in text
        assert "TIDAK disimpan" in watcher.banner.text()
        # Registering a request from the window now fails with the same message, nothing lands anywhere.
        dialogs.errors.clear()
        try:
            rs.register_request(sambutan_form(nomor_surat="005/hilang"), Actor("Maria", "Staf"))
        except Exception as exc:  # noqa: BLE001 - the store's DatabaseReplacedError
            assert "telah diganti" in str(exc)
        qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=5000)
    finally:
        GuardedSqliteDatabase.replaced_handler = None
    with sqlite3.connect(store.database) as conn:
        assert conn.execute("SELECT COUNT(*) FROM request WHERE nomor_surat = '005/hilang'").fetchone()[0] == 0
    conn.close()
