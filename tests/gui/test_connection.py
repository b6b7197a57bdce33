"""The connection setting: kept without a password, tested against a real server."""

from __future__ import annotations

from protokol_desktop.settings import database_url
from protokol_desktop.ui.dialogs.connection import ConnectionDialog
from tests.conftest import pg_database


def test_connection_dialog_saves_the_address_not_the_password(store, qtbot, dialogs, pg_server):
    dialog = ConnectionDialog(store, dialogs)
    qtbot.addWidget(dialog)
    assert dialog.local.isChecked()
    dialog.server.setChecked(True)
    url = pg_database(pg_server)
    dialog.url.setText(url)
    assert dialog.test()
    assert dialogs.infos[-1][0] == "Koneksi berhasil"
    dialog.url.setText("postgresql://postgres:rahasia@127.0.0.1:1/x")
    dialog.save()
    assert "Kata sandi tidak boleh" in dialogs.errors[-1][1]
    assert database_url(store) is None
    dialog.url.setText(url)
    dialog.save()
    assert database_url(store) == url
    assert "rahasia" not in store.settings.read_text(encoding="utf-8")
    dialog.url.setText("postgresql://postgres@127.0.0.1:1/tidakada")
    assert not dialog.test()
    assert dialogs.errors[-1][0] == "Koneksi gagal"


def test_gui_start_asks_the_server_password_once(paths, monkeypatch):
    from protokol_desktop import __main__ as entry
    from protokol_desktop import store
    from protokol_desktop.store.db import DatabaseError
    from protokol_desktop.ui import app

    calls = []

    def fake_open(paths, database_url=None, password=None):
        calls.append(password)
        if password is None:
            raise DatabaseError("fe_sendauth: no password supplied")

    monkeypatch.setattr(store, "open_store", fake_open)
    monkeypatch.setattr(app, "ask_server_password", lambda url: "rahasia")
    entry._open(paths, "postgresql://staf@127.0.0.1/protokol", gui=True)
    assert calls == [None, "rahasia"]
