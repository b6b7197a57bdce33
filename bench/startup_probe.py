"""Started by bench_startup.py: the app's real start-up path up to the main window shown, then exit.

``bare`` shows an empty PySide6 window instead: the baseline. Printed instants (seconds since the
epoch): ``shown`` when the main window is first painted, ``filled`` when the board's cards are painted
(they are read right after the first paint), ``ready`` when the icons are in too.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def settle(app) -> None:  # noqa: ANN001
    """The layout requests a shown window posts, which an event loop handles before the first paint."""
    from PySide6.QtCore import QEvent

    app.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def main() -> int:
    if sys.argv[1] == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1440, 860)
        window.show()
        settle(app)
        window.grab()
        print(f"shown {time.time():.6f}", flush=True)
        return 0
    # The composition root's order (``__main__.main``): paths, database, seed gates, then the GUI.
    from protokol_desktop.paths import resolve_paths
    from protokol_desktop.store import open_store
    from protokol_desktop.store.seed import seed_gates_pending

    paths = resolve_paths(sys.argv[1]).ensure()
    open_store(paths)
    if seed_gates_pending():
        from protokol_desktop.services.library import adopt_seed_gates

        adopt_seed_gates()
    from protokol_desktop.ui.app import build_main_window, create_application, ensure_office, run_until

    app = create_application()
    ensure_office()
    from protokol_desktop.services.users import Account

    # The login dialog waits for a person; the bench measures everything around it.
    account = Account(0, "bench", "Bench", "", "", "Admin", True)
    window, controller = build_main_window(paths, account)
    window.resize(1440, 860)
    window.show()
    settle(app)
    window.grab()  # painted once: the window a user sees first
    print(f"shown {time.time():.6f}", flush=True)

    from protokol_desktop.ui import icons

    run_until(controller.board.reloaded)
    window.grab()
    print(f"filled {time.time():.6f}", flush=True)
    if not icons.ready():
        run_until(icons.loader().loaded)
    window.grab()
    print(f"ready {time.time():.6f}", flush=True)
    heavy = [name for name in ("openpyxl",) if name in sys.modules]
    print(f"heavy {','.join(heavy)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
