"""The GUI start as a person meets it: on the shared PostgreSQL server, through the real login
dialog; and the lock screen saying who locked the session."""

from __future__ import annotations

from PySide6.QtCore import Qt

from protokol_desktop.ui.dialogs.login import LoginDialog
from tests.conftest import pg_database, sambutan_form


def _type_login(qtbot, username: str, password: str):
    """LoginDialog.exec as a person answers it: type into the fields, click *Masuk*."""

    def answer(dialog: LoginDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, password)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        answer.intro = dialog.intro.text()  # type: ignore[attr-defined]
        return dialog.result()

    return answer


def test_the_window_starts_on_the_postgresql_server(paths, pg_server, qtbot, dialogs, monkeypatch):
    """The start used to run ``PRAGMA quick_check`` on the live database and died on a server with
    ``ProgrammingError … "PRAGMA"`` before the login was asked."""
    from protokol_desktop import __main__ as entry
    from protokol_desktop.services import Actor, users
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.office import apply_office
    from protokol_desktop.store.db import close_database
    from protokol_desktop.store.models import database
    from protokol_desktop.ui.app import create_application, start_gui

    url = pg_database(pg_server)
    entry._open(paths, url, gui=True)
    try:
        assert type(database.obj).__name__ == "PostgresqlDatabase"
        apply_office("ambon")
        users.create_first_admin("admin", "Administrator Kantor", "rahasia-kantor")
        request_id = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
        monkeypatch.setattr(LoginDialog, "exec", _type_login(qtbot, "admin", "rahasia-kantor"))
        create_application()
        started = start_gui(paths, dialogs)
        assert started is not None, dialogs.errors
        window, controller = started
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: controller.board.loaded)
        assert window.isVisible() and dialogs.errors == []
        assert controller.context.actor().name == "Administrator Kantor"
        assert request_id in controller.board._cards
        assert window.board.summary.text().startswith("1 permohonan aktif")
        window.close()
    finally:
        close_database()


def test_a_damaged_local_database_is_still_caught_at_start(store, qtbot, dialogs, monkeypatch):
    """The store's check is the one the start asks: a problem it reports stops the start with the
    damaged-database message (no backup to offer in a fresh data folder)."""
    from protokol_desktop.store import db as store_db
    from protokol_desktop.ui import app as app_module

    seen = []

    def broken(database, quick=False):
        seen.append(quick)
        return ["quick_check: *** in database main *** Page 7 is never used"]

    monkeypatch.setattr(store_db, "integrity_problems", broken)
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: 0)  # a start that got this far would ask
    assert app_module.start_gui(store, dialogs) is None
    assert seen == [True]
    assert dialogs.errors[-1][0] == "Basis data rusak" and "Page 7" in dialogs.errors[-1][1]


def test_ctrl_l_says_the_user_locked_the_session(main_window, qtbot, monkeypatch):
    from protokol_desktop.services import users

    window, controller = main_window
    users.create_first_admin("ahmad", "Drs. Ahmad", "rahasia-kantor")
    answer = _type_login(qtbot, "ahmad", "rahasia-kantor")
    monkeypatch.setattr(LoginDialog, "exec", answer)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert answer.intro.startswith("Sesi dikunci oleh pengguna.")
    assert "tidak ada kegiatan" not in answer.intro
    assert window.centralWidget().isVisible()
    # The idle lock keeps its own reason: the watcher's timer running out locks so.
    from protokol_desktop.ui.app import IdleWatcher

    watcher = IdleWatcher(controller)
    watcher.timer.timeout.emit()
    assert answer.intro.startswith("Sesi dikunci karena tidak ada kegiatan selama 15 menit.")


def test_the_real_start_brings_back_this_pcs_size_and_card_choice(store, qtbot, dialogs, monkeypatch):
    """The start a user runs (``start_gui``), not only ``build_main_window``: the size the window had
    when it was closed, and the compact cards the user chose, come back on the next start."""
    from protokol_desktop.services import users
    from protokol_desktop.ui.app import start_gui
    from protokol_desktop.ui.screen_fit import write_choice

    users.create_first_admin("admin", "Administrator Kantor", "rahasia-kantor")
    write_choice(store.window_state, "board/compact", True)
    monkeypatch.setattr(LoginDialog, "exec", _type_login(qtbot, "admin", "rahasia-kantor"))
    started = start_gui(store, dialogs)
    assert started is not None, dialogs.errors
    window, controller = started
    qtbot.addWidget(window)
    assert window.board.compact.isChecked()
    window.showNormal()
    window.resize(960, 620)
    window.close()  # saves the geometry
    monkeypatch.setattr(LoginDialog, "exec", _type_login(qtbot, "admin", "rahasia-kantor"))
    again, _controller = start_gui(store, dialogs)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (960, 620), (again.width(), again.height())
    again.close()
