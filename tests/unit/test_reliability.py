"""Crash safety: the worker is killed with SIGKILL at random moments, 200 times. After each kill the
database passes every check and every completion the worker reported as committed is there. The
same for a worker that backs up and restores in a loop: after each kill the database passes every
check (the audit chain against its anchor included), every request it reported committed is there,
and every backup under its final name is whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from protokol_desktop.paths import resolve_paths
from protokol_desktop.services.checks import run_checks
from protokol_desktop.store import open_store
from protokol_desktop.store.db import close_database
from protokol_desktop.store.models import Request, StepRun

KILLS = 200
WORKER = Path(__file__).with_name("kill_worker.py")


def _collect(stream, lines: list[str]) -> None:
    lines.extend(iter(stream.readline, ""))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_never_loses_a_committed_step(tmp_path):
    rng = random.Random(2026)
    data = tmp_path / "data"
    reported: dict[int, int] = {}
    total_reports = 0
    kills_mid_work = 0
    for _ in range(KILLS):
        worker = subprocess.Popen(
            [sys.executable, str(WORKER), str(data)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert worker.stdout is not None
        ready = worker.stdout.readline()
        assert ready.strip() == "ready", ready
        lines: list[str] = []
        reader = threading.Thread(target=_collect, args=(worker.stdout, lines), daemon=True)
        reader.start()
        time.sleep(rng.uniform(0.0, 0.12))  # the moment of the kill is the point, not a wait for a result
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        reader.join(timeout=5)
        worker.stdout.close()
        kills_mid_work += bool(lines)
        for line in lines:
            _, request_id, count = line.split()
            reported[int(request_id)] = max(reported.get(int(request_id), 0), int(count))
            total_reports += 1
        open_store(resolve_paths(data).ensure())
        try:
            assert run_checks() == []
            for request_id, count in reported.items():
                assert StepRun.select().where(StepRun.request == request_id).count() >= count
        finally:
            close_database()
    # The kills really landed in the middle of work (how often depends on the machine's speed).
    assert kills_mid_work >= KILLS // 4 and total_reports >= KILLS // 2


BACKUP_KILLS = 40


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_backup_and_restore_never_loses_a_commit(tmp_path):
    from protokol_desktop.services.backup import backups_in, check_backup_file, inspect_backup

    rng = random.Random(16)
    data = tmp_path / "data"
    committed: set[str] = set()
    finished = {"backup": 0, "restored": 0}
    for _ in range(BACKUP_KILLS):
        worker = subprocess.Popen([sys.executable, str(WORKER), str(data), "backup-restore"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # fmt: skip
        assert worker.stdout is not None
        ready = worker.stdout.readline()
        assert ready.strip() == "ready", ready
        lines: list[str] = []
        reader = threading.Thread(target=_collect, args=(worker.stdout, lines), daemon=True)
        reader.start()
        time.sleep(rng.uniform(0.0, 0.6))  # a backup and a restore take some tenths of a second here
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        reader.join(timeout=5)
        worker.stdout.close()
        for line in lines:
            kind, value = line.split()
            if kind == "request":
                committed.add(value)
            else:
                finished[kind] += 1
        paths = resolve_paths(data).ensure()
        open_store(paths)
        try:
            assert run_checks() == []
            present = {row.nomor_surat for row in Request.select(Request.nomor_surat)}
            assert committed <= present, sorted(committed - present)
            for _, path in backups_in(paths.backups):  # only ``protokol-*`` files are rotated backups
                assert check_backup_file(path) == []
            for path in paths.backups.glob("uji-*.sqlite3"):
                assert check_backup_file(path) == [], path
            newest = max(paths.backups.glob("uji-*.sqlite3"), key=lambda p: p.stat().st_mtime, default=None)
            if newest is not None:
                assert inspect_backup(paths, newest).findings == []
        finally:
            close_database()
    assert finished["backup"] >= BACKUP_KILLS // 4 and finished["restored"] >= BACKUP_KILLS // 4
