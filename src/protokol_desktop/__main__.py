"""Composition root: parse arguments, resolve paths, open and migrate the database, then either
run an admin subcommand or start the GUI (QApplication, translators, main window)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from .cli import build_parser, run_command
    from .paths import NetworkPathError, resolve_paths
    from .settings import database_url
    from .store.db import DatabaseError, close_database

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        paths = resolve_paths(args.data_dir).ensure()
        url = database_url(paths, args.database) if args.command != "migrate-to" else None
        _open(paths, url, gui=args.command is None and not args.self_test)
        from .store.seed import seed_gates_pending

        if seed_gates_pending():  # a library from before SOP format 2 gets its seed SOPs' gates, once
            from .services.library import adopt_seed_gates

            adopt_seed_gates()
    except (NetworkPathError, DatabaseError, OSError) as exc:
        print(f"Gagal membuka data: {exc}", file=sys.stderr)
        if args.command is None:
            _show_fatal(str(exc))
        return 2
    try:
        if args.command is not None:
            return run_command(args, paths)
        from .ui.app import run_gui

        return run_gui(paths, self_test=args.self_test)
    finally:
        close_database()


def _open(paths, url: str | None, gui: bool) -> None:  # noqa: ANN001
    """Open the local file or the server; ask for the server password once when it is needed (in a
    dialog for the GUI, at the terminal for the command line). It is never stored."""
    from .store import open_store
    from .store.db import DatabaseError

    try:
        open_store(paths, database_url=url)
    except DatabaseError as exc:
        if not url or "password" not in str(exc).casefold():
            raise
        if gui:
            from .ui.app import ask_server_password

            password = ask_server_password(url)
            if password is None:
                raise
        elif sys.stdin.isatty():
            import getpass

            password = getpass.getpass("Kata sandi basis data: ")
        else:
            raise
        open_store(paths, database_url=url, password=password)


def _show_fatal(message: str) -> None:
    """Tell a GUI user why the app cannot start (no console on Windows)."""
    try:
        from .ui.app import show_fatal_error
    except ImportError:
        return
    show_fatal_error(message)


if __name__ == "__main__":
    sys.exit(main())
