"""Where Protokol Desktop keeps its things.

Everything an office owns (database, backups, attachments, settings, exports) lives under one data
folder: ``--data-dir DIR``, else ``PROTOKOL_DATA_DIR``, else a ``data`` folder beside the executable
when a ``portable.txt`` marker stands there, else the user's data folder (platformdirs; on Windows
``%LOCALAPPDATA%\\Protokol Desktop``). Read-only resources (seed SOPs, office profiles, icons,
translations) travel with the package. Nothing here touches the disk at import time.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Protokol Desktop"
ENV_DATA_DIR = "PROTOKOL_DATA_DIR"
PORTABLE_MARKER = "portable.txt"


class NetworkPathError(ValueError):
    """The data folder is on a network share, where SQLite's locking is not safe."""


def resource_dir() -> Path:
    """The folder holding ``sops/``, ``offices/``, ``icons/`` and ``translations/``."""
    package = Path(__file__).resolve().parent
    bundled = package / "resources"  # wheel install or PyInstaller bundle
    if bundled.is_dir():
        return bundled
    source = package.parent.parent / "resources"  # source checkout / editable install
    if source.is_dir():
        return source
    raise FileNotFoundError(f"Folder resources tidak ditemukan (dicari di {bundled} dan {source})")


def _executable_dir() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def is_network_path(path: Path | str) -> bool:
    """True for UNC paths (``\\\\server\\share``, ``//server/share``) and mapped network drives."""
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True
    if text.startswith("\\\\?\\UNC\\"):
        return True
    if sys.platform == "win32" and len(text) >= 2 and text[1] == ":":
        try:
            import ctypes

            DRIVE_REMOTE = 4
            return bool(ctypes.windll.kernel32.GetDriveTypeW(f"{text[0]}:\\") == DRIVE_REMOTE)  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return False
    return False


@dataclass(frozen=True)
class AppPaths:
    data: Path

    @property
    def database(self) -> Path:
        return self.data / "protokol.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backup"

    @property
    def attachments(self) -> Path:
        return self.data / "lampiran"

    @property
    def exports(self) -> Path:
        return self.data / "ekspor"

    @property
    def settings(self) -> Path:
        return self.data / "settings.ini"

    @property
    def window_state(self) -> Path:
        """The main window's size, place and maximised state on this PC (Qt's own ini format)."""
        return self.data / "window.ini"

    def ensure(self) -> AppPaths:
        if is_network_path(self.data):
            raise NetworkPathError(
                f"Folder data {self.data} berada di jaringan (network share). SQLite tidak aman di sana: "
                "pilih folder di disk lokal PC ini."
            )
        for folder in (self.data, self.backups, self.attachments, self.exports):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Pick the data folder: argument, environment, portable marker, user data folder."""
    if data_dir:
        chosen = Path(data_dir)
    elif os.environ.get(ENV_DATA_DIR):
        chosen = Path(os.environ[ENV_DATA_DIR])
    elif (_executable_dir() / PORTABLE_MARKER).exists():
        chosen = _executable_dir() / "data"
    else:
        chosen = default_data_dir()
    if is_network_path(chosen):
        raise NetworkPathError(
            f"Folder data {chosen} berada di jaringan (network share). SQLite tidak aman di sana: "
            "pilih folder di disk lokal PC ini."
        )
    return AppPaths(chosen.expanduser().absolute())
