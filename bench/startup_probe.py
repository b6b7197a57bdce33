"""Started by bench_startup.py: the app's real start-up path up to the main window shown, then exit.

``bare`` shows an empty PySide6 window instead: the baseline. ``--no-cards`` after the data folder
shows the window with the board's cards left unloaded: how much of the start the cards cost, and what
a window of this kind costs at the least.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1440, 860)
        window.show()
    else:
        # The composition root's order (``__main__.main``): paths, database, step gates, then the GUI.
        from protokol_desktop.paths import resolve_paths
        from protokol_desktop.services.visits import install_gates
        from protokol_desktop.store import open_store

        paths = resolve_paths(sys.argv[1]).ensure()
        open_store(paths)
        install_gates()
        from protokol_desktop.ui.app import build_main_window, create_application, ensure_office

        app = create_application()
        ensure_office()
        from protokol_desktop.services.users import Account

        # The login dialog waits for a person; the bench measures everything around it.
        account = Account(0, "bench", "Bench", "", "", "Admin", True)
        if "--no-cards" in sys.argv:
            from protokol_desktop.ui.board.controller import BoardController

            BoardController.reload = lambda self: None  # type: ignore[method-assign]
        window, _controller = build_main_window(paths, account)
        window.resize(1440, 860)
        window.show()
    window.grab()  # painted once: the window a user sees
    print(f"shown {time.time():.6f}", flush=True)
    app.processEvents()  # deferred work: icons
    window.grab()
    print(f"ready {time.time():.6f}", flush=True)
    heavy = [name for name in ("openpyxl",) if name in sys.modules]
    print(f"heavy {','.join(heavy)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
