"""Who is using a data folder right now: one small file per process, held with an OS file lock.

Every process that opens a data folder (the window, each command-line command) registers itself in
``<data>/.pemakai/``: a file naming its process, PC, user, role and start time, locked with the
operating system's own lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows). The OS drops the
lock when the process ends, however it ends (closed, crashed, killed, power cut), so a file whose
lock can be taken again is known to be left by a process that died: it is removed and reported as
stale, never mistaken for a running app. A restore refuses while any other process holds the folder;
a second window refuses to start; nothing in here needs Qt.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

FOLDER = ".pemakai"
SUFFIX = ".kunci"
LOCK_OFFSET = 1 << 16
"""Windows locks a byte range and refuses reads inside it: the lock sits far past the text."""
STARTING_GRACE_SECONDS = 30
"""A file whose lock is free but whose text is not written yet belongs to a process starting now."""

ROLES = {"gui": "jendela Protokol Desktop", "restore": "pemulihan basis data"}


def _role_text(role: str) -> str:
    if role.startswith("cli:"):
        return f"perintah baris '{role[4:]}'"
    return ROLES.get(role, role)


@dataclass(frozen=True)
class Holder:
    """A process that holds the data folder."""

    pid: int
    host: str
    user: str
    role: str
    started: str

    def describe(self) -> str:
        try:
            since = datetime.fromisoformat(self.started).strftime("%d/%m/%Y %H.%M")
        except ValueError:
            since = self.started or "?"
        return f"{_role_text(self.role)} (proses {self.pid} di PC {self.host}, oleh {self.user}, sejak {since})"


def _try_lock(handle: IO[bytes]) -> bool:
    """Take the exclusive lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            handle.seek(LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no login name (service account, container)
        return "tidak-dikenal"


class FolderUse:
    """This process's registration in a data folder; held until :meth:`release` or process end."""

    def __init__(self, data: Path, role: str) -> None:
        self.folder = data / FOLDER
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}{SUFFIX}"
        self.role = role
        handle = open(self.path, "xb+")  # noqa: SIM115 - held open for the life of the registration
        if not _try_lock(handle):  # a new file nobody else knows: cannot fail but on a broken file system
            handle.close()
            raise OSError(f"Kunci {self.path} tidak dapat dipasang")
        text = {"pid": os.getpid(), "host": socket.gethostname(), "user": _user(), "role": role,
                "started": datetime.now().isoformat(timespec="seconds")}  # fmt: skip
        handle.seek(0)
        handle.write(json.dumps(text).encode("utf-8"))
        handle.flush()
        self._handle: IO[bytes] | None = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        _unlock(handle)
        handle.close()
        with contextlib.suppress(OSError):
            self.path.unlink()

    def __enter__(self) -> FolderUse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def register(data: Path, role: str) -> FolderUse:
    return FolderUse(data, role)


def _read(path: Path) -> dict | None:
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read(LOCK_OFFSET - 1).decode("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def holders(data: Path, exclude: FolderUse | None = None, include_own_process: bool = False) -> list[Holder]:
    """The processes holding ``data`` now, other than this one (unless ``include_own_process``).
    Files left by processes that died are removed on the way: their lock is free again."""
    folder = data / FOLDER
    if not folder.is_dir():
        return []
    found: list[Holder] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if exclude is not None and path == exclude.path:
            continue
        try:
            handle = open(path, "rb+")  # noqa: SIM115 - closed below on every path
        except OSError:  # removed meanwhile by its owner, or not ours to open: then someone holds it
            if path.exists():
                found.append(Holder(0, "?", "?", "tidak-dikenal", ""))
            continue
        info = _read(path)
        free = _try_lock(handle)
        if free:
            _unlock(handle)
        handle.close()
        if free:
            try:
                young = time.time() - path.stat().st_mtime < STARTING_GRACE_SECONDS
            except OSError:
                continue
            if info is None and young:  # created an instant ago, its lock about to be taken
                found.append(Holder(0, "?", "?", "tidak-dikenal", ""))
                continue
            with contextlib.suppress(OSError):  # left by a process that died: its lock went with it
                path.unlink()
            continue
        info = info or {}
        holder = Holder(int(info.get("pid", 0) or 0), str(info.get("host", "?")), str(info.get("user", "?")),
                        str(info.get("role", "tidak-dikenal")), str(info.get("started", "")))  # fmt: skip
        if holder.pid == os.getpid() and holder.host == socket.gethostname() and not include_own_process:
            continue
        found.append(holder)
    return found


def busy_message(data: Path, found: list[Holder], action: str) -> str:
    """``action`` refused, in one Indonesian paragraph that names who holds the folder."""
    who = "; ".join(holder.describe() for holder in found)
    return (
        f"{action} ditolak: folder data {data} sedang dipakai oleh {who}. Tutup aplikasi atau tunggu perintah "
        "itu selesai, lalu ulangi. Tidak ada yang diubah."
    )
