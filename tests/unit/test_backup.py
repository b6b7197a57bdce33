"""Backups: online copies, rotation, and a restore that checks first and brings back its time."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from protokol_desktop.services import ServiceError
from protokol_desktop.services import backup as bk
from protokol_desktop.services import requests as rs
from protokol_desktop.services.checks import run_checks
from protokol_desktop.store.models import AuditEntry, Request
from tests.conftest import sambutan_form
from tests.unit.test_cli import cli
from tests.unit.test_requests_workflow import KABAG, STAF


def _dump(path) -> list:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, nomor_surat, status, version FROM request ORDER BY id").fetchall()
        rows += conn.execute("SELECT id, hash FROM audit_entry ORDER BY id").fetchall()
    conn.close()
    return rows


def test_restore_brings_back_exactly_the_data_of_its_time(store, tmp_path):
    first = rs.register_request(sambutan_form(), STAF)
    rs.start_request(first, KABAG)
    snapshot = bk.backup_to(tmp_path / "cadangan.sqlite3")
    expected = _dump(snapshot)
    rs.complete_step(first, KABAG)
    rs.register_request(sambutan_form(nomor_surat="005/2"), STAF)
    assert Request.select().count() == 2
    aside = bk.restore(store, snapshot)
    assert Request.select().count() == 1
    assert Request.get_by_id(first).current_step == 1
    restored = _dump(store.database)
    assert restored[:-1] == expected  # everything of the backup's time, then the restore's own entry
    assert AuditEntry.select().order_by(AuditEntry.id.desc()).first().action == "pemulihan"
    assert run_checks() == []
    assert aside.exists() and len(_dump(aside)) > len(expected)


def test_bad_file_is_refused_and_nothing_changes(store, tmp_path):
    rs.register_request(sambutan_form(), STAF)
    before = _dump(store.database)
    junk = tmp_path / "rusak.sqlite3"
    junk.write_bytes(b"bukan basis data" * 50)
    with pytest.raises(ServiceError, match="bukan basis data"):
        bk.restore(store, junk)
    other = tmp_path / "lain.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (id INTEGER)")
    conn.close()
    with pytest.raises(ServiceError, match="bukan cadangan"):
        bk.restore(store, other)
    assert _dump(store.database) == before
    assert AuditEntry.select().count() == 2


def test_auto_backup_at_most_daily_and_rotation(store):
    start = datetime(2026, 1, 1, 8, 0)
    made = [bk.auto_backup(store, start), bk.auto_backup(store, start + timedelta(hours=3))]
    assert made[0] is not None and made[1] is None
    for day in range(1, 400):
        bk.auto_backup(store, start + timedelta(days=day))
    kept = [stamp for stamp, _ in bk.backups_in(store.backups)]
    assert len(kept) <= 7 + 4 + 12
    assert kept[0].date() == (start + timedelta(days=399)).date()
    assert len({(s.year, s.month) for s in kept}) == 12


def test_retention_policy():
    # One backup a day for 60 days up to Sunday 22 November 2026.
    stamps = [datetime(2026, 11, 22) - timedelta(days=n) for n in range(60)]
    days = {datetime(2026, 11, d) for d in range(16, 23)}
    weeks = {datetime(2026, 11, 22), datetime(2026, 11, 15), datetime(2026, 11, 8), datetime(2026, 11, 1)}
    months = {datetime(2026, 11, 22), datetime(2026, 10, 31), datetime(2026, 9, 30)}
    assert bk.to_keep(stamps) == days | weeks | months


def test_cli_backup_and_restore(tmp_path):
    cli(tmp_path, "demo", "--requests", "8", "--seed", "2")
    out = tmp_path / "cadangan.sqlite3"
    cli(tmp_path, "backup", "--out", str(out))
    expected = _dump(out)
    cli(tmp_path, "demo", "--requests", "4", "--seed", "3")
    refused = cli(tmp_path, "restore", str(out), check=False)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert len(_dump(tmp_path / "protokol.sqlite3")) > len(expected)
    cli(tmp_path, "restore", str(out), "--yes")
    assert _dump(tmp_path / "protokol.sqlite3")[:-1] == expected
    assert cli(tmp_path, "check").returncode == 0


def test_a_restore_forgets_what_was_read_from_the_replaced_database(store, tmp_path):
    """Revision ids are reused after a restore: a revision saved since the backup and one saved after
    the restore can share an id, and must not share a cached SOP."""
    import dataclasses

    from protokol_desktop.services import Actor
    from protokol_desktop.services.library import get_sop, save_sop, sop_of_revision

    admin = Actor("Admin", "Admin")
    snapshot = bk.backup_to(tmp_path / "cadangan.sqlite3")
    sop = get_sop("AMB-ACARA")
    before = save_sop(dataclasses.replace(sop, name=sop.name + " (versi A)"), admin)
    assert sop_of_revision(before.id).name.endswith("(versi A)")
    bk.restore(store, snapshot)
    after = save_sop(dataclasses.replace(sop, name=sop.name + " (versi B)"), admin)
    assert after.id == before.id  # SQLite gives the next id again
    assert sop_of_revision(after.id).name.endswith("(versi B)")
