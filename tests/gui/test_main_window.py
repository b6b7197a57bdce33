"""The main window builds only the board at start; other pages come with their first use."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def test_pages_are_built_on_first_use(main_window, qtbot):
    window, controller = main_window
    assert set(window.built_pages()) == {"board"} and controller.pages == {}
    keys = [window.page_key(row) for row in range(window.pages.count())]
    window.navigation.setCurrentRow(keys.index("library"))
    assert window.pages.currentWidget() is window.library
    assert controller.library.view is window.library
    assert window.library.model.rowCount() == 6  # filled when first shown
    # Asked for by name (a test, a signal), a page is built without being shown.
    trust = controller.trust
    assert trust.view is window.trust and window.pages.currentWidget() is window.library
    assert set(window.built_pages()) == {"board", "library", "trust"}
    assert window.pages.indexOf(window.trust) == keys.index("trust")  # swapped in at its own place


def test_a_start_imports_no_page_it_does_not_show(store):
    """Importing and laying out pages nobody opened was most of the start-up time; the services behind
    the cards are not needed to paint the window either. (The database is seeded already, as at every
    start but the first.)"""
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from protokol_desktop.paths import resolve_paths
        from protokol_desktop.store import open_store
        paths = resolve_paths({str(store.data)!r}).ensure()
        open_store(paths)
        from protokol_desktop.services.users import Account
        from protokol_desktop.ui.app import build_main_window, create_application
        app = create_application()
        window, controller = build_main_window(paths, Account(0, "a", "A", "", "", "Admin", True))
        window.show()
        window.grab()
        # ui/lazy.py puts a module in sys.modules before it runs: only modules that ran count.
        print(" ".join(sorted(n for n, m in sys.modules.items() if type(m).__name__ != "_LazyModule")))
        """
    )
    modules = set(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
                  .stdout.split())  # fmt: skip
    assert "protokol_desktop.ui.board.controller" in modules
    for lazy in (
        "protokol_desktop.ui.library.view",
        "protokol_desktop.ui.events.agenda_view",
        "protokol_desktop.ui.complaints.controller",
        "protokol_desktop.ui.trust.view",
        "protokol_desktop.services.complaints",
        "protokol_desktop.services.events",
        "protokol_desktop.services.reports",
        "openpyxl",
        "qtawesome",
        "psycopg2",  # the server driver comes with the first server connection (store/driver.py)
        # The cards and the services behind them come after the first paint.
        "protokol_desktop.services.board",
        "protokol_desktop.services.requests",
        "protokol_desktop.services.library",
        "protokol_desktop.services.visits",
        "protokol_desktop.domain.sop",
    ):
        assert lazy not in modules, lazy


def test_a_start_paints_the_window_then_the_cards_then_the_icons(store, qtbot, dialogs):
    """The window is on screen before the board reads its cards; icons, reminders and the overdue
    count come on the turn after the cards, so each step is painted before the next begins (that a
    first paint imports no qtawesome is checked in a fresh process above)."""
    from protokol_desktop.services import Actor
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.board_frame import NOT_STARTED
    from protokol_desktop.ui import icons
    from protokol_desktop.ui.app import AppController, create_application
    from protokol_desktop.ui.context import AppContext
    from protokol_desktop.ui.main_window import MainWindow
    from tests.conftest import sambutan_form
    from tests.gui.conftest import account

    request_id = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    controller = AppController(window, AppContext(store, dialogs, account=account("Drs. Ahmad", "Kabag")))
    order: list[str] = []
    controller.board.reloaded.connect(lambda: order.append("kartu"))
    window.show()
    window.grab()  # the first paint, as a screen would ask for it
    assert [c.header.text() for c in window.board.columns] == [
        "Belum dimulai", "Kabag", "Kasubbag", "Staf", "Selesai (7 hari)"
    ]  # fmt: skip
    assert window.board.summary.text() == "Memuat papan…"
    assert controller.board.models[NOT_STARTED].rowCount() == 0 and order == []
    with qtbot.waitSignal(controller.board.reloaded):
        pass
    assert [card.request_id for card in controller.board.models[NOT_STARTED].cards()] == [request_id]
    assert window.board.columns[0].header.text() == "Belum dimulai (1)"
    assert window.board.summary.text().startswith("1 permohonan aktif")
    qtbot.waitUntil(lambda: icons.ready() and not window.new_request_action.icon().isNull())
    assert order == ["kartu"]  # one read of the cards at start


def test_self_test_waits_for_the_cards(tmp_path):
    """The frozen bundle's smoke test: a start on an empty data folder fills the board and exports."""
    result = subprocess.run(
        [sys.executable, "-m", "protokol_desktop", "--data-dir", str(tmp_path / "data"), "--self-test"],
        capture_output=True, text=True, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert "Uji mandiri berhasil: 6 SOP, papan 5 kolom (0 permohonan aktif" in result.stdout
