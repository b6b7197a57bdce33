"""Crash safety: the worker is killed with SIGKILL at random moments, 200 times. After each kill the
database passes every check and every completion the worker reported as committed is there."""

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
from protokol_desktop.store.models import StepRun

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
