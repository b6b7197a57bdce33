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
def store(paths) -> Iterator:
    """An opened, seeded database for the Ambon office (three roles, WIT)."""
    from protokol_desktop.services.office import apply_office
    from protokol_desktop.store import open_store
    from protokol_desktop.store.db import close_database

    open_store(paths)
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
