"""The local settings file (``settings.ini`` in the data folder): which database this PC uses.

Only the server address is kept here, never a password: libpq takes it from ``PGPASSWORD`` or the
user's pgpass file, or the app asks for it at start.
"""

from __future__ import annotations

import configparser
import os
from urllib.parse import urlsplit

from .paths import AppPaths

ENV_DATABASE_URL = "PROTOKOL_DATABASE_URL"


class SettingsError(ValueError):
    pass


def _read(paths: AppPaths) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    if paths.settings.exists():
        parser.read(paths.settings, encoding="utf-8")
    return parser


def database_url(paths: AppPaths, given: str | None = None) -> str | None:
    """``--database``, else PROTOKOL_DATABASE_URL, else settings.ini; None means the local SQLite file."""
    if given:
        return given
    if os.environ.get(ENV_DATABASE_URL):
        return os.environ[ENV_DATABASE_URL]
    value = _read(paths).get("database", "url", fallback="").strip()
    return value or None


def set_database_url(paths: AppPaths, url: str | None) -> None:
    """Keep the server address for this PC (``None``: back to the local SQLite file)."""
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("postgresql", "postgres") or not parts.hostname:
            raise SettingsError(f'Alamat "{url}" bukan alamat PostgreSQL (postgresql://pengguna@host:5432/nama)')
        if parts.password:
            raise SettingsError("Kata sandi tidak boleh disimpan di berkas pengaturan; hapus dari alamat")
    parser = _read(paths)
    if not parser.has_section("database"):
        parser.add_section("database")
    parser.set("database", "url", url or "")
    paths.settings.parent.mkdir(parents=True, exist_ok=True)
    with open(paths.settings, "w", encoding="utf-8") as handle:
        parser.write(handle)
