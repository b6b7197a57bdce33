"""Opening the office database: pragmas, schema version and the migration ladder.

Two back ends run the same models and migrations: the embedded SQLite file (the single-PC default)
and a PostgreSQL server on the office LAN (several PCs on one board). On SQLite the schema version
lives in ``PRAGMA user_version``; on PostgreSQL in a one-row table ``schema_meta``. Each step of
:data:`MIGRATIONS` takes the database from version ``n`` to ``n + 1`` inside one transaction; before
any step runs on an existing SQLite database the file is copied (SQLite's online backup) beside the
other backups, so a failed migration never costs data. A database written by a newer version of the
app is refused.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from peewee import Database, PeeweeException, PostgresqlDatabase, SqliteDatabase

from ..paths import NetworkPathError, is_network_path
from .driver import load_server_driver
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


class DatabaseReplacedError(DatabaseError):
    """The file the app opened is no longer the file at its path: a write now would be lost."""


REPLACED_MESSAGE = (
    "Berkas basis data {path} telah diganti atau dihapus oleh proses lain sejak aplikasi membukanya "
    "(misalnya pemulihan cadangan dari luar aplikasi). Aplikasi berhenti menyimpan agar tidak ada perubahan yang "
    "masuk ke berkas yang sudah dibuang. Tutup Protokol Desktop lalu buka kembali; perubahan yang belum "
    "tersimpan sejak pesan ini harus dimasukkan ulang."
)


def _identity(path: str) -> tuple[int, int] | None:
    import os

    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


class GuardedSqliteDatabase(SqliteDatabase):
    """A SQLite database that refuses to write once its file has been replaced under it.

    SQLite keeps writing to the file it opened; when that file is renamed away or deleted (a restore
    by another process, a copy in Explorer), every later commit would land in a file no one sees
    again. The file's identity (device and inode, on Windows the volume and file index) is taken
    when the connection opens and compared before every transaction and every write outside one.
    """

    replaced_handler: Callable[[str], None] | None = None
    """Called with the message each time a write is refused for it (the window shows it)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.identity: tuple[int, int] | None = None
        self.replaced = False

    def _connect(self):  # noqa: ANN202 - sqlite3.Connection
        conn = super()._connect()  # type: ignore[misc]
        if self.identity is None:
            self.identity = _identity(self.database)
        return conn

    def check_identity(self) -> None:
        """Raise :class:`DatabaseReplacedError` when the file at the path is not the one opened."""
        if self.database == ":memory:" or self.identity is None:
            return
        if not self.replaced and _identity(self.database) == self.identity:
            return
        message = REPLACED_MESSAGE.format(path=self.database)
        if not self.replaced:
            self.replaced = True
            # Closing the connection checkpoints its WAL into the file it opened and removes that WAL by
            # name: left beside the new file, its frames would be replayed into it and corrupt it.
            if not self.in_transaction() and not self.is_closed():
                with contextlib.suppress(Exception):
                    self.close()
        handler = type(self).replaced_handler
        if handler is not None:
            handler(message)
        raise DatabaseReplacedError(message)

    def begin(self, lock_type=None) -> None:  # noqa: ANN001
        self.check_identity()
        super().begin(lock_type)

    def execute_sql(self, sql, params=None):  # noqa: ANN001, ANN201
        if not self.in_transaction() and sql.lstrip()[:6].upper() not in ("SELECT", "PRAGMA"):
            self.check_identity()
        return super().execute_sql(sql, params)


DriverError = PeeweeException
"""Any failure below the services while the app runs (a server out of reach, a busy file): the window
says so and tries again, without knowing the ORM."""


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


def _v6(db: SqliteDatabase) -> None:
    """Schema 4 shipped empty in development builds: create the record tables where they are missing."""
    from .records import TABLES

    db.create_tables(TABLES, safe=True)


def _v7(db: SqliteDatabase) -> None:
    """Training data: ``request.training`` marks the requests ``demo`` made, so the window can say
    *mode latihan* and the board and register can mark them. The column is written out here as it
    was at version 7 (not taken from today's model); version 1 builds today's request table on a new
    database, so the column may already be there."""
    columns = {column.name for column in db.get_columns("request")}
    if "training" not in columns:
        kind = "INTEGER NOT NULL DEFAULT 0" if is_sqlite(db) else "BOOLEAN NOT NULL DEFAULT FALSE"
        db.execute_sql(f"ALTER TABLE request ADD COLUMN training {kind}")
    db.execute_sql("CREATE INDEX IF NOT EXISTS request_training ON request (training) WHERE training")


def _v8(db: SqliteDatabase) -> None:
    """Precedence the office can extend: its own aliases of titles, and a rank the clerk chose for a
    guest. Built from the definitions as they were at version 8, not from today's models."""
    from peewee import CharField, DateTimeField, Model

    class PrecedenceAliasV8(Model):
        alias_key = CharField(max_length=200, unique=True)
        written = CharField(max_length=200)
        meaning = CharField(max_length=300)
        created_at = DateTimeField()
        created_by = CharField(max_length=200, default="")

        class Meta:
            table_name = "precedence_alias"

    with db.bind_ctx([PrecedenceAliasV8]):
        db.create_tables([PrecedenceAliasV8], safe=True)
    # event_guest of a fresh install already has the column: version 5 creates it from the model.
    if "rank_key" not in {column.name for column in db.get_columns("event_guest")}:
        db.execute_sql("ALTER TABLE event_guest ADD COLUMN rank_key VARCHAR(40) NOT NULL DEFAULT ''")


MIGRATIONS: list[Callable[[SqliteDatabase], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8]
SCHEMA_VERSION = len(MIGRATIONS)


_anchor: dict[str, Path | None] = {"path": None}


def set_anchor_path(path: Path | None) -> None:
    """Where the audit chain's head is anchored outside the database (see services/audit.py)."""
    _anchor["path"] = path


def anchor_path() -> Path | None:
    return _anchor["path"]


def is_sqlite(db: Database) -> bool:
    return isinstance(db, SqliteDatabase)


def schema_version(db: Database) -> int:
    if is_sqlite(db):
        return int(db.execute_sql("PRAGMA user_version").fetchone()[0])
    db.execute_sql("CREATE TABLE IF NOT EXISTS schema_meta (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)")
    row = db.execute_sql("SELECT version FROM schema_meta WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def _set_schema_version(db: Database, version: int) -> None:
    if is_sqlite(db):
        db.execute_sql(f"PRAGMA user_version = {int(version)}")
    else:
        db.execute_sql(
            "INSERT INTO schema_meta (id, version) VALUES (1, %s) ON CONFLICT (id) DO UPDATE SET version = %s",
            (version, version),
        )


def _migrate(db: Database, version: int) -> None:
    for index in range(version, SCHEMA_VERSION):
        with db.atomic():
            MIGRATIONS[index](db)
            _set_schema_version(db, index + 1)


def parse_database_url(url: str) -> dict:
    """``postgresql://user[:password]@host[:port]/name`` -> connection keywords (password optional:
    libpq then takes it from PGPASSWORD or the user's pgpass file, never from our settings)."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise DatabaseError(f'Alamat basis data "{url}" tidak dikenal; gunakan postgresql://pengguna@host:5432/nama')
    name = parts.path.lstrip("/")
    if not parts.hostname or not name:
        raise DatabaseError(f'Alamat basis data "{url}" tidak lengkap (host dan nama basis data wajib)')
    keywords: dict = {"database": unquote(name), "host": parts.hostname, "port": parts.port or 5432}
    if parts.username:
        keywords["user"] = unquote(parts.username)
    if parts.password:
        keywords["password"] = unquote(parts.password)
    return keywords


def check_server(url: str, password: str | None = None) -> str:
    """Try a connection without using it; returns the server version or raises DatabaseError."""
    keywords = parse_database_url(url)
    if password:
        keywords["password"] = password
    name = keywords.pop("database")
    load_server_driver()
    probe = PostgresqlDatabase(name, connect_timeout=5, **keywords)
    try:
        probe.connect()
        return str(probe.execute_sql("SHOW server_version").fetchone()[0])
    except Exception as exc:
        raise DatabaseError(f"Tidak dapat terhubung ke {keywords.get('host')}: {exc}") from exc
    finally:
        if not probe.is_closed():
            probe.close()


def open_server_database(url: str, password: str | None = None) -> PostgresqlDatabase:
    """Connect to a PostgreSQL server and migrate it; bind the models to it."""
    keywords = parse_database_url(url)
    if password:
        keywords["password"] = password
    name = keywords.pop("database")
    load_server_driver()
    db = PostgresqlDatabase(name, connect_timeout=10, **keywords)
    try:
        db.connect()
        version = schema_version(db)
    except Exception as exc:
        if not db.is_closed():
            db.close()
        raise DatabaseError(f"Server basis data {keywords.get('host')} tidak dapat dipakai: {exc}") from exc
    if version > SCHEMA_VERSION:
        db.close()
        raise DatabaseError(
            f"Basis data di server dibuat oleh versi aplikasi yang lebih baru (skema {version}, aplikasi ini "
            f"{SCHEMA_VERSION}). Perbarui aplikasi; basis data tidak diubah."
        )
    database.initialize(db)
    _migrate(db, version)
    return db


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database with the online backup API (safe while it is open)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return target


def _peek_version(path: Path) -> int:
    """The file's schema version, read without writing to it. A process killed in the middle of a
    write leaves a hot rollback journal (or write-ahead log) that a read-only connection cannot
    recover ("attempt to write a readonly database"): then a normal connection reads it, which
    rolls the unfinished transaction back (or replays only committed pages), as any open would."""
    def read(uri: str) -> int:
        conn = sqlite3.connect(uri, uri=True)
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()

    try:
        try:
            return read(f"{path.resolve().as_uri()}?mode=ro")
        except sqlite3.OperationalError as exc:
            if "readonly" not in str(exc) or not any(Path(f"{path}{end}").exists() for end in ("-wal", "-journal")):
                raise
            return read(path.resolve().as_uri())
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
    db = GuardedSqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        db.connect()
        version = schema_version(db)
    except Exception as exc:  # peewee wraps sqlite3 errors
        db.close()
        raise DatabaseError(f"Basis data {path} tidak dapat dibuka: {exc}") from exc
    database.initialize(db)
    set_anchor_path(path.with_name(f"{path.stem}.jangkar-audit.json"))
    if version < SCHEMA_VERSION:
        if existed and version > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            folder = backup_dir or path.parent
            backup_file(path, folder / f"sebelum-migrasi-v{version}-{stamp}.sqlite3")
        _migrate(db, version)
    return db


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


def integrity_problems(db: Database, quick: bool = False) -> list[str]:
    """SQLite's own checks: ``integrity_check`` (``quick_check`` with ``quick``, as at every GUI
    start: it skips the index contents and so takes a fraction of the time) and
    ``foreign_key_check``. A PostgreSQL server keeps its own storage consistent and enforces foreign
    keys on every write, so there is nothing to check there; the app's consistency checks run on both."""
    if not is_sqlite(db):
        return []
    problems: list[str] = []
    check = "quick_check" if quick else "integrity_check"
    rows = [row[0] for row in db.execute_sql(f"PRAGMA {check}").fetchall()]
    if rows != ["ok"]:
        problems.extend(f"{check}: {row}" for row in rows)
    for table, rowid, parent, _ in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign_key_check: {table} baris {rowid} menunjuk {parent} yang tidak ada")
    return problems
