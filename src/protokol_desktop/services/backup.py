"""Backups: SQLite's online backup API, kept in rotation, and a restore that checks first.

Automatic backups run at start and at exit, at most once a day, into the folder the office chose
(a USB disk or a network share is fine for backups). Rotation keeps the newest backup of each of the
last 7 days, 4 weeks and 12 months that have one. A restore checks the file (integrity, schema
version, tables), sets the current database aside, never overwrites without being told to, and
re-opens the restored one.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from ..paths import AppPaths
from ..store.db import SCHEMA_VERSION, close_database, open_database
from ..store.models import Setting, database
from . import ServiceError, library, office

BACKUP_DIR_KEY = "backup_dir"
PREFIX = "protokol-"
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S"
REQUIRED_TABLES = {"request", "step_run", "sop_revision", "audit_entry", "history"}


def backup_folder(paths: AppPaths) -> Path:
    row = Setting.get_or_none(Setting.key == BACKUP_DIR_KEY)
    return Path(row.value) if row and row.value else paths.backups


def set_backup_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with database.atomic():
        Setting.insert(key=BACKUP_DIR_KEY, value=str(folder)).on_conflict(
            conflict_target=[Setting.key], preserve=[Setting.value]
        ).execute()


def _server_backup(target: Path) -> Path:
    """A PostgreSQL server is backed up with its own tool, pg_dump (custom format, for pg_restore)."""
    import os
    import shutil
    import subprocess

    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise ServiceError(
            "pg_dump tidak ditemukan di PC ini; cadangan basis data server dibuat di server oleh petugas TI"
        )
    params = database.obj.connect_params
    env = {**os.environ}
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    target = target.with_suffix(".dump")
    partial = target.with_name(target.name + ".sebagian")
    command = [pg_dump, "-Fc", "-f", str(partial), "-h", str(params.get("host", "localhost")),
               "-p", str(params.get("port", 5432)), "-d", str(database.obj.database)]  # fmt: skip
    if params.get("user"):
        command += ["-U", str(params["user"])]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise ServiceError(f"pg_dump gagal: {result.stderr.strip()[:300]}")
    partial.replace(target)
    return target


def backup_to(target: Path) -> Path:
    """Copy the open database to ``target``: SQLite's online backup API (safe while in use), or
    pg_dump for a PostgreSQL server (the file then ends in .dump)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not isinstance(database.obj, SqliteDatabase):
        return _server_backup(target)
    partial = target.with_name(target.name + ".sebagian")
    conn = database.obj.connection()
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    partial.replace(target)  # never leave a half-written file under the final name
    return target


def _stamp_of(path: Path) -> datetime | None:
    name = path.name
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        return None
    try:
        return datetime.strptime(name[len(PREFIX) : -len(SUFFIX)], STAMP)
    except ValueError:
        return None


def backups_in(folder: Path) -> list[tuple[datetime, Path]]:
    if not folder.is_dir():
        return []
    found = [(stamp, path) for path in folder.iterdir() if (stamp := _stamp_of(path)) is not None]
    return sorted(found, reverse=True)


def to_keep(stamps: list[datetime], days: int = 7, weeks: int = 4, months: int = 12) -> set[datetime]:
    """Grandfather-father-son: the newest backup of each of the last ``days`` days, ``weeks`` ISO
    weeks and ``months`` months that have a backup."""
    keep: set[datetime] = set()
    for size, key in (
        (days, lambda s: s.date()),
        (weeks, lambda s: s.isocalendar()[:2]),
        (months, lambda s: (s.year, s.month)),
    ):
        seen: list[object] = []
        for stamp in sorted(stamps, reverse=True):
            bucket = key(stamp)
            if bucket in seen:
                continue
            if len(seen) == size:
                break
            seen.append(bucket)
            keep.add(stamp)
    return keep


def rotate(folder: Path) -> list[Path]:
    existing = backups_in(folder)
    keep = to_keep([stamp for stamp, _ in existing])
    removed = []
    for stamp, path in existing:
        if stamp not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def auto_backup(paths: AppPaths, now: datetime | None = None) -> Path | None:
    """Back up unless one was made today; then rotate. Returns the new file, or None. A server's
    backups are the server's business (pg_dump by its IT staff): nothing is done automatically."""
    if not isinstance(database.obj, SqliteDatabase):
        return None
    now = now or datetime.now()
    folder = backup_folder(paths)
    latest = backups_in(folder)
    if latest and latest[0][0].date() == now.date():
        return None
    target = backup_to(folder / f"{PREFIX}{now.strftime(STAMP)}{SUFFIX}")
    rotate(folder)
    return target


def check_backup_file(path: Path) -> list[str]:
    """Why ``path`` cannot be restored; empty when it can."""
    if not path.is_file():
        return [f"Berkas {path} tidak ada"]
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"Berkas {path.name} tidak dapat dibuka: {exc}"]
    try:
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            return [f"Berkas {path.name} bukan basis data Protokol Desktop: {exc}"]
    finally:
        conn.close()
    problems = []
    if result != "ok":
        problems.append(f"Berkas {path.name} rusak: {result}")
    if version > SCHEMA_VERSION:
        problems.append(f"Berkas {path.name} dibuat oleh versi aplikasi yang lebih baru (skema {version})")
    missing = REQUIRED_TABLES - tables if version >= 2 else {"request", "step_run"} - tables
    if missing:
        problems.append(
            f"Berkas {path.name} bukan cadangan Protokol Desktop (tabel {', '.join(sorted(missing))} tidak ada)"
        )
    return problems


def restore(paths: AppPaths, source: Path, now: datetime | None = None) -> Path:
    """Replace the database with ``source`` after checking it. The current database is kept aside
    (its path is returned). The caller has asked the user; this function does not ask."""
    if database.obj is not None and not isinstance(database.obj, SqliteDatabase):
        raise ServiceError(
            "Basis data ini ada di server PostgreSQL: pemulihan dilakukan di server dengan pg_restore oleh petugas TI"
        )
    problems = check_backup_file(source)
    if problems:
        raise ServiceError("; ".join(problems))
    now = now or datetime.now()
    current = paths.database
    aside = paths.backups / f"sebelum-pulih-{now.strftime(STAMP)}{SUFFIX}"
    paths.backups.mkdir(parents=True, exist_ok=True)
    if database.obj is not None and not database.obj.is_closed():
        backup_to(aside)
    elif current.exists():
        shutil.copyfile(current, aside)
    close_database()
    for extra in (current.with_name(current.name + "-wal"), current.with_name(current.name + "-shm")):
        extra.unlink(missing_ok=True)
    staged = current.with_name(current.name + ".pulih")
    shutil.copyfile(source, staged)
    staged.replace(current)
    open_database(current, backup_dir=paths.backups)
    # What was parsed from the old file is keyed by the same path: read it from the restored one.
    library.forget_parsed()
    office.forget_parsed()
    return aside
