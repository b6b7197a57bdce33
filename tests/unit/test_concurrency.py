"""Several desks on one PostgreSQL server: exactly one of two simultaneous completions wins and the
other is told who did it; two processes driving the same requests lose nothing and duplicate nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from protokol_desktop.services import Actor, ServiceError
from protokol_desktop.services import requests as rs
from protokol_desktop.services.audit import verify_chain
from protokol_desktop.services.checks import run_checks
from protokol_desktop.store.models import Request, StepRun, database
from tests.conftest import pg_database, sambutan_form

KABAG = Actor("Drs. Ahmad", "Kabag")


@pytest.fixture
def server_store(pg_server, paths):
    from protokol_desktop.services.office import apply_office
    from protokol_desktop.store import open_store
    from protokol_desktop.store.db import close_database

    url = pg_database(pg_server)
    open_store(paths, database_url=url)
    apply_office("ambon")
    yield url
    close_database()


def test_exactly_one_of_two_simultaneous_completions_wins(server_store):
    for attempt in range(20):
        request_id = rs.register_request(sambutan_form(nomor_surat=f"005/{attempt}"), Actor("Maria", "Staf"))
        rs.start_request(request_id, KABAG)
        barrier = threading.Barrier(2)
        outcomes: list[str] = []

        def desk(name: str, request_id: int = request_id, barrier: threading.Barrier = barrier,
                 outcomes: list[str] = outcomes) -> None:  # fmt: skip
            barrier.wait()
            try:
                rs.complete_step(request_id, Actor(name, "Kabag"), expected_step=1)
                outcomes.append("menang")
            except ServiceError as exc:
                outcomes.append(str(exc))
            finally:
                database.close()  # this thread's connection

        threads = [threading.Thread(target=desk, args=(n,)) for n in ("Meja A", "Meja B")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert outcomes.count("menang") == 1, outcomes
        loser = next(o for o in outcomes if o != "menang")
        assert "Meja" in loser or "komputer lain" in loser
        runs = [(r.step_number, r.round) for r in StepRun.select().where(StepRun.request == request_id)]
        assert sorted(runs) == [(1, 1), (2, 1)]
    assert verify_chain() == []


DRIVER = Path(__file__).with_name("server_driver.py")


def test_two_processes_drive_the_same_requests(server_store, tmp_path):
    for number in range(12):
        request_id = rs.register_request(sambutan_form(nomor_surat=f"005/P{number}"), Actor("Maria", "Staf"))
        rs.start_request(request_id, KABAG)
    database.close()
    seconds = "20"
    workers = [
        subprocess.Popen(
            [sys.executable, str(DRIVER), server_store, str(tmp_path / f"d{n}"), seconds, f"Meja {n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for n in (1, 2)
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
    wins = sum(int(out.split()[1]) for out, _ in outputs)
    conflicts = sum(int(out.split()[3]) for out, _ in outputs)
    assert wins > 20
    runs = Counter((r.request_id, r.step_number, r.round) for r in StepRun.select())
    assert max(runs.values()) == 1  # no step run twice in one round
    completed = StepRun.select().where(StepRun.completed_by != "").count()
    assert completed == wins  # every reported completion is there, and nothing else
    assert run_checks() == []
    assert Request.select().count() == 12
    print(f"{wins} langkah diselesaikan, {conflicts} tabrakan ditolak")


def test_migrate_to_copies_everything_and_leaves_the_file(pg_server, tmp_path):
    import hashlib

    from tests.unit.test_cli import cli

    cli(tmp_path, "demo", "--requests", "60", "--seed", "8")
    source = tmp_path / "protokol.sqlite3"
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    url = pg_database(pg_server)
    result = cli(tmp_path, "migrate-to", url)
    assert "jumlah baris sama" in result.stdout and "audit utuh" in result.stdout
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    local = json_list(cli(tmp_path, "sop", "list", "--json").stdout)
    remote = json_list(cli(tmp_path, "--database", url, "sop", "list", "--json").stdout)
    assert local == remote
    assert "berhasil" in cli(tmp_path, "--database", url, "check").stdout
    again = cli(tmp_path, "migrate-to", url, check=False)
    assert again.returncode == 2 and "sudah berisi data" in again.stderr
    # The copied server keeps working: new rows get fresh ids.
    cli(tmp_path, "--database", url, "demo", "--requests", "3", "--seed", "9")
    assert "berhasil" in cli(tmp_path, "--database", url, "check").stdout


def json_list(text: str) -> list:
    import json

    return json.loads(text)


def test_server_backup_uses_pg_dump_and_restore_is_refused(server_store, tmp_path):
    import shutil

    from protokol_desktop.services import backup

    assert backup.auto_backup(paths_of(tmp_path)) is None  # the server's backups are the server's business
    if shutil.which("pg_dump") is None:
        with pytest.raises(ServiceError, match="pg_dump"):
            backup.backup_to(tmp_path / "server.sqlite3")
    else:
        made = backup.backup_to(tmp_path / "server.sqlite3")
        assert made.suffix == ".dump" and made.read_bytes().startswith(b"PGDMP")
    with pytest.raises(ServiceError, match="pg_restore"):
        backup.restore(paths_of(tmp_path), tmp_path / "apa-saja.sqlite3")


def paths_of(folder):
    from protokol_desktop.paths import resolve_paths

    return resolve_paths(folder / "data").ensure()
