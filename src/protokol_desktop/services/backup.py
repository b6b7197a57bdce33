"""Backups: SQLite's online backup API, kept in rotation, and a restore that checks first.

Automatic backups run at start and at exit, at most once a day, into the folder the office chose
(a USB disk or a network share is fine for backups). Rotation keeps the newest backup of each of the
last 7 days, 4 weeks and 12 months that have one. Every backup carries the audit chain's head it
was made at in a ``backup_meta`` table of its own, and is an audit entry of the database it copies.

A restore refuses while any other process holds the data folder (see store/folder_lock.py): the
window, or a command, would go on writing into the file that is replaced. It then copies the file
aside, runs on that copy the same checks as ``check`` (integrity, consistency, audit chain) plus the
backup's own head, and refuses a file that fails them unless the caller gives a reason to restore it
anyway, which the restore's audit entry records. It sets the current database aside, swaps the
checked copy in, re-opens it, records itself and re-anchors the chain.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from peewee import SqliteDatabase

from .. import __version__
from ..paths import AppPaths
from ..store import folder_lock
from ..store.db import SCHEMA_VERSION, close_database, open_database
from ..store.models import Setting, database
from . import Actor, ServiceError, audit, library, office

BACKUP_DIR_KEY = "backup_dir"
PREFIX = "protokol-"
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S"
REQUIRED_TABLES = {"request", "step_run", "sop_revision", "audit_entry", "history"}
META_TABLE = "backup_meta"
AUTO_ACTOR = "sistem (cadangan otomatis)"


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


def _meta(at_head: audit.Head | None) -> dict[str, str]:
    return {
        "head_id": str(at_head.id if at_head else 0),
        "head_hash": at_head.hash if at_head else "",
        "entries": str(at_head.count if at_head else 0),
        "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": str(database.obj.database),
        "app_version": __version__,
    }


def backup_to(target: Path, actor: str | Actor | None = None, record: bool = True) -> Path:
    """Copy the open database to ``target``: SQLite's online backup API (safe while in use), or
    pg_dump for a PostgreSQL server (the file then ends in .dump, its metadata in .dump.json).
    The copy carries the audit chain's head it was made at; with ``record`` the backup is an audit
    entry (written after the copy, so it is in the next backup, not in this one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not isinstance(database.obj, SqliteDatabase):
        at_head = audit.head()
        target = _server_backup(target)
        target.with_name(target.name + ".json").write_text(json.dumps(_meta(at_head), indent=1), encoding="utf-8")
    else:
        partial = target.with_name(target.name + ".sebagian")
        partial.unlink(missing_ok=True)
        conn = database.obj.connection()
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            # The head inside the copy: the backup itself says where its chain ended.
            at_head = _head_of(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file: no -wal beside it
            with dest:
                dest.execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                dest.executemany(f"INSERT OR REPLACE INTO {META_TABLE} (key, value) VALUES (?, ?)",
                                 list(_meta(at_head).items()))  # fmt: skip
        finally:
            dest.close()
        partial.replace(target)  # never leave a half-written file under the final name
    if record:
        with database.atomic():
            audit.record(actor or AUTO_ACTOR, "cadangan_dibuat", "basis_data", target.name,
                         after={"berkas": str(target), "entri_terakhir": at_head.as_dict() if at_head else None,
                                "bita": target.stat().st_size})  # fmt: skip
        audit.note_backup(target, at_head)
    return target


def _head_of(conn: sqlite3.Connection) -> audit.Head | None:
    row = conn.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    return audit.Head(int(row[0]), str(row[1]), int(conn.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0]))


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
    target = backup_to(folder / f"{PREFIX}{now.strftime(STAMP)}{SUFFIX}", AUTO_ACTOR)
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


@dataclass(frozen=True)
class Inspection:
    """What the checks found in a backup file before a restore."""

    source: Path
    problems: list[str] = field(default_factory=list)
    """The file cannot be restored at all (not a database, damaged, newer schema): never overridden."""
    findings: list[str] = field(default_factory=list)
    """Checks the file fails (consistency, audit chain, its own head): restored only with a reason."""
    head: audit.Head | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and not self.findings


@contextlib.contextmanager
def _bound_to(path: Path) -> Iterator[SqliteDatabase]:
    """Bind the models to the SQLite file ``path`` for a while (the checks read through them)."""
    previous = database.obj
    db = SqliteDatabase(str(path), pragmas={"foreign_keys": 1, "busy_timeout": 5000}, check_same_thread=False)
    db.connect()
    database.initialize(db)
    library.forget_parsed()
    office.forget_parsed()
    try:
        yield db
    finally:
        db.close()
        database.initialize(previous)
        library.forget_parsed()
        office.forget_parsed()


def _own_head_findings(copy: Path, name: str) -> list[str]:
    """The backup's chain against the head in its own metadata and the one noted when it was made."""
    findings = []
    conn = sqlite3.connect(copy)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        meta = dict(conn.execute(f"SELECT key, value FROM {META_TABLE}").fetchall()) if META_TABLE in tables else {}
        have = _head_of(conn)
        expected: list[tuple[str, int, str]] = []
        if meta.get("head_id"):
            expected.append(("metadata cadangan ini", int(meta["head_id"]), meta.get("head_hash", "")))
        try:
            noted = (audit.read_anchor() or {}).get("backups", [])
        except ServiceError:
            noted = []
        expected += [(f"catatan pencadangan {name}", int(item.get("id", 0)), str(item.get("hash", "")))
                     for item in noted if item.get("file") == name]  # fmt: skip
        for label, head_id, head_hash in expected:
            if head_id <= 0:
                continue
            row = conn.execute("SELECT hash FROM audit_entry WHERE id = ?", (head_id,)).fetchone()
            last = have.id if have else 0
            if row is None:
                findings.append(f"Jejak audit cadangan terpotong: {label} mencatat entri terakhir #{head_id}, "
                                f"berkas hanya sampai #{last}")  # fmt: skip
            elif row[0] != head_hash:
                findings.append(f"Jejak audit cadangan: entri #{head_id} tidak sama dengan {label} (ditulis ulang)")
            elif last > head_id:
                findings.append(f"Jejak audit cadangan: ada entri sesudah #{head_id} yang dicatat {label} "
                                f"(sampai #{last}); cadangan telah diubah sesudah dibuat")  # fmt: skip
    finally:
        conn.close()
    return findings


def _stage(paths: AppPaths, source: Path) -> Path:
    staged = paths.database.with_name(paths.database.name + ".pulih")
    for extra in (staged, staged.with_name(staged.name + "-wal"), staged.with_name(staged.name + "-shm")):
        extra.unlink(missing_ok=True)
    with sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True) as src, sqlite3.connect(staged) as dst:
        src.backup(dst)  # also takes in a -wal file the backup may have beside it
    src.close()
    dst.close()
    return staged


def _inspect_staged(staged: Path, source: Path) -> Inspection:
    from .checks import run_checks

    findings = _own_head_findings(staged, source.name)
    with _bound_to(staged):
        findings = run_checks(anchor=False) + findings
        at_head = audit.head()
    return Inspection(source, [], findings, at_head)


def inspect_backup(paths: AppPaths, source: Path) -> Inspection:
    """Check ``source`` as a restore would, without changing anything (the GUI asks with it)."""
    problems = check_backup_file(source)
    if problems:
        return Inspection(source, problems)
    staged = _stage(paths, source)
    try:
        return _inspect_staged(staged, source)
    finally:
        staged.unlink(missing_ok=True)


class RestoreRefused(ServiceError):
    """The restore was refused; :attr:`inspection` says what the checks found."""

    def __init__(self, message: str, inspection: Inspection | None = None) -> None:
        super().__init__(message)
        self.inspection = inspection


def refuse_if_busy(paths: AppPaths, use: folder_lock.FolderUse | None = None) -> None:
    found = folder_lock.holders(paths.data, exclude=use)
    if found:
        raise RestoreRefused(folder_lock.busy_message(paths.data, found, "Pemulihan"))


def restore(
    paths: AppPaths,
    source: Path,
    now: datetime | None = None,
    actor: str | Actor | None = None,
    force_reason: str | None = None,
) -> Path:
    """Replace the database with ``source`` after checking it. The current database is kept aside
    (its path is returned). The caller has asked the user; this function does not ask. A file that
    fails the checks is refused unless ``force_reason`` says why it is restored anyway."""
    if database.obj is not None and not isinstance(database.obj, SqliteDatabase):
        raise ServiceError(
            "Basis data ini ada di server PostgreSQL: pemulihan dilakukan di server dengan pg_restore oleh petugas TI"
        )
    refuse_if_busy(paths)
    problems = check_backup_file(source)
    if problems:
        raise RestoreRefused("; ".join(problems), Inspection(source, problems))
    force_reason = (force_reason or "").strip() or None
    actor = actor or "tidak-dikenal"
    with folder_lock.register(paths.data, "restore") as use:
        refuse_if_busy(paths, use)  # a process that started meanwhile sees this restore and waits
        staged = _stage(paths, source)
        try:
            inspection = _inspect_staged(staged, source)
            if inspection.findings and force_reason is None:
                raise RestoreRefused(
                    f"Berkas {source.name} gagal pemeriksaan ({len(inspection.findings)} masalah): "
                    + "; ".join(inspection.findings[:5]) + ". Tidak ada yang diubah.",
                    inspection,
                )
            with sqlite3.connect(staged) as conn:
                conn.execute(f"DROP TABLE IF EXISTS {META_TABLE}")
            conn.close()
            audit.mark_restoring(inspection.head)  # a crash from here on is not a truncated chain
            aside, previous = _swap(paths, staged, now)
        finally:
            staged.unlink(missing_ok=True)
        with database.atomic():
            audit.record(actor, "pemulihan", "basis_data", source.name, before=previous,
                         after={"berkas": str(source), "disimpan_di": str(aside),
                                "entri_terakhir_cadangan": inspection.head.as_dict() if inspection.head else None,
                                "lolos_pemeriksaan": not inspection.findings,
                                "masalah": inspection.findings[:50], "alasan_dipaksa": force_reason})  # fmt: skip
        audit.write_anchor(audit.head())
    return aside


def _swap(paths: AppPaths, staged: Path, now: datetime | None) -> tuple[Path, dict | None]:
    """Set the current database aside and put ``staged`` in its place. Killed at any moment, the
    path holds either the whole old database or the whole restored one."""
    now = now or datetime.now()
    current = paths.database
    aside = paths.backups / f"sebelum-pulih-{now.strftime(STAMP)}{SUFFIX}"
    paths.backups.mkdir(parents=True, exist_ok=True)
    previous = None
    if database.obj is not None and not database.obj.is_closed():
        with contextlib.suppress(Exception):  # a damaged database may not say; the aside copy keeps it
            at_head = audit.head()
            previous = {"entri_terakhir": at_head.as_dict() if at_head else None}
        backup_to(aside, record=False)
        # Everything committed is in the main file before the WAL is removed below.
        database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    elif current.exists():
        shutil.copyfile(current, aside)
    close_database()
    for extra in (current.with_name(current.name + "-wal"), current.with_name(current.name + "-shm")):
        extra.unlink(missing_ok=True)
    staged.replace(current)
    open_database(current, backup_dir=paths.backups)
    # What was parsed from the old file is keyed by the same path: read it from the restored one.
    library.forget_parsed()
    office.forget_parsed()
    return aside, previous
