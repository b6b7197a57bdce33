"""Root fixtures: Qt offscreen, and every test on a fresh data folder with its own database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("PROTOKOL_DATA_DIR", None)


@pytest.fixture
def paths(tmp_path):
    from protokol_desktop.paths import resolve_paths

    return resolve_paths(tmp_path / "data").ensure()


@pytest.fixture
def store(request, paths) -> Iterator:
    """An opened, seeded database for the Ambon office (three roles, WIT): the SQLite file, or a
    fresh database on the test PostgreSQL server when parametrised with "postgres"."""
    from protokol_desktop.services.office import apply_office
    from protokol_desktop.store import open_store
    from protokol_desktop.store.db import close_database

    backend = getattr(request, "param", "sqlite")
    url = pg_database(request.getfixturevalue("pg_server")) if backend == "postgres" else None
    open_store(paths, database_url=url)
    apply_office("ambon")
    yield paths
    close_database()


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def sambutan_form(**overrides):
    """A complete Sambutan Walikota letter received on Monday 2026-11-23 09.00 WIT."""
    from protokol_desktop.services.requests import IntakeForm

    values = dict(
        sop_code="AMB-SAMBUTAN",
        nomor_surat="005/123/Disdikbud/2026",
        tanggal_surat=date(2026, 11, 20),
        received_at=utc(2026, 11, 23, 0, 0),
        perihal="Permohonan sambutan Walikota pada Peringatan Hari Guru Nasional",
        pengirim="Dinas Pendidikan dan Kebudayaan",
        contact_name="Ibu Lestari",
        contact_phone="0812 3456 7890",
        leader="Walikota",
        event_date=date(2026, 11, 25),
        event_time="09.00",
        event_place="Lapangan Merdeka",
        fulfilled=(0, 1, 2),
    )
    values.update(overrides)
    return IntakeForm(**values)


# ---------------------------------------------------------------------------------------------
# PostgreSQL: a real server in a temporary folder on a loopback port, for the tests that run on
# both back ends (modules with ``BOTH_BACKENDS = True``). Skipped where PostgreSQL is not installed.


def _pg_bin(name: str) -> str | None:
    import glob
    import shutil

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else shutil.which(name)


@pytest.fixture(scope="session")
def pg_server():
    import os
    import shutil
    import socket
    import subprocess
    import tempfile
    from pathlib import Path

    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL is not installed (initdb/pg_ctl not found)")
    folder = Path(tempfile.mkdtemp(prefix="protokol-pg-"))  # not under pytest's 0700 folder: see root below
    data = folder / "data"
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # PostgreSQL refuses to run as root
        if not shutil.which("runuser"):
            pytest.skip("PostgreSQL cannot run as root and runuser is missing")
        prefix = ["runuser", "-u", "nobody", "--"]
        os.chmod(folder, 0o777)
    subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"],
                   check=True, capture_output=True)  # fmt: skip
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(folder / "log"), "start"],
                   check=True, capture_output=True)  # fmt: skip
    yield {"host": "127.0.0.1", "port": port}
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


_pg_counter = iter(range(1, 1_000_000))


def pg_database(server) -> str:
    """A new empty database on the test server; returns its URL."""
    import psycopg2

    name = f"uji_{next(_pg_counter)}"
    conn = psycopg2.connect(host=server["host"], port=server["port"], user="postgres", dbname="postgres")
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name}")
    conn.close()
    return f"postgresql://postgres@{server['host']}:{server['port']}/{name}"


def pytest_generate_tests(metafunc):
    if "store" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_BACKENDS", False):
        metafunc.parametrize("store", ["sqlite", "postgres"], indirect=True)


def meet_gates(request_id: int, at: datetime) -> None:
    """Fill what the current step's gates (declared in its SOP data) ask for, as the office would
    before completing it: for a speech paraf, a version initialled by the Ketua Tim (the Kabag)."""
    from protokol_desktop.services import Actor, gates, speeches
    from protokol_desktop.services.requests import sop_of
    from protokol_desktop.store.models import Request, StepRun

    run = StepRun.get_or_none((StepRun.request == request_id) & StepRun.ended_at.is_null())
    if run is None:
        return
    step = sop_of(Request.get_by_id(request_id)).step(run.step_number)
    unmet = {problem.kind for problem in gates.missing(request_id, step)}
    if "speech_paraf" in unmet:
        version = speeches.add_version(request_id, Actor("Petugas", "Staf"), text="Teks sambutan", now=at)
        speeches.paraf(version, Actor("Ketua Tim", "Kabag"), now=at)
