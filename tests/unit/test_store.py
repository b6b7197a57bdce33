"""The store: pragmas, schema versions, migration backups, refusing what it cannot safely open."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from protokol_desktop.paths import NetworkPathError, is_network_path, resolve_paths
from protokol_desktop.store import db as store_db
from protokol_desktop.store.db import SCHEMA_VERSION, DatabaseError, close_database, open_database


def test_pragmas_and_version(tmp_path):
    db = open_database(tmp_path / "p.sqlite3")
    try:
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        close_database()


def test_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "baru.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="versi aplikasi yang lebih baru"):
        open_database(path)
    assert path.read_bytes() == before


def test_not_a_database_is_refused(tmp_path):
    path = tmp_path / "bukan.sqlite3"
    path.write_bytes(b"ini bukan basis data " * 100)
    with pytest.raises(DatabaseError):
        open_database(path)


def test_migration_copies_the_file_first(tmp_path, monkeypatch):
    path = tmp_path / "lama.sqlite3"
    open_database(path)
    close_database()
    applied = []

    def v2(db):
        applied.append(True)
        db.execute_sql("CREATE TABLE catatan_baru (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(store_db, "MIGRATIONS", [*store_db.MIGRATIONS, v2])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    db = open_database(path, backup_dir=tmp_path / "backup")
    try:
        assert applied == [True]
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    finally:
        close_database()
    copies = list((tmp_path / "backup").glob(f"sebelum-migrasi-v{SCHEMA_VERSION}-*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_failed_migration_rolls_back(tmp_path, monkeypatch):
    path = tmp_path / "gagal.sqlite3"
    open_database(path)
    close_database()

    def broken(db):
        db.execute_sql("CREATE TABLE setengah (id INTEGER PRIMARY KEY)")
        raise RuntimeError("listrik padam")

    monkeypatch.setattr(store_db, "MIGRATIONS", [*store_db.MIGRATIONS, broken])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        open_database(path, backup_dir=tmp_path / "backup")
    close_database()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'setengah'").fetchone() is None
    conn.close()


@pytest.mark.parametrize(
    ("path", "remote"),
    [
        (r"\\kantor-server\data\protokol", True),
        ("//kantor-server/data", True),
        (r"\\?\UNC\server\share", True),
        (r"C:\Users\staf\AppData\Local", False),
        ("/home/staf/.local/share", False),
    ],
)
def test_network_paths(path, remote):
    assert is_network_path(path) is remote


def test_resolve_paths_refuses_a_share():
    with pytest.raises(NetworkPathError, match="jaringan"):
        resolve_paths(r"\\server\share")


def test_portable_marker(tmp_path, monkeypatch):
    from protokol_desktop import paths

    monkeypatch.delenv("PROTOKOL_DATA_DIR", raising=False)
    monkeypatch.setattr(paths, "_executable_dir", lambda: tmp_path)
    (tmp_path / "portable.txt").write_text("")
    assert resolve_paths().data == tmp_path / "data"


def test_office_profile_files_are_named_after_their_code():
    """A start reads only the profile files whose name is not a known code (store/seed.py)."""
    import json

    from protokol_desktop.store.seed import seed_office_files

    files = seed_office_files()
    assert len(files) == 4
    for path in files:
        assert json.loads(path.read_text(encoding="utf-8"))["code"] == path.stem


def test_version_7_adds_aliases_and_guest_ranks_to_a_version_6_database(tmp_path, monkeypatch):
    path = tmp_path / "v6.sqlite3"
    with monkeypatch.context() as patch:
        patch.setattr(store_db, "MIGRATIONS", store_db.MIGRATIONS[:6])
        patch.setattr(store_db, "SCHEMA_VERSION", 6)
        db = open_database(path)
        # Version 6 as it shipped: today's model gave event_guest the new column; take it away.
        db.execute_sql("ALTER TABLE event_guest DROP COLUMN rank_key")
        assert "rank_key" not in {c.name for c in db.get_columns("event_guest")}
        assert not db.table_exists("precedence_alias")
        close_database()
    db = open_database(path, backup_dir=tmp_path / "backup")
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 7
        assert "rank_key" in {c.name for c in db.get_columns("event_guest")}
        assert {c.name for c in db.get_columns("precedence_alias")} >= {"alias_key", "written", "meaning"}
    finally:
        close_database()
    assert list((tmp_path / "backup").glob("sebelum-migrasi-v6-*.sqlite3"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_database_left_by_a_killed_writer_still_opens(tmp_path):
    """A process killed inside a transaction leaves a hot rollback journal, which a read-only
    connection cannot roll back ("attempt to write a readonly database"): the start used to call such
    a file "bukan basis data Protokol Desktop yang sah". It opens, without the unfinished rows."""
    import os
    import signal
    import subprocess

    path = tmp_path / "protokol.sqlite3"
    db = open_database(path)
    close_database()
    code = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=DELETE'); c.execute('PRAGMA cache_size=1'); c.execute('BEGIN')\n"
        "c.execute('CREATE TABLE unfinished (x BLOB)')\n"
        "for _ in range(20000): c.execute('INSERT INTO unfinished VALUES (randomblob(200))')\n"
        "print('ready', flush=True); time.sleep(60)\n"
    )
    worker = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    worker.stdout.close()
    assert Path(f"{path}-journal").exists()
    db = open_database(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "unfinished" not in db.get_tables()
    finally:
        close_database()
