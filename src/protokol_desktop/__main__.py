"""Composition root: parse arguments, resolve paths, open and migrate the database, then either
run an admin subcommand or start the GUI (QApplication, translators, main window)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    try:
        status = _main(argv)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return status
    except BrokenPipeError:
        # The reader stopped reading (``... | head``): what it wanted it has; end quietly. Point stdout
        # at the null device so the interpreter's own flush at exit does not fail a second time.
        import contextlib
        import os

        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None) -> int:
    from .cli import build_parser, run_command
    from .paths import NetworkPathError, resolve_paths
    from .settings import database_url
    from .store.db import DatabaseError, close_database

    parser = build_parser()
    args = parser.parse_args(argv)
    gui = args.command is None and not args.self_test
    use = None
    try:
        paths = resolve_paths(args.data_dir).ensure()
        use, refusal = _hold_folder(paths, args)
        if refusal:
            print(refusal, file=sys.stderr)
            if gui:
                _show_fatal(refusal)
            use.release()
            return 1 if gui else 2
        url = database_url(paths, args.database) if args.command != "migrate-to" else None
        _open(paths, url, gui=gui)
        from .store.seed import seed_gates_pending

        if seed_gates_pending():  # a library from before SOP format 2 gets its seed SOPs' gates, once
            from .services.library import adopt_seed_gates

            adopt_seed_gates()
    except (NetworkPathError, DatabaseError, OSError) as exc:
        from .cli import one_line
        from .domain.indonesian import os_error_text

        text = os_error_text(exc) if isinstance(exc, OSError) else one_line(exc)
        print(f"Gagal membuka data: {text}", file=sys.stderr)
        if args.command is None:
            _show_fatal(str(exc))
        if use is not None:
            use.release()
        return 2
    try:
        if args.command is not None:
            _warn_anchor(args.command)
            return run_command(args, paths)
        from .ui.app import run_gui

        return run_gui(paths, self_test=args.self_test)
    finally:
        close_database()
        use.release()


def _hold_folder(paths, args):  # noqa: ANN001, ANN202
    """Register this process in the data folder (store/folder_lock.py). Refused: a second window on
    one folder, and anything while a restore is swapping the database."""
    from .store import folder_lock

    role = "gui" if args.command is None and not args.self_test else f"cli:{args.command or 'self-test'}"
    use = folder_lock.register(paths.data, role)
    others = folder_lock.holders(paths.data, exclude=use)
    restoring = [holder for holder in others if holder.role == "restore"]
    if restoring:
        return use, f"Folder data {paths.data} sedang dipulihkan ({restoring[0].describe()}); ulangi sebentar lagi."
    windows = [holder for holder in others if holder.role == "gui"]
    if role == "gui" and windows:
        return use, (
            f"Protokol Desktop sudah dibuka untuk folder data {paths.data} ({windows[0].describe()}). "
            "Gunakan jendela yang sudah terbuka."
        )
    return use, None


def _warn_anchor(command: str) -> None:
    """Every start compares the audit chain with its anchor; ``check`` reports it in full."""
    if command in ("check", "migrate-to"):
        return
    from .services.audit import anchor_at_start

    for problem in anchor_at_start():
        print(f"Peringatan: {problem}. Jalankan 'protokol-desktop check'.", file=sys.stderr)


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
