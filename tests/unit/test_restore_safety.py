"""Nothing an office trusts to the app is lost or forged through a restore, a backup or a cut trail.

Each case as a tester re-runs it from outside: the data folder held by another process (a window, a
command) while ``restore`` is called, the app's file replaced under it, a backup edited with sqlite3,
the audit tail truncated in the database or in a backup.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from protokol_desktop.services import ServiceError, audit
from protokol_desktop.services import backup as bk
from protokol_desktop.services import requests as rs
from protokol_desktop.services.checks import run_checks
from protokol_desktop.store import folder_lock
from protokol_desktop.store.db import DatabaseReplacedError, GuardedSqliteDatabase, anchor_path
from protokol_desktop.store.models import AuditEntry, Request, database
from tests.conftest import sambutan_form
from tests.unit.test_cli import cli
from tests.unit.test_requests_workflow import KABAG, STAF

HOLDER = Path(__file__).with_name("folder_holder.py")


def _hold(data: Path, role: str) -> subprocess.Popen:
    """Another process holding ``data``, as the window or a command does."""
    holder = subprocess.Popen([sys.executable, str(HOLDER), str(data), role], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def _end(holder: subprocess.Popen, kill: bool = False) -> None:
    if kill:
        os.kill(holder.pid, signal.SIGKILL)
    else:
        holder.stdin.close()
    holder.wait()
    holder.stdout.close()
    if kill:
        holder.stdin.close()


def _requests(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = [row[0] for row in conn.execute("SELECT nomor_surat FROM request ORDER BY id")]
    conn.close()
    return rows


def _sql(path: Path, statement: str) -> None:
    """What a tester does with the sqlite3 shell."""
    with sqlite3.connect(path) as conn:
        conn.execute(statement)
    conn.close()


# -- 1. another process holds the data folder


def test_restore_is_refused_while_a_window_holds_the_data_folder(store, tmp_path):
    rs.register_request(sambutan_form(), STAF)
    snapshot = bk.backup_to(tmp_path / "cadangan.sqlite3", KABAG)
    rs.register_request(sambutan_form(nomor_surat="005/2"), STAF)
    window = _hold(store.data, "gui")
    try:
        with pytest.raises(bk.RestoreRefused, match=r"sedang dipakai oleh jendela Protokol Desktop \(proses \d+"):
            bk.restore(store, snapshot, actor=KABAG)
        assert Request.select().count() == 2  # nothing changed
        assert not list(store.backups.glob("sebelum-pulih-*"))
    finally:
        _end(window)
    bk.restore(store, snapshot, actor=KABAG)  # the window closed: now it may
    assert Request.select().count() == 1


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_lock_left_by_a_killed_process_is_stale_and_cleared(store, tmp_path):
    snapshot = bk.backup_to(tmp_path / "cadangan.sqlite3", KABAG)
    crashed = _hold(store.data, "gui")
    _end(crashed, kill=True)
    left = list((store.data / folder_lock.FOLDER).glob(f"*{folder_lock.SUFFIX}"))
    assert len(left) == 1 and json.loads(left[0].read_text())["pid"] == crashed.pid
    assert folder_lock.holders(store.data) == []  # its lock died with it: not a running app
    assert not left[0].exists()
    bk.restore(store, snapshot, actor=KABAG)


def test_cli_restore_refused_while_the_window_runs(tmp_path):
    data = tmp_path / "data"
    cli(data, "demo", "--requests", "3", "--seed", "1")
    out = tmp_path / "cadangan.sqlite3"
    cli(data, "backup", "--out", str(out))
    cli(data, "demo", "--requests", "2", "--seed", "2")
    before = _requests(data / "protokol.sqlite3")
    window = _hold(data, "gui")
    try:
        refused = cli(data, "restore", str(out), "--yes", check=False)
    finally:
        _end(window)
    assert refused.returncode == 2
    assert refused.stderr.startswith("Pemulihan ditolak: folder data") and "jendela Protokol Desktop" in refused.stderr
    assert _requests(data / "protokol.sqlite3") == before
    assert cli(data, "restore", str(out), "--yes").returncode == 0


def test_a_second_window_or_a_command_during_a_restore_is_refused(tmp_path):
    data = tmp_path / "data"
    cli(data, "check")
    restoring = _hold(data, "restore")
    try:
        during = cli(data, "sop", "list", check=False)
    finally:
        _end(restoring)
    assert during.returncode == 2 and "sedang dipulihkan" in during.stderr


def test_the_app_stops_writing_once_its_file_is_replaced(store, tmp_path):
    rs.register_request(sambutan_form(), STAF)
    told: list[str] = []
    GuardedSqliteDatabase.replaced_handler = told.append
    try:
        copy = tmp_path / "lain.sqlite3"
        shutil.copyfile(store.database, copy)
        os.replace(copy, store.database)  # what another program's restore does under the running app
        with pytest.raises(DatabaseReplacedError, match="telah diganti atau dihapus oleh proses lain"):
            rs.register_request(sambutan_form(nomor_surat="005/hilang"), STAF)
        assert told and "berhenti menyimpan" in told[0]
        assert isinstance(database.obj, GuardedSqliteDatabase) and database.obj.replaced
    finally:
        GuardedSqliteDatabase.replaced_handler = None
    assert "005/hilang" not in _requests(store.database)


# -- 2. a tampered backup


def test_an_edited_backup_is_refused_and_a_forced_restore_is_recorded(store, tmp_path):
    rs.register_request(sambutan_form(), STAF)
    snapshot = bk.backup_to(tmp_path / "cadangan.sqlite3", KABAG)
    rs.register_request(sambutan_form(nomor_surat="005/2"), STAF)
    _sql(snapshot, "UPDATE audit_entry SET actor = 'Penyusup' WHERE id = 2")
    with pytest.raises(bk.RestoreRefused, match=r"gagal pemeriksaan .*entri #2 .*telah diubah") as refused:
        bk.restore(store, snapshot, actor=KABAG)
    assert refused.value.inspection is not None and refused.value.inspection.findings
    assert Request.select().count() == 2
    with pytest.raises(ServiceError):
        bk.restore(store, snapshot, actor=KABAG, force_reason="   ")  # a blank reason is no reason
    bk.restore(store, snapshot, actor=KABAG, force_reason="Satu-satunya cadangan sesudah disk rusak")
    assert Request.select().count() == 1
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert last.action == "pemulihan" and last.actor == "Drs. Ahmad (Kabag)"
    after = json.loads(last.after)
    assert after["lolos_pemeriksaan"] is False
    assert after["alasan_dipaksa"] == "Satu-satunya cadangan sesudah disk rusak"
    assert any("entri #2" in finding for finding in after["masalah"])


def test_cli_restore_of_an_edited_backup(tmp_path):
    data = tmp_path / "data"
    cli(data, "demo", "--requests", "3", "--seed", "1")
    out = tmp_path / "cadangan.sqlite3"
    cli(data, "backup", "--out", str(out))
    _sql(out, "UPDATE audit_entry SET after = '{}' WHERE id = 5")
    before = _requests(data / "protokol.sqlite3")
    refused = cli(data, "restore", str(out), "--yes", check=False)
    assert refused.returncode == 2 and "entri #5" in refused.stderr and "tidak ada yang diubah" in refused.stderr
    no_reason = cli(data, "restore", str(out), "--yes", "--force", check=False)
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    assert _requests(data / "protokol.sqlite3") == before
    forced = cli(data, "restore", str(out), "--yes", "--force", "--reason", "uji")
    assert "meskipun gagal pemeriksaan" in forced.stdout


# -- 3. the anchored head


def test_truncating_the_audit_tail_is_reported_and_the_anchor_kept(store):
    for number in range(3):
        rs.register_request(sambutan_form(nomor_surat=f"005/{number}"), STAF)
    assert run_checks() == []
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first().id
    _sql(store.database, f"DELETE FROM audit_entry WHERE id > {last - 2}")
    problems = run_checks()
    assert any("terpotong" in p and f"#{last - 1} sampai #{last}" in p for p in problems), problems
    assert audit.anchor_at_start()  # compared at start too
    for number in range(3):  # new entries reuse the lost ids: the anchor does not follow them
        rs.register_request(sambutan_form(nomor_surat=f"005/9{number}"), STAF)
    assert any("ditulis ulang" in p and f"#{last}" in p for p in run_checks())
    assert json.loads(anchor_path().read_text())["head"]["id"] == last
    with pytest.raises(ServiceError, match="Alasan"):
        audit.reset_anchor(KABAG, " ")
    audit.reset_anchor(KABAG, "Diperiksa bersama TI; berita acara 12/2026")
    assert run_checks() == []
    reset = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert reset.action == "jangkar_audit_diatur_ulang" and json.loads(reset.before)["id"] == last


def test_cli_check_reports_a_truncated_tail(tmp_path):
    data = tmp_path / "data"
    cli(data, "demo", "--requests", "2", "--seed", "1")
    assert cli(data, "check").returncode == 0
    _sql(data / "protokol.sqlite3", "DELETE FROM audit_entry WHERE id = (SELECT MAX(id) FROM audit_entry)")
    result = cli(data, "check", check=False)
    assert result.returncode == 1 and "Jejak audit terpotong" in result.stderr


def test_a_backup_with_its_tail_cut_is_refused(store, tmp_path):
    for number in range(2):
        rs.register_request(sambutan_form(nomor_surat=f"005/{number}"), STAF)
    snapshot = bk.backup_to(tmp_path / "cadangan.sqlite3", KABAG)
    with sqlite3.connect(snapshot) as conn:
        meta = dict(conn.execute("SELECT key, value FROM backup_meta"))
        assert int(meta["head_id"]) == conn.execute("SELECT MAX(id) FROM audit_entry").fetchone()[0]
    conn.close()
    _sql(snapshot, "DELETE FROM audit_entry WHERE id = (SELECT MAX(id) FROM audit_entry)")
    inspection = bk.inspect_backup(store, snapshot)
    assert any("cadangan terpotong" in f for f in inspection.findings), inspection.findings
    # Even with the backup's own metadata rewritten, the anchor file remembers this backup's head.
    _sql(snapshot, f"UPDATE backup_meta SET value = '{int(meta['head_id']) - 1}' WHERE key = 'head_id'")
    inspection = bk.inspect_backup(store, snapshot)
    assert any("catatan pencadangan cadangan.sqlite3" in f for f in inspection.findings), inspection.findings
    with pytest.raises(bk.RestoreRefused):
        bk.restore(store, snapshot, actor=KABAG)


def test_backups_and_restores_are_audit_entries_and_reanchor(store, tmp_path):
    rs.register_request(sambutan_form(), STAF)
    snapshot = bk.backup_to(tmp_path / "cadangan.sqlite3", KABAG)
    made = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert made.action == "cadangan_dibuat" and made.actor == "Drs. Ahmad (Kabag)"
    assert json.loads(made.after)["berkas"] == str(snapshot)
    rs.register_request(sambutan_form(nomor_surat="005/2"), STAF)
    anchored = json.loads(anchor_path().read_text())
    assert anchored["head"]["id"] == AuditEntry.select().count()
    bk.restore(store, snapshot, actor=KABAG)  # an older chain, lawfully: re-anchored, not "truncated"
    restored = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert restored.action == "pemulihan"
    assert json.loads(restored.before)["entri_terakhir"]["id"] == anchored["head"]["id"]
    assert run_checks() == []
    assert json.loads(anchor_path().read_text())["head"]["hash"] == restored.hash


def test_a_restore_cut_short_after_its_swap_is_not_a_truncation(store, tmp_path):
    """Killed between the swap and the re-anchoring: the next start finishes the anchoring."""
    rs.register_request(sambutan_form(), STAF)
    snapshot = bk.backup_to(tmp_path / "cadangan.sqlite3", KABAG)
    rs.register_request(sambutan_form(nomor_surat="005/2"), STAF)
    inspection = bk.inspect_backup(store, snapshot)
    audit.mark_restoring(inspection.head)
    staged = bk._stage(store, snapshot)
    bk._swap(store, staged, None)  # and then the power went
    assert run_checks() == []
    assert audit.anchor_at_start() == []
    assert json.loads(anchor_path().read_text())["head"]["id"] == inspection.head.id


@pytest.mark.parametrize("store", ["postgres"], indirect=True)
def test_on_a_server_each_pc_anchors_the_head_it_saw_in_its_data_folder(store):
    """A server has no folder beside it here, and an anchor in one of its tables would go with the
    same DELETE that cuts the chain: each PC keeps the head it saw in its own data folder."""
    for number in range(2):
        rs.register_request(sambutan_form(nomor_surat=f"005/{number}"), STAF)
    path = anchor_path()
    assert path.parent == store.data and path.name.startswith("jangkar-audit-server-127.0.0.1-")
    assert run_checks() == []
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first().id
    AuditEntry.delete().where(AuditEntry.id == last).execute()  # what a server administrator could do
    assert any("terpotong" in problem and f"#{last}" in problem for problem in run_checks())


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_real_window_process_blocks_a_cli_restore_until_it_ends(tmp_path):
    """The tester's case as it is: the app started (here waiting at its first dialog, offscreen),
    ``restore --yes`` from a terminal. Refused; once the window's process is gone (even killed),
    the restore goes through."""
    import time

    data = tmp_path / "data"
    cli(data, "demo", "--requests", "2", "--seed", "1")
    out = tmp_path / "cadangan.sqlite3"
    cli(data, "backup", "--out", str(out))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen([sys.executable, "-m", "protokol_desktop", "--data-dir", str(data)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not any(h.role == "gui" for h in folder_lock.holders(data)):  # the window registers at start
            assert window.poll() is None and time.monotonic() < deadline, "the window did not start"
            time.sleep(0.05)
        refused = cli(data, "restore", str(out), "--yes", check=False)
        assert refused.returncode == 2 and f"proses {window.pid}" in refused.stderr
    finally:
        window.kill()
        window.wait()
    assert cli(data, "restore", str(out), "--yes").returncode == 0
