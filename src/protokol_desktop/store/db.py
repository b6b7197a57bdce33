"""Opening the office database: pragmas, schema version and the migration ladder.

The schema version lives in ``PRAGMA user_version``. Each step of :data:`MIGRATIONS` takes the
database from version ``n`` to ``n + 1`` inside one transaction; before any step runs on an existing
database the file is copied (SQLite's online backup) beside the other backups, so a failed migration
never costs data. A database written by a newer version of the app is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from ..paths import NetworkPathError, is_network_path
from .models import ALL_MODELS, AuditEntry, User, database

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": 5000,
    "cache_size": -16000,
}


class DatabaseError(RuntimeError):
    """The database cannot be used; the message says why, in Indonesian."""


def _v1(db: SqliteDatabase) -> None:
    db.create_tables([model for model in ALL_MODELS if model not in (AuditEntry, User)])


def _v2(db: SqliteDatabase) -> None:
    """The hash-chained audit trail."""
    db.create_tables([AuditEntry])


def _v3(db: SqliteDatabase) -> None:
    """User accounts with password hashes. Version 1 had an unused placeholder table: replaced."""
    db.execute_sql('DROP TABLE IF EXISTS "user"')
    db.create_tables([User])


def _v4(db: SqliteDatabase) -> None:
    """Records of guest visits, Bimtek and complaints."""
    from .records import TABLES

    db.create_tables(TABLES)


def _v5(db: SqliteDatabase) -> None:
    """The leaders' agenda, events (rundown, officers, checks), speeches and the SOP Protokol."""
    from .events import TABLES

    db.create_tables(TABLES)


MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [_v1, _v2, _v3, _v4, _v5]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database with the online backup API (safe while it is open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return target


def _peek_version(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"Berkas {path} bukan basis data Protokol Desktop yang sah: {exc}") from exc


def open_database(path: Path, backup_dir: Path | None = None) -> SqliteDatabase:
    """Open (creating if needed) and migrate the database at ``path``; bind the models to it."""
    if is_network_path(path):
        raise NetworkPathError(
            f"Basis data {path} berada di jaringan. SQLite tidak aman di network share; gunakan disk lokal."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        version = _peek_version(path)  # read-only: a refused file is left exactly as it was
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"Basis data dibuat oleh versi aplikasi yang lebih baru (skema {version}, aplikasi ini "
                f"{SCHEMA_VERSION}). Perbarui aplikasi; basis data tidak diubah."
            )
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        version = schema_version(db)
    except Exception as exc:  # peewee wraps sqlite3 errors
        db.close()
        raise DatabaseError(f"Basis data {path} tidak dapat dibuka: {exc}") from exc
    database.initialize(db)
    if version < SCHEMA_VERSION:
        if existed and version > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            folder = backup_dir or path.parent
            backup_file(path, folder / f"sebelum-migrasi-v{version}-{stamp}.sqlite3")
        for index in range(version, SCHEMA_VERSION):
            with db.atomic():
                MIGRATIONS[index](db)
                db.execute_sql(f"PRAGMA user_version = {index + 1}")
    return db


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


def integrity_problems(db: SqliteDatabase) -> list[str]:
    """SQLite's own checks: ``integrity_check`` and ``foreign_key_check``."""
    problems = []
    rows = [row[0] for row in db.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        problems.extend(f"integrity_check: {row}" for row in rows)
    for table, rowid, parent, _ in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign_key_check: {table} baris {rowid} menunjuk {parent} yang tidak ada")
    return problems
