"""The main window builds only the board at start; other pages come with their first use."""

from __future__ import annotations

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


def test_a_start_imports_no_page_it_does_not_show(tmp_path):
    """Importing and laying out pages nobody opened was most of the start-up time."""
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from protokol_desktop.paths import resolve_paths
        from protokol_desktop.store import open_store
        paths = resolve_paths({str(tmp_path)!r}).ensure()
        open_store(paths)
        from protokol_desktop.services.office import apply_office
        apply_office("ambon")
        from protokol_desktop.services.users import Account
        from protokol_desktop.ui.app import build_main_window, create_application
        app = create_application()
        window, controller = build_main_window(paths, Account(0, "a", "A", "", "", "Admin", True))
        window.show()
        window.grab()
        print(" ".join(sorted(sys.modules)))
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
    ):
        assert lazy not in modules, lazy
